/**
 * Pure pagination over Coupang's two list styles, and joining of date windows. Each function takes the fetch of
 * one page as a parameter, so it runs the same against n8n's routing, the trigger's HTTP helper, or a unit test.
 */

export interface NumberedPage<T> {
	items: T[];
	/** `pagination.totalPages` from the response; 0 when there is nothing. */
	totalPages: number;
	/** `pagination.totalElements`, when known: a change between pages means the list moved while being paged. */
	totalElements?: number;
	/** How many records Coupang sent on this page when `items` keeps only some of them; default items.length. */
	received?: number;
}

/** How often a list that changed while it was being paged is read again from page 1. */
export const MAX_LIST_READS = 3;

export interface TokenPage<T> {
	items: T[];
	/** Coupang's `nextToken`: an empty string, null or missing on the last page. */
	nextToken: string | number | null | undefined;
}

/** How many items are still wanted; undefined means "all". */
export type Remaining = number | undefined;

function remainingAfter(limit: Remaining, collected: number): Remaining {
	return limit === undefined ? undefined : Math.max(limit - collected, 0);
}

/**
 * `pageNum`/`pageSize` lists: asks for page 1, 2, … until `totalPages` is reached, a page comes back empty, or
 * `limit` items are collected. For N items that is ⌈N / pageSize⌉ requests (one when there is nothing).
 *
 * Coupang lists newest first, so an inquiry that arrives (or leaves the filter, e.g. gets answered) while the list
 * is paged shifts the others between pages: one could be skipped. When `totalElements` changes between pages, the
 * list is read again from page 1, up to MAX_LIST_READS reads in all (the last read is returned as it is).
 * Duplicates from shifted pages are left to the caller (who keys items by ID).
 */
export async function collectNumberedPages<T>(
	fetchPage: (pageNum: number) => Promise<NumberedPage<T>>,
	limit?: number,
): Promise<T[]> {
	for (let read = 1; ; read++) {
		const collected: T[] = [];
		let firstTotal: number | undefined;
		let changed = false;
		for (let pageNum = 1; ; pageNum++) {
			const page = await fetchPage(pageNum);
			collected.push(...page.items);
			if (pageNum === 1) firstTotal = page.totalElements;
			else if (page.totalElements !== firstTotal) changed = true;
			if (remainingAfter(limit, collected.length) === 0) return collected.slice(0, limit);
			if ((page.received ?? page.items.length) === 0 || pageNum >= page.totalPages) break;
		}
		if (!changed || read >= MAX_LIST_READS) return collected;
	}
}

/** `nextToken` lists: follows the token until it is empty, or `limit` items are collected. */
export async function collectTokenPages<T>(
	fetchPage: (nextToken: string | undefined) => Promise<TokenPage<T>>,
	limit?: number,
): Promise<T[]> {
	const collected: T[] = [];
	const tokensSeen = new Set<string>();
	let token: string | undefined;
	for (;;) {
		const page = await fetchPage(token);
		collected.push(...page.items);
		if (remainingAfter(limit, collected.length) === 0) return collected.slice(0, limit);
		const next = page.nextToken === null || page.nextToken === undefined ? '' : String(page.nextToken);
		// A token that repeats would loop forever: treat it as the end.
		if (next === '' || tokensSeen.has(next) || page.items.length === 0) return collected;
		tokensSeen.add(next);
		token = next;
	}
}

/**
 * Fetches windows in the given order and joins them: an item that appears in two windows (an inquiry on a window
 * edge) is kept once, at its first appearance. Stops asking for windows once `limit` items are collected.
 */
export async function collectWindows<W, T>(
	windows: W[],
	fetchWindow: (window: W, remaining: Remaining) => Promise<T[]>,
	idOf: (item: T) => string,
	limit?: number,
): Promise<T[]> {
	const seen = new Set<string>();
	const collected: T[] = [];
	for (const window of windows) {
		const remaining = remainingAfter(limit, collected.length);
		if (remaining === 0) break;
		for (const item of await fetchWindow(window, remaining)) {
			const id = idOf(item);
			if (seen.has(id)) continue;
			seen.add(id);
			collected.push(item);
		}
	}
	return limit === undefined ? collected : collected.slice(0, limit);
}
