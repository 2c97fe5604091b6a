// The control routes of the sandbox itself: reset, clock, request log, faults and state. Domains add their own
// (see domains.ts).

import { SandboxApiError } from '../errors';
import { sizesOr } from '../store';
import { optionalNumber, optionalString } from './controlFields';
import type { FaultConfig } from './faults';
import type { ControlRoute } from './routeTable';
import type { SandboxState } from './sandboxState';

/** `now` of a reset or clock call: null follows the real clock, a string must be an ISO date-time. */
function clockSetting(value: unknown): Date | null {
	if (value === null) return null;
	const text = optionalString(value, 'now');
	const parsed = text === undefined ? Number.NaN : Date.parse(text);
	if (Number.isNaN(parsed)) throw new SandboxApiError(400, '"now" must be an ISO date-time string or null.');
	return new Date(parsed);
}

function clockJson(state: SandboxState): unknown {
	return { now: new Date(state.clock.nowMs()).toISOString(), followsRealClock: state.clock.followsRealClock };
}

const reset: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/reset',
	handle({ body, state }) {
		if (body.now !== undefined) state.clock.set(clockSetting(body.now));
		state.store.reseed(sizesOr(state.initialSizes, (key) => optionalNumber(body[key], key)));
		state.requestLog.clear();
		state.faults.clear();
		return { ok: true, sizes: state.store.sizes, counts: state.store.counts() };
	},
};

const getClock: ControlRoute = { method: 'GET', path: '/__sandbox/clock', handle: ({ state }) => clockJson(state) };

const setClock: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/clock',
	handle({ body, state }) {
		if (!('now' in body)) throw new SandboxApiError(400, 'Body needs "now": an ISO date-time string or null.');
		state.clock.set(clockSetting(body.now));
		return clockJson(state);
	},
};

const requestLogRoutes: ControlRoute[] = [
	{ method: 'GET', path: '/__sandbox/requests', handle: ({ state }) => state.requestLog.list() },
	{
		method: 'DELETE',
		path: '/__sandbox/requests',
		handle({ state }) {
			state.requestLog.clear();
			return { ok: true };
		},
	},
];

const faultRoutes: ControlRoute[] = [
	{ method: 'GET', path: '/__sandbox/faults', handle: ({ state }) => state.faults.config },
	{
		method: 'POST',
		path: '/__sandbox/faults',
		handle({ body, state }) {
			try {
				state.faults.set(body as Partial<FaultConfig>);
			} catch (error) {
				throw new SandboxApiError(400, error instanceof Error ? error.message : 'Invalid fault configuration');
			}
			return state.faults.config;
		},
	},
	{
		method: 'DELETE',
		path: '/__sandbox/faults',
		handle({ state }) {
			state.faults.clear();
			return state.faults.config;
		},
	},
];

const getState: ControlRoute = {
	method: 'GET',
	path: '/__sandbox/state',
	handle: ({ state }) => ({
		vendorId: state.account.vendorId,
		now: new Date(state.clock.nowMs()).toISOString(),
		sizes: state.store.sizes,
		counts: state.store.counts(),
		requests: state.requestLog.length,
		faults: state.faults.config,
	}),
};

export const SANDBOX_CONTROL_ROUTES: readonly ControlRoute[] = [reset, getClock, setClock, ...requestLogRoutes, ...faultRoutes, getState];
