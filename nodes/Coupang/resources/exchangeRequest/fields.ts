/** Fields of the Exchange Request operations and the New Exchange Request trigger event. */
import type { INodeProperties } from 'n8n-workflow';

import { type ExchangeAction, PATHS } from '../../core/coupangFacts';
import { checkOneOf } from '../../core/input';
import type { CoupangClient } from '../../transport/client';
import { idValue } from '../answers';
import type { Parameters } from '../parameters';
import { EXCHANGE_STATUS_OPTIONS, EXCHANGE_STATUSES, type ExchangeStatus } from './list';

export const exchangeIdField: INodeProperties = {
	displayName: 'Exchange ID',
	name: 'exchangeId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '100000070',
	description: 'The exchange request (exchangeId from Get Many or the trigger)',
};

export function exchangeStatusField(defaultStatus: ExchangeStatus): INodeProperties {
	return {
		displayName: 'Status',
		name: 'exchangeStatus',
		type: 'options',
		options: EXCHANGE_STATUS_OPTIONS,
		default: defaultStatus,
		description: 'Which exchange requests, by their status (exchangeStatus)',
	};
}

export function readExchangeStatus(parameters: Parameters): ExchangeStatus {
	return checkOneOf(parameters.raw('exchangeStatus', 'ALL'), 'Status', EXCHANGE_STATUSES);
}

/**
 * A state change of an exchange request (fact sheet 10.2-10.4): PUT where the pages show "PATCH PUT" (1.3); the body
 * has the exchange ID (a JSON number, a digit string only beyond 2^53) and the seller's vendorId. The waybill is a
 * POST of an array (see uploadInvoice.ts).
 */
export async function sendExchangeAction(client: CoupangClient, exchangeId: string, action: Exclude<ExchangeAction, 'invoices'>, fields: Record<string, string> = {}) {
	return await client.request({
		method: 'PUT',
		path: PATHS.exchangeRequestAction(client.vendorId, exchangeId, action),
		body: { exchangeId: idValue(exchangeId), vendorId: client.vendorId, ...fields },
		write: true,
	});
}
