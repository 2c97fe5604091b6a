import fc from 'fast-check';

import { checkInquiryPeriod, koreaDateOf } from '../../nodes/Coupang/core/dates';
import {
	type Candidate,
	initialState,
	MAX_SEEN_IDS,
	OVERLAP_MS,
	planPoll,
	readState,
	selectNew,
	type TriggerState,
} from '../../nodes/Coupang/core/newItems';

const SCOPE = 'productInquiry|NOANSWER|';
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2026-11-20 00:00:00 Korea time. */
const KOREA_MIDNIGHT = Date.UTC(2026, 10, 19, 15, 0, 0);

interface Inquiry {
	id: string;
	/** inquiryAt, whole seconds. */
	at: number;
	/** When it shows up in Coupang's list (at + indexing lag). */
	visibleAt: number;
}

/** A model of Coupang's list: inquiries visible at `now` whose Korea day is inside one of the windows. */
function fetchModel(inquiries: Inquiry[], windows: Array<{ start: string; end: string }>, now: number): Array<Candidate<Inquiry>> {
	const result: Array<Candidate<Inquiry>> = [];
	for (const window of windows) {
		for (const inquiry of inquiries) {
			const day = koreaDateOf(inquiry.at);
			if (inquiry.visibleAt <= now && day >= window.start && day <= window.end) {
				result.push({ id: inquiry.id, at: inquiry.at, value: inquiry });
			}
		}
	}
	return result;
}

/** Runs one poll at `now` against the model; returns what it emitted and the next state. */
function poll(state: TriggerState, inquiries: Inquiry[], now: number): { emitted: Inquiry[]; state: TriggerState; windows: number } {
	const plan = planPoll(state, new Date(now));
	const { emit, nextState } = selectNew(state, fetchModel(inquiries, plan.windows, now), new Date(now));
	return { emitted: emit, state: nextState, windows: plan.windows.length };
}

const inquiry = (id: number, at: number, lag = 0): Inquiry => ({ id: String(id), at, visibleAt: at + lag });

describe('initialState / readState', () => {
	it('starts at now without a flood, or N days back when asked', () => {
		const now = new Date(KOREA_MIDNIGHT + 5 * HOUR);
		expect(initialState(now, 0, SCOPE)).toEqual({ version: 1, scope: SCOPE, since: now.toISOString(), cursor: now.toISOString(), seen: {} });
		const back = initialState(now, 3, SCOPE);
		expect(Date.parse(back.since)).toBe(now.getTime() - 3 * DAY);
		expect(back.cursor).toBe(back.since);
		expect(Date.parse(initialState(now, -2, SCOPE).since)).toBe(now.getTime());
		expect(Date.parse(initialState(now, 1000, SCOPE).since)).toBe(now.getTime() - 90 * DAY);
	});

	it('does not lose an inquiry made in the activation second, just after the activation instant', () => {
		const activation = KOREA_MIDNIGHT + 5 * HOUR + 700; // 05:00:00.700
		const state = initialState(new Date(activation), 0, SCOPE);
		// Coupang stamps the inquiry 05:00:00 (no milliseconds), which is before the exact activation instant.
		const madeJustAfter = inquiry(1, KOREA_MIDNIGHT + 5 * HOUR);
		const first = poll(state, [madeJustAfter], activation + MINUTE);
		expect(first.emitted.map((i) => i.id)).toEqual(['1']);
		expect(poll(first.state, [madeJustAfter], activation + 2 * MINUTE).emitted).toEqual([]);
	});

	it('takes back a stored state of the same scope only, and rejects malformed ones', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT), 0, SCOPE);
		state.seen = { '1': 1763600000 };
		const stored = JSON.parse(JSON.stringify(state)) as unknown;
		expect(readState(stored, SCOPE)).toEqual(state);
		expect(readState(stored, 'callCenterInquiry|NO_ANSWER|')).toBeUndefined();
		expect(readState(undefined, SCOPE)).toBeUndefined();
		expect(readState({ ...state, version: 2 }, SCOPE)).toBeUndefined();
		expect(readState({ ...state, cursor: 'soon' }, SCOPE)).toBeUndefined();
		expect(readState({ ...state, seen: { '1': 'x' } }, SCOPE)).toBeUndefined();
	});
});

