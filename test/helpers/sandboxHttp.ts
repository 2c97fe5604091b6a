// Test-side CEA signer, written independently of both the sandbox and the package's credential code.

import { createHmac } from 'node:crypto';

import type { RunningSandbox } from '../../sandbox';

export function ceaSignedDate(at: Date): string {
	const iso = at.toISOString(); // 2025-01-15T05:17:13.973Z
	return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export function ceaAuthorization(accessKey: string, secretKey: string, method: string, pathAndQuery: string, at: Date): string {
	const questionMark = pathAndQuery.indexOf('?');
	const path = questionMark === -1 ? pathAndQuery : pathAndQuery.slice(0, questionMark);
	const query = questionMark === -1 ? '' : pathAndQuery.slice(questionMark + 1);
	const signedDate = ceaSignedDate(at);
	const signature = createHmac('sha256', secretKey).update(signedDate + method + path + query).digest('hex');
	return `CEA algorithm=HmacSHA256, access-key=${accessKey}, signed-date=${signedDate}, signature=${signature}`;
}

export interface CallOptions {
	body?: unknown;
	/** Sign at this instant (default: the sandbox clock). */
	signAt?: Date;
	accessKey?: string;
	secretKey?: string;
	/** Replace the Authorization header entirely (null = omit). */
	authorization?: string | null;
	/** null = omit X-Requested-By. */
	requestedBy?: string | null;
}

export interface CallResult<T = unknown> {
	status: number;
	headers: Headers;
	text: string;
	json: T;
}

/** Signs and sends one request; `pathAndQuery` goes on the wire exactly as given. */
export async function call<T = unknown>(sandbox: RunningSandbox, method: string, pathAndQuery: string, options: CallOptions = {}): Promise<CallResult<T>> {
	const authorization =
		options.authorization === undefined
			? ceaAuthorization(options.accessKey ?? sandbox.accessKey, options.secretKey ?? sandbox.secretKey, method, pathAndQuery, options.signAt ?? sandbox.now())
			: options.authorization;
	const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=UTF-8' };
	if (authorization !== null) headers.Authorization = authorization;
	if (options.requestedBy !== null) headers['X-Requested-By'] = options.requestedBy ?? sandbox.vendorId;
	const response = await fetch(sandbox.url + pathAndQuery, {
		method,
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	let parsed: unknown = undefined;
	try {
		parsed = text === '' ? undefined : JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, text, json: parsed as T };
}

export async function control<T = unknown>(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
	const response = await fetch(sandbox.url + path, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as T };
}

export const PRODUCT_INQUIRIES_PATH = (vendorId: string): string => `/v2/providers/openapi/apis/api/v4/vendors/${vendorId}/onlineInquiries`;
export const CALL_CENTER_PATH = (vendorId: string): string => `/v2/providers/openapi/apis/api/v4/vendors/${vendorId}/callCenterInquiries`;
export const CALL_CENTER_V5_PATH = (inquiryId: number | string): string => `/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/${inquiryId}`;
export const TIME_FRAME_PATH = '/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame';
export const HISTORIES_PATH = (sellerProductId: number | string): string => `/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/${sellerProductId}/histories`;
const OPENAPI = (version: string, vendorId: string): string => `/v2/providers/openapi/apis/api/${version}/vendors/${vendorId}`;
export const ORDERSHEETS_PATH = (vendorId: string, version = 'v4'): string => `${OPENAPI(version, vendorId)}/ordersheets`;
export const ORDERSHEETS_BY_ORDER_PATH = (vendorId: string, orderId: number | string, version = 'v4'): string => `${OPENAPI(version, vendorId)}/${orderId}/ordersheets`;
export const ACKNOWLEDGEMENT_PATH = (vendorId: string): string => `${OPENAPI('v4', vendorId)}/ordersheets/acknowledgement`;
export const INVOICES_PATH = (vendorId: string): string => `${OPENAPI('v4', vendorId)}/orders/invoices`;
export const UPDATE_INVOICES_PATH = (vendorId: string): string => `${OPENAPI('v4', vendorId)}/orders/updateInvoices`;
export const RETURN_REQUESTS_PATH = (vendorId: string): string => `${OPENAPI('v4', vendorId)}/returnRequests`;
export const EXCHANGE_REQUESTS_PATH = (vendorId: string): string => `${OPENAPI('v4', vendorId)}/exchangeRequests`;
export const VENDOR_ITEM_PATH = (vendorItemId: number | string): string => `/v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/${vendorItemId}`;

/** Korea calendar day `yyyy-MM-dd` of an instant, computed independently of the sandbox. */
export function koreaDay(at: Date | number): string {
	const ms = typeof at === 'number' ? at : at.getTime();
	return new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	const ms = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Fakes only Date (timers, I/O and HTTP stay real), so the sandbox clock stands still until jest.setSystemTime moves
 * it; with `running`, Date starts at `at` and moves on with real time (signatures, sandbox and node share it).
 */
export function fakeDateOnly(at: number = Date.now(), running = false): void {
	jest.useFakeTimers({
		advanceTimers: running,
		doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
	});
	jest.setSystemTime(at);
}
