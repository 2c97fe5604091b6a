/**
 * The window rules of the return and exchange lists (core/dates.ts): Korea-day windows below Coupang's 31 days,
 * wall-clock windows to the minute or the second, the checks of a range without Return All, and Korea days as a
 * wall-clock range (the trigger's windows).
 */
import fc from 'fast-check';

import {
	checkKoreaDayCount,
	checkTimeFrame,
	checkWallClockRange,
	isInTimeFrame,
	koreaDaysAsWallClock,
	splitKoreaDays,
	splitWallClockRange,
} from '../../nodes/Coupang/core/dates';
import { inputError } from '../helpers/inputError';

const DAY = 86400;
const LABELS = { from: 'Created From', to: 'Created To' };


/** Seconds since 1970 of a Korea wall clock, computed without the code under test. */
const wall = (text: string): number => Date.parse(`${text}Z`) / 1000;
const wallText = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 19);

describe('splitKoreaDays', () => {
	it('makes contiguous windows of at most N calendar days that cover the period exactly', () => {
		expect(splitKoreaDays('2026-01-01', '2026-03-15', 30)).toEqual([
			{ start: '2026-01-01', end: '2026-01-30' },
			{ start: '2026-01-31', end: '2026-03-01' },
			{ start: '2026-03-02', end: '2026-03-15' },
		]);
		expect(splitKoreaDays('2026-11-20', '2026-11-20', 30)).toEqual([{ start: '2026-11-20', end: '2026-11-20' }]);
		expect(splitKoreaDays('2024-02-01', '2024-03-01', 30)).toEqual([
			{ start: '2024-02-01', end: '2024-03-01' }, // 2024 is a leap year: 30 days
		]);
	});

	it('names the fields it was given in its errors', () => {
		expect(inputError(() => splitKoreaDays('2026-11-20', '2026-11-01', 30, LABELS)).message).toBe('Created To 2026-11-01 is before Created From 2026-11-20');
		expect(inputError(() => splitKoreaDays('2026-13-01', '2026-11-01', 30, LABELS)).field).toBe('Created From');
	});

	it('property: every window has 1..N days, the next starts the day after, together exactly [start, end]', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 40 }), (startDay, length, size) => {
				const day = (n: number): string => new Date(n * DAY * 1000).toISOString().slice(0, 10);
				const windows = splitKoreaDays(day(startDay), day(startDay + length), size);
				expect(windows[0].start).toBe(day(startDay));
				expect(windows[windows.length - 1].end).toBe(day(startDay + length));
				let expectedStart = startDay;
				for (const window of windows) {
					const [first, last] = [Date.parse(window.start) / 1000 / DAY, Date.parse(window.end) / 1000 / DAY];
					expect(first).toBe(expectedStart);
					expect(last - first + 1).toBeGreaterThanOrEqual(1);
					expect(last - first + 1).toBeLessThanOrEqual(size);
					expectedStart = last + 1;
				}
			}),
		);
	});
});

