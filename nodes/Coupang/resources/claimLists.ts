/**
 * What the return and exchange lists share (node Get Many and trigger): Coupang pages them by `nextToken` over a
 * created-at window, and the node keeps only the records it asked for, whatever the gateway sends (a status the
 * gateway adds to another, e.g. stop-shipment requests under "return requested", or records on the extra edge
 * of a window). Windows are read at once (`collectWindows`), the token pages of one window one after another.
 */
import type { IDataObject } from 'n8n-workflow';

import { isInTimeFrame, type WallClockWindow } from '../core/dates';
import { collectTokenPages, type Remaining } from '../core/paging';
import type { CoupangClient } from '../transport/client';
import { dataList } from './answers';

/** Keeps a record of a list: created in the range asked for, and (when given) in one of the statuses asked for. */
export interface RecordFilter {
	/** The inclusive wall-clock range asked for (Korea time). */
	range: WallClockWindow;
	/** The record's status field and the values kept; none: every status. */
	status?: { field: string; values: readonly string[] };
}

export function keeps(filter: RecordFilter, record: IDataObject): boolean {
	if (filter.status && !filter.status.values.includes(String(record[filter.status.field]))) return false;
	return isInTimeFrame(filter.range.from, filter.range.to, record.createdAt);
}

/**
 * Every token page of one query, up to `limit` kept records: `nextToken` is sent from the second page on, as long as
 * Coupang answers one (an empty one ends the list).
 */
export async function readTokenPages(
	client: CoupangClient,
	request: { path: string; qs: IDataObject; signal?: AbortSignal },
	filter: RecordFilter,
	limit: Remaining,
): Promise<IDataObject[]> {
	return await collectTokenPages(async (nextToken) => {
		const qs = nextToken === undefined ? request.qs : { ...request.qs, nextToken };
		const body = await client.request({ method: 'GET', path: request.path, qs, signal: request.signal });
		const received = dataList(client, body);
		return { items: received.filter((record) => keeps(filter, record)), received: received.length, nextToken: body.nextToken as string | null | undefined };
	}, limit);
}
