// Every domain registers its routes here: API routes (matched in this order) and control routes. A domain's
// data is a part of SandboxStore (store.ts).

import type { ApiRoute, ControlRoute } from './gateway/routeTable';
import { INQUIRY_API_ROUTES } from './inquiries/apiRoutes';
import { INQUIRY_CONTROL_ROUTES } from './inquiries/controlRoutes';
import { PRODUCT_API_ROUTES } from './products/apiRoutes';
import { PRODUCT_CONTROL_ROUTES } from './products/controlRoutes';

export const API_ROUTES: readonly ApiRoute[] = [...INQUIRY_API_ROUTES, ...PRODUCT_API_ROUTES];

export const DOMAIN_CONTROL_ROUTES: readonly ControlRoute[] = [...INQUIRY_CONTROL_ROUTES, ...PRODUCT_CONTROL_ROUTES];
