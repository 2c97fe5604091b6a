import type { IDataObject } from 'n8n-workflow';

import { startSandbox, toProductHistoryJson, toProductJson, type RunningSandbox } from '../../sandbox';
import { runCoupang, liftPaceForThisFile } from '../helpers/coupang';

let sandbox: RunningSandbox;

beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 11, productInquiries: 400, callCenterInquiries: 200, products: 120 });
});
afterAll(async () => await sandbox.stop());

const json = <T>(value: T): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;

describe('Product', () => {
	it('Get Many by Creation Time over 2 hours: 13 windows, exactly the products created then', async () => {
		const newest = sandbox.store.products.all.filter((p) => p.vendorId === sandbox.vendorId).at(-1) as { createdAtMs: number };
		const toMs = newest.createdAtMs + 60_000;
		const fromMs = toMs - 2 * 3600_000;
		const korea = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 19);
		const result = await runCoupang(sandbox, {
			resource: 'product',
			operation: 'getManyByCreationTime',
			createdAtFrom: korea(fromMs),
			createdAtTo: korea(toMs),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const expected = sandbox.store.products.all
			.filter((p) => p.vendorId === sandbox.vendorId && p.createdAtMs >= Math.floor(fromMs / 1000) * 1000 && p.createdAtMs <= toMs)
			.map((p) => json(toProductJson(p)));
		expect(expected.length).toBeGreaterThan(0);
		expect(result.json).toEqual(expected);
		expect(result.requests).toHaveLength(13);
	});

	it('Get Status History follows nextToken to the end', async () => {
		const product = sandbox.store.products.all.find((p) => p.vendorId === sandbox.vendorId && p.histories.length > 25) as {
			sellerProductId: number;
			histories: unknown[];
		};
		expect(product).toBeDefined();
		const result = await runCoupang(sandbox, {
			resource: 'product',
			operation: 'getStatusHistory',
			sellerProductId: String(product.sellerProductId),
			returnAll: true,
			options: { pageSize: 10 },
		});
		expect(result.error).toBeUndefined();
		const expected = sandbox.store.products
			.historiesFor(sandbox.vendorId, product.sellerProductId)
			.map((entry) => json(toProductHistoryJson(entry)));
		expect(result.json).toEqual(expected);
		expect(result.requests).toHaveLength(Math.ceil(product.histories.length / 10));
		expect(result.requests[1].query).toContain('nextToken=2');
	});
});

describe('Product → Get Many by Creation Time under every reading of the 10-minute rule', () => {
	afterEach(() => {
		sandbox.clearReadings();
		sandbox.store.reseed({ seed: 11, productInquiries: 400, callCenterInquiries: 200, products: 120 });
	});

	it.each([
		{ timeFrameExactTenMinutes: 'accepted', timeFrameCreatedAtTo: 'inclusive' },
		{ timeFrameExactTenMinutes: 'accepted', timeFrameCreatedAtTo: 'exclusive' },
		{ timeFrameExactTenMinutes: 'rejected', timeFrameCreatedAtTo: 'inclusive' },
		{ timeFrameExactTenMinutes: 'rejected', timeFrameCreatedAtTo: 'exclusive' },
	] as const)('exact 10:00 $timeFrameExactTenMinutes, createdAtTo $timeFrameCreatedAtTo: exactly the products of [from, to]', async (readings) => {
		sandbox.setReadings(readings);
		// Products on window boundaries (every 599 s from `from`), on `from`, on `to` and one second after `to`.
		const fromMs = Date.parse('2026-11-01T10:00:00+09:00');
		const toMs = fromMs + 3600_000;
		const korea = (ms: number): string => new Date(ms + 9 * 3600_000).toISOString().slice(0, 19);
		for (const atMs of [fromMs, fromMs + 599_000, fromMs + 600_000, fromMs + 601_000, fromMs + 1_198_000, toMs - 1000, toMs, toMs + 1000]) {
			sandbox.store.products.add({ createdAt: korea(atMs) });
		}
		for (const returnAll of [true, false]) {
			const to = returnAll ? toMs : fromMs + 600_000; // without Return All: exactly 10 minutes
			const result = await runCoupang(sandbox, { resource: 'product', operation: 'getManyByCreationTime', createdAtFrom: korea(fromMs), createdAtTo: korea(to), returnAll, limit: 1000 });
			expect(result.error).toBeUndefined();
			expect(result.requests.every((request) => request.status === 200)).toBe(true);
			const expected = sandbox.store.products.all
				.filter((p) => p.vendorId === sandbox.vendorId && p.createdAtMs >= fromMs && p.createdAtMs <= to)
				.map((p) => p.sellerProductId);
			expect(expected.length).toBeGreaterThan(returnAll ? 5 : 2);
			expect(result.json.map((p) => p.sellerProductId)).toEqual(expected);
		}
	});
});
