/**
 * The Coupang Trigger's "what is new" logic, pure (no n8n classes, no clock: `now` is always a parameter).
 *
 * Coupang lists inquiries by Korea calendar day (`inquiryStartAt`/`inquiryEndAt`), with second-precision
 * `inquiryAt` timestamps and no "changed since" query. So each poll re-reads whole days and decides here what it has
 * not emitted yet:
 *
 * - `cursor` is the instant the last successful poll read up to (its `now`).
 * - A poll reads from `cursor - OVERLAP` (never before `since`) to `now`, in ≤ 7-day Korea-day windows. The overlap
 *   catches inquiries that show up in Coupang's lists late (indexing lag, clock skew) with an `inquiryAt` a little
 *   before the previous poll.
 * - It emits every fetched inquiry with `at >= from` whose ID it has not emitted before, oldest first.
 * - `seen` remembers the IDs emitted with `at >= nextCursor - OVERLAP`: exactly the ones the next poll can read
 *   again. Older IDs can never be emitted again (they fall before the next `from`), so they are dropped, and the state
 *   stays small: its size is the number of inquiries in one overlap, not the history.
 *
 * - The state is bounded whatever the traffic: when more than MAX_SEEN_IDS emitted IDs fall inside the overlap (a
 *   burst of thousands of inquiries in half an hour), only the newest are kept and `floor` moves up past the dropped
 *   ones, so they can never be emitted again; the price is that, in such a burst only, a late-listed inquiry older
 *   than `floor` is not caught.
 *
 * Guarantees (tested): an inquiry visible in Coupang's list at any poll within OVERLAP of its `inquiryAt` (and not
 * before `floor`) is emitted exactly once; a failed poll does not change the state (the caller only stores `nextState` after success), so the
 * next poll emits everything the failed one would have.
 */
import { koreaDateOf, type KoreaDays, splitInquiryPeriod } from './dates';
import { CoupangInputError, isBlank } from './input';

/**
 * How far back each poll re-reads before the previous poll's instant: 30 minutes. Coupang's lists are searched by
 * day, so the re-read costs no extra request unless it crosses a Korea midnight (then the window has two days,
 * still one request).
 */
export const OVERLAP_MINUTES = 30;
export const OVERLAP_MS = OVERLAP_MINUTES * 60 * 1000;
/**
 * Most IDs kept in `seen`. About 30 bytes each with Coupang's longest IDs (14 digits), so the stored state stays
 * under 48 KiB; normal traffic keeps a few dozen.
 */
export const MAX_SEEN_IDS = 1500;
/** Largest "Include Inquiries From the Last N Days" accepted. */
export const MAX_INCLUDE_LAST_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The "Include Inquiries From the Last N Days" option: 0 when empty. */
export function checkIncludeLastDays(value: unknown): number {
	const days = isBlank(value) ? 0 : Number(value);
	if (!Number.isInteger(days) || days < 0 || days > MAX_INCLUDE_LAST_DAYS) {
		const label = 'Include Inquiries From the Last N Days';
		throw new CoupangInputError(label, String(value), `${label} is ${String(value)}; it must be a whole number from 0 to ${MAX_INCLUDE_LAST_DAYS}`);
	}
	return days;
}

/** Kept in n8n's workflow static data: JSON only. */
export interface TriggerState {
	version: 1;
	/** What is watched (event and filters). A state for another scope is discarded and started over. */
	scope: string;
	/** ISO instant: nothing with an earlier timestamp is ever emitted (activation minus "include last N days"). */
	since: string;
	/** ISO instant the last successful poll read up to. */
	cursor: string;
	/** ID → timestamp (seconds since 1970) of each emitted item the next poll can read again. */
	seen: Record<string, number>;
	/** ISO instant, only after a burst overflowed `seen`: nothing earlier is emitted any more. */
	floor?: string;
}

/** One fetched record: its ID, its timestamp in milliseconds since 1970, and the record itself. */
export interface Candidate<T> {
	id: string;
	at: number;
	value: T;
}

