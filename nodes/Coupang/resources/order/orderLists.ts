/**
 * The PO list (ordersheets, v4): one status per call, by Korea day (`createdAtFrom`/`createdAtTo` `yyyy-MM-dd`, at
 * most 31 days, `nextToken` pages) or by minute (`searchType=timeFrame`, `yyyy-MM-ddTHH:mm`, under 24 hours, all in
 * one answer). Shared by Get Many and the New Order trigger.
 */
import type { IDataObject } from 'n8n-workflow';

import { PATHS, type OrderStatus } from '../../core/coupangFacts';
import { isUpToMinute, type KoreaDays, type MinuteWindow, splitOrderMinuteRange, splitOrderPeriod } from '../../core/dates';
import { collectTokenPages, collectWindows } from '../../core/paging';
import type { CoupangClient } from '../../transport/client';
import { dataList } from '../answers';

export type OrderSearch = { by: 'day'; period: KoreaDays } | { by: 'minute'; from: string; to: string };

export interface OrderListQuery {
	status: OrderStatus;
	search: OrderSearch;
	/** maxPerPage of day lists (minute lists answer everything at once). */
	pageSize: number;
	limit?: number;
}

const boxIdOf = (record: IDataObject): string => String(record.shipmentBoxId);

/** Every record of one day window (≤ 31 days), following `nextToken` page after page, up to `limit`. */
export async function listOrderDays(
	client: CoupangClient,
	status: OrderStatus,
	window: KoreaDays,
	paging: { pageSize: number; limit?: number },
	signal?: AbortSignal,
): Promise<IDataObject[]> {
	const path = PATHS.orderSheets(client.vendorId);
	const qs: IDataObject = { createdAtFrom: window.start, createdAtTo: window.end, status, maxPerPage: paging.pageSize };
	return await collectTokenPages(async (nextToken) => {
		const body = await client.request({ method: 'GET', path, qs: nextToken === undefined ? qs : { ...qs, nextToken }, signal });
		return { items: dataList(client, body), nextToken: body.nextToken as string | null | undefined };
	}, paging.limit);
}

/**
 * One minute window. A window that ends on the next day's 00:00 and is refused with HTTP 400 is asked again ending
 * at 23:59 of its day: the reading where both bounds must lie on one date (R19 v4) refuses the first and counts the
 * last minute of the second whole; every other reading accepts the first.
 */
async function listOrderMinutes(client: CoupangClient, status: OrderStatus, window: MinuteWindow, signal?: AbortSignal): Promise<IDataObject[]> {
	const path = PATHS.orderSheets(client.vendorId);
	const ask = async (to: string): Promise<IDataObject[]> => {
		const qs = { searchType: 'timeFrame', createdAtFrom: window.from, createdAtTo: to, status };
		return dataList(client, await client.request({ method: 'GET', path, qs, signal }));
	};
	const { toWithinDay } = window;
	return await ask(window.to).catch(async (error: unknown) => {
		if (toWithinDay === undefined || (error as { httpCode?: unknown }).httpCode !== '400') throw error;
		return await ask(toWithinDay);
	});
}

/**
 * Get Many: a day period in 31-day windows (oldest first), or a minute range in windows of at most 12 hours; records
 * joined in window order, each box once, up to `limit` (windows one after another then; all at once without one).
 * Minute windows reach a minute past the range (for the reading where the last minute is not counted): records
 * ordered after the range's last minute are dropped by `orderedAt`, the time the sandbox filters by.
 */
export async function listOrders(client: CoupangClient, query: OrderListQuery): Promise<IDataObject[]> {
	const { status, search, pageSize, limit } = query;
	if (search.by === 'day') {
		return await collectWindows(
			splitOrderPeriod(search.period.start, search.period.end),
			async (window, remaining, signal) => await listOrderDays(client, status, window, { pageSize: remaining === undefined ? pageSize : Math.min(pageSize, remaining), limit: remaining }, signal),
			boxIdOf,
			limit,
		);
	}
	return await collectWindows(
		splitOrderMinuteRange(search.from, search.to),
		async (window, _remaining, signal) => (await listOrderMinutes(client, status, window, signal)).filter((record) => isUpToMinute(search.to, record.orderedAt)),
		boxIdOf,
		limit,
	);
}
