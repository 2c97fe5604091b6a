// Control routes for products: add some (POST) or dump all with their histories, newest first (GET).

import { optionalBoolean, optionalNumber, optionalString } from '../gateway/controlFields';
import type { ControlRoute } from '../gateway/routeTable';
import type { Product } from './model';
import { toProductHistoryJson, toProductJson } from './wireFormat';

function productDump(product: Product): Record<string, unknown> {
	return { ...toProductJson(product), histories: product.histories.slice().reverse().map((entry) => toProductHistoryJson(entry)) };
}

const addProducts: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/products',
	handle({ body, state }) {
		const created = state.store.products.add({
			count: optionalNumber(body.count, 'count'),
			createdAt: optionalString(body.createdAt, 'createdAt'),
			longHistory: optionalBoolean(body.longHistory, 'longHistory'),
			vendorId: optionalString(body.vendorId, 'vendorId'),
		});
		return { created: created.map((product) => toProductJson(product)) };
	},
};

export const PRODUCT_CONTROL_ROUTES: readonly ControlRoute[] = [
	addProducts,
	{ method: 'GET', path: '/__sandbox/products', handle: ({ state }) => state.store.products.all.map(productDump) },
];