export interface PollPlan {
	/** Earliest timestamp this poll emits. */
	from: Date;
	/** The poll's instant. */
	to: Date;
	/** Korea-day windows (oldest first) covering from..to, each accepted by Coupang. */
	windows: KoreaDays[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInstant(value: unknown): value is string {
	return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/**
 * The state for a first activation: starts at `now` (no flood of old inquiries) unless `includeLastDays` > 0.
 * Rounded down to the whole second: Coupang's timestamps have no milliseconds, so an inquiry made in the same second
 * as the activation, just after it, carries a time before the exact activation instant and would otherwise be lost.
 */
export function initialState(now: Date, includeLastDays: number, scope: string): TriggerState {
	const days = Number.isFinite(includeLastDays) ? Math.min(Math.max(Math.floor(includeLastDays), 0), MAX_INCLUDE_LAST_DAYS) : 0;
	const since = new Date(Math.floor((now.getTime() - days * DAY_MS) / 1000) * 1000).toISOString();
	return { version: 1, scope, since, cursor: since, seen: {} };
}

/** The stored state when it is a valid state for `scope`, else undefined (first activation, or filters changed). */
export function readState(stored: unknown, scope: string): TriggerState | undefined {
	if (!isRecord(stored) || stored.version !== 1 || stored.scope !== scope) return undefined;
	if (!isInstant(stored.since) || !isInstant(stored.cursor) || !isRecord(stored.seen)) return undefined;
	if (stored.floor !== undefined && !isInstant(stored.floor)) return undefined;
	const seen: Record<string, number> = {};
	for (const [id, at] of Object.entries(stored.seen)) {
		if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
		seen[id] = at;
	}
	const state: TriggerState = { version: 1, scope, since: stored.since, cursor: stored.cursor, seen };
	if (stored.floor !== undefined) state.floor = stored.floor;
	return state;
}

function fromOf(state: TriggerState): number {
	const floor = state.floor === undefined ? -Infinity : Date.parse(state.floor);
	return Math.max(Date.parse(state.cursor) - OVERLAP_MS, Date.parse(state.since), floor);
}

/**
 * Keeps `seen` within MAX_SEEN_IDS: drops the oldest seconds' IDs (a whole second at a time, so no kept and dropped
 * ID share a timestamp) and moves `floor` just past them, so none of them can be emitted again.
 */
function bound(state: TriggerState): void {
	const entries = Object.entries(state.seen);
	if (entries.length <= MAX_SEEN_IDS) return;
	const newestFirst = entries.map(([, atSeconds]) => atSeconds).sort((a, b) => b - a);
	const lastDroppedSecond = newestFirst[MAX_SEEN_IDS];
	for (const [id, atSeconds] of entries) if (atSeconds <= lastDroppedSecond) delete state.seen[id];
	const floor = (lastDroppedSecond + 1) * 1000;
	if (state.floor === undefined || floor > Date.parse(state.floor)) state.floor = new Date(floor).toISOString();
}

/** What a poll at `now` reads: from `cursor - overlap` (not before `since`) to `now`, as Korea-day windows. */
export function planPoll(state: TriggerState, now: Date): PollPlan {
	const from = fromOf(state);
	const to = Math.max(now.getTime(), from);
	return {
		from: new Date(from),
		to: new Date(to),
		windows: splitInquiryPeriod(koreaDateOf(from), koreaDateOf(to)),
	};
}

/** Orders IDs made of digits by their number, others as text. */
function compareIds(a: string, b: string): number {
	if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Picks what to emit from everything a poll at `now` fetched (any order, duplicates allowed), oldest first (by
 * timestamp, then ID), and the state to store once the poll has succeeded.
 */
export function selectNew<T>(
	state: TriggerState,
	fetched: Array<Candidate<T>>,
	now: Date,
): { emit: T[]; nextState: TriggerState } {
	const from = fromOf(state);
	const fresh = new Map<string, Candidate<T>>();
	for (const candidate of fetched) {
		if (!Number.isFinite(candidate.at) || candidate.at < from) continue;
		if (candidate.id in state.seen || fresh.has(candidate.id)) continue;
		fresh.set(candidate.id, candidate);
	}
	const ordered = [...fresh.values()].sort((a, b) => a.at - b.at || compareIds(a.id, b.id));

	const cursor = new Date(Math.max(now.getTime(), Date.parse(state.cursor))).toISOString();
	const nextState: TriggerState = { version: 1, scope: state.scope, since: state.since, cursor, seen: {} };
	if (state.floor !== undefined) nextState.floor = state.floor;
	const keepFrom = fromOf(nextState);
	const keep = (id: string, atSeconds: number): void => {
		if (atSeconds * 1000 >= keepFrom - 999) nextState.seen[id] = atSeconds;
	};
	for (const [id, atSeconds] of Object.entries(state.seen)) keep(id, atSeconds);
	for (const candidate of ordered) keep(candidate.id, Math.floor(candidate.at / 1000));
	bound(nextState);
	return { emit: ordered.map((candidate) => candidate.value), nextState };
}
