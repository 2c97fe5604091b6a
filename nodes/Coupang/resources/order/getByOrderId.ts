import type { IDataObject } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { simplifyOrder } from '../simplified';
import { orderIdField } from './fields';

export const getByOrderId = defineOperation({
	value: 'getByOrderId',
	name: 'Get by Order ID',
	description: "Get an order's shipment boxes, whatever their status: one item per box",
	action: 'Get an order by order ID',
	fields: [orderIdField, singleRequestOptions],
	read(parameters) {
		return { orderId: parameters.id('orderId', 'Order ID') };
	},
	async run(client, { orderId }) {
		const body = await client.request({ method: 'GET', path: PATHS.orderSheetsOfOrder(client.vendorId, orderId) });
		// `data` is one record in Coupang's 2019 docs and an array of the order's boxes in clients of the current API
		// (fact sheet 4.2): both give one item per box.
		const { data } = body;
		const records = Array.isArray(data) ? data : data === undefined || data === null ? [] : [data];
		if (records.some((record) => typeof record !== 'object' || record === null || Array.isArray(record))) {
			throw client.unexpectedAnswer('has no order at data', body);
		}
		return records as IDataObject[];
	},
	simplify: simplifyOrder,
});