describe('planPoll', () => {
	it('reads from cursor - overlap to now: one window for a normal poll, two days when crossing midnight', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT - 2 * DAY), 0, SCOPE);
		state.cursor = new Date(KOREA_MIDNIGHT + 5 * HOUR).toISOString();
		const plan = planPoll(state, new Date(KOREA_MIDNIGHT + 5 * HOUR + MINUTE));
		expect(plan.from.getTime()).toBe(KOREA_MIDNIGHT + 5 * HOUR - OVERLAP_MS);
		expect(plan.windows).toEqual([{ start: '2026-11-20', end: '2026-11-20' }]);

		state.cursor = new Date(KOREA_MIDNIGHT + 10 * MINUTE).toISOString();
		expect(planPoll(state, new Date(KOREA_MIDNIGHT + 11 * MINUTE)).windows).toEqual([{ start: '2026-11-19', end: '2026-11-20' }]);
	});

	it('never reads before since (first activation)', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT + 5 * MINUTE), 0, SCOPE);
		const plan = planPoll(state, new Date(KOREA_MIDNIGHT + 5 * MINUTE));
		expect(plan.from.getTime()).toBe(KOREA_MIDNIGHT + 5 * MINUTE);
		expect(plan.windows).toEqual([{ start: '2026-11-20', end: '2026-11-20' }]);
	});

	it('after 30 days away splits the catch-up into 7-day windows Coupang accepts', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT), 0, SCOPE);
		const plan = planPoll(state, new Date(KOREA_MIDNIGHT + 30 * DAY + HOUR));
		expect(plan.windows).toEqual([
			{ start: '2026-11-20', end: '2026-11-26' },
			{ start: '2026-11-27', end: '2026-12-03' },
			{ start: '2026-12-04', end: '2026-12-10' },
			{ start: '2026-12-11', end: '2026-12-17' },
			{ start: '2026-12-18', end: '2026-12-20' },
		]);
		for (const window of plan.windows) expect(() => checkInquiryPeriod(window.start, window.end)).not.toThrow();
	});
});

describe('selectNew', () => {
	it('emits each new item once, oldest first (by time, then numeric ID), never again', () => {
		let state = initialState(new Date(KOREA_MIDNIGHT), 0, SCOPE);
		const t = KOREA_MIDNIGHT + HOUR;
		const inquiries = [inquiry(20, t + 5000), inquiry(9, t + 5000), inquiry(100, t + 1000), inquiry(3, t + 9000)];
		let result = poll(state, inquiries, t + 10000);
		expect(result.emitted.map((item) => item.id)).toEqual(['100', '9', '20', '3']);
		state = result.state;
		result = poll(state, inquiries, t + 70000);
		expect(result.emitted).toEqual([]);
		inquiries.push(inquiry(4, t + 80000));
		result = poll(result.state, inquiries, t + 130000);
		expect(result.emitted.map((item) => item.id)).toEqual(['4']);
	});

	it('keeps duplicates from overlapping windows or shifted pages to one', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT), 0, SCOPE);
		const item = { id: '7', at: KOREA_MIDNIGHT + HOUR, value: 'seven' };
		const { emit } = selectNew(state, [item, item, { ...item, value: 'again' }], new Date(KOREA_MIDNIGHT + 2 * HOUR));
		expect(emit).toEqual(['seven']);
	});

	it('does not emit what was there before activation, but does with Include Last N Days', () => {
		const activation = KOREA_MIDNIGHT + 3 * HOUR;
		const inquiries = [inquiry(1, activation - 2 * DAY), inquiry(2, activation - 10 * MINUTE), inquiry(3, activation + MINUTE)];
		const plain = poll(initialState(new Date(activation), 0, SCOPE), inquiries, activation);
		expect(plain.emitted).toEqual([]);
		expect(poll(plain.state, inquiries, activation + 2 * MINUTE).emitted.map((item) => item.id)).toEqual(['3']);

		const withDays = poll(initialState(new Date(activation), 3, SCOPE), inquiries, activation);
		expect(withDays.emitted.map((item) => item.id)).toEqual(['1', '2']);
		expect(poll(withDays.state, inquiries, activation + 2 * MINUTE).emitted.map((item) => item.id)).toEqual(['3']);
	});

	it('catches an inquiry that shows up late, within the overlap, and across Korea midnight', () => {
		let state = initialState(new Date(KOREA_MIDNIGHT - HOUR), 0, SCOPE);
		// Created at 23:59:59 Korea, listed only 25 minutes later; a poll at 00:00:05 does not see it yet.
		const late = inquiry(1, KOREA_MIDNIGHT - 1000, 25 * MINUTE);
		const atMidnight = inquiry(2, KOREA_MIDNIGHT);
		const inquiries = [late, atMidnight];
		let result = poll(state, inquiries, KOREA_MIDNIGHT + 5000);
		expect(result.emitted.map((item) => item.id)).toEqual(['2']);
		state = result.state;
		result = poll(state, inquiries, KOREA_MIDNIGHT + 26 * MINUTE);
		expect(result.emitted.map((item) => item.id)).toEqual(['1']);
		expect(poll(result.state, inquiries, KOREA_MIDNIGHT + 27 * MINUTE).emitted).toEqual([]);
	});

	it('drops IDs older than the overlap from the state', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT), 0, SCOPE);
		const inquiries = [inquiry(1, KOREA_MIDNIGHT + MINUTE), inquiry(2, KOREA_MIDNIGHT + 40 * MINUTE)];
		const first = poll(state, inquiries, KOREA_MIDNIGHT + 41 * MINUTE);
		expect(Object.keys(first.state.seen).sort()).toEqual(['2']);
		const later = poll(first.state, inquiries, KOREA_MIDNIGHT + 80 * MINUTE);
		expect(later.state.seen).toEqual({});
		expect(later.emitted).toEqual([]);
	});

	it('does not move the cursor back when the clock does', () => {
		const state = initialState(new Date(KOREA_MIDNIGHT + HOUR), 0, SCOPE);
		const { nextState } = selectNew(state, [], new Date(KOREA_MIDNIGHT));
		expect(nextState.cursor).toBe(state.cursor);
	});
});

