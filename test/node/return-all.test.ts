import { startSandbox, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, runCoupang, liftPaceForThisFile } from '../helpers/coupang';
import { inquiryWindowOf, koreaDateOfMs } from '../helpers/koreaTime';

let sandbox: RunningSandbox;
beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 21, productInquiries: 6000, callCenterInquiries: 2500, products: 10 });
});
afterAll(async () => await sandbox.stop());

describe('Return All over thousands of inquiries', () => {
	it.each([
		['productInquiry', 50, () => sandbox.store.productInquiries.all],
		['callCenterInquiry', 30, () => sandbox.store.callCenterInquiries.all.filter((i) => i.vendorId === sandbox.vendorId)],
	] as const)('%s: each inquiry exactly once, ⌈N / %i⌉ requests per window', async (resource, pageSize, all) => {
		const [start, end] = [koreaDay(sandbox, 30), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, {
			resource,
			operation: 'getMany',
			startDate: dateParameter(start),
			endDate: dateParameter(end),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const expectedIds = all()
			.filter((i) => koreaDateOfMs(i.inquiryAtMs) >= start && koreaDateOfMs(i.inquiryAtMs) <= end)
			.map((i) => i.inquiryId);
		expect(expectedIds.length).toBeGreaterThan(2000);
		const ids = result.json.map((item) => item.inquiryId);
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual([...expectedIds].sort());

		// Requests per window equal ⌈inquiries in that window / max page size⌉.
		const perWindow = new Map<string, number>();
		for (const request of result.requests) perWindow.set(inquiryWindowOf(request.query), (perWindow.get(inquiryWindowOf(request.query)) ?? 0) + 1);
		expect(perWindow.size).toBe(5);
		for (const [window, count] of perWindow) {
			const [from, to] = window.split('..');
			const inWindow = expectedIds.length && all().filter((i) => koreaDateOfMs(i.inquiryAtMs) >= from && koreaDateOfMs(i.inquiryAtMs) <= to).length;
			expect(count).toBe(Math.max(1, Math.ceil(inWindow / pageSize)));
		}
		expect(result.requests.every((request) => request.query.includes(`pageSize=${pageSize}`) && request.status === 200)).toBe(true);
	});
});
