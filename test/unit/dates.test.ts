import { DateTime } from 'luxon';

import {
	addDaysToCoupangDate,
	checkInquiryPeriod,
	checkTimeFrame,
	daysBetweenCoupangDates,
	koreaDateOf,
	koreaDateTimeOf,
	parseCoupangTimestamp,
	splitInquiryPeriod,
	isInTimeFrame,
	splitTimeFrame,
	startOfKoreaDay,
	toCoupangDate,
	toCoupangDateTime,
} from '../../nodes/Coupang/core/dates';
import { CoupangInputError } from '../../nodes/Coupang/core/input';
import { inputError } from '../helpers/inputError';


describe('toCoupangDate', () => {
	it('keeps a plain calendar day as it is, whatever the workflow time zone', () => {
		expect(toCoupangDate('2026-11-20', 'Pacific/Kiritimati', 'Start Date')).toBe('2026-11-20');
		expect(toCoupangDate('2026-11-20', 'America/St_Johns', 'Start Date')).toBe('2026-11-20');
	});

	it('reads a date-time without offset in the workflow time zone and gives its Korea day', () => {
		// 20:00 in Los Angeles (UTC-8 in November) is 13:00 the next day in Korea.
		expect(toCoupangDate('2026-11-23T20:00:00', 'America/Los_Angeles', 'Start Date')).toBe('2026-11-24');
		// 14:59:59 UTC is 23:59:59 in Korea; one second later is the next Korea day.
		expect(toCoupangDate('2026-11-24T14:59:59', 'UTC', 'Start Date')).toBe('2026-11-24');
		expect(toCoupangDate('2026-11-24T15:00:00', 'UTC', 'Start Date')).toBe('2026-11-25');
		expect(toCoupangDate('2026-11-24 15:00:00', 'UTC', 'Start Date')).toBe('2026-11-25');
	});

	it('honours an explicit offset over the workflow time zone', () => {
		expect(toCoupangDate('2026-11-24T15:00:00Z', 'Asia/Seoul', 'Start Date')).toBe('2026-11-25');
		expect(toCoupangDate('2026-11-24T23:59:59+09:00', 'America/St_Johns', 'Start Date')).toBe('2026-11-24');
		expect(toCoupangDate('2026-11-24T00:00:00.000+09:00', 'UTC', 'Start Date')).toBe('2026-11-24');
	});

	it('accepts JS Dates and luxon DateTimes as instants', () => {
		expect(toCoupangDate(new Date('2026-11-24T14:59:59Z'), 'UTC', 'Start Date')).toBe('2026-11-24');
		expect(toCoupangDate(DateTime.fromISO('2026-11-24T15:00:00Z'), 'UTC', 'Start Date')).toBe('2026-11-25');
		expect(toCoupangDate(DateTime.fromISO('2026-11-24T10:00:00', { zone: 'Asia/Kathmandu' }), 'UTC', 'Start Date')).toBe(
			'2026-11-24',
		);
	});

	it('names the field and the value of something that is not a date', () => {
		const error = inputError(() => toCoupangDate('next tuesday', 'UTC', 'Start Date'));
		expect(error.field).toBe('Start Date');
		expect(error.value).toBe('next tuesday');
		expect(error.message).toContain('Start Date "next tuesday" is not a valid date');
		expect(inputError(() => toCoupangDate('2026-02-30', 'UTC', 'End Date')).message).toContain('2026-02-30');
		expect(inputError(() => toCoupangDate('2026-02-30T10:00:00', 'UTC', 'End Date')).field).toBe('End Date');
		expect(inputError(() => toCoupangDate('2026-11-20T24:00:00', 'UTC', 'End Date')).field).toBe('End Date');
		expect(inputError(() => toCoupangDate('20261120', 'UTC', 'End Date')).field).toBe('End Date');
		expect(inputError(() => toCoupangDate('2026-11-20T10:00:00+15:00', 'UTC', 'End Date')).message).toContain('+15:00 is not a UTC offset');
		expect(inputError(() => toCoupangDate(new Date(Number.NaN), 'UTC', 'End Date')).value).toBe('Invalid Date');
		expect(inputError(() => toCoupangDate(DateTime.invalid('broken'), 'UTC', 'End Date')).field).toBe('End Date');
		expect(inputError(() => toCoupangDate(42, 'UTC', 'End Date')).value).toBe('42');
	});

	it('says a missing date is required', () => {
		expect(inputError(() => toCoupangDate('', 'UTC', 'Start Date')).message).toBe('Start Date is required');
		expect(inputError(() => toCoupangDate('   ', 'UTC', 'Start Date')).message).toBe('Start Date is required');
		expect(inputError(() => toCoupangDate(undefined, 'UTC', 'Start Date')).message).toBe('Start Date is required');
	});

	it('rejects an unknown workflow time zone when it matters', () => {
		const error = inputError(() => toCoupangDate('2026-11-20T10:00:00', 'Mars/Olympus', 'Start Date'));
		expect(error.field).toBe('Time Zone');
		expect(error.message).toContain('Mars/Olympus');
		// A plain day or an explicit offset does not depend on the workflow's zone.
		expect(toCoupangDate('2026-11-20', 'Mars/Olympus', 'Start Date')).toBe('2026-11-20');
		expect(toCoupangDate('2026-11-20T10:00:00Z', 'Mars/Olympus', 'Start Date')).toBe('2026-11-20');
	});
});

