// Control routes for exchange requests: add some at a stage (POST) or dump all (GET).

import { optionalNumber, optionalString } from '../gateway/controlFields';
import type { ControlRoute } from '../gateway/routeTable';
import { toExchangeDump } from './wireFormat';

const addExchanges: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/exchanges',
	handle({ body, state }) {
		const created = state.store.exchanges.add({
			count: optionalNumber(body.count, 'count'),
			stage: optionalString(body.stage, 'stage'),
			createdAt: optionalString(body.createdAt, 'createdAt'),
			shipmentBoxId: optionalNumber(body.shipmentBoxId, 'shipmentBoxId'),
			vendorId: optionalString(body.vendorId, 'vendorId'),
		});
		const nowMs = state.store.now();
		return { created: created.map((exchange) => toExchangeDump(exchange, nowMs)) };
	},
};

export const EXCHANGE_CONTROL_ROUTES: readonly ControlRoute[] = [
	addExchanges,
	{ method: 'GET', path: '/__sandbox/exchanges', handle: ({ state }) => state.store.exchanges.all.map((exchange) => toExchangeDump(exchange, state.store.now())) },
];
