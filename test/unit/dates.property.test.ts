import fc from 'fast-check';
import { DateTime } from 'luxon';

import {
	addDaysToCoupangDate,
	checkInquiryPeriod,
	checkTimeFrame,
	daysBetweenCoupangDates,
	parseCoupangTimestamp,
	splitInquiryPeriod,
	splitTimeFrame,
	startOfKoreaDay,
	toCoupangDate,
	toCoupangDateTime,
} from '../../nodes/Coupang/core/dates';

/**
 * The oracle: Korea time is UTC+9, so a Korea wall clock is the UTC ISO string of (instant + 9 h). Independent of
 * luxon and of the code under test.
 */
const KOREA_MS = 9 * 3600 * 1000;
const oracleKoreaDateTime = (ms: number): string =>
	new Date(Math.floor(ms / 1000) * 1000 + KOREA_MS).toISOString().slice(0, 19);
const oracleDayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86400000;
const oracleWallSeconds = (wall: string): number => Date.parse(`${wall}Z`) / 1000;
const oracleDayText = (dayNumber: number): string => new Date(dayNumber * 86400000).toISOString().slice(0, 10);
const oracleWallText = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 19);

/** Runs a check; true when it did not throw. (Plain code: jest's expect per window is slow.) */
function accepted(check: () => void): boolean {
	try {
		check();
		return true;
	} catch {
		return false;
	}
}

const ZONES = [
	'UTC',
	'Asia/Seoul',
	'Pacific/Kiritimati',
	'America/St_Johns',
	'Asia/Kathmandu',
	'America/Los_Angeles',
	'Europe/London',
	'Pacific/Chatham',
	'Australia/Lord_Howe',
	'Pacific/Pago_Pago',
];

const zone = fc.constantFrom(...ZONES);
/** Instants from 2000 to 2100, to the millisecond. */
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
/** Days since 1970 from 2000-01-01 to 2099-12-31. */
const dayNumber = fc.integer({ min: 10957, max: 47481 });
const wallSeconds = fc.integer({ min: 10957 * 86400, max: 47481 * 86400 });

