// The created-at windows and token pages that the order, return and exchange lists share.

import { SandboxApiError } from '../errors';
import { positiveIntegerParam } from '../gateway/apiConventions';
import { DAY_MS, KOREA_OFFSET_MS, parseKoreaDate, parseKoreaDateTime, startOfKoreaDay } from '../time';
import type { OrderReadingValues } from './readings';

export const DAY_WINDOW_MESSAGE = 'endTime-startTime range should less than31.';
export const MINUTE_WINDOW_MESSAGE = 'endTime-startTime range should less than 24 hours.';
export const WEEK_WINDOW_MESSAGE = 'endTime-startTime range should less than 7 days.';

/** How a window's bounds are written: a day, a minute or a second; v5 adds an offset such as +09:00. */
export type WindowGrain = 'day' | 'minute' | 'second';

export interface WindowSpec {
	grain: WindowGrain;
	withOffset: boolean;
	limitMs: number;
	tooLongMessage: string;
}

/** Inclusive instants of a list query. */
export interface CreatedWindow {
	fromMs: number;
	toMs: number;
}

const GRAIN_PATTERN: Record<WindowGrain, string> = { day: 'yyyy-MM-dd', minute: 'yyyy-MM-ddTHH:mm', second: 'yyyy-MM-ddTHH:mm:ss' };

export function requiredParam(query: URLSearchParams, name: string): string {
	const value = query.get(name);
	if (value === null || value === '') throw new SandboxApiError(400, `Required String parameter '${name}' is not present`);
	return value;
}

/** One bound → epoch ms of its first instant, or 400 naming the pattern. */
function parseBound(raw: string, name: string, spec: WindowSpec): number {
	const pattern = GRAIN_PATTERN[spec.grain] + (spec.withOffset ? '+09:00' : '');
	const match = /^(.*?)([+-]\d{2}:\d{2})?$/.exec(raw);
	const offset = match?.[2];
	let ms: number | null = null;
	if (match && (offset !== undefined) === spec.withOffset) {
		const local = match[1];
		if (spec.grain === 'day') ms = parseKoreaDate(local);
		else ms = parseKoreaDateTime(spec.grain === 'minute' ? `${local}:00` : local, 'T');
	}
	if (ms === null) throw new SandboxApiError(400, `${name} [${raw}] should be in the pattern ${pattern}.`);
	return offset === undefined ? ms : ms + KOREA_OFFSET_MS - offsetMs(offset);
}

function offsetMs(offset: string): number {
	const sign = offset.startsWith('-') ? -1 : 1;
	return sign * (Number(offset.slice(1, 3)) * 3_600_000 + Number(offset.slice(4, 6)) * 60_000);
}

/** createdAtFrom/createdAtTo checked against the spec and the window readings; the inclusive instants they cover. */
export function parseCreatedWindow(query: URLSearchParams, spec: WindowSpec, readings: OrderReadingValues): CreatedWindow {
	const fromMs = parseBound(requiredParam(query, 'createdAtFrom'), 'createdAtFrom', spec);
	const toMs = parseBound(requiredParam(query, 'createdAtTo'), 'createdAtTo', spec);
	if (toMs < fromMs) throw new SandboxApiError(400, 'createdAtTo must not be earlier than createdAtFrom.');
	const span = toMs - fromMs;
	if (readings.windowEdge === 'exclusive' ? span >= spec.limitMs : span > spec.limitMs) throw new SandboxApiError(400, spec.tooLongMessage);
	if (spec.grain === 'day') return { fromMs, toMs: toMs + DAY_MS - 1 };
	if (spec.grain === 'second') return { fromMs, toMs: toMs + 999 };
	if (readings.minuteWindow === 'sameDay' && startOfKoreaDay(fromMs) !== startOfKoreaDay(toMs)) throw new SandboxApiError(400, spec.tooLongMessage);
	return { fromMs, toMs: readings.minuteToEdge === 'inclusive' ? toMs + 59_999 : toMs - 1 };
}

/** `maxPerPage` (default `fallback`) up to `max`; above it refused or clamped as the reading says. */
export function maxPerPageParam(query: URLSearchParams, fallback: number, max: number, readings: OrderReadingValues): number {
	const value = positiveIntegerParam(query, 'maxPerPage', fallback, 1_000_000);
	if (value <= max) return value;
	if (readings.maxPerPageOverLimit === 'clamp') return max;
	throw new SandboxApiError(400, `maxPerPage must be between 1 and ${max}, got [${value}].`);
}

/**
 * Token paging over records sorted by a numeric key (ascending, or descending for newest-first lists): a page
 * starts after the key named by `nextToken` (absent = first page); the answer's token is the last key of the
 * page, "" after the last page.
 */
export function pageAfterToken<T>(sorted: readonly T[], key: (item: T) => number, rawToken: string | null, size: number, descending = false): { page: T[]; nextToken: string } {
	let start = 0;
	if (rawToken !== null && rawToken !== '') {
		if (!/^\d{1,16}$/.test(rawToken)) throw new SandboxApiError(400, `Invalid nextToken [${rawToken}].`);
		const after = Number(rawToken);
		start = sorted.findIndex((item) => (descending ? key(item) < after : key(item) > after));
		if (start === -1) return { page: [], nextToken: '' };
	}
	const page = sorted.slice(start, start + size);
	const more = start + size < sorted.length;
	return { page, nextToken: more ? String(key(page[page.length - 1])) : '' };
}
