// Control routes for orders: add some (POST) or dump all (GET); and the readings switches of the order, claim
// and product item endpoints (GET, POST some, DELETE = defaults).

import { optionalNumber, optionalString } from '../gateway/controlFields';
import type { ControlRoute } from '../gateway/routeTable';
import { toOrderDump } from './wireFormat';

const addOrders: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/orders',
	handle({ body, state }) {
		const created = state.store.orders.add({
			count: optionalNumber(body.count, 'count'),
			orderedAt: optionalString(body.orderedAt, 'orderedAt'),
			status: optionalString(body.status, 'status'),
			itemCount: optionalNumber(body.itemCount, 'itemCount'),
			boxCount: optionalNumber(body.boxCount, 'boxCount'),
			vendorId: optionalString(body.vendorId, 'vendorId'),
		});
		return { created: created.map(toOrderDump) };
	},
};

const readingRoutes: ControlRoute[] = [
	{ method: 'GET', path: '/__sandbox/order-readings', handle: ({ state }) => state.store.orderReadings.values },
	{ method: 'POST', path: '/__sandbox/order-readings', handle: ({ body, state }) => state.store.orderReadings.set(body) },
	{
		method: 'DELETE',
		path: '/__sandbox/order-readings',
		handle({ state }) {
			state.store.orderReadings.reset();
			return state.store.orderReadings.values;
		},
	},
];

export const ORDER_CONTROL_ROUTES: readonly ControlRoute[] = [
	addOrders,
	{ method: 'GET', path: '/__sandbox/orders', handle: ({ state }) => state.store.orders.all.map(toOrderDump) },
	...readingRoutes,
];
