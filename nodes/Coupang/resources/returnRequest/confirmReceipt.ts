import { idValue, writeResult } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { receiptIdField } from './fields';
import { sendReturnAction } from './writes';

export const confirmReceipt = defineOperation({
	value: 'confirmReceipt',
	name: 'Confirm Receipt',
	description: 'Confirm that the returned goods arrived (Return Requested); quick-refund returns complete at once',
	action: 'Confirm receipt of a return',
	fields: [receiptIdField, singleRequestOptions],
	read(parameters) {
		return { receiptId: parameters.id('receiptId', 'Receipt ID') };
	},
	async run(client, { receiptId }) {
		const body = await sendReturnAction(client, receiptId, 'receiveConfirmation');
		return [writeResult('confirmReceipt', { receiptId: idValue(receiptId) }, body)];
	},
});
