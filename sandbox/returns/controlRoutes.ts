// Control routes for return and cancellation receipts: add some (POST) or dump all, newest first (GET).

import { optionalBoolean, optionalNumber, optionalString } from '../gateway/controlFields';
import type { ControlRoute } from '../gateway/routeTable';
import { toReturnDump } from './wireFormat';

const addReturns: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/returns',
	handle({ body, state }) {
		const created = state.store.returns.add({
			count: optionalNumber(body.count, 'count'),
			receiptStatus: optionalString(body.receiptStatus, 'receiptStatus'),
			receiptType: optionalString(body.receiptType, 'receiptType'),
			createdAt: optionalString(body.createdAt, 'createdAt'),
			shipmentBoxId: optionalNumber(body.shipmentBoxId, 'shipmentBoxId'),
			quickRefund: optionalBoolean(body.quickRefund, 'quickRefund'),
			vendorId: optionalString(body.vendorId, 'vendorId'),
		});
		return { created: created.map(toReturnDump) };
	},
};

export const RETURN_CONTROL_ROUTES: readonly ControlRoute[] = [
	addReturns,
	{ method: 'GET', path: '/__sandbox/returns', handle: ({ state }) => state.store.returns.all.map(toReturnDump) },
];
