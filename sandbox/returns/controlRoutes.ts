// Control routes for return and cancellation receipts: add some (POST) or dump all, newest first (GET).

import type { ControlRoute } from '../gateway/routeTable';
import { collectionControlRoutes } from '../orders/routing';
import type { AddReturnsInput } from './returnStore';
import { toReturnDump } from './wireFormat';

export const RETURN_CONTROL_ROUTES: readonly ControlRoute[] = collectionControlRoutes<AddReturnsInput>(
	'/__sandbox/returns',
	{ count: 'number', receiptStatus: 'string', receiptType: 'string', createdAt: 'string', shipmentBoxId: 'number', quickRefund: 'boolean', vendorId: 'string' },
	(state, input) => state.store.returns.add(input).map(toReturnDump),
	(state) => state.store.returns.all.map(toReturnDump),
);
