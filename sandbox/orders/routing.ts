// What the order, return and exchange routes share: the openapi path prefix, PUT-and-PATCH pairs, answers.

import type { ApiResult, ApiRoute } from '../gateway/routeTable';

/** `/v2/providers/openapi/apis/api/v4/vendors` (or another version). */
export function openApiVendors(version: string): string {
	return `/v2/providers/openapi/apis/api/${version}/vendors`;
}

/** The docs show "PATCH PUT" for state changes (fact sheet 1.3): the same route under both methods. */
export function putAndPatch(route: Omit<ApiRoute, 'method'>): ApiRoute[] {
	return [
		{ ...route, method: 'PUT' },
		{ ...route, method: 'PATCH' },
	];
}

/** 200 with Coupang's envelope; `code` is a number or a string as each endpoint's example shows it. */
export function answer(code: number | string, message: string, data?: unknown, extra: Record<string, unknown> = {}): ApiResult {
	return { status: 200, body: data === undefined ? { code, message, ...extra } : { code, message, data, ...extra } };
}
