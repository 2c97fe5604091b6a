// Coupang's return/cancellation endpoints (v4): the list (by day with token pages, by minute), the single
// receipt, and the seller's writes (PUT and PATCH, fact sheet 1.3).

import { SandboxApiError } from '../errors';
import { checkVendor, numericId, oneOfParam, optionalNumericParam } from '../gateway/apiConventions';
import type { ApiRequest, ApiRoute } from '../gateway/routeTable';
import { answer, openApiVendors, putAndPatch } from '../orders/routing';
import { maxPerPageParam, parseCreatedWindow, requiredParam } from '../orders/window';
import { DAY_MS } from '../time';
import { STATUS_CODES, type ReceiptType, type StatusCode } from './model';
import { approveReturn, confirmReceipt, markAlreadyShipped, stopShipment, type ReturnWrite } from './returnWrites';
import { toReturnRequestJson } from './wireFormat';

const V4 = openApiVendors('v4');
export const RETURN_WINDOW_MESSAGE = '검색기간은 최대 31일까지 가능합니다.';
export const MAX_RETURNS_PER_PAGE = 50;

/** searchType (required or not, as the reading says), the mode it selects and the checked window. */
function listMode(request: ApiRequest): { minute: boolean; window: ReturnType<typeof parseCreatedWindow> } {
	const { query, store } = request;
	const readings = store.orderReadings.values;
	if (readings.returnSearchType === 'required') requiredParam(query, 'searchType');
	const minute = query.get('searchType') === 'timeFrame';
	const spec = { grain: minute ? ('minute' as const) : ('day' as const), withOffset: false, limitMs: 31 * DAY_MS, tooLongMessage: RETURN_WINDOW_MESSAGE };
	return { minute, window: parseCreatedWindow(query, spec, readings) };
}

const listReturns: ApiRoute = {
	name: 'returnRequests list',
	method: 'GET',
	pattern: new RegExp(`^${V4}/([^/]+)/returnRequests$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const { query, store } = request;
		const { minute, window } = listMode(request);
		const cancelType: ReceiptType = query.get('cancelType') === null ? 'RETURN' : oneOfParam(query, 'cancelType', ['RETURN', 'CANCEL'] as const);
		const status = query.get('status') === null ? undefined : oneOfParam(query, 'status', Object.keys(STATUS_CODES) as StatusCode[]);
		const orderId = minute ? undefined : optionalNumericParam(query, 'orderId');
		if (status === undefined && orderId === undefined && cancelType !== 'CANCEL') throw new SandboxApiError(400, 'status or orderId is required.');
		const page = minute ? null : { nextToken: query.get('nextToken'), maxPerPage: maxPerPageParam(query, MAX_RETURNS_PER_PAGE, MAX_RETURNS_PER_PAGE, store.orderReadings.values) };
		const { requests, nextToken } = store.returns.list(request.vendorId, { window, cancelType, status, orderId, page });
		return answer(200, 'OK', requests.map(toReturnRequestJson), { nextToken });
	},
};

const getReturn: ApiRoute = {
	name: 'returnRequest by receiptId',
	method: 'GET',
	pattern: new RegExp(`^${V4}/([^/]+)/returnRequests/([^/]+)$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const receipt = request.store.returns.getFor(request.vendorId, numericId(request.params[1], 'receiptId'));
		return answer('200', 'OK', [toReturnRequestJson(receipt)]);
	},
};

function writeOf(request: ApiRequest): ReturnWrite {
	checkVendor(request, request.params[0], undefined);
	return { store: request.store.returns, vendorId: request.vendorId, receiptId: numericId(request.params[1], 'receiptId'), body: request.body, nowMs: request.store.now() };
}

function writeRoutes(action: string, handle: (request: ApiRequest) => ReturnType<ApiRoute['handle']>): ApiRoute[] {
	return putAndPatch({ name: `returnRequest ${action}`, pattern: new RegExp(`^${V4}/([^/]+)/returnRequests/([^/]+)/${action}$`), handle });
}

const completedShipmentMessage = '이미출고 상태변경이 성공하였습니다.';

export const RETURN_API_ROUTES: readonly ApiRoute[] = [
	listReturns,
	getReturn,
	...writeRoutes('receiveConfirmation', (request) => {
		confirmReceipt(writeOf(request));
		return answer('200', 'OK');
	}),
	...writeRoutes('approval', (request) => {
		approveReturn(writeOf(request));
		return answer('200', 'OK');
	}),
	...writeRoutes('stoppedShipment', (request) => {
		stopShipment(writeOf(request));
		return answer('200', 'OK', { resultCode: 'SUCCESS', resultMessage: '출고중지완료요청이 성공하였습니다' });
	}),
	...writeRoutes('completedShipment', (request) => {
		markAlreadyShipped(writeOf(request));
		if (request.store.orderReadings.values.completedShipmentShape === 'table') return answer('200', 'OK', { resultCode: 'SUCCESS', resultMessage: completedShipmentMessage });
		return { status: 200, body: { data: { code: '200', message: 'OK', resultCode: 'SUCCESS', resultMessage: completedShipmentMessage } } };
	}),
];
