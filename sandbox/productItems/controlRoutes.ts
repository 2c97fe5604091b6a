// Control routes for product items: add one product's options (POST) or dump all (GET).

import type { ControlRoute } from '../gateway/routeTable';
import { collectionControlRoutes } from '../orders/routing';
import type { AddProductItemsInput } from './productItemStore';
import { toProductItemDump } from './wireFormat';

export const PRODUCT_ITEM_CONTROL_ROUTES: readonly ControlRoute[] = collectionControlRoutes<AddProductItemsInput>(
	'/__sandbox/product-items',
	{ count: 'number', salePrice: 'number', amountInStock: 'number', onSale: 'boolean', vendorId: 'string' },
	(state, input) => state.store.productItems.add(input).map(toProductItemDump),
	(state) => state.store.productItems.all.map(toProductItemDump),
);
