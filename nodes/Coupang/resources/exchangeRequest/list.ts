/**
 * The exchange request list (v4 `exchangeRequests`, fact sheet 10.1), shared by Get Many and the trigger: a
 * created-at range to the second, at most 7 days per request, token pages (`nextToken`, `maxPerPage`), oldest first.
 * Whether a range of exactly 7 days is accepted and whether `createdAtTo` is inclusive are not said: windows span
 * at most 7 days less a second, share their boundary second, and the last ends a second after the range; what lies
 * outside the range and duplicates are dropped (as for product time frames).
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { MAX_EXCHANGE_PERIOD_DAYS, PATHS } from '../../core/coupangFacts';
import { splitWallClockRange, type WallClockWindow } from '../../core/dates';
import { collectWindows } from '../../core/paging';
import type { CoupangClient } from '../../transport/client';
import { readTokenPages, type RecordFilter } from '../claimLists';

/** One window: a second under Coupang's 7 days. */
export const EXCHANGE_WINDOW_SECONDS = MAX_EXCHANGE_PERIOD_DAYS * 86400 - 1;

export const EXCHANGE_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All', value: 'ALL', description: 'Every exchange request, whatever its status' },
	{ name: 'Completed (SUCCESS)', value: 'SUCCESS' },
	{ name: 'In Progress (PROGRESS)', value: 'PROGRESS', description: 'Being handled: after Confirm Receipt, Upload Invoice once the pickup is complete' },
	{ name: 'Received (RECEIPT)', value: 'RECEIPT', description: 'New requests: to do, Confirm Receipt or Reject' },
	{ name: 'Rejected (REJECT)', value: 'REJECT' },
	{ name: 'Withdrawn (CANCEL)', value: 'CANCEL', description: 'The customer withdrew the request' },
];

export const EXCHANGE_STATUSES = ['ALL', 'RECEIPT', 'PROGRESS', 'SUCCESS', 'REJECT', 'CANCEL'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/**
 * The exchange requests created in `range` (inclusive, Korea wall clock) with the status asked for, oldest first,
 * without duplicates, up to `limit`; without a limit every window is read at once (token pages one after another).
 */
export async function listExchanges(
	client: CoupangClient,
	status: ExchangeStatus,
	range: WallClockWindow,
	paging: { pageSize: number; limit?: number },
	signal?: AbortSignal,
): Promise<IDataObject[]> {
	const filter: RecordFilter = status === 'ALL' ? { range } : { range, status: { field: 'exchangeStatus', values: [status] } };
	const path = PATHS.exchangeRequests(client.vendorId);
	return await collectWindows(
		splitWallClockRange(range.from, range.to, EXCHANGE_WINDOW_SECONDS),
		async (window, remaining, windowSignal) => {
			const qs: IDataObject = { createdAtFrom: window.from, createdAtTo: window.to, maxPerPage: paging.pageSize };
			if (status !== 'ALL') qs.status = status;
			return await readTokenPages(client, { path, qs, signal: windowSignal }, filter, remaining);
		},
		(record) => String(record.exchangeId),
		paging.limit,
		signal,
	);
}