describe('toCoupangDateTime', () => {
	it('converts to the Korea wall clock without offset and drops fractions of a second', () => {
		expect(toCoupangDateTime('2026-11-23T20:00:00', 'America/Los_Angeles', 'Created From')).toBe('2026-11-24T13:00:00');
		expect(toCoupangDateTime('2026-11-24T00:00:00Z', 'Asia/Seoul', 'Created From')).toBe('2026-11-24T09:00:00');
		expect(toCoupangDateTime('2026-11-24T00:00:00.999Z', 'UTC', 'Created From')).toBe('2026-11-24T09:00:00');
		expect(toCoupangDateTime('2026-11-24T09:30:00', 'Asia/Kathmandu', 'Created From')).toBe('2026-11-24T12:45:00');
		expect(toCoupangDateTime('2026-11-24T09:30', 'Asia/Seoul', 'Created From')).toBe('2026-11-24T09:30:00');
	});

	it('takes a plain day as midnight in the workflow time zone', () => {
		expect(toCoupangDateTime('2026-11-24', 'Asia/Seoul', 'Created From')).toBe('2026-11-24T00:00:00');
		expect(toCoupangDateTime('2026-11-24', 'UTC', 'Created From')).toBe('2026-11-24T09:00:00');
		expect(toCoupangDateTime('2026-11-24', 'Pacific/Kiritimati', 'Created From')).toBe('2026-11-23T19:00:00');
	});

	it('crosses the Korea midnight at 15:00 UTC', () => {
		expect(toCoupangDateTime(new Date('2026-12-31T14:59:59.999Z'), 'UTC', 'Created To')).toBe('2026-12-31T23:59:59');
		expect(toCoupangDateTime(new Date('2026-12-31T15:00:00Z'), 'UTC', 'Created To')).toBe('2027-01-01T00:00:00');
	});
});

describe('parseCoupangTimestamp', () => {
	it('reads list timestamps as Korea time', () => {
		const parsed = parseCoupangTimestamp('2019-06-25 01:10:04');
		expect(parsed.toUTC().toISO()).toBe('2019-06-24T16:10:04.000Z');
		expect(parseCoupangTimestamp('2019-06-25T01:10:04').toMillis()).toBe(parsed.toMillis());
		expect(parseCoupangTimestamp('2019-06-25').toUTC().toISO()).toBe('2019-06-24T15:00:00.000Z');
	});

	it('reads ISO-8601 with an offset (v5 call-center lookup), to the second', () => {
		const parsed = parseCoupangTimestamp('2025-01-15T14:17:13.973885+09:00');
		expect(parsed.toUTC().toISO()).toBe('2025-01-15T05:17:13.000Z');
		expect(parseCoupangTimestamp('2025-01-15T05:17:13Z').toMillis()).toBe(parsed.toMillis());
		expect(koreaDateTimeOf(parsed)).toBe('2025-01-15T14:17:13');
	});

	it('rejects what is not a timestamp', () => {
		for (const bad of ['', 'yesterday', '2019-13-01 00:00:00', '2019-06-25 25:00:00', '2019-06-25T01:10:04+25:00', '2019-06-25T01:10:04+09:60']) {
			expect(() => parseCoupangTimestamp(bad)).toThrow(CoupangInputError);
		}
	});
});

