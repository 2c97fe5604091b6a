import type { IDataObject } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { simplifyOrder } from '../simplified';
import { shipmentBoxIdField } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Get one order box by its shipment box ID, whatever its status',
	action: 'Get an order by shipment box ID',
	fields: [shipmentBoxIdField, singleRequestOptions],
	read(parameters) {
		return { shipmentBoxId: parameters.id('shipmentBoxId', 'Shipment Box ID') };
	},
	async run(client, { shipmentBoxId }) {
		const body = await client.request({ method: 'GET', path: PATHS.orderSheet(client.vendorId, shipmentBoxId) });
		const record = body.data;
		if (typeof record !== 'object' || record === null || Array.isArray(record)) throw client.unexpectedAnswer('has no order at data', body);
		return [record as IDataObject];
	},
	simplify: simplifyOrder,
});
