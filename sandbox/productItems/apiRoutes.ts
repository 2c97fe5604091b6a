// Coupang's product item endpoints (seller_api v1 vendor-items): inventory, price, quantity, stop and resume sales.
// PUT only, as every source shows them.

import { numericId } from '../gateway/apiConventions';
import type { ApiResult, ApiRoute } from '../gateway/routeTable';
import { toProductItemInventoryJson } from './wireFormat';

const VENDOR_ITEMS = '/v2/providers/seller_api/apis/api/v1/marketplace/vendor-items';

function success(message: string, withData: boolean): ApiResult {
	return { status: 200, body: withData ? { code: 'SUCCESS', message, data: null } : { code: 'SUCCESS', message } };
}

const inventory: ApiRoute = {
	name: 'product item inventory',
	method: 'GET',
	pattern: new RegExp(`^${VENDOR_ITEMS}/([^/]+)/inventories$`),
	handle(request) {
		const item = request.store.productItems.getFor(request.vendorId, numericId(request.params[0], 'vendorItemId'), 'inventory');
		return { status: 200, body: { code: 'SUCCESS', message: '', data: toProductItemInventoryJson(item) } };
	},
};

const price: ApiRoute = {
	name: 'product item price',
	method: 'PUT',
	pattern: new RegExp(`^${VENDOR_ITEMS}/([^/]+)/prices/([^/]+)$`),
	handle(request) {
		const force = (request.query.get('forceSalePriceUpdate') ?? '').toLowerCase() === 'true';
		request.store.productItems.updatePrice(request.vendorId, numericId(request.params[0], 'vendorItemId'), request.params[1], force);
		return success('가격 변경을 완료했습니다.', true);
	},
};

const quantity: ApiRoute = {
	name: 'product item quantity',
	method: 'PUT',
	pattern: new RegExp(`^${VENDOR_ITEMS}/([^/]+)/quantities/([^/]+)$`),
	handle(request) {
		request.store.productItems.updateQuantity(request.vendorId, numericId(request.params[0], 'vendorItemId'), request.params[1]);
		return success('재고 변경을 완료했습니다.', false);
	},
};

function saleRoute(action: 'stop' | 'resume'): ApiRoute {
	return {
		name: `product item sales ${action}`,
		method: 'PUT',
		pattern: new RegExp(`^${VENDOR_ITEMS}/([^/]+)/sales/${action}$`),
		handle(request) {
			request.store.productItems.setOnSale(request.vendorId, numericId(request.params[0], 'vendorItemId'), action === 'resume');
			return success(action === 'stop' ? '판매 중지 처리되었습니다.' : '판매가 재개되었습니다.', false);
		},
	};
}

export const PRODUCT_ITEM_API_ROUTES: readonly ApiRoute[] = [inventory, price, quantity, saleRoute('stop'), saleRoute('resume')];
