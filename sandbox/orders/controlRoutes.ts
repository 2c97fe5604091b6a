// Control routes for orders: add some (POST) or dump all (GET); and the readings switches of the order, claim
// and product item endpoints (GET, POST some, DELETE = defaults).

import type { ControlRoute } from '../gateway/routeTable';
import type { AddOrdersInput } from './orderStore';
import { collectionControlRoutes } from './routing';
import { toOrderDump } from './wireFormat';

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
	...collectionControlRoutes<AddOrdersInput>(
		'/__sandbox/orders',
		{ count: 'number', orderedAt: 'string', status: 'string', itemCount: 'number', boxCount: 'number', vendorId: 'string' },
		(state, input) => state.store.orders.add(input).map(toOrderDump),
		(state) => state.store.orders.all.map(toOrderDump),
	),
	...readingRoutes,
];
