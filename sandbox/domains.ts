// Every domain registers its routes here: API routes (matched in this order) and control routes. A domain's
// data is a part of SandboxStore (store.ts).

import { EXCHANGE_API_ROUTES } from './exchanges/apiRoutes';
import { EXCHANGE_CONTROL_ROUTES } from './exchanges/controlRoutes';
import type { ApiRoute, ControlRoute } from './gateway/routeTable';
import { INQUIRY_API_ROUTES } from './inquiries/apiRoutes';
import { INQUIRY_CONTROL_ROUTES } from './inquiries/controlRoutes';
import { ORDER_API_ROUTES } from './orders/apiRoutes';
import { ORDER_CONTROL_ROUTES } from './orders/controlRoutes';
import { PRODUCT_ITEM_API_ROUTES } from './productItems/apiRoutes';
import { PRODUCT_ITEM_CONTROL_ROUTES } from './productItems/controlRoutes';
import { PRODUCT_API_ROUTES } from './products/apiRoutes';
import { PRODUCT_CONTROL_ROUTES } from './products/controlRoutes';
import { RETURN_API_ROUTES } from './returns/apiRoutes';
import { RETURN_CONTROL_ROUTES } from './returns/controlRoutes';

export const API_ROUTES: readonly ApiRoute[] = [
	...INQUIRY_API_ROUTES,
	...PRODUCT_API_ROUTES,
	...ORDER_API_ROUTES,
	...RETURN_API_ROUTES,
	...EXCHANGE_API_ROUTES,
	...PRODUCT_ITEM_API_ROUTES,
];

export const DOMAIN_CONTROL_ROUTES: readonly ControlRoute[] = [
	...INQUIRY_CONTROL_ROUTES,
	...PRODUCT_CONTROL_ROUTES,
	...ORDER_CONTROL_ROUTES,
	...RETURN_CONTROL_ROUTES,
	...EXCHANGE_CONTROL_ROUTES,
	...PRODUCT_ITEM_CONTROL_ROUTES,
];
