/**
 * The return and cancellation list (v4 `returnRequests`, fact sheet 9.1), shared by Get Many and the trigger.
 *
 * Two ways to search, both over `createdAt` (the receipt's creation, "취소(반품) 접수시간"):
 * - by day (`yyyy-MM-dd`, no `searchType`): pages by `nextToken` and `maxPerPage`;
 * - by minute (`searchType=timeFrame`, `yyyy-MM-ddTHH:mm`): everything in one answer (a `nextToken`, should Coupang
 *   send one, is still followed).
 * Where Coupang is silent or contradicts itself the node works whichever way it is:
 * - Windows are at most 30 days, one under Coupang's 31 (whether a window of exactly 31 days is refused is not
 *   said); minute windows share their boundary minute and the last ends a minute after the range, so the range is
 *   covered whether `createdAtTo` counts its minute or not; records outside the range and duplicates are dropped.
 * - `searchType` is "required" in the current English table but not needed for day searches per the text and R19
 *   ("if by days no need it"), and no day value is documented. Day searches go without it; if Coupang answers that
 *   `searchType` is required, the same days are read by minute (the documented `timeFrame`), in this run from then on.
 * - Coupang lists a stop-shipment request under RU and also under UC (9.1). The node keeps only the statuses chosen,
 *   so a record is listed once, under its own status, whether or not a gateway adds RU receipts to UC.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { MAX_RETURN_PERIOD_DAYS, PATHS } from '../../core/coupangFacts';
import { type KoreaDays, koreaDaysAsWallClock, splitKoreaDays, splitWallClockRange, type WallClockWindow } from '../../core/dates';
import { collectWindows, type Remaining } from '../../core/paging';
import type { CoupangClient } from '../../transport/client';
import { dataList } from '../answers';
import { readTokenPages, type RecordFilter } from '../claimLists';

/** Days in one window: one day under Coupang's 31-day limit, whose edge is silent. */
export const RETURN_WINDOW_DAYS = MAX_RETURN_PERIOD_DAYS - 1;
const RETURN_WINDOW_SECONDS = RETURN_WINDOW_DAYS * 86400;

export type CancelType = 'RETURN' | 'CANCEL';

/** The Status filter: a receipt status, or both kinds of new requests. Values are Coupang's `receiptStatus`. */
export type ReturnStatus = 'RELEASE_STOP_UNCHECKED' | 'RETURNS_UNCHECKED' | 'REQUESTED' | 'REQUEST_COUPANG_CHECK' | 'RETURNS_COMPLETED';

/** Per Status option: the list's `status` codes to ask for (R19: RU, UC, PR, CC) and the receipt statuses kept. */
const STATUS_QUERIES: Record<ReturnStatus, { codes: string[]; keep: string[] }> = {
	RELEASE_STOP_UNCHECKED: { codes: ['RU'], keep: ['RELEASE_STOP_UNCHECKED'] },
	RETURNS_UNCHECKED: { codes: ['UC'], keep: ['RETURNS_UNCHECKED'] },
	REQUESTED: { codes: ['RU', 'UC'], keep: ['RELEASE_STOP_UNCHECKED', 'RETURNS_UNCHECKED'] },
	REQUEST_COUPANG_CHECK: { codes: ['PR'], keep: ['REQUEST_COUPANG_CHECK'] },
	RETURNS_COMPLETED: { codes: ['CC'], keep: ['RETURNS_COMPLETED'] },
};

export const RETURN_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Completed (CC)', value: 'RETURNS_COMPLETED', description: 'Returns Coupang completed (refunded)' },
	{ name: 'Coupang Check Requested (PR)', value: 'REQUEST_COUPANG_CHECK', description: 'Returns waiting for a check by Coupang' },
	{
		name: 'Return Requested (UC)',
		value: 'RETURNS_UNCHECKED',
		description: 'Returns on their way back or waiting for you: to do, Confirm Receipt once the goods arrive',
	},
	{
		name: 'Return or Stop-Shipment Requested (UC, RU)',
		value: 'REQUESTED',
		description: 'Both kinds of new requests: two requests per window',
	},
	{
		name: 'Stop-Shipment Requested (RU)',
		value: 'RELEASE_STOP_UNCHECKED',
		description: 'Cancelled before you shipped: to do, Stop Shipment (or Mark Already Shipped if it left)',
	},
];

export const CANCEL_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Return', value: 'RETURN', description: 'Returns and stop-shipment requests (cancelType RETURN)' },
	{ name: 'Cancellation', value: 'CANCEL', description: 'Orders cancelled before shipping, at payment (cancelType CANCEL, no status)' },
];

export interface ReturnQuery {
	cancelType: CancelType;
	/** Only for returns: Coupang lists cancellations without a status. */
	status?: ReturnStatus;
}

/** Where to search: Korea days (by day, paged) or a wall-clock range (by minute). */
export type ReturnSearch = { by: 'day'; days: KoreaDays } | { by: 'minute'; range: WallClockWindow };

