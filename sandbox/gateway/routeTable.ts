// Route tables. An API route is a Coupang endpoint: a method, a path pattern and a handler (a known path with
// another method answers 405). A control route is a method and an exact /__sandbox path.

import type { SandboxStore } from '../store';
import type { SandboxReadings } from './readings';
import type { SandboxState } from './sandboxState';

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
	/** The body as sent (routes with `anyJsonBody` read it themselves). */
	rawBody: string;
	/** The authenticated account's vendor ID. */
	vendorId: string;
	store: SandboxStore;
	/** Where Coupang is silent: the reading this request is answered under. */
	readings: SandboxReadings;
}

export interface ApiRoute {
	name: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH';
	pattern: RegExp;
	/** The body may be any JSON (an array too): `body` stays {} and the route parses `rawBody`. */
	anyJsonBody?: boolean;
	/** Throws SandboxApiError for Coupang's 4xx answers. */
	handle(request: ApiRequest): ApiResult;
}

export type RouteMatch = { kind: 'found'; route: ApiRoute; params: string[] } | { kind: 'wrongMethod'; allowed: string[] } | { kind: 'notFound' };

export function matchApiRoute(routes: readonly ApiRoute[], method: string, rawPath: string): RouteMatch {
	const allowed: string[] = [];
	for (const route of routes) {
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

/** A call to the control surface (`/__sandbox/...`): no authentication, a JSON object body for POST. */
export interface ControlRequest {
	body: Record<string, unknown>;
	state: SandboxState;
}

export interface ControlRoute {
	method: 'GET' | 'POST' | 'DELETE';
	path: string;
	/** The JSON body of the 200 answer; throws SandboxApiError for a 4xx. */
	handle(request: ControlRequest): unknown;
}

export function findControlRoute(routes: readonly ControlRoute[], method: string, path: string): ControlRoute | undefined {
	return routes.find((route) => route.method === method && route.path === path);
}
