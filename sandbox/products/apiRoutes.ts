// Coupang's endpoints for products: the creation time-frame list and a product's status histories.

import { SandboxApiError } from '../errors';
import { numericId, positiveIntegerParam } from '../gateway/apiConventions';
import type { SandboxReadings } from '../gateway/readings';
import type { ApiRoute } from '../gateway/routeTable';
import { toProductHistoryJson, toProductJson } from './wireFormat';

const SELLER_PRODUCTS = '/v2/providers/seller_api/apis/api/v1/marketplace/seller-products';

function requiredParam(query: URLSearchParams, name: string, message: string): string {
	const value = query.get(name);
	if (value === null || value === '') throw new SandboxApiError(400, message);
	return value;
}

const productsByTimeFrame: ApiRoute = {
	name: 'products by time frame',
	method: 'GET',
	pattern: new RegExp(`^${SELLER_PRODUCTS}/time-frame$`),
	handle(request) {
		const { query, store } = request;
		const vendorId = requiredParam(query, 'vendorId', 'vendorId is required.');
		const createdAtFrom = requiredParam(query, 'createdAtFrom', 'createdAtFrom is required (yyyy-MM-ddTHH:mm:ss).');
		const createdAtTo = requiredParam(query, 'createdAtTo', 'createdAtTo is required (yyyy-MM-ddTHH:mm:ss).');
		const products = store.products.queryByTimeFrame(request.vendorId, vendorId, createdAtFrom, createdAtTo, request.readings);
		return { status: 200, body: { code: 'SUCCESS', message: '', data: products.map((product) => toProductJson(product)) } };
	},
};

/** `maxPerPage` (default 10); its maximum is not documented: none, or the historyMaxPerPage reading's. */
function historyPageSize(query: URLSearchParams, readings: SandboxReadings): number {
	const max = readings.historyMaxPerPage;
	const requested = positiveIntegerParam(query, 'maxPerPage', 10, max !== null && readings.historyOverMax === 'reject' ? max : 1_000_000_000);
	return max === null ? requested : Math.min(requested, max);
}

/** Pages by `nextToken` (the page number; "" or "1" is the first page, "" after the last). */
const productHistories: ApiRoute = {
	name: 'product status histories',
	method: 'GET',
	pattern: new RegExp(`^${SELLER_PRODUCTS}/([^/]+)/histories$`),
	handle(request) {
		const { query, store } = request;
		const sellerProductId = numericId(request.params[0], 'sellerProductId');
		const page = positiveIntegerParam(query, 'nextToken', 1, 1_000_000_000);
		const maxPerPage = historyPageSize(request.query, request.readings);
		const histories = store.products.historiesFor(request.vendorId, sellerProductId);
		const start = (page - 1) * maxPerPage;
		const data = histories.slice(start, start + maxPerPage).map((entry) => toProductHistoryJson(entry));
		const nextToken = start + maxPerPage < histories.length ? String(page + 1) : '';
		return { status: 200, body: { code: '200', message: '', nextToken, data } };
	},
};

export const PRODUCT_API_ROUTES: readonly ApiRoute[] = [productsByTimeFrame, productHistories];