interface ReturnWindow {
	by: 'day' | 'minute';
	/** Korea days (by day) or a minute window (by minute, `yyyy-MM-ddTHH:mm:00`). */
	from: string;
	to: string;
	code: string | undefined;
}

/** The run's knowledge that this gateway wants `searchType` (then day windows are read by minute). */
interface ListSession {
	searchTypeRequired: boolean;
}

function filterOf(query: ReturnQuery, range: WallClockWindow): RecordFilter {
	if (query.cancelType === 'CANCEL' || query.status === undefined) return { range };
	return { range, status: { field: 'receiptStatus', values: STATUS_QUERIES[query.status].keep } };
}

function codesOf(query: ReturnQuery): Array<string | undefined> {
	return query.cancelType === 'CANCEL' || query.status === undefined ? [undefined] : STATUS_QUERIES[query.status].codes;
}

function rangeOf(search: ReturnSearch): WallClockWindow {
	return search.by === 'day' ? koreaDaysAsWallClock(search.days) : search.range;
}

/** Minute windows over a range: at most 30 days, sharing their boundary minute, the last one a minute past the range. */
function minuteWindows(range: WallClockWindow): WallClockWindow[] {
	return splitWallClockRange(range.from, range.to, RETURN_WINDOW_SECONDS, 60);
}

/** The windows of a search, newest first (as Coupang lists newest first), each with one status code. */
function windowsOf(query: ReturnQuery, search: ReturnSearch): ReturnWindow[] {
	const spans = search.by === 'day'
		? splitKoreaDays(search.days.start, search.days.end, RETURN_WINDOW_DAYS).map((days) => ({ from: days.start, to: days.end }))
		: minuteWindows(search.range);
	return spans.reverse().flatMap((span) => codesOf(query).map((code) => ({ by: search.by, ...span, code })));
}

/** Whether Coupang refused a day search because `searchType` is required (the reading of the current table). */
function asksForSearchType(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400' && /searchType/i.test(error.message);
}

async function readWindow(
	client: CoupangClient,
	query: ReturnQuery,
	window: ReturnWindow,
	filter: RecordFilter,
	paging: { pageSize: number; limit: Remaining; signal?: AbortSignal; session: ListSession },
): Promise<IDataObject[]> {
	const path = PATHS.returnRequests(client.vendorId);
	const base: IDataObject = { cancelType: query.cancelType, ...(window.code === undefined ? {} : { status: window.code }) };
	const { limit, signal, session } = paging;
	const byMinute = async (span: WallClockWindow): Promise<IDataObject[]> => {
		const qs = { searchType: 'timeFrame', createdAtFrom: span.from.slice(0, 16), createdAtTo: span.to.slice(0, 16), ...base };
		return await readTokenPages(client, { path, qs, signal }, filter, limit);
	};
	if (window.by === 'minute') return await byMinute(window);
	if (!session.searchTypeRequired) {
		const qs = { createdAtFrom: window.from, createdAtTo: window.to, maxPerPage: paging.pageSize, ...base };
		const byDay = await readTokenPages(client, { path, qs, signal }, filter, limit).then(
			(records) => ({ records }),
			(error: unknown) => ({ error }),
		);
		if ('records' in byDay) return byDay.records;
		if (!asksForSearchType(byDay.error)) throw byDay.error;
		session.searchTypeRequired = true;
	}
	// The same days by minute, with the documented `timeFrame`: a day window (at most 30 days) is one minute window.
	const joined: IDataObject[] = [];
	for (const span of minuteWindows(koreaDaysAsWallClock({ start: window.from, end: window.to }))) joined.push(...(await byMinute(span)));
	return joined;
}

/**
 * The receipts of a search that pass the filters, newest window first, without duplicates, up to `limit`. Without a
 * limit every window (and status code) is read at once, each window's token pages one after another; `signal`
 * (the trigger's) cancels what has not started.
 */
export async function listReturns(
	client: CoupangClient,
	query: ReturnQuery,
	search: ReturnSearch,
	paging: { pageSize: number; limit?: number },
	signal?: AbortSignal,
): Promise<IDataObject[]> {
	const filter = filterOf(query, rangeOf(search));
	const session: ListSession = { searchTypeRequired: false };
	return await collectWindows(
		windowsOf(query, search),
		async (window, remaining, windowSignal) =>
			await readWindow(client, query, window, filter, { pageSize: paging.pageSize, limit: remaining, signal: windowSignal, session }),
		(record) => String(record.receiptId),
		paging.limit,
		signal,
	);
}

/** One receipt (v4 single lookup; `data` is a one-element array, R19). Cancellation receipts are not served there. */
export async function getReturn(client: CoupangClient, receiptId: string): Promise<IDataObject[]> {
	const body = await client.request({ method: 'GET', path: PATHS.returnRequest(client.vendorId, receiptId) });
	const data = body.data;
	return typeof data === 'object' && data !== null && !Array.isArray(data) ? [data as IDataObject] : dataList(client, body);
}
