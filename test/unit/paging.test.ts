import fc from 'fast-check';

import { collectNumberedPages, collectTokenPages, collectWindows, MAX_LIST_READS } from '../../nodes/Coupang/core/paging';

function numberedSource(total: number, pageSize: number) {
	const requested: number[] = [];
	const fetchPage = async (pageNum: number) => {
		requested.push(pageNum);
		const start = (pageNum - 1) * pageSize;
		const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
		return { items, totalPages: Math.ceil(total / pageSize) };
	};
	return { requested, fetchPage };
}

describe('collectNumberedPages', () => {
	it('returns every item once with ⌈N / pageSize⌉ requests (one when empty)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 50 }), async (total, pageSize) => {
				const source = numberedSource(total, pageSize);
				const items = await collectNumberedPages(source.fetchPage);
				expect(items).toEqual(Array.from({ length: total }, (_, i) => i));
				expect(source.requested.length).toBe(Math.max(1, Math.ceil(total / pageSize)));
			}),
		);
	});

	it('stops requesting as soon as the limit is reached', async () => {
		const source = numberedSource(1000, 50);
		const items = await collectNumberedPages(source.fetchPage, 120);
		expect(items).toHaveLength(120);
		expect(source.requested).toEqual([1, 2, 3]);
	});
});

describe('collectNumberedPages when the list moves while it is paged', () => {
	it('reads again from page 1 when totalElements changes, so a shifted item is not skipped', async () => {
		// Newest first: [5,4,3,2,1]; after page 1 is read, item 5 is answered and leaves the filter, shifting 3 to page 1.
		let list = [5, 4, 3, 2, 1];
		const asked: number[] = [];
		const fetchPage = async (pageNum: number) => {
			asked.push(pageNum);
			const page = { items: list.slice((pageNum - 1) * 2, pageNum * 2), totalPages: Math.ceil(list.length / 2), totalElements: list.length };
			if (asked.length === 1) list = [4, 3, 2, 1];
			return page;
		};
		const items = await collectNumberedPages(fetchPage);
		expect(items).toEqual([4, 3, 2, 1]);
		// Page 1 announced 3 pages, asked for at once; the list had moved (totalElements 5 → 4), so it is read again.
		expect(asked).toEqual([1, 2, 3, 1, 2]);
	});

	it('gives up re-reading after MAX_LIST_READS and returns the last read', async () => {
		let total = 10;
		let calls = 0;
		const items = await collectNumberedPages(async (pageNum) => {
			calls++;
			total++;
			return { items: [pageNum], totalPages: 2, totalElements: total };
		});
		expect(items).toEqual([1, 2]);
		expect(calls).toBe(2 * MAX_LIST_READS);
	});
});

describe('collectTokenPages', () => {
	it('follows nextToken until it is empty and stops on a repeated token', async () => {
		const pages: Record<string, { items: number[]; nextToken: string }> = {
			first: { items: [1, 2], nextToken: '2' },
			'2': { items: [3, 4], nextToken: '3' },
			'3': { items: [5], nextToken: '' },
		};
		const asked: Array<string | undefined> = [];
		const items = await collectTokenPages(async (token) => {
			asked.push(token);
			return pages[token ?? 'first'];
		});
		expect(items).toEqual([1, 2, 3, 4, 5]);
		expect(asked).toEqual([undefined, '2', '3']);

		let calls = 0;
		const looping = await collectTokenPages(async () => {
			calls++;
			return { items: [calls], nextToken: '7' };
		});
		expect(looping).toEqual([1, 2]);
	});

	it('honours the limit', async () => {
		let calls = 0;
		const items = await collectTokenPages(async () => ({ items: [++calls, ++calls], nextToken: String(calls) }), 3);
		expect(items).toEqual([1, 2, 3]);
		expect(calls).toBe(4);
	});
});

describe('collectWindows', () => {
	it('keeps an item that appears in two windows once, at its first appearance, in window order', async () => {
		const windows = [['a', 'b'], ['b', 'c'], ['c', 'd', 'a']];
		const items = await collectWindows(windows, async (w) => w, (x) => x);
		expect(items).toEqual(['a', 'b', 'c', 'd']);
	});

	it('does not ask for later windows once the limit is met', async () => {
		const asked: number[] = [];
		const items = await collectWindows([1, 2, 3], async (w, remaining) => {
			asked.push(w);
			return Array.from({ length: Math.min(remaining ?? 5, 5) }, (_, i) => `${w}-${i}`);
		}, (x) => x, 7);
		expect(items).toHaveLength(7);
		expect(asked).toEqual([1, 2]);
	});
});

describe('concurrency', () => {
	it('asks for the pages page 1 announced at once, and returns them in page order whatever order they answer in', async () => {
		let inFlight = 0;
		let most = 0;
		const answered: number[] = [];
		const items = await collectNumberedPages(async (pageNum) => {
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise((resolve) => setTimeout(resolve, pageNum === 1 ? 1 : 40 - pageNum * 3));
			inFlight--;
			answered.push(pageNum);
			return { items: [pageNum * 10, pageNum * 10 + 1], totalPages: 8, totalElements: 16 };
		});
		expect(items).toEqual([10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61, 70, 71, 80, 81]);
		expect(most).toBe(7);
		expect(answered).toEqual([1, 8, 7, 6, 5, 4, 3, 2]);
	});

	it('with a limit asks only for the pages the limit needs', async () => {
		const asked: number[] = [];
		const items = await collectNumberedPages(async (pageNum) => {
			asked.push(pageNum);
			return { items: [pageNum * 10, pageNum * 10 + 1, pageNum * 10 + 2], totalPages: 20, totalElements: 60 };
		}, 7);
		expect(items).toEqual([10, 11, 12, 20, 21, 22, 30]);
		expect(asked).toEqual([1, 2, 3]);
	});

	it('a failing page aborts the signal of the others and its error is thrown', async () => {
		const aborted: number[] = [];
		const failure = new Error('page 3 failed');
		const error = await collectNumberedPages(async (pageNum, signal) => {
			if (pageNum === 3) throw failure;
			if (pageNum > 1) {
				await new Promise((resolve) => setTimeout(resolve, 20));
				if (signal?.aborted) aborted.push(pageNum);
			}
			return { items: [pageNum], totalPages: 6, totalElements: 6 };
		}).catch((caught: unknown) => caught);
		expect(error).toBe(failure);
		await new Promise((resolve) => setTimeout(resolve, 40)); // the others finish their wait and look at their signal
		expect(aborted.sort()).toEqual([2, 4, 5, 6]);
	});

	it('collectWindows without a limit reads every window at once and joins them in window order, once per ID', async () => {
		const started: string[] = [];
		const items = await collectWindows(
			['a', 'b', 'c'],
			async (window) => {
				started.push(window);
				await new Promise((resolve) => setTimeout(resolve, window === 'a' ? 30 : 5));
				return window === 'b' ? ['b1', 'shared'] : window === 'a' ? ['a1', 'shared'] : ['c1'];
			},
			(item) => item,
		);
		expect(started).toEqual(['a', 'b', 'c']);
		expect(items).toEqual(['a1', 'shared', 'b1', 'c1']);
	});
});
