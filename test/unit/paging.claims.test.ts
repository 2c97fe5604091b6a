/** The pager changes the claim lists need: token pages whose records are filtered, and a parent signal for windows. */
import { collectTokenPages, collectWindows } from '../../nodes/Coupang/core/paging';

describe('collectTokenPages with filtered pages', () => {
	it('pages on after a page whose records were all dropped (received > 0), and stops after an empty one', async () => {
		const asked: Array<string | undefined> = [];
		const pages: Record<string, { items: number[]; received: number; nextToken: string }> = {
			first: { items: [], received: 2, nextToken: 'a' },
			a: { items: [3], received: 2, nextToken: 'b' },
			b: { items: [], received: 0, nextToken: 'c' },
		};
		const items = await collectTokenPages(async (token) => {
			asked.push(token);
			return pages[token ?? 'first'];
		});
		expect(items).toEqual([3]);
		expect(asked).toEqual([undefined, 'a', 'b']);
	});
});

describe('collectWindows with a parent signal', () => {
	it('hands the parent signal on: an aborted parent cancels windows not yet started', async () => {
		const parent = new AbortController();
		const seen: boolean[] = [];
		parent.abort();
		await collectWindows(
			[1, 2],
			async (window, _remaining, signal) => {
				seen.push(signal?.aborted ?? false);
				return [window];
			},
			String,
			undefined,
			parent.signal,
		);
		expect(seen).toEqual([true, true]);
		const limited: Array<AbortSignal | undefined> = [];
		await collectWindows([1], async (window, _remaining, signal) => (limited.push(signal), [window]), String, 5, parent.signal);
		expect(limited).toEqual([parent.signal]);
	});
});
