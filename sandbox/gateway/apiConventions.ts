// What Coupang's endpoints have in common: how parameters are read and rejected, the vendor check, the
// `{code, message, data}` answer and page envelopes.

import { INVALID_VENDOR_MESSAGE, SandboxApiError } from '../errors';
import type { ApiRequest, ApiResult } from './routeTable';

export const OPENAPI_V4_VENDORS = '/v2/providers/openapi/apis/api/v4/vendors';

/** A query parameter; empty counts as absent. */
export function optionalParam(query: URLSearchParams, name: string): string | undefined {
	const value = query.get(name);
	return value === null || value === '' ? undefined : value;
}

export function positiveIntegerParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
	const raw = optionalParam(query, name);
	if (raw === undefined) return fallback;
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new SandboxApiError(400, `${name} must be a positive integer, got [${raw}].`);
	const value = Number(raw);
	if (value > max) throw new SandboxApiError(400, `${name} must be between 1 and ${max}, got [${raw}].`);
	return value;
}

/** A required parameter with a fixed set of values; `aliases` maps other accepted spellings to one of them. */
export function oneOfParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], aliases: Readonly<Record<string, T>> = {}): T {
	const value = query.get(name);
	if (value !== null && Object.hasOwn(aliases, value)) return aliases[value];
	if (value === null || !(allowed as readonly string[]).includes(value)) {
		throw new SandboxApiError(400, `${name} must be one of ${allowed.join(', ')}, got [${value ?? ''}].`);
	}
	return value as T;
}

/** `pageNum` (from 1, default 1) and `pageSize` (1..maxPageSize, default 10). */
export function pageParams(query: URLSearchParams, maxPageSize: number): { pageNum: number; pageSize: number } {
	const pageNum = positiveIntegerParam(query, 'pageNum', 1, 1_000_000_000);
	const pageSize = positiveIntegerParam(query, 'pageSize', 10, maxPageSize);
	return { pageNum, pageSize };
}

export function numericId(raw: string, name: string): number {
	if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new SandboxApiError(400, `Invalid format ${name} : ${raw}`);
	return Number(raw);
}

export function optionalNumericParam(query: URLSearchParams, name: string): number | undefined {
	const raw = optionalParam(query, name);
	return raw === undefined ? undefined : numericId(raw, name);
}

/** Path and query vendor IDs must both be the account's. */
export function checkVendor(request: ApiRequest, pathVendorId: string, queryVendorId: string | undefined | null): void {
	if (pathVendorId !== request.vendorId || (queryVendorId !== undefined && queryVendorId !== request.vendorId)) {
		throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
	}
}

/** 200 `{code: 200, message: "OK", data}`. */
export function ok(data: unknown): ApiResult {
	return { status: 200, body: { code: 200, message: 'OK', data } };
}

/** A seller's write was taken: `{"code":"200","message":"OK"}` and no data, as the reply and confirm docs show. */
export function written(): ApiResult {
	return { status: 200, body: { code: '200', message: 'OK' } };
}

/** One page of `items` with Coupang's `pagination` block (pageNum from 1). */
export function paginate<T, R>(items: readonly T[], pageNum: number, pageSize: number, toJson: (item: T) => R) {
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
