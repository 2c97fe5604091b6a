// Every domain registers its routes here. API routes are matched in this order; control routes by exact
// method and path. (A domain's data is a part of SandboxStore, store.ts.)

import type { ApiRoute } from './gateway/routeTable';
import { INQUIRY_API_ROUTES } from './inquiries/apiRoutes';
import { PRODUCT_API_ROUTES } from './products/apiRoutes';

export const API_ROUTES: readonly ApiRoute[] = [...INQUIRY_API_ROUTES, ...PRODUCT_API_ROUTES];
