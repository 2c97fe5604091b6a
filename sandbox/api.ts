// Coupang endpoint handlers: parse and validate like the gateway, answer from the store.

import {
	INQUIRY_NOT_FOUND_MESSAGE,
	INVALID_VENDOR_MESSAGE,
	SandboxApiError,
} from './errors';
import { toCallCenterInquiryJson, toProductInquiryJson } from './inquiries/wireFormat';
import { toProductHistoryJson, toProductJson } from './products/wireFormat';
import type { SandboxStore } from './store';
import type { AnsweredType, PartnerCounselingStatus } from './inquiries/model';

export interface ApiResult {
	status: number;
	body: unknown;
}

export interface ApiRequest {
	method: string;
	/** Decoded path segments captured by the route. */
	params: string[];
	query: URLSearchParams;
	body: Record<string, unknown>;
	/** The authenticated account's vendor ID. */
	vendorId: string;
	store: SandboxStore;
}

export interface ApiRoute {
	name: string;
	method: 'GET' | 'POST';
	pattern: RegExp;
	handle(request: ApiRequest): ApiResult;
}

const OPENAPI_V4 = '/v2/providers/openapi/apis/api/v4/vendors';
const SELLER_PRODUCTS = '/v2/providers/seller_api/apis/api/v1/marketplace/seller-products';

function optionalParam(query: URLSearchParams, name: string): string | undefined {
	const value = query.get(name);
	return value === null || value === '' ? undefined : value;
}

function positiveIntegerParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
	const raw = optionalParam(query, name);
	if (raw === undefined) return fallback;
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new SandboxApiError(400, `${name} must be a positive integer, got [${raw}].`);
	const value = Number(raw);
	if (value > max) throw new SandboxApiError(400, `${name} must be between 1 and ${max}, got [${raw}].`);
	return value;
}

function numericId(raw: string, name: string): number {
	if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new SandboxApiError(400, `Invalid format ${name} : ${raw}`);
	return Number(raw);
}

function optionalNumericParam(query: URLSearchParams, name: string): number | undefined {
	const raw = optionalParam(query, name);
	return raw === undefined ? undefined : numericId(raw, name);
}

/** Path and query vendor IDs must both be the account's. */
function checkVendor(request: ApiRequest, pathVendorId: string, queryVendorId: string | undefined | null): void {
	if (pathVendorId !== request.vendorId || (queryVendorId !== undefined && queryVendorId !== request.vendorId)) {
		throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
	}
}

function paginate<T, R>(items: readonly T[], pageNum: number, pageSize: number, toJson: (item: T) => R) {
	const start = (pageNum - 1) * pageSize;
	return {
		content: items.slice(start, start + pageSize).map(toJson),
		pagination: {
			currentPage: pageNum,
			totalPages: Math.ceil(items.length / pageSize),
			totalElements: items.length,
			countPerPage: pageSize,
		},
	};
}

const ANSWERED_TYPES: readonly AnsweredType[] = ['ALL', 'ANSWERED', 'NOANSWER'];
const COUNSELING_STATUSES: readonly PartnerCounselingStatus[] = ['NONE', 'ANSWER', 'NO_ANSWER', 'TRANSFER'];

const listProductInquiries: ApiRoute = {
	name: 'product inquiries',
	method: 'GET',
	pattern: new RegExp(`^${OPENAPI_V4}/([^/]+)/onlineInquiries$`),
	handle(request) {
		const { query, store } = request;
		checkVendor(request, request.params[0], query.get('vendorId') ?? '');
		const answeredType = query.get('answeredType');
		if (answeredType === null || !(ANSWERED_TYPES as readonly string[]).includes(answeredType)) {
			throw new SandboxApiError(400, `answeredType must be one of ALL, ANSWERED, NOANSWER, got [${answeredType ?? ''}].`);
		}
		const pageNum = positiveIntegerParam(query, 'pageNum', 1, 1_000_000_000);
		const pageSize = positiveIntegerParam(query, 'pageSize', 10, 50);
		const matches = store.productInquiries.query({
			answeredType: answeredType as AnsweredType,
			inquiryStartAt: optionalParam(query, 'inquiryStartAt'),
			inquiryEndAt: optionalParam(query, 'inquiryEndAt'),
			vendorItemId: optionalNumericParam(query, 'vendorItemId'),
		});
		return { status: 200, body: { code: 200, message: 'OK', data: paginate(matches, pageNum, pageSize, (item) => toProductInquiryJson(item)) } };
	},
};

const listCallCenterInquiries: ApiRoute = {
	name: 'call-center inquiries',
	method: 'GET',
	pattern: new RegExp(`^${OPENAPI_V4}/([^/]+)/callCenterInquiries$`),
	handle(request) {
		const { query, store } = request;
		checkVendor(request, request.params[0], query.get('vendorId') ?? '');
		const status = query.get('partnerCounselingStatus');
		if (status === null || !(COUNSELING_STATUSES as readonly string[]).includes(status)) {
			throw new SandboxApiError(400, `partnerCounselingStatus must be one of NONE, ANSWER, NO_ANSWER, TRANSFER, got [${status ?? ''}].`);
		}
		const pageNum = positiveIntegerParam(query, 'pageNum', 1, 1_000_000_000);
		const pageSize = positiveIntegerParam(query, 'pageSize', 10, 30);
		const matches = store.callCenterInquiries.query({
			vendorId: request.vendorId,
			partnerCounselingStatus: status as PartnerCounselingStatus,
			inquiryStartAt: optionalParam(query, 'inquiryStartAt'),
			inquiryEndAt: optionalParam(query, 'inquiryEndAt'),
			vendorItemId: optionalNumericParam(query, 'vendorItemId'),
			orderId: optionalNumericParam(query, 'orderId'),
		});
		return {
			status: 200,
			body: { code: 200, message: 'OK', data: paginate(matches, pageNum, pageSize, (item) => toCallCenterInquiryJson(item, 'v4')) },
		};
	},
};

const getCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry (v5)',
	method: 'GET',
	pattern: /^\/v2\/providers\/openapi\/apis\/api\/v5\/vendors\/callCenterInquiries\/([^/]+)$/,
	handle(request) {
		const inquiryId = numericId(request.params[0], 'inquiryId');
		const inquiry = request.store.callCenterInquiries.getFor(request.vendorId, inquiryId);
		return { status: 200, body: { code: 200, message: 'OK', data: toCallCenterInquiryJson(inquiry, 'v5') } };
	},
};

const productsByTimeFrame: ApiRoute = {
	name: 'products by time frame',
	method: 'GET',
	pattern: new RegExp(`^${SELLER_PRODUCTS}/time-frame$`),
	handle(request) {
		const { query, store } = request;
		const vendorId = query.get('vendorId');
		if (vendorId === null || vendorId === '') throw new SandboxApiError(400, 'vendorId is required.');
		const createdAtFrom = query.get('createdAtFrom');
		const createdAtTo = query.get('createdAtTo');
		if (createdAtFrom === null || createdAtFrom === '') throw new SandboxApiError(400, 'createdAtFrom is required (yyyy-MM-ddTHH:mm:ss).');
		if (createdAtTo === null || createdAtTo === '') throw new SandboxApiError(400, 'createdAtTo is required (yyyy-MM-ddTHH:mm:ss).');
		const products = store.products.queryByTimeFrame(request.vendorId, vendorId, createdAtFrom, createdAtTo);
		return { status: 200, body: { code: 'SUCCESS', message: '', data: products.map((product) => toProductJson(product)) } };
	},
};

const productHistories: ApiRoute = {
	name: 'product status histories',
	method: 'GET',
	pattern: new RegExp(`^${SELLER_PRODUCTS}/([^/]+)/histories$`),
	handle(request) {
		const { query, store } = request;
		const sellerProductId = numericId(request.params[0], 'sellerProductId');
		const page = positiveIntegerParam(query, 'nextToken', 1, 1_000_000_000);
		const maxPerPage = positiveIntegerParam(query, 'maxPerPage', 10, 100);
		const histories = store.products.historiesFor(request.vendorId, sellerProductId);
		const start = (page - 1) * maxPerPage;
		const data = histories.slice(start, start + maxPerPage).map((entry) => toProductHistoryJson(entry));
		const nextToken = start + maxPerPage < histories.length ? String(page + 1) : '';
		return { status: 200, body: { code: '200', message: '', nextToken, data } };
	},
};

const replyToProductInquiry: ApiRoute = {
	name: 'product inquiry reply',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4}/([^/]+)/onlineInquiries/([^/]+)/replies$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		const comment = request.store.productInquiries.reply(request.vendorId, inquiryId, request.body);
		const inquiry = request.store.productInquiries.byId.get(inquiryId);
		if (!inquiry) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
		const json = toProductInquiryJson(inquiry);
		return { status: 200, body: { code: 200, message: 'OK', data: json.commentDtoList.find((entry) => entry.inquiryCommentId === comment.inquiryCommentId) } };
	},
};

const replyToCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry reply',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4}/([^/]+)/callCenterInquiries/([^/]+)/replies$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		const reply = request.store.callCenterInquiries.reply(request.vendorId, inquiryId, request.body);
		const inquiry = request.store.callCenterInquiries.getFor(request.vendorId, inquiryId);
		const json = toCallCenterInquiryJson(inquiry, 'v4');
		return { status: 200, body: { code: 200, message: 'OK', data: json.replies.find((entry) => entry.answerId === reply.answerId) } };
	},
};

const confirmCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry confirm',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4}/([^/]+)/callCenterInquiries/([^/]+)/confirms$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		const inquiry = request.store.callCenterInquiries.confirm(request.vendorId, inquiryId, request.body);
		return { status: 200, body: { code: 200, message: 'OK', data: toCallCenterInquiryJson(inquiry, 'v4') } };
	},
};

export const API_ROUTES: readonly ApiRoute[] = [
	listProductInquiries,
	replyToProductInquiry,
	listCallCenterInquiries,
	replyToCallCenterInquiry,
	confirmCallCenterInquiry,
	getCallCenterInquiry,
	productsByTimeFrame,
	productHistories,
];

export type RouteMatch = { kind: 'found'; route: ApiRoute; params: string[] } | { kind: 'wrongMethod'; allowed: string[] } | { kind: 'notFound' };

export function matchRoute(method: string, rawPath: string): RouteMatch {
	const allowed: string[] = [];
	for (const route of API_ROUTES) {
		const match = route.pattern.exec(rawPath);
		if (!match) continue;
		if (route.method !== method) {
			allowed.push(route.method);
			continue;
		}
		let params: string[];
		try {
			params = match.slice(1).map((segment) => decodeURIComponent(segment));
		} catch {
			params = match.slice(1);
		}
		return { kind: 'found', route, params };
	}
	return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'notFound' };
}
