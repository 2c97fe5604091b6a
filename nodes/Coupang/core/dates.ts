/**
 * Coupang's dates and time frames, pure (no n8n classes): converting what n8n hands a node into Coupang's Korea-time
 * strings, checking them against Coupang's limits, and splitting long ranges into windows Coupang accepts.
 *
 * Korea time is UTC+9 without daylight saving time (none since 1988, long before any Coupang data). Conversions use
 * that fixed offset rather than the `Asia/Seoul` rules, so a Coupang string maps to exactly one instant and back
 * for any date, matching what Coupang's servers (and the sandbox) do.
 *
 * Calendar arithmetic on Coupang strings is done on plain numbers (days / seconds since 1970 of the Korea wall
 * clock), never through a time zone, so it cannot be disturbed by any zone's rules.
 */
import { DateTime, FixedOffsetZone } from 'luxon';

import {
	KOREA_OFFSET_MINUTES,
	MAX_INQUIRY_PERIOD_DAYS,
	MAX_ORDER_MINUTE_RANGE_HOURS,
	MAX_ORDER_PERIOD_DAYS,
	MAX_PRODUCT_TIME_FRAME_MINUTES,
} from './coupangFacts';
import { CoupangInputError } from './input';

/**
 * Calendar days in one window made by `splitInquiryPeriod` (end - start <= 6). One day less than Coupang's limit:
 * the call-center page of the docs words its rule as "= 7d", so every window stays clear of the edge.
 */
export const INQUIRY_WINDOW_DAYS = 7;

const KOREA_ZONE = FixedOffsetZone.instance(KOREA_OFFSET_MINUTES);
const SECONDS_PER_DAY = 86400;
const MAX_TIME_FRAME_SECONDS = MAX_PRODUCT_TIME_FRAME_MINUTES * 60;

/* ------------------------------------------------------------------ plain-number calendar */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

/** Days since 1970-01-01 of a real calendar day, or undefined (Feb 30, month 13, year 0…). */
function dayNumberOf(year: number, month: number, day: number): number | undefined {
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return Math.round(date.getTime() / (SECONDS_PER_DAY * 1000));
}

