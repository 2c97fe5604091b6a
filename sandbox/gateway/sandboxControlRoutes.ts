// The control routes of the sandbox itself: reset, clock, request log, faults, readings and state. Domains add
// their own (see domains.ts).

import { SandboxApiError } from '../errors';
import { sizesOr } from '../store';
import { optionalNumber, optionalString } from './controlFields';
import type { FaultSettings } from './faults';
import type { SandboxReadings } from './readings';
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
		state.readings.clear();
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

/** Settings the control surface reads (GET), changes (POST, a partial object) and resets (DELETE). */
interface Settings {
	read(): unknown;
	set(partial: Record<string, unknown>): void;
	clear(): void;
}

function settingsRoutes(path: string, settingsOf: (state: SandboxState) => Settings): ControlRoute[] {
	return [
		{ method: 'GET', path, handle: ({ state }) => settingsOf(state).read() },
		{
			method: 'POST',
			path,
			handle({ body, state }) {
				const settings = settingsOf(state);
				try {
					settings.set(body);
				} catch (error) {
					throw new SandboxApiError(400, error instanceof Error ? error.message : `Invalid settings for ${path}`);
				}
				return settings.read();
			},
		},
		{
			method: 'DELETE',
			path,
			handle({ state }) {
				settingsOf(state).clear();
				return settingsOf(state).read();
			},
		},
	];
}

const faultRoutes = settingsRoutes('/__sandbox/faults', ({ faults }) => ({
	read: () => faults.config,
	set: (partial) => faults.set(partial as FaultSettings),
	clear: () => faults.clear(),
}));

const readingRoutes = settingsRoutes('/__sandbox/readings', ({ readings }) => ({
	read: () => readings.current,
	set: (partial) => readings.set(partial as Partial<SandboxReadings>),
	clear: () => readings.clear(),
}));

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
		readings: state.readings.current,
	}),
};

export const SANDBOX_CONTROL_ROUTES: readonly ControlRoute[] = [reset, getClock, setClock, ...requestLogRoutes, ...faultRoutes, ...readingRoutes, getState];