describe('nothing lost, nothing twice (property)', () => {
	/**
	 * Random inquiry streams (listed up to OVERLAP late), random poll schedules (seconds to 30 days apart, a first
	 * activation with or without "include last N days"), and random failed polls (their state is thrown away, as
	 * the node does). Every inquiry at or after `since` that was listed by the last poll is emitted exactly once;
	 * nothing before `since` is emitted; each poll emits oldest first.
	 */
	it('holds for random streams, schedules and failures', () => {
		const gap = fc.oneof(
			fc.integer({ min: 1000, max: 5 * MINUTE }),
			fc.integer({ min: 5 * MINUTE, max: 3 * HOUR }),
			fc.integer({ min: DAY, max: 30 * DAY }),
		);
		// Lags anywhere up to the overlap, often right at its edge.
		const lag = fc.oneof(
			fc.integer({ min: 0, max: OVERLAP_MS }),
			fc.integer({ min: OVERLAP_MS - 2 * MINUTE, max: OVERLAP_MS }),
			fc.constant(OVERLAP_MS),
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 4 }),
				fc.array(fc.record({ gap, fails: fc.boolean() }), { minLength: 1, maxLength: 40 }),
				fc.array(
					fc.record({ offset: fc.integer({ min: -5 * DAY, max: 60 * DAY }), lag: lag }),
					{ maxLength: 80 },
				),
				fc.integer({ min: 0, max: DAY }),
				(includeLastDays, polls, streamSpec, startOffset) => {
					const activation = KOREA_MIDNIGHT + startOffset;
					const inquiries = streamSpec.map((spec, index) =>
						inquiry(1000 + index, Math.floor((activation + spec.offset) / 1000) * 1000, spec.lag),
					);
					let state = initialState(new Date(activation), includeLastDays, SCOPE);
					const since = Date.parse(state.since);
					const emittedCount = new Map<string, number>();
					let now = activation;
					const schedule = [{ gap: 0, fails: false }, ...polls, { gap: 1000, fails: false }];
					for (const step of schedule) {
						now += step.gap;
						const result = poll(state, inquiries, now);
						for (const window of planPoll(state, new Date(now)).windows) checkInquiryPeriod(window.start, window.end);
						if (step.fails) continue;
						const times = result.emitted.map((item) => item.at);
						expect(times).toEqual([...times].sort((a, b) => a - b));
						for (const item of result.emitted) emittedCount.set(item.id, (emittedCount.get(item.id) ?? 0) + 1);
						state = JSON.parse(JSON.stringify(result.state)) as TriggerState;
					}
					for (const item of inquiries) {
						const count = emittedCount.get(item.id) ?? 0;
						if (item.at < since) expect({ id: item.id, count }).toEqual({ id: item.id, count: 0 });
						else if (item.visibleAt <= now) expect({ id: item.id, count }).toEqual({ id: item.id, count: 1 });
						else expect(count).toBeLessThanOrEqual(1);
					}
				},
			),
			{ numRuns: 150 },
		);
	});
});

