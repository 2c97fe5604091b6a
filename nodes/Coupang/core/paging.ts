/**
 * Pure pagination over Coupang's two list styles, and joining of date windows. Each function takes the fetch of
 * one page as a parameter, so it runs the same against n8n's routing, the trigger's HTTP helper, or a unit test.
 *
 * Pages and windows that do not depend on each other are asked for at once: the seller's pace (./pace.ts) decides
 * how many start per second and how many are in flight, so a far-away n8n waits for round trips in parallel, not
 * one after another. Results keep their order. When one fails, the ones not yet started are cancelled (the
 * `signal` handed to each fetch) and the first failure is thrown.
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
	/** How many records Coupang sent on this page when `items` keeps only some of them; default items.length. */
	received?: number;
}

/** How many items are still wanted; undefined means "all". */
export type Remaining = number | undefined;

function remainingAfter(limit: Remaining, collected: number): Remaining {
	return limit === undefined ? undefined : Math.max(limit - collected, 0);
}

/**
 * Runs `work` for every input at once; results in input order. The first failure aborts the signal the others got
 * (so what has not started does not start) and is thrown. A `parent` signal that aborts aborts them all.
 */
export async function allInOrder<I, R>(inputs: I[], work: (input: I, signal: AbortSignal) => Promise<R>, parent?: AbortSignal): Promise<R[]> {
	const controller = new AbortController();
	const abort = (): void => controller.abort();
	if (parent?.aborted) abort();
	parent?.addEventListener('abort', abort, { once: true });
	try {
		const tasks = inputs.map(async (input) => await work(input, controller.signal));
		for (const task of tasks) task.catch(abort);
		return await Promise.all(tasks);
	} finally {
		parent?.removeEventListener('abort', abort);
	}
}

type PageFetcher<P> = (pageNum: number, signal?: AbortSignal) => Promise<P>;

/** One read of a list: page 1, then the pages it announces, at once (only as many as `limit` needs). */
async function readPages<T>(fetchPage: PageFetcher<NumberedPage<T>>, limit: Remaining, signal?: AbortSignal): Promise<Array<NumberedPage<T>>> {
	const first = await fetchPage(1, signal);
	const pages = [first];
	let collected = first.items.length;
	let next = 2;
	const perPage = Math.max(1, first.items.length);
	while (next <= first.totalPages && remainingAfter(limit, collected) !== 0 && (pages[pages.length - 1].received ?? pages[pages.length - 1].items.length) > 0) {
		const left = first.totalPages - next + 1;
		const wanted = limit === undefined ? left : Math.min(left, Math.ceil((limit - collected) / perPage));
		const numbers = Array.from({ length: wanted }, (_, index) => next + index);
		for (const page of await allInOrder(numbers, fetchPage, signal)) {
			pages.push(page);
			collected += page.items.length;
		}
		next += wanted;
	}
	return pages;
}

/**
 * `pageNum`/`pageSize` lists: page 1, then pages 2 … `totalPages` at once, or only as many as `limit` needs. For N
 * items that is ⌈N / pageSize⌉ requests (one when there is nothing).
 *
 * Coupang lists newest first, so an inquiry that arrives (or leaves the filter, e.g. gets answered) while the list
 * is paged shifts the others between pages: one could be skipped. When `totalElements` is not the same on every
 * page, the list is read again, up to MAX_LIST_READS reads in all (the last read is returned as it is). Duplicates
 * from shifted pages are left to the caller (who keys items by ID).
 */
export async function collectNumberedPages<T>(fetchPage: PageFetcher<NumberedPage<T>>, limit?: number, signal?: AbortSignal): Promise<T[]> {
	for (let read = 1; ; read++) {
		const pages = await readPages(fetchPage, limit, signal);
		const items = pages.flatMap((page) => page.items);
		if (remainingAfter(limit, items.length) === 0) return items.slice(0, limit);
		const changed = pages.some((page) => page.totalElements !== pages[0].totalElements);
		if (!changed || read >= MAX_LIST_READS) return items;
	}
}

/** `nextToken` lists: follows the token until it is empty, or `limit` items are collected (one after another). */
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
		if (next === '' || tokensSeen.has(next) || (page.received ?? page.items.length) === 0) return collected;
		tokensSeen.add(next);
		token = next;
	}
}

/**
 * Fetches windows and joins them in the given order: an item that appears in two windows (on a window edge) is
 * kept once, at its first appearance. Without a limit every window is asked for at once; with one, window after
 * window until `limit` items are collected, so no window is read that is not needed. A `parent` signal that aborts
 * cancels what has not started.
 */
export async function collectWindows<W, T>(
	windows: W[],
	fetchWindow: (window: W, remaining: Remaining, signal?: AbortSignal) => Promise<T[]>,
	idOf: (item: T) => string,
	limit?: number,
	parent?: AbortSignal,
): Promise<T[]> {
	const seen = new Set<string>();
	const collected: T[] = [];
	const join = (items: T[]): void => {
		for (const item of items) {
			const id = idOf(item);
			if (seen.has(id)) continue;
			seen.add(id);
			collected.push(item);
		}
	};
	if (limit === undefined) {
		for (const items of await allInOrder(windows, async (window, signal) => await fetchWindow(window, undefined, signal), parent)) join(items);
		return collected;
	}
	for (const window of windows) {
		const remaining = remainingAfter(limit, collected.length);
		if (remaining === 0) break;
		join(await fetchWindow(window, remaining, parent));
	}
	return collected.slice(0, limit);
}
