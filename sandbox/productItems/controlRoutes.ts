// Control routes for product items: add one product's options (POST) or dump all (GET).

import { optionalBoolean, optionalNumber, optionalString } from '../gateway/controlFields';
import type { ControlRoute } from '../gateway/routeTable';
import { toProductItemDump } from './wireFormat';

const addProductItems: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/product-items',
	handle({ body, state }) {
		const created = state.store.productItems.add({
			count: optionalNumber(body.count, 'count'),
			salePrice: optionalNumber(body.salePrice, 'salePrice'),
			amountInStock: optionalNumber(body.amountInStock, 'amountInStock'),
			onSale: optionalBoolean(body.onSale, 'onSale'),
			vendorId: optionalString(body.vendorId, 'vendorId'),
		});
		return { created: created.map(toProductItemDump) };
	},
};

export const PRODUCT_ITEM_CONTROL_ROUTES: readonly ControlRoute[] = [
	addProductItems,
	{ method: 'GET', path: '/__sandbox/product-items', handle: ({ state }) => state.store.productItems.all.map(toProductItemDump) },
];