describe('state size', () => {
	it('stays bounded in a burst: 6 000 inquiries within ten minutes, each emitted once, never again', () => {
		let state = initialState(new Date(KOREA_MIDNIGHT), 0, SCOPE);
		const burst = Array.from({ length: 6000 }, (_, index) => inquiry(10 ** 13 + index, KOREA_MIDNIGHT + Math.floor(index / 10) * 1000));
		const emitted = new Set<string>();
		let largest = 0;
		for (let now = KOREA_MIDNIGHT + MINUTE; now <= KOREA_MIDNIGHT + 2 * HOUR; now += MINUTE) {
			const visible = burst.filter((item) => item.visibleAt <= now);
			const result = poll(state, visible, now);
			for (const item of result.emitted) {
				expect(emitted.has(item.id)).toBe(false);
				emitted.add(item.id);
			}
			state = result.state;
			largest = Math.max(largest, JSON.stringify(state).length);
		}
		expect(emitted.size).toBe(6000);
		expect(Object.keys(state.seen).length).toBeLessThanOrEqual(MAX_SEEN_IDS);
		expect(largest).toBeLessThan(48 * 1024);
		expect(readState(JSON.parse(JSON.stringify(state)), SCOPE)).toEqual(state);
	});

	it('stays under 64 KiB while 100 000 inquiries flow through a poll every minute', () => {
		const total = 100000;
		const start = KOREA_MIDNIGHT;
		// 100 000 inquiries over 35 days (about 2 a minute, in bursts of up to 60 in the same minute).
		const span = 35 * DAY;
		let seed = 12345;
		const random = (): number => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const inquiries: Inquiry[] = [];
		for (let index = 0; index < total; index++) {
			const at = start + Math.floor((random() * span) / 1000) * 1000;
			inquiries.push(inquiry(index + 1, at, Math.floor(random() * 10 * MINUTE)));
		}
		inquiries.sort((a, b) => a.visibleAt - b.visibleAt);
		let state = initialState(new Date(start), 0, SCOPE);
		let emitted = 0;
		let largest = 0;
		let nextVisible = 0;
		const emittedIds = new Set<string>();
		let repeated = 0;
		for (let now = start + MINUTE; now <= start + span + HOUR; now += MINUTE) {
			// Feed only what is listed in the poll's windows (cheap version of fetchModel for 50 000 polls).
			const from = planPoll(state, new Date(now)).from.getTime();
			while (nextVisible < inquiries.length && inquiries[nextVisible].visibleAt <= now) nextVisible++;
			const listed: Array<Candidate<Inquiry>> = [];
			// Anything with at >= from became visible after from; list 10 minutes more of older ones too.
			for (let index = nextVisible - 1; index >= 0 && inquiries[index].visibleAt > from - 10 * MINUTE; index--) {
				listed.push({ id: inquiries[index].id, at: inquiries[index].at, value: inquiries[index] });
			}
			const result = selectNew(state, listed, new Date(now));
			for (const item of result.emit) {
				if (emittedIds.has(item.id)) repeated++;
				emittedIds.add(item.id);
			}
			emitted += result.emit.length;
			state = result.nextState;
			largest = Math.max(largest, JSON.stringify(state).length);
			if (largest >= 64 * 1024) break; // fail fast below instead of slowing down
		}
		expect(repeated).toBe(0);
		expect(emitted).toBe(total);
		expect(emittedIds.size).toBe(total);
		expect(largest).toBeLessThan(64 * 1024);
		expect(JSON.stringify(state).length).toBeLessThan(64 * 1024);
	});
});
