import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { receiptIdField } from './fields';
import { getReturn } from './list';
import { simplifyReturnRequest } from './simplify';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Get one return request by its receipt ID (Coupang does not serve cancellation receipts here)',
	action: 'Get a return request',
	fields: [receiptIdField, singleRequestOptions],
	read(parameters) {
		return { receiptId: parameters.id('receiptId', 'Receipt ID') };
	},
	async run(client, { receiptId }) {
		return await getReturn(client, receiptId);
	},
	simplify: simplifyReturnRequest,
});