function formatDayNumber(dayNumber: number): string {
	const date = new Date(dayNumber * SECONDS_PER_DAY * 1000);
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** `yyyy-MM-dd` → days since 1970, or undefined when it is not exactly that pattern and a real day. */
function parseDayNumber(text: string): number | undefined {
	const match = DATE_PATTERN.exec(text);
	if (!match) return undefined;
	return dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `yyyy-MM-ddTHH:mm:ss` → seconds since 1970 of that wall clock, or undefined. */
function parseWallSeconds(text: string): number | undefined {
	const match = DATE_TIME_PATTERN.exec(text);
	if (!match) return undefined;
	const day = dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
	const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
	if (day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
	return day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

function formatWallSeconds(seconds: number): string {
	const day = Math.floor(seconds / SECONDS_PER_DAY);
	const rest = seconds - day * SECONDS_PER_DAY;
	const time = `${pad(Math.floor(rest / 3600), 2)}:${pad(Math.floor((rest % 3600) / 60), 2)}:${pad(rest % 60, 2)}`;
	return `${formatDayNumber(day)}T${time}`;
}

/** Whole days from `start` to `end` (both `yyyy-MM-dd`); negative when end is before start. */
export function daysBetweenCoupangDates(start: string, end: string): number {
	return requireDate(end, 'End Date') - requireDate(start, 'Start Date');
}

/** The `yyyy-MM-dd` that is `days` calendar days after `date` (before, when negative). */
export function addDaysToCoupangDate(date: string, days: number): string {
	return formatDayNumber(requireDate(date, 'Date') + days);
}

/* ------------------------------------------------------------------ instants ↔ Korea strings */

/** The Korea calendar day (`yyyy-MM-dd`) of an instant. */
export function koreaDateOf(instant: DateTime | Date | number): string {
	return toKorea(instant).toFormat('yyyy-MM-dd');
}

/** The Korea wall clock (`yyyy-MM-ddTHH:mm:ss`) of an instant, fractions of a second dropped. */
export function koreaDateTimeOf(instant: DateTime | Date | number): string {
	return toKorea(instant).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** The instant of 00:00:00 Korea time on a `yyyy-MM-dd` day. */
export function startOfKoreaDay(date: string): DateTime {
	return DateTime.fromMillis(requireDate(date, 'Date') * SECONDS_PER_DAY * 1000 - KOREA_OFFSET_MINUTES * 60000, {
		zone: KOREA_ZONE,
	});
}

function toKorea(instant: DateTime | Date | number): DateTime {
	const millis = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : instant.toMillis();
	return DateTime.fromMillis(Math.floor(millis / 1000) * 1000, { zone: KOREA_ZONE });
}

function isJsDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

/** A date (yyyy-MM-dd) with an optional time, fraction and offset. Space or T between date and time. */
const INPUT_PATTERN =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A UTC offset as written (`Z`, `+09:00`, `-0330`, `+05`) is real: at most 14 hours, minutes below 60. */
function isRealOffset(offset: string): boolean {
	const match = /^[+-](\d{2}):?(\d{2})?$/.exec(offset);
	if (!match) return /^z$/i.test(offset);
	const minutes = Number(match[1]) * 60 + Number(match[2] ?? '0');
	return Number(match[2] ?? '0') < 60 && minutes <= 14 * 60;
}

type ReadInput = { kind: 'day'; dayNumber: number } | { kind: 'instant'; instant: DateTime };

function describe(value: unknown): string {
	if (typeof value === 'string') return value;
	if (isJsDate(value)) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	if (DateTime.isDateTime(value)) return value.isValid ? (value.toISO() ?? String(value)) : 'Invalid DateTime';
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

function checkZone(workflowTimeZone: string): void {
	if (!DateTime.now().setZone(workflowTimeZone).isValid) {
		throw new CoupangInputError(
			'Time Zone',
			workflowTimeZone,
			`The workflow's time zone "${workflowTimeZone}" is not a known time zone; pick one in the workflow settings`,
		);
	}
}

/**
 * Reads what n8n gives a date parameter: `2026-11-20` (a calendar day), `2026-11-20T09:30:00` (no offset: the
 * workflow's time zone), ISO with `Z` or an offset, a luxon DateTime or a JS Date (both instants).
 */
function readInput(value: unknown, workflowTimeZone: string, field: string): ReadInput {
	const invalid = (detail: string): CoupangInputError =>
		new CoupangInputError(field, describe(value), `${field} "${describe(value)}" is not a valid date: ${detail}`);
	if (DateTime.isDateTime(value)) {
		if (!value.isValid) throw invalid(value.invalidExplanation ?? 'invalid DateTime');
		return { kind: 'instant', instant: value };
	}
	if (isJsDate(value)) {
		if (Number.isNaN(value.getTime())) throw invalid('invalid Date');
		return { kind: 'instant', instant: DateTime.fromJSDate(value) };
	}
	if (typeof value !== 'string') {
		if (value === undefined || value === null) throw new CoupangInputError(field, '', `${field} is required`);
		throw invalid('expected a date such as 2026-11-20 or 2026-11-20T09:30:00');
	}
	const text = value.trim();
	if (text === '') throw new CoupangInputError(field, '', `${field} is required`);
	const match = INPUT_PATTERN.exec(text);
	if (!match) throw invalid('expected a date such as 2026-11-20 or 2026-11-20T09:30:00');
	const [, datePart, timePart, offsetPart] = match;
	if (timePart === undefined) {
		const dayNumber = parseDayNumber(datePart);
		if (dayNumber === undefined) throw invalid(`${datePart} is not a day of the calendar`);
		return { kind: 'day', dayNumber };
	}
	if (offsetPart === undefined) checkZone(workflowTimeZone);
	else if (!isRealOffset(offsetPart)) throw invalid(`${offsetPart} is not a UTC offset`);
	const iso = `${datePart}T${timePart.replace(',', '.')}${offsetPart ?? ''}`;
	const instant = DateTime.fromISO(iso, offsetPart === undefined ? { zone: workflowTimeZone } : { setZone: true });
	// luxon accepts 24:00 as the next midnight; Coupang strings never contain it, so neither do we.
	if (!instant.isValid || /^24/.test(timePart)) throw invalid(instant.invalidExplanation ?? 'hour 24 does not exist');
	return { kind: 'instant', instant };
}

/**
 * `yyyy-MM-dd` in Korea time for an inquiry query. A plain calendar day is taken as that day; anything with a time
 * is an instant (no offset: in the workflow's time zone) and gives the Korea day it falls on.
 */
export function toCoupangDate(value: string | Date | DateTime | unknown, workflowTimeZone: string, field: string): string {
	const read = readInput(value, workflowTimeZone, field);
	return read.kind === 'day' ? formatDayNumber(read.dayNumber) : koreaDateOf(read.instant);
}

/**
 * `yyyy-MM-ddTHH:mm:ss` in Korea time for a product time frame. A plain calendar day means its midnight in the
 * workflow's time zone. Fractions of a second are dropped.
 */
export function toCoupangDateTime(
	value: string | Date | DateTime | unknown,
	workflowTimeZone: string,
	field: string,
): string {
	const read = readInput(value, workflowTimeZone, field);
	if (read.kind === 'instant') return koreaDateTimeOf(read.instant);
	checkZone(workflowTimeZone);
	const midnight = DateTime.fromISO(formatDayNumber(read.dayNumber), { zone: workflowTimeZone });
	return koreaDateTimeOf(midnight);
}

const KOREA_TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2})(?:\.\d{1,9})?)?$/;

/**
 * A timestamp from a Coupang response: `yyyy-MM-dd HH:mm:ss` (or with `T`, or a bare `yyyy-MM-dd`) in Korea time,
 * or ISO-8601 with an offset (v5 call-center lookup). Returns the instant in Korea time, to the second.
 */
export function parseCoupangTimestamp(value: string): DateTime {
	const invalid = (): CoupangInputError =>
		new CoupangInputError(
			'timestamp',
			String(value),
			`"${String(value)}" is not a Coupang timestamp (yyyy-MM-dd HH:mm:ss in Korea time, or ISO-8601 with an offset)`,
		);
	if (typeof value !== 'string') throw invalid();
	const text = value.trim();
	const korea = KOREA_TIMESTAMP_PATTERN.exec(text);
	if (korea) {
		const wall = parseWallSeconds(`${korea[1]}T${korea[2] ?? '00:00:00'}`);
		if (wall === undefined) throw invalid();
		return DateTime.fromMillis((wall - KOREA_OFFSET_MINUTES * 60) * 1000, { zone: KOREA_ZONE });
	}
	const offset = /(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(text);
	if (!INPUT_PATTERN.test(text) || !offset || !isRealOffset(offset[1])) throw invalid();
	const instant = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
	if (!instant.isValid) throw invalid();
	return toKorea(instant);
}

/* ------------------------------------------------------------------ inquiry periods */

function requireDate(text: string, field: string): number {
	const dayNumber = typeof text === 'string' ? parseDayNumber(text) : undefined;
	if (dayNumber === undefined) {
		throw new CoupangInputError(field, String(text), `${field} "${String(text)}" must be a day written yyyy-MM-dd`);
	}
	return dayNumber;
}

/** What a range's two ends are called in the node (for the messages of the checks). */
export interface RangeLabels {
	from: string;
	to: string;
}

const PERIOD_LABELS: RangeLabels = { from: 'Start Date', to: 'End Date' };
const FRAME_LABELS: RangeLabels = { from: 'Created From', to: 'Created To' };

function requireOrderedPeriod(start: string, end: string, labels: RangeLabels = PERIOD_LABELS): [number, number] {
	const startDay = requireDate(start, labels.from);
	const endDay = requireDate(end, labels.to);
	if (endDay < startDay) {
		throw new CoupangInputError(labels.to, end, `${labels.to} ${end} is before ${labels.from} ${start}`);
	}
	return [startDay, endDay];
}

/** Korea days `yyyy-MM-dd` from `start` to `end`, both included. */
export interface KoreaDays {
	start: string;
	end: string;
}

/** Throws unless Coupang accepts the period: real `yyyy-MM-dd` days, end not before start, end - start <= 7 days. */
export function checkInquiryPeriod(start: string, end: string): void {
	const [startDay, endDay] = requireOrderedPeriod(start, end);
	const days = endDay - startDay;
	if (days > MAX_INQUIRY_PERIOD_DAYS) {
		throw new CoupangInputError(
			'End Date',
			end,
			`Query period ${start} to ${end} is ${days} days; Coupang allows at most ${MAX_INQUIRY_PERIOD_DAYS} days between Start Date and End Date`,
		);
	}
}

/**
 * Splits an inclusive period into contiguous, non-overlapping inclusive windows in chronological order, each at
 * most `INQUIRY_WINDOW_DAYS` calendar days long (so Coupang accepts each); together they cover exactly
 * [start, end]. Throws like `checkInquiryPeriod` for malformed dates or an end before the start.
 */
export function splitInquiryPeriod(start: string, end: string): KoreaDays[] {
	return splitKoreaDays(start, end, INQUIRY_WINDOW_DAYS);
}

/**
 * Splits an inclusive period of Korea days into contiguous, non-overlapping inclusive windows of at most
 * `windowDays` calendar days, in chronological order, covering exactly [start, end]. Throws for malformed dates or
 * an end before the start (fields named by `labels`).
 */
export function splitKoreaDays(start: string, end: string, windowDays: number, labels: RangeLabels = PERIOD_LABELS): KoreaDays[] {
	const [startDay, endDay] = requireOrderedPeriod(start, end, labels);
	const windows: KoreaDays[] = [];
	for (let first = startDay; first <= endDay; first += windowDays) {
		const last = Math.min(first + windowDays - 1, endDay);
		windows.push({ start: formatDayNumber(first), end: formatDayNumber(last) });
	}
	return windows;
}

/* ------------------------------------------------------------------ order periods (PO lists) */

/** Throws unless Coupang accepts the order period: real days, end not before start, at most 31 days (both included). */
export function checkOrderPeriod(start: string, end: string): void {
	const [startDay, endDay] = requireOrderedPeriod(start, end);
	const days = endDay - startDay + 1;
	if (days > MAX_ORDER_PERIOD_DAYS) {
		throw new CoupangInputError(
			'End Date',
			end,
			`Order period ${start} to ${end} spans ${days} days; Coupang allows at most ${MAX_ORDER_PERIOD_DAYS} days, Start Date and End Date included`,
		);
	}
}

/**
 * Contiguous 31-day windows (both days included) covering exactly [start, end], oldest first. Each is accepted
 * whichever way Coupang reads "max 31 days": 31 days from 07-01 to 07-31 is R19's own example, and a window never
 * reaches the silent edge (32 days, 31 apart).
 */
export function splitOrderPeriod(start: string, end: string): KoreaDays[] {
	return splitKoreaDays(start, end, MAX_ORDER_PERIOD_DAYS);
}

/* ------------------------------------------------------------------ order minute ranges (PO lists, searchType=timeFrame) */

const MINUTE_SECONDS = 60;
/** Minute windows start on these Korea wall-clock marks (00:00 and 12:00). */
const MINUTE_WINDOW_MARK_SECONDS = 12 * 3600;

/** One minute-search window: `yyyy-MM-ddTHH:mm` bounds; `toWithinDay` when `to` is the next day's 00:00. */
export interface MinuteWindow {
	from: string;
	to: string;
	/** The same window ending at 23:59 of its own day, for a gateway that wants both bounds on one Korea date. */
	toWithinDay?: string;
}

function formatMinute(seconds: number): string {
	return formatWallSeconds(seconds).slice(0, 16);
}

/** Start and End Time as whole Korea minutes (seconds dropped), ordered. */
function requireOrderedMinutes(from: string, to: string): [number, number] {
	const fromSeconds = requireDateTime(from, 'Start Time');
	const toSeconds = requireDateTime(to, 'End Time');
	if (toSeconds < fromSeconds) throw new CoupangInputError('End Time', to, `End Time ${to} is before Start Time ${from}`);
	const floor = (seconds: number): number => seconds - (seconds % MINUTE_SECONDS);
	return [floor(fromSeconds), floor(toSeconds)];
}

/** Throws unless Coupang accepts the minute range: End Time less than 24 hours after Start Time (to the minute). */
export function checkOrderMinuteRange(from: string, to: string): void {
	const [fromMinute, toMinute] = requireOrderedMinutes(from, to);
	if (toMinute - fromMinute >= MAX_ORDER_MINUTE_RANGE_HOURS * 3600) {
		throw new CoupangInputError(
			'End Time',
			to,
			`Time range ${formatMinute(fromMinute)} to ${formatMinute(toMinute)} is ${describeDuration(toMinute - fromMinute, true)}; Coupang allows less than ${MAX_ORDER_MINUTE_RANGE_HOURS} hours between Start Time and End Time`,
		);
	}
}

/**
 * Windows for the whole minutes [from, to] (Korea wall clock, seconds dropped) that are right whichever way Coupang
 * reads its silent points (sheet 3.1; the sandbox's readings): each spans at most 12 hours, from a Korea 00:00 or
 * 12:00 mark to the next (so under 24 hours, also if exactly 24 hours is refused); consecutive windows share their
 * boundary minute and the last ends one minute after `to` (so nothing is lost if the `createdAtTo` minute is not
 * counted). A window ending at the next day's 00:00 also names `toWithinDay` (23:59 of its day), for the reading
 * "both bounds within one date" (R19 v4, whose example 00:00–23:59 counts the last minute whole). Callers drop
 * duplicates and what lies after `to`'s minute (`isUpToMinute`).
 */
export function splitOrderMinuteRange(from: string, to: string): MinuteWindow[] {
	const [fromMinute, toMinute] = requireOrderedMinutes(from, to);
	const end = toMinute + MINUTE_SECONDS;
	const windows: MinuteWindow[] = [];
	for (let first = fromMinute; first < end; ) {
		const mark = (Math.floor(first / MINUTE_WINDOW_MARK_SECONDS) + 1) * MINUTE_WINDOW_MARK_SECONDS;
		const last = Math.min(mark, end);
		const window: MinuteWindow = { from: formatMinute(first), to: formatMinute(last) };
		if (last % SECONDS_PER_DAY === 0) window.toWithinDay = formatMinute(last - MINUTE_SECONDS);
		windows.push(window);
		first = last;
	}
	return windows;
}

/** Whether a record's Korea timestamp lies at or before the end of `to`'s minute; a timestamp that cannot be read is kept. */
export function isUpToMinute(to: string, timestamp: unknown): boolean {
	const seconds = typeof timestamp === 'string' ? parseWallSeconds(timestamp.trim().replace(' ', 'T').slice(0, 19)) : undefined;
	if (seconds === undefined) return true;
	const toSeconds = requireDateTime(to, 'End Time');
	return seconds < toSeconds - (toSeconds % MINUTE_SECONDS) + MINUTE_SECONDS;
}

/* ------------------------------------------------------------------ product time frames */

function requireDateTime(text: string, field: string): number {
	const seconds = typeof text === 'string' ? parseWallSeconds(text) : undefined;
	if (seconds === undefined) {
		throw new CoupangInputError(field, String(text), `${field} "${String(text)}" must be written yyyy-MM-ddTHH:mm:ss`);
	}
	return seconds;
}

function requireOrderedFrame(from: string, to: string, labels: RangeLabels = FRAME_LABELS): [number, number] {
	const fromSeconds = requireDateTime(from, labels.from);
	const toSeconds = requireDateTime(to, labels.to);
	if (toSeconds < fromSeconds) {
		throw new CoupangInputError(labels.to, to, `${labels.to} ${to} is before ${labels.from} ${from}`);
	}
	return [fromSeconds, toSeconds];
}

function plural(count: number, unit: string): string {
	return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "10 minutes 1 second", "120 minutes"; from a day on "31 days 2 hours 5 minutes", or with `inHours` "50 hours 30 minutes". */
function describeDuration(seconds: number, inHours = false): string {
	const days = inHours ? 0 : Math.floor(seconds / SECONDS_PER_DAY);
	const hours = days > 0 || inHours ? Math.floor((seconds - days * SECONDS_PER_DAY) / 3600) : 0;
	const minutes = Math.floor((seconds - days * SECONDS_PER_DAY - hours * 3600) / 60);
	const rest = seconds % 60;
	const parts: string[] = [];
	if (days > 0) parts.push(plural(days, 'day'));
	if (hours > 0) parts.push(plural(hours, 'hour'));
	if (minutes > 0) parts.push(plural(minutes, 'minute'));
	if (rest > 0 || parts.length === 0) parts.push(plural(rest, 'second'));
	return parts.join(' ');
}

/** Throws unless Coupang accepts the time frame: `yyyy-MM-ddTHH:mm:ss`, to not before from, to - from <= 10 min. */
export function checkTimeFrame(from: string, to: string): void {
	checkWallClockRange(from, to, MAX_TIME_FRAME_SECONDS);
}

/** Throws unless `from`..`to` (`yyyy-MM-ddTHH:mm:ss`) are ordered and at most `maxSeconds` apart. */
export function checkWallClockRange(from: string, to: string, maxSeconds: number, labels: RangeLabels = FRAME_LABELS): void {
	const [fromSeconds, toSeconds] = requireOrderedFrame(from, to, labels);
	const span = toSeconds - fromSeconds;
	if (span > maxSeconds) {
		throw new CoupangInputError(
			labels.to,
			to,
			`Time frame ${from} to ${to} is ${describeDuration(span)}; Coupang allows at most ${describeDuration(maxSeconds)} between ${labels.from} and ${labels.to}`,
		);
	}
}

/**
 * Longest window `splitTimeFrame` makes: one second under Coupang's 10 minutes, because the docs do not say whether
 * exactly 10:00 is accepted.
 */
export const TIME_FRAME_WINDOW_SECONDS = MAX_TIME_FRAME_SECONDS - 1;

/**
 * Windows for the inclusive time frame [from, to] that are right whichever way Coupang reads its silent points:
 * each spans at most TIME_FRAME_WINDOW_SECONDS (so "at most 10 minutes" holds whether or not 10:00 itself is
 * accepted); consecutive windows share their boundary second (nothing falls between them if createdAtTo is
 * exclusive); the last one ends one second after `to` (so `to` itself is covered if createdAtTo is exclusive).
 * Callers drop duplicates (a boundary second appears twice if createdAtTo is inclusive) and what lies outside
 * [from, to] (`isInTimeFrame`). Two hours (00:00:00 to 02:00:00) give 13 windows, a day 145.
 */
export function splitTimeFrame(from: string, to: string): WallClockWindow[] {
	return splitWallClockRange(from, to, TIME_FRAME_WINDOW_SECONDS);
}

/** A window of a list searched by time: `yyyy-MM-ddTHH:mm:ss` Korea wall clock, both ends as sent. */
export interface WallClockWindow {
	from: string;
	to: string;
}

/**
 * Windows for the inclusive range [from, to] of a list whose silent points are the edge of its limit and whether its
 * `createdAtTo` is inclusive, in the way `splitTimeFrame` does it: bounds in whole `grainSeconds` (1, or 60 for lists
 * searched to the minute: `from` is rounded down to its minute); each window spans at most `windowSeconds` (a
 * multiple of the grain, below the limit); consecutive windows share their boundary; the last ends one grain after
 * `to`. Callers drop duplicates and what lies outside [from, to] (`isInTimeFrame`).
 */
export function splitWallClockRange(from: string, to: string, windowSeconds: number, grainSeconds = 1, labels: RangeLabels = FRAME_LABELS): WallClockWindow[] {
	const [fromSeconds, toSeconds] = requireOrderedFrame(from, to, labels);
	const first = Math.floor(fromSeconds / grainSeconds) * grainSeconds;
	const end = Math.floor(toSeconds / grainSeconds) * grainSeconds + grainSeconds;
	const windows: WallClockWindow[] = [];
	for (let start = first; start < end; start += windowSeconds) {
		windows.push({ from: formatWallSeconds(start), to: formatWallSeconds(Math.min(start + windowSeconds, end)) });
	}
	return windows;
}

/** Whether a record's `yyyy-MM-ddTHH:mm:ss` lies in [from, to]; a timestamp that cannot be read is kept. */
export function isInTimeFrame(from: string, to: string, createdAt: unknown): boolean {
	const seconds = typeof createdAt === 'string' ? parseWallSeconds(createdAt.trim().replace(' ', 'T').slice(0, 19)) : undefined;
	if (seconds === undefined) return true;
	const [fromSeconds, toSeconds] = requireOrderedFrame(from, to);
	return seconds >= fromSeconds && seconds <= toSeconds;
}

/* ------------------------------------------------------------------ claim lists (returns, exchanges) */

/** The Korea days of a window as a wall-clock range: from 00:00:00 of the first to 23:59:59 of the last. */
export function koreaDaysAsWallClock(days: KoreaDays): WallClockWindow {
	requireOrderedPeriod(days.start, days.end);
	return { from: `${days.start}T00:00:00`, to: `${days.end}T23:59:59` };
}

/**
 * Throws unless the period of Korea days `start`..`end` is ordered and counts at most `maxDays` calendar days, both
 * ends included (Coupang's return lists: "at most 31 days", and its example 07-01..07-31 counts both ends).
 */
export function checkKoreaDayCount(start: string, end: string, maxDays: number, labels: RangeLabels = PERIOD_LABELS): void {
	const [startDay, endDay] = requireOrderedPeriod(start, end, labels);
	const days = endDay - startDay + 1;
	if (days > maxDays) {
		throw new CoupangInputError(
			labels.to,
			end,
			`Period ${start} to ${end} covers ${plural(days, 'day')}; Coupang lists at most ${maxDays} days at once (${labels.from} and ${labels.to} included)`,
		);
	}
}
