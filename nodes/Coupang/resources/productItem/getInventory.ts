import type { IDataObject } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { vendorItemIdField } from './fields';

/** The inventory flat as Coupang sends it, the option under the name the node uses (Coupang: sellerItemId). */
function simplifyInventory(record: IDataObject): IDataObject {
	return { vendorItemId: record.sellerItemId ?? record.vendorItemId ?? null, amountInStock: record.amountInStock, salePrice: record.salePrice, onSale: record.onSale };
}

export const getInventory = defineOperation({
	value: 'getInventory',
	name: 'Get Inventory',
	description: "An option's stock, sale price and whether it is on sale",
	action: 'Get the inventory of a product option',
	fields: [vendorItemIdField, singleRequestOptions],
	read(parameters) {
		return { vendorItemId: parameters.id('vendorItemId', 'Option ID') };
	},
	async run(client, { vendorItemId }) {
		const body = await client.request({ method: 'GET', path: PATHS.vendorItemInventory(vendorItemId) });
		const data = body.data;
		if (typeof data !== 'object' || data === null || Array.isArray(data)) throw client.unexpectedAnswer('has no inventory at data', body);
		return [data as IDataObject];
	},
	simplify: simplifyInventory,
});