describe('Korea day helpers', () => {
	it('finds the Korea day of an instant and the instant of a Korea midnight', () => {
		expect(koreaDateOf(Date.UTC(2026, 0, 1, 14, 59, 59))).toBe('2026-01-01');
		expect(koreaDateOf(Date.UTC(2026, 0, 1, 15, 0, 0))).toBe('2026-01-02');
		expect(startOfKoreaDay('2026-01-02').toUTC().toISO()).toBe('2026-01-01T15:00:00.000Z');
	});

	it('adds and counts calendar days across month, year and leap days', () => {
		expect(addDaysToCoupangDate('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDaysToCoupangDate('2025-02-28', 1)).toBe('2025-03-01');
		expect(addDaysToCoupangDate('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDaysToCoupangDate('2026-01-01', -1)).toBe('2025-12-31');
		expect(daysBetweenCoupangDates('2024-02-25', '2024-03-03')).toBe(7);
		expect(daysBetweenCoupangDates('2024-03-03', '2024-02-25')).toBe(-7);
	});
});

describe('checkInquiryPeriod', () => {
	it('accepts up to 7 days between start and end (8 calendar days inclusive)', () => {
		expect(() => checkInquiryPeriod('2026-11-20', '2026-11-20')).not.toThrow();
		expect(() => checkInquiryPeriod('2026-11-20', '2026-11-27')).not.toThrow();
		expect(() => checkInquiryPeriod('2024-02-25', '2024-03-03')).not.toThrow();
	});

	it('rejects more than 7 days, naming the length and the limit', () => {
		const error = inputError(() => checkInquiryPeriod('2026-11-20', '2026-11-29'));
		expect(error.message).toBe(
			'Query period 2026-11-20 to 2026-11-29 is 9 days; Coupang allows at most 7 days between Start Date and End Date',
		);
		expect(error.field).toBe('End Date');
		expect(() => checkInquiryPeriod('2026-11-20', '2026-11-28')).toThrow('is 8 days');
	});

	it('rejects an end before the start and malformed days', () => {
		expect(inputError(() => checkInquiryPeriod('2026-11-20', '2026-11-19')).message).toBe(
			'End Date 2026-11-19 is before Start Date 2026-11-20',
		);
		expect(inputError(() => checkInquiryPeriod('2026/11/20', '2026-11-21')).field).toBe('Start Date');
		expect(inputError(() => checkInquiryPeriod('2026-11-20', '2026-11-31')).field).toBe('End Date');
		expect(inputError(() => checkInquiryPeriod('2026-11-20', '2026-11-21T00:00:00')).field).toBe('End Date');
	});
});

describe('splitInquiryPeriod', () => {
	it('keeps a short period as one window', () => {
		expect(splitInquiryPeriod('2026-11-20', '2026-11-20')).toEqual([{ start: '2026-11-20', end: '2026-11-20' }]);
		expect(splitInquiryPeriod('2026-11-20', '2026-11-26')).toEqual([{ start: '2026-11-20', end: '2026-11-26' }]);
	});

	it('splits 30 days into contiguous 7-day windows, oldest first', () => {
		expect(splitInquiryPeriod('2026-11-01', '2026-11-30')).toEqual([
			{ start: '2026-11-01', end: '2026-11-07' },
			{ start: '2026-11-08', end: '2026-11-14' },
			{ start: '2026-11-15', end: '2026-11-21' },
			{ start: '2026-11-22', end: '2026-11-28' },
			{ start: '2026-11-29', end: '2026-11-30' },
		]);
	});

	it('crosses a leap day and a year end', () => {
		expect(splitInquiryPeriod('2024-02-26', '2024-03-05')).toEqual([
			{ start: '2024-02-26', end: '2024-03-03' },
			{ start: '2024-03-04', end: '2024-03-05' },
		]);
		expect(splitInquiryPeriod('2026-12-29', '2027-01-06')).toEqual([
			{ start: '2026-12-29', end: '2027-01-04' },
			{ start: '2027-01-05', end: '2027-01-06' },
		]);
	});

	it('rejects an end before the start', () => {
		expect(() => splitInquiryPeriod('2026-11-20', '2026-11-01')).toThrow('End Date 2026-11-01 is before Start Date 2026-11-20');
	});
});

describe('checkTimeFrame', () => {
	it('accepts up to exactly 10 minutes', () => {
		expect(() => checkTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:00:00')).not.toThrow();
		expect(() => checkTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:10:00')).not.toThrow();
		expect(() => checkTimeFrame('2026-11-20T23:55:00', '2026-11-21T00:05:00')).not.toThrow();
	});

	it('rejects longer frames, naming the length', () => {
		expect(inputError(() => checkTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:10:01')).message).toBe(
			'Time frame 2026-11-20T10:00:00 to 2026-11-20T10:10:01 is 10 minutes 1 second; Coupang allows at most 10 minutes between Created From and Created To',
		);
		expect(() => checkTimeFrame('2026-11-20T10:00:00', '2026-11-20T12:00:00')).toThrow('is 120 minutes;');
	});

	it('rejects an end before the start and malformed values', () => {
		expect(inputError(() => checkTimeFrame('2026-11-20T10:00:01', '2026-11-20T10:00:00')).message).toBe(
			'Created To 2026-11-20T10:00:00 is before Created From 2026-11-20T10:00:01',
		);
		expect(inputError(() => checkTimeFrame('2026-11-20 10:00:00', '2026-11-20T10:00:00')).field).toBe('Created From');
		expect(inputError(() => checkTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:60:00')).field).toBe('Created To');
	});
});

describe('splitTimeFrame', () => {
	it('splits two hours into 13 windows and a day into 145, each under 10 minutes, sharing boundary seconds', () => {
		const twoHours = splitTimeFrame('2026-11-20T00:00:00', '2026-11-20T02:00:00');
		expect(twoHours).toHaveLength(13);
		expect(twoHours[0]).toEqual({ from: '2026-11-20T00:00:00', to: '2026-11-20T00:09:59' });
		expect(twoHours[1]).toEqual({ from: '2026-11-20T00:09:59', to: '2026-11-20T00:19:58' });
		// The last window ends one second after Created To: covered even if Coupang's createdAtTo is exclusive.
		expect(twoHours[12]).toEqual({ from: '2026-11-20T01:59:48', to: '2026-11-20T02:00:01' });
		expect(splitTimeFrame('2026-11-20T00:00:00', '2026-11-21T00:00:00')).toHaveLength(145);
		expect(splitTimeFrame('2026-11-20T00:00:00', '2026-11-20T23:59:59')).toHaveLength(145);
	});

	it('keeps a short frame whole, splits exactly 10 minutes in two, and crosses midnight', () => {
		expect(splitTimeFrame('2026-11-20T23:58:00', '2026-11-21T00:02:00')).toEqual([
			{ from: '2026-11-20T23:58:00', to: '2026-11-21T00:02:01' },
		]);
		expect(splitTimeFrame('2026-11-20T23:55:00', '2026-11-21T00:05:00')).toEqual([
			{ from: '2026-11-20T23:55:00', to: '2026-11-21T00:04:59' },
			{ from: '2026-11-21T00:04:59', to: '2026-11-21T00:05:01' },
		]);
		expect(splitTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:00:00')).toEqual([{ from: '2026-11-20T10:00:00', to: '2026-11-20T10:00:01' }]);
	});

	it('isInTimeFrame keeps [from, to] and drops the extra second after it', () => {
		expect(isInTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:05:00', '2026-11-20T10:00:00')).toBe(true);
		expect(isInTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:05:00', '2026-11-20T10:05:00')).toBe(true);
		expect(isInTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:05:00', '2026-11-20T10:05:01')).toBe(false);
		expect(isInTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:05:00', '2026-11-20T09:59:59')).toBe(false);
		expect(isInTimeFrame('2026-11-20T10:00:00', '2026-11-20T10:05:00', 'not a time')).toBe(true);
	});
});

