// Coupang's ordersheet endpoints: the PO lists (by day, by minute), single PO by shipmentBoxId and by orderId,
// the delivery history (v4, and v5 with its formats), acknowledgement and waybills (v4 only, as documented).

import { checkVendor, numericId, oneOfParam } from '../gateway/apiConventions';
import type { ApiRequest, ApiRoute } from '../gateway/routeTable';
import { DAY_MS } from '../time';
import { acknowledge } from './acknowledgement';
import { applyInvoices, readInvoiceBody, type InvoiceMode } from './invoices';
import { ORDER_STATUSES } from './model';
import { answer, openApiVendors, putAndPatch } from './routing';
import { toOrderHistoryJson, toOrderSheetJson, type OrderWireVersion } from './wireFormat';
import { DAY_WINDOW_MESSAGE, maxPerPageParam, MINUTE_WINDOW_MESSAGE, parseCreatedWindow, requiredParam } from './window';

const VERSIONED = `/v2/providers/openapi/apis/api/(v4|v5)/vendors`;
const V4 = openApiVendors('v4');
export const MAX_ORDERS_PER_PAGE = 50;

/** The version and the checked vendor of a versioned route (params: version, vendorId, ...). */
function versionAndVendor(request: ApiRequest): OrderWireVersion {
	checkVendor(request, request.params[1], undefined);
	return request.params[0] as OrderWireVersion;
}

const listOrders: ApiRoute = {
	name: 'ordersheets list',
	method: 'GET',
	pattern: new RegExp(`^${VERSIONED}/([^/]+)/ordersheets$`),
	handle(request) {
		const version = versionAndVendor(request);
		const { query, store } = request;
		const readings = store.orderReadings.values;
		const minute = query.get('searchType') === 'timeFrame';
		requiredParam(query, 'status');
		const status = oneOfParam(query, 'status', ORDER_STATUSES);
		const window = parseCreatedWindow(
			query,
			{ grain: minute ? 'minute' : 'day', withOffset: version === 'v5', limitMs: minute ? DAY_MS : 31 * DAY_MS, tooLongMessage: minute ? MINUTE_WINDOW_MESSAGE : DAY_WINDOW_MESSAGE },
			readings,
		);
		const page = minute ? null : { nextToken: query.get('nextToken'), maxPerPage: maxPerPageParam(query, MAX_ORDERS_PER_PAGE, MAX_ORDERS_PER_PAGE, readings) };
		const { boxes, nextToken } = store.orders.list(request.vendorId, { status, window, page });
		return answer(200, 'OK', boxes.map((box) => toOrderSheetJson(box, version)), { nextToken });
	},
};

const getOrder: ApiRoute = {
	name: 'ordersheet by shipmentBoxId',
	method: 'GET',
	pattern: new RegExp(`^${VERSIONED}/([^/]+)/ordersheets/([^/]+)$`),
	handle(request) {
		const version = versionAndVendor(request);
		const box = request.store.orders.getOpenBox(request.vendorId, numericId(request.params[2], 'shipmentBoxId'));
		return answer('200', 'OK', toOrderSheetJson(box, version));
	},
};

const getOrderByOrderId: ApiRoute = {
	name: 'ordersheets by orderId',
	method: 'GET',
	pattern: new RegExp(`^${VERSIONED}/([^/]+)/([^/]+)/ordersheets$`),
	handle(request) {
		const version = versionAndVendor(request);
		const boxes = request.store.orders.boxesOfOrder(request.vendorId, numericId(request.params[2], 'orderId'));
		const records = boxes.map((box) => toOrderSheetJson(box, version));
		return answer('200', 'OK', request.store.orderReadings.values.orderByOrderIdData === 'array' ? records : records[0]);
	},
};

const orderHistory: ApiRoute = {
	name: 'ordersheet delivery history',
	method: 'GET',
	pattern: new RegExp(`^${VERSIONED}/([^/]+)/ordersheets/([^/]+)/history$`),
	handle(request) {
		const version = versionAndVendor(request);
		const box = request.store.orders.getBox(request.vendorId, numericId(request.params[2], 'shipmentBoxId'));
		const history = toOrderHistoryJson(box, version);
		const envelope = request.store.orderReadings.values.historyEnvelope;
		if (envelope === 'bare') return { status: 200, body: history };
		return answer('200', 'OK', envelope === 'array' ? [history] : history);
	},
};

const acknowledgement = putAndPatch({
	name: 'ordersheets acknowledgement',
	pattern: new RegExp(`^${V4}/([^/]+)/ordersheets/acknowledgement$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		return answer('200', 'OK', acknowledge(request.store.orders, request.vendorId, request.body, request.store.now()));
	},
});

function invoiceRoute(mode: InvoiceMode): ApiRoute {
	return {
		name: `orders ${mode === 'upload' ? 'invoices' : 'updateInvoices'}`,
		method: 'POST',
		pattern: new RegExp(`^${V4}/([^/]+)/orders/${mode === 'upload' ? 'invoices' : 'updateInvoices'}$`),
		handle(request) {
			checkVendor(request, request.params[0], undefined);
			const dtos = readInvoiceBody(request.body, request.vendorId);
			const data = applyInvoices(request.store.orders, request.vendorId, dtos, mode, request.store.now());
			// The upload example answers code "200", the update example 200 (R19).
			return answer(mode === 'upload' ? '200' : 200, 'OK', data);
		},
	};
}

export const ORDER_API_ROUTES: readonly ApiRoute[] = [listOrders, orderHistory, getOrder, getOrderByOrderId, ...acknowledgement, invoiceRoute('upload'), invoiceRoute('update')];