describe('splitWallClockRange', () => {
	it('to the minute: windows of at most 30 days, sharing their boundary minute, the last a minute past the range', () => {
		expect(splitWallClockRange('2026-10-01T09:30:45', '2026-11-15T18:05:10', 30 * DAY, 60)).toEqual([
			{ from: '2026-10-01T09:30:00', to: '2026-10-31T09:30:00' },
			{ from: '2026-10-31T09:30:00', to: '2026-11-15T18:06:00' },
		]);
		expect(splitWallClockRange('2026-11-20T00:00:00', '2026-11-20T23:59:59', 30 * DAY, 60)).toEqual([{ from: '2026-11-20T00:00:00', to: '2026-11-21T00:00:00' }]);
	});

	it('to the second: the exchange windows (7 days less a second), the last a second past the range', () => {
		expect(splitWallClockRange('2026-11-01T00:00:00', '2026-11-07T23:59:59', 7 * DAY - 1)).toEqual([
			{ from: '2026-11-01T00:00:00', to: '2026-11-07T23:59:59' },
			{ from: '2026-11-07T23:59:59', to: '2026-11-08T00:00:00' },
		]);
	});

	it('is splitTimeFrame at 599 seconds (products)', () => {
		expect(splitWallClockRange('2026-11-20T23:55:00', '2026-11-21T00:05:00', 599)).toEqual([
			{ from: '2026-11-20T23:55:00', to: '2026-11-21T00:04:59' },
			{ from: '2026-11-21T00:04:59', to: '2026-11-21T00:05:01' },
		]);
	});

	it('property: windows stay within the span, chain, start at the range (its minute) and end one grain past it', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: wall('2020-01-01T00:00:00'), max: wall('2030-01-01T00:00:00') }),
				fc.double({ min: 0, max: 40, noNaN: true }),
				fc.constantFrom(1, 60),
				fc.constantFrom(599, 7 * DAY - 1, 30 * DAY),
				(from, windowsLong, grain, span) => {
					const length = Math.floor(windowsLong * span); // up to about 40 windows
					const windowSeconds = grain === 60 ? Math.floor(span / 60) * 60 : span;
					const windows = splitWallClockRange(wallText(from), wallText(from + length), windowSeconds, grain);
					expect(wall(windows[0].from)).toBe(Math.floor(from / grain) * grain);
					expect(wall(windows[windows.length - 1].to)).toBe(Math.floor((from + length) / grain) * grain + grain);
					for (let index = 0; index < windows.length; index++) {
						const [start, end] = [wall(windows[index].from), wall(windows[index].to)];
						expect(end - start).toBeGreaterThan(0);
						expect(end - start).toBeLessThanOrEqual(windowSeconds);
						if (index > 0) expect(start).toBe(wall(windows[index - 1].to));
					}
				},
			),
		);
	});
});

describe('checkWallClockRange and checkKoreaDayCount', () => {
	it('accepts up to the limit and says by how much a longer range is over, in days', () => {
		expect(() => checkWallClockRange('2026-10-01T00:00:00', '2026-11-01T00:00:00', 31 * DAY, LABELS)).not.toThrow();
		expect(inputError(() => checkWallClockRange('2026-10-01T00:00:00', '2026-11-01T02:05:00', 31 * DAY, LABELS)).message).toBe(
			'Time frame 2026-10-01T00:00:00 to 2026-11-01T02:05:00 is 31 days 2 hours 5 minutes; Coupang allows at most 31 days between Created From and Created To',
		);
		expect(inputError(() => checkWallClockRange('2026-11-01T00:00:00', '2026-11-08T00:00:01', 7 * DAY, LABELS)).message).toBe(
			'Time frame 2026-11-01T00:00:00 to 2026-11-08T00:00:01 is 7 days 1 second; Coupang allows at most 7 days between Created From and Created To',
		);
		// The product time frame keeps its wording.
		expect(() => checkTimeFrame('2026-11-20T10:00:00', '2026-11-20T12:00:00')).toThrow('is 120 minutes; Coupang allows at most 10 minutes between Created From and Created To');
	});

	it('counts both ends of a day period: 31 days accepted, 32 refused', () => {
		expect(() => checkKoreaDayCount('2026-07-01', '2026-07-31', 31, LABELS)).not.toThrow();
		const error = inputError(() => checkKoreaDayCount('2026-07-01', '2026-08-01', 31, LABELS));
		expect([error.field, error.value, error.message]).toEqual([
			'Created To',
			'2026-08-01',
			'Period 2026-07-01 to 2026-08-01 covers 32 days; Coupang lists at most 31 days at once (Created From and Created To included)',
		]);
		expect(inputError(() => checkKoreaDayCount('2026-07-02', '2026-07-01', 31, LABELS)).message).toBe('Created To 2026-07-01 is before Created From 2026-07-02');
	});
});

describe('koreaDaysAsWallClock', () => {
	it('is the first second of the first day to the last second of the last', () => {
		expect(koreaDaysAsWallClock({ start: '2026-11-20', end: '2026-11-21' })).toEqual({ from: '2026-11-20T00:00:00', to: '2026-11-21T23:59:59' });
		expect(isInTimeFrame('2026-11-20T00:00:00', '2026-11-21T23:59:59', '2026-11-21T23:59:59')).toBe(true);
		expect(isInTimeFrame('2026-11-20T00:00:00', '2026-11-21T23:59:59', '2026-11-22T00:00:00')).toBe(false);
	});
});
