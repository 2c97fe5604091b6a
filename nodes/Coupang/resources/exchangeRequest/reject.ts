import { checkOneOf } from '../../core/input';
import { checkedWriteResult, idValue } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { exchangeIdField, sendExchangeAction } from './fields';

/** The two reasons Coupang accepts (fact sheet 10.3: "SOLDOUT | WITHDRAW only"). */
const REJECT_CODES = ['SOLDOUT', 'WITHDRAW'] as const;

export const reject = defineOperation({
	value: 'reject',
	name: 'Reject',
	description: 'Refuse an exchange request: the exchange item is sold out, or the customer withdrew',
	action: 'Reject an exchange request',
	fields: [
		exchangeIdField,
		{
			displayName: 'Reason',
			name: 'exchangeRejectCode',
			type: 'options',
			options: [
				{ name: 'Customer Withdrew (WITHDRAW)', value: 'WITHDRAW', description: 'The customer no longer wants the exchange' },
				{ name: 'Exchange Item Sold Out (SOLDOUT)', value: 'SOLDOUT', description: 'You cannot send the exchange item' },
			],
			default: 'SOLDOUT',
			description: 'Why you reject it: Coupang accepts only these two reasons',
		},
		singleRequestOptions,
	],
	read(parameters) {
		return {
			exchangeId: parameters.id('exchangeId', 'Exchange ID'),
			exchangeRejectCode: checkOneOf(parameters.raw('exchangeRejectCode'), 'Reason', REJECT_CODES),
		};
	},
	async run(client, { exchangeId, exchangeRejectCode }) {
		const body = await sendExchangeAction(client, exchangeId, 'rejection', { exchangeRejectCode });
		return [checkedWriteResult(client, 'reject', { exchangeId: idValue(exchangeId), exchangeRejectCode }, body)];
	},
});
