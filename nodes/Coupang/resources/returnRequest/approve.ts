import { idValue, writeResult } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { cancelCountField, readCancelCount, receiptIdField } from './fields';
import { cancelCountOf, sendReturnAction } from './writes';

export const approve = defineOperation({
	value: 'approve',
	name: 'Approve',
	description: 'Approve a return whose receipt you confirmed (the refund goes ahead)',
	action: 'Approve a return',
	fields: [receiptIdField, cancelCountField, singleRequestOptions],
	read(parameters) {
		return { receiptId: parameters.id('receiptId', 'Receipt ID'), cancelCount: readCancelCount(parameters) };
	},
	async run(client, { receiptId, cancelCount }) {
		const count = await cancelCountOf(client, receiptId, cancelCount);
		const body = await sendReturnAction(client, receiptId, 'approval', { cancelCount: count });
		return [writeResult('approve', { receiptId: idValue(receiptId), cancelCount: count }, body)];
	},
});
