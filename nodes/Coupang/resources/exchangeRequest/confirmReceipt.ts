import { idValue, writeResult } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { exchangeIdField, sendExchangeAction } from './fields';

export const confirmReceipt = defineOperation({
	value: 'confirmReceipt',
	name: 'Confirm Receipt',
	description: 'Accept an exchange request: Coupang adds the re-delivery box the exchange waybill goes on',
	action: 'Confirm receipt of an exchange request',
	fields: [exchangeIdField, singleRequestOptions],
	read(parameters) {
		return { exchangeId: parameters.id('exchangeId', 'Exchange ID') };
	},
	async run(client, { exchangeId }) {
		const body = await sendExchangeAction(client, exchangeId, 'receiveConfirmation');
		return [writeResult('confirmReceipt', { exchangeId: idValue(exchangeId) }, body)];
	},
});