describe('conversions (property)', () => {
	it('an instant written with its offset in any zone gives the oracle Korea wall clock and day', () => {
		fc.assert(
			fc.property(instant, zone, (ms, workflowZone) => {
				const withOffset = DateTime.fromMillis(ms, { zone: workflowZone }).toISO() as string;
				const expected = oracleKoreaDateTime(ms);
				expect(toCoupangDateTime(withOffset, 'UTC', 'Created From')).toBe(expected);
				expect(toCoupangDateTime(new Date(ms), workflowZone, 'Created From')).toBe(expected);
				expect(toCoupangDate(withOffset, workflowZone, 'Start Date')).toBe(expected.slice(0, 10));
				expect(toCoupangDate(DateTime.fromMillis(ms), workflowZone, 'Start Date')).toBe(expected.slice(0, 10));
			}),
			{ numRuns: 300 },
		);
	});

	it('round-trips: Korea wall clock → parseCoupangTimestamp → the same second', () => {
		fc.assert(
			fc.property(instant, (ms) => {
				const korea = toCoupangDateTime(new Date(ms), 'UTC', 'Created From');
				const back = parseCoupangTimestamp(korea.replace('T', ' '));
				expect(back.toMillis()).toBe(Math.floor(ms / 1000) * 1000);
				expect(parseCoupangTimestamp(korea).toMillis()).toBe(back.toMillis());
			}),
			{ numRuns: 300 },
		);
	});

	it('a wall clock without offset is read in the workflow zone: converting back gives the same wall clock', () => {
		fc.assert(
			fc.property(instant, zone, (ms, workflowZone) => {
				const wall = DateTime.fromMillis(ms, { zone: workflowZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
				const korea = toCoupangDateTime(wall, workflowZone, 'Created From');
				const reached = parseCoupangTimestamp(korea).setZone(workflowZone).toFormat("yyyy-MM-dd'T'HH:mm:ss");
				expect(reached).toBe(wall);
				expect(toCoupangDate(wall, workflowZone, 'Start Date')).toBe(korea.slice(0, 10));
			}),
			{ numRuns: 300 },
		);
	});

	it('the Korea midnight edge: the last millisecond of a day and the first of the next, from any zone', () => {
		fc.assert(
			fc.property(dayNumber, zone, (day, workflowZone) => {
				const date = oracleDayText(day);
				const midnight = startOfKoreaDay(date).toMillis();
				expect(midnight).toBe(day * 86400000 - KOREA_MS);
				const asWall = (ms: number): string =>
					DateTime.fromMillis(ms, { zone: workflowZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
				expect(toCoupangDate(new Date(midnight - 1), workflowZone, 'Start Date')).toBe(oracleDayText(day - 1));
				expect(toCoupangDateTime(new Date(midnight - 1), workflowZone, 'Created To')).toBe(
					`${oracleDayText(day - 1)}T23:59:59`,
				);
				// A wall clock without offset names one instant except in a daylight-saving fold, where it names two
				// (e.g. Lord Howe's 01:30 on 2030-04-07 happens twice, and Korea's midnight is the second one); n8n's
				// offset-less parameter cannot tell them apart, so the instant is only asserted where it is unambiguous.
				const wall = asWall(midnight);
				if (DateTime.fromISO(wall, { zone: workflowZone }).toMillis() === midnight) {
					expect(toCoupangDate(wall, workflowZone, 'Start Date')).toBe(date);
					expect(toCoupangDateTime(wall, workflowZone, 'Created From')).toBe(`${date}T00:00:00`);
				}
			}),
			{ numRuns: 300 },
		);
	});

	it('a plain day is kept as it is in every zone', () => {
		fc.assert(
			fc.property(dayNumber, zone, (day, workflowZone) => {
				expect(toCoupangDate(oracleDayText(day), workflowZone, 'Start Date')).toBe(oracleDayText(day));
			}),
		);
	});
});

describe('inquiry periods (property)', () => {
	it('checkInquiryPeriod accepts exactly when 0 <= end - start <= 7 days', () => {
		fc.assert(
			fc.property(dayNumber, fc.integer({ min: -20, max: 20 }), (start, length) => {
				const run = (): void => checkInquiryPeriod(oracleDayText(start), oracleDayText(start + length));
				if (length >= 0 && length <= 7) expect(run).not.toThrow();
				else expect(run).toThrow();
			}),
			{ numRuns: 300 },
		);
	});

	it('splitInquiryPeriod: every window is accepted, windows are ≤ 7 calendar days, contiguous, cover exactly', () => {
		fc.assert(
			fc.property(dayNumber, fc.integer({ min: 0, max: 800 }), (start, length) => {
				const startText = oracleDayText(start);
				const endText = oracleDayText(start + length);
				const windows = splitInquiryPeriod(startText, endText);
				expect(windows.length).toBe(Math.ceil((length + 1) / 7));
				expect(windows[0].start).toBe(startText);
				expect(windows[windows.length - 1].end).toBe(endText);
				let days = 0;
				const problems: string[] = [];
				windows.forEach((window, index) => {
					if (!accepted(() => checkInquiryPeriod(window.start, window.end))) problems.push(`rejected ${window.start}..${window.end}`);
					const span = oracleDayNumber(window.end) - oracleDayNumber(window.start);
					if (span < 0 || span > 6) problems.push(`span ${span} in ${window.start}..${window.end}`);
					days += span + 1;
					if (index > 0 && oracleDayNumber(window.start) !== oracleDayNumber(windows[index - 1].end) + 1) {
						problems.push(`gap or overlap before ${window.start}`);
					}
				});
				expect(problems).toEqual([]);
				// Contiguous + first/last + count of days = no day lost, none repeated.
				expect(days).toBe(length + 1);
			}),
			{ numRuns: 300 },
		);
	});

	it('day arithmetic agrees with the oracle', () => {
		fc.assert(
			fc.property(dayNumber, fc.integer({ min: -1000, max: 1000 }), (day, delta) => {
				expect(addDaysToCoupangDate(oracleDayText(day), delta)).toBe(oracleDayText(day + delta));
				expect(daysBetweenCoupangDates(oracleDayText(day), oracleDayText(day + delta))).toBe(delta);
			}),
		);
	});
});

describe('product time frames (property)', () => {
	it('checkTimeFrame accepts exactly when 0 <= to - from <= 600 seconds', () => {
		fc.assert(
			fc.property(wallSeconds, fc.integer({ min: -700, max: 1300 }), (from, length) => {
				const run = (): void => checkTimeFrame(oracleWallText(from), oracleWallText(from + length));
				if (length >= 0 && length <= 600) expect(run).not.toThrow();
				else expect(run).toThrow();
			}),
			{ numRuns: 300 },
		);
	});

	it('splitTimeFrame: every window is under 10 minutes, each shares its first second with the one before, and together they cover [from, to + 1 s]', () => {
		fc.assert(
			fc.property(wallSeconds, fc.integer({ min: 0, max: 3 * 86400 }), (from, length) => {
				const fromText = oracleWallText(from);
				const toText = oracleWallText(from + length);
				const windows = splitTimeFrame(fromText, toText);
				expect(windows.length).toBe(Math.ceil((length + 1) / 599));
				expect(windows[0].from).toBe(fromText);
				expect(windows[windows.length - 1].to).toBe(oracleWallText(from + length + 1));
				let seconds = 0;
				const problems: string[] = [];
				windows.forEach((window, index) => {
					if (!accepted(() => checkTimeFrame(window.from, window.to))) problems.push(`rejected ${window.from}..${window.to}`);
					const span = oracleWallSeconds(window.to) - oracleWallSeconds(window.from);
					if (span < 1 || span > 599) problems.push(`span ${span} in ${window.from}..${window.to}`);
					seconds += span;
					if (index > 0 && oracleWallSeconds(window.from) !== oracleWallSeconds(windows[index - 1].to)) {
						problems.push(`gap or overlap before ${window.from}`);
					}
				});
				expect(problems).toEqual([]);
				expect(seconds).toBe(length + 1);
			}),
			{ numRuns: 200 },
		);
	});

});
