/** Fields of the Return / Cancel Request operations and the New Return/Cancel Request trigger event. */
import type { INodeProperties } from 'n8n-workflow';

import { checkOneOf, checkWholeNumber, isBlank } from '../../core/input';
import type { Parameters } from '../parameters';
import { CANCEL_TYPE_OPTIONS, type CancelType, RETURN_STATUS_OPTIONS, type ReturnQuery, type ReturnStatus } from './list';

export const receiptIdField: INodeProperties = {
	displayName: 'Receipt ID',
	name: 'receiptId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '365937',
	description: 'The return receipt (receiptId from Get Many or the trigger)',
};

export function returnFilterFields(defaultStatus: ReturnStatus): INodeProperties[] {
	return [
		{
			displayName: 'Cancel Type',
			name: 'cancelType',
			type: 'options',
			options: CANCEL_TYPE_OPTIONS,
			default: 'RETURN',
			description: 'Returns (with stop-shipment requests) or cancellations made before shipping',
		},
		{
			displayName: 'Status',
			name: 'returnStatus',
			type: 'options',
			options: RETURN_STATUS_OPTIONS,
			default: defaultStatus,
			description: 'Which returns, by their status (receiptStatus); each receipt is listed under its own status only',
			displayOptions: { show: { cancelType: ['RETURN'] } },
		},
	];
}

/** Cancel Type and, for returns, Status, checked (an expression could give anything). */
export function readReturnQuery(parameters: Parameters): ReturnQuery {
	const cancelType = checkOneOf<CancelType>(parameters.raw('cancelType', 'RETURN'), 'Cancel Type', ['RETURN', 'CANCEL']);
	if (cancelType === 'CANCEL') return { cancelType };
	const statuses = RETURN_STATUS_OPTIONS.map((option) => option.value as ReturnStatus);
	return { cancelType, status: checkOneOf(parameters.raw('returnStatus', 'RETURNS_UNCHECKED'), 'Status', statuses) };
}

export const cancelCountField: INodeProperties = {
	displayName: 'Cancel Count',
	name: 'cancelCount',
	type: 'string',
	default: '',
	placeholder: '2',
	description:
		"The receipt's total quantity, which Coupang requires (e.g. 2 of one item and 3 of another: 5). Leave empty to read it from the receipt first (one more request).",
};

/** Cancel Count: a whole number of at least 1, or undefined to read it from the receipt. */
export function readCancelCount(parameters: Parameters): number | undefined {
	const value = parameters.raw('cancelCount', '');
	return isBlank(value) || String(value).trim() === '' ? undefined : checkWholeNumber(value, 'Cancel Count', 1);
}
