// Control routes for exchange requests: add some at a stage (POST) or dump all as the list shows them now (GET).

import type { ControlRoute } from '../gateway/routeTable';
import { collectionControlRoutes } from '../orders/routing';
import type { AddExchangesInput } from './exchangeStore';
import { toExchangeDump } from './wireFormat';

export const EXCHANGE_CONTROL_ROUTES: readonly ControlRoute[] = collectionControlRoutes<AddExchangesInput>(
	'/__sandbox/exchanges',
	{ count: 'number', stage: 'string', createdAt: 'string', shipmentBoxId: 'number', vendorId: 'string' },
	(state, input) => state.store.exchanges.add(input).map((exchange) => toExchangeDump(exchange, state.store.now())),
	(state) => state.store.exchanges.all.map((exchange) => toExchangeDump(exchange, state.store.now())),
);
