// Coupang's exchange endpoints (v4): the list, receipt confirmation, rejection (PUT and PATCH, fact sheet 1.3)
// and the exchange waybill (POST; an array body in every example, an object in the table: both are taken).

import { SandboxApiError } from '../errors';
import { checkVendor, numericId, oneOfParam, optionalNumericParam } from '../gateway/apiConventions';
import type { ApiRequest, ApiRoute } from '../gateway/routeTable';
import { answer, openApiVendors, putAndPatch } from '../orders/routing';
import { maxPerPageParam, parseCreatedWindow, WEEK_WINDOW_MESSAGE } from '../orders/window';
import { DAY_MS } from '../time';
import type { ExchangeWrite } from './exchangeStore';
import { EXCHANGE_STATUSES } from './model';
import { toExchangeJson } from './wireFormat';

const V4 = openApiVendors('v4');
export const MAX_EXCHANGES_PER_PAGE = 50;

const listExchanges: ApiRoute = {
	name: 'exchangeRequests list',
	method: 'GET',
	pattern: new RegExp(`^${V4}/([^/]+)/exchangeRequests$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const { query, store } = request;
		const readings = store.orderReadings.values;
		const window = parseCreatedWindow(query, { grain: 'second', withOffset: false, limitMs: 7 * DAY_MS, tooLongMessage: WEEK_WINDOW_MESSAGE }, readings);
		const status = query.get('status') === null || query.get('status') === '' ? undefined : oneOfParam(query, 'status', EXCHANGE_STATUSES);
		const { exchanges, nextToken } = store.exchanges.list(request.vendorId, {
			window,
			status,
			orderId: optionalNumericParam(query, 'orderId'),
			nextToken: query.get('nextToken'),
			maxPerPage: maxPerPageParam(query, 10, MAX_EXCHANGES_PER_PAGE, readings),
		});
		const nowMs = store.now();
		return answer(200, 'OK', exchanges.map((exchange) => toExchangeJson(exchange, nowMs)), { nextToken });
	},
};

function writeOf(request: ApiRequest): ExchangeWrite {
	checkVendor(request, request.params[0], undefined);
	return { vendorId: request.vendorId, exchangeId: numericId(request.params[1], 'exchangeId'), nowMs: request.store.now() };
}

const confirmReceipt = putAndPatch({
	name: 'exchangeRequest receiveConfirmation',
	pattern: new RegExp(`^${V4}/([^/]+)/exchangeRequests/([^/]+)/receiveConfirmation$`),
	handle(request) {
		request.store.exchanges.confirmReceipt(writeOf(request), request.body);
		return answer('200', 'SUCCESS');
	},
});

const reject = putAndPatch({
	name: 'exchangeRequest rejection',
	pattern: new RegExp(`^${V4}/([^/]+)/exchangeRequests/([^/]+)/rejection$`),
	handle(request) {
		request.store.exchanges.reject(writeOf(request), request.body);
		return answer('200', 'SUCCESS', { resultCode: 'SUCCESS', resultMessage: '요청 처리완료' });
	},
});

/** The waybill body: an array of objects, or one object. */
function waybillEntries(rawBody: string): Array<Record<string, unknown>> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody);
	} catch {
		throw new SandboxApiError(400, 'Request body is not valid JSON.');
	}
	const entries = Array.isArray(parsed) ? parsed : [parsed];
	if (entries.length === 0 || entries.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))) {
		throw new SandboxApiError(400, 'The body must be an object or a non-empty array of objects.');
	}
	return entries as Array<Record<string, unknown>>;
}

const uploadInvoices: ApiRoute = {
	name: 'exchangeRequest invoices',
	method: 'POST',
	anyJsonBody: true,
	pattern: new RegExp(`^${V4}/([^/]+)/exchangeRequests/([^/]+)/invoices$`),
	handle(request) {
		const write = writeOf(request);
		request.store.exchanges.uploadInvoices(write, waybillEntries(request.rawBody));
		return answer('200', 'SUCCESS', { resultCode: 'SUCCESS', resultMessage: 'Invoice number save successfully' });
	},
};

export const EXCHANGE_API_ROUTES: readonly ApiRoute[] = [listExchanges, ...confirmReceipt, ...reject, uploadInvoices];
