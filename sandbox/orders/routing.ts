// What the order, return, exchange and product item routes share: the openapi path prefix, PUT-and-PATCH pairs,
// answers, and the control routes of a collection.

import { optionalBoolean, optionalNumber, optionalString } from '../gateway/controlFields';
import type { ApiResult, ApiRoute, ControlRoute } from '../gateway/routeTable';
import type { SandboxState } from '../gateway/sandboxState';

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

/** How a control body field is read: as a number, a string or a boolean (absent or null → undefined). */
type FieldKind<V> = V extends number ? 'number' : V extends boolean ? 'boolean' : 'string';
const FIELD_READERS = { number: optionalNumber, string: optionalString, boolean: optionalBoolean };

/**
 * The control routes of a collection: POST `path` reads the body's `fields` into an add() input and answers
 * `{created}`; GET `path` dumps the whole collection.
 */
export function collectionControlRoutes<I extends object>(
	path: string,
	fields: { [K in keyof I]-?: FieldKind<NonNullable<I[K]>> },
	add: (state: SandboxState, input: I) => unknown[],
	dumpAll: (state: SandboxState) => unknown[],
): ControlRoute[] {
	const addRoute: ControlRoute = {
		method: 'POST',
		path,
		handle({ body, state }) {
			const input: Record<string, unknown> = {};
			for (const [name, kind] of Object.entries(fields) as Array<[string, keyof typeof FIELD_READERS]>) input[name] = FIELD_READERS[kind](body[name], name);
			return { created: add(state, input as I) };
		},
	};
	return [addRoute, { method: 'GET', path, handle: ({ state }) => dumpAll(state) }];
}
