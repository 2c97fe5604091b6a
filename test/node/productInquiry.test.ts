import type { IDataObject } from 'n8n-workflow';

import { startSandbox, toProductInquiryJson, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, runCoupang, liftPaceForThisFile } from '../helpers/coupang';

let sandbox: RunningSandbox;

beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 11, productInquiries: 400, callCenterInquiries: 200, products: 120 });
});
afterAll(async () => await sandbox.stop());

const json = <T>(value: T): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;

describe('Product Inquiry → Get Many', () => {
	it('returns exactly what the sandbox holds for a 7-day period (Return All), one item per inquiry', async () => {
		const [start, end] = [koreaDay(sandbox, 7), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'getMany',
			answerStatus: 'ALL',
			startDate: dateParameter(start),
			endDate: dateParameter(end),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const expected = sandbox.store.productInquiries
			.query({ answeredType: 'ALL', inquiryStartAt: start, inquiryEndAt: end })
			.map((inquiry) => json(toProductInquiryJson(inquiry)));
		expect(expected.length).toBeGreaterThan(60);
		expect(result.json).toEqual(expected);
		expect(result.requests).toHaveLength(Math.ceil(expected.length / 50));
		for (const request of result.requests) {
			expect(request.status).toBe(200);
			expect(request.query).toContain('pageSize=50');
		}
	});

	it.each([
		['ANSWERED', (i: IDataObject) => (i.commentDtoList as unknown[]).length > 0],
		['NOANSWER', (i: IDataObject) => (i.commentDtoList as unknown[]).length === 0],
	])('filters by answer status %s', async (answerStatus, predicate) => {
		const [start, end] = [koreaDay(sandbox, 6), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'getMany',
			answerStatus,
			startDate: dateParameter(start),
			endDate: dateParameter(end),
			returnAll: true,
		});
		const expected = sandbox.store.productInquiries
			.query({ answeredType: answerStatus as 'ANSWERED', inquiryStartAt: start, inquiryEndAt: end })
			.map((inquiry) => json(toProductInquiryJson(inquiry)));
		expect(expected.length).toBeGreaterThan(5);
		expect(result.json).toEqual(expected);
		expect(result.json.every(predicate)).toBe(true);
		expect(result.requests[0].query).toContain(`answeredType=${answerStatus}`);
	});

	it('looks up by option ID alone (rule b) and by option ID within a period (rule a)', async () => {
		const vendorItemId = sandbox.store.productInquiries.all[0].vendorItemId;
		const byOption = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'getMany',
			filters: { vendorItemId: String(vendorItemId) },
			returnAll: true,
		});
		const expected = sandbox.store.productInquiries
			.query({ answeredType: 'ALL', vendorItemId })
			.map((inquiry) => json(toProductInquiryJson(inquiry)));
		expect(expected.length).toBeGreaterThan(1);
		expect(byOption.json).toEqual(expected);
		expect(byOption.requests[0].query).not.toContain('inquiryStartAt');

		const [start, end] = [koreaDay(sandbox, 5), koreaDay(sandbox, 0)];
		const both = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'getMany',
			filters: { vendorItemId: String(vendorItemId) },
			startDate: dateParameter(start),
			endDate: dateParameter(end),
			returnAll: true,
		});
		const expectedBoth = sandbox.store.productInquiries
			.query({ answeredType: 'ALL', vendorItemId, inquiryStartAt: start, inquiryEndAt: end })
			.map((inquiry) => json(toProductInquiryJson(inquiry)));
		expect(both.json).toEqual(expectedBoth);
		expect(both.requests[0].query).toMatch(/inquiryStartAt=.*vendorItemId=/);
	});

	it('Limit asks for no more than it needs: one request of pageSize = limit', async () => {
		const [start, end] = [koreaDay(sandbox, 6), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'getMany',
			startDate: dateParameter(start),
			endDate: dateParameter(end),
			returnAll: false,
			limit: 7,
		});
		const expected = sandbox.store.productInquiries
			.query({ answeredType: 'ALL', inquiryStartAt: start, inquiryEndAt: end })
			.slice(0, 7)
			.map((inquiry) => json(toProductInquiryJson(inquiry)));
		expect(result.json).toEqual(expected);
		expect(result.requests).toHaveLength(1);
		expect(result.requests[0].query).toContain('pageSize=7');
	});

	it("converts the workflow's time zone to Korea dates", async () => {
		// 2026-…T20:00 in Los Angeles is already the next day in Seoul.
		const seoulToday = koreaDay(sandbox, 0);
		const seoulYesterday = koreaDay(sandbox, 1);
		const result = await runCoupang(
			sandbox,
			{
				resource: 'productInquiry',
				operation: 'getMany',
				startDate: `${koreaDay(sandbox, 2)}T20:00:00`,
				endDate: `${seoulYesterday}T20:00:00`,
				returnAll: false,
				limit: 1,
			},
			{ timezone: 'America/Los_Angeles' },
		);
		expect(result.error).toBeUndefined();
		expect(result.requests[0].query).toContain(`inquiryStartAt=${seoulYesterday}&inquiryEndAt=${seoulToday}`);
	});
});

describe('Product Inquiry → Reply', () => {
	it('answers an unanswered inquiry and the sandbox stores the answer', async () => {
		const target = sandbox.store.productInquiries.all.find((inquiry) => inquiry.comments.length === 0);
		expect(target).toBeDefined();
		const inquiryId = (target as { inquiryId: number }).inquiryId;
		const result = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'reply',
			inquiryId: String(inquiryId),
			content: '문의 감사합니다. 오늘 출고됩니다.',
			replyBy: 'wing-user',
		});
		expect(result.error).toBeUndefined();
		// Coupang answers a write with {"code":"200","message":"OK"} and no data: the item says what was done.
		expect(result.json).toEqual([
			{ success: true, operation: 'reply', inquiryId, content: '문의 감사합니다. 오늘 출고됩니다.', replyBy: 'wing-user', coupangCode: '200', coupangMessage: 'OK' },
		]);
		const stored = sandbox.store.productInquiries.byId.get(inquiryId);
		expect(stored?.comments.map((comment) => comment.content)).toEqual(['문의 감사합니다. 오늘 출고됩니다.']);
		expect(result.requests).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);

		const again = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'reply',
			inquiryId: String(inquiryId),
			content: 'again',
			replyBy: 'wing-user',
		});
		// No "already answered" error is documented (an inquiry can have two answers): a second reply is a second answer.
		expect(again.error).toBeUndefined();
		expect(again.requests).toHaveLength(1);
		expect(sandbox.store.productInquiries.byId.get(inquiryId)?.comments.map((comment) => comment.content)).toEqual(['문의 감사합니다. 오늘 출고됩니다.', 'again']);
	});
});

describe("Product Inquiry → Get Many under the newer doc revision (period required, vendorItemId ignored by the gateway)", () => {
	afterEach(() => sandbox.clearReadings());

	it("returns only that option's inquiries whatever the gateway sends", async () => {
		const vendorItemId = sandbox.store.productInquiries.all[0].vendorItemId;
		const [start, end] = [koreaDay(sandbox, 6), koreaDay(sandbox, 0)];
		const parameters = { resource: 'productInquiry', operation: 'getMany', filters: { vendorItemId: String(vendorItemId) }, startDate: dateParameter(start), endDate: dateParameter(end), returnAll: true };
		const older = await runCoupang(sandbox, parameters);
		sandbox.setReadings({ productInquiryDocRevision: 'newer' });
		const newer = await runCoupang(sandbox, parameters);
		expect(newer.error).toBeUndefined();
		const expected = sandbox.store.productInquiries
			.query({ answeredType: 'ALL', vendorItemId, inquiryStartAt: start, inquiryEndAt: end })
			.map((inquiry) => json(toProductInquiryJson(inquiry)));
		expect(expected.length).toBeGreaterThan(0);
		expect(newer.json).toEqual(expected);
		expect(older.json).toEqual(expected);
		// The gateway really sent every option's inquiries of the period this time: more pages than the older reading.
		const all = sandbox.store.productInquiries.query({ answeredType: 'ALL', inquiryStartAt: start, inquiryEndAt: end });
		expect(all.length).toBeGreaterThan(expected.length * 3);
		expect(newer.requests).toHaveLength(Math.ceil(all.length / 50));
	});

	it("with a Limit, counts only that option's inquiries", async () => {
		sandbox.setReadings({ productInquiryDocRevision: 'newer' });
		const vendorItemId = sandbox.store.productInquiries.all[0].vendorItemId;
		const [start, end] = [koreaDay(sandbox, 6), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', filters: { vendorItemId: String(vendorItemId) }, startDate: dateParameter(start), endDate: dateParameter(end), limit: 2 });
		expect(result.json).toHaveLength(2);
		expect(result.json.every((item) => item.vendorItemId === vendorItemId)).toBe(true);
	});

	it("Option ID alone fails with Coupang's message and says to add a period", async () => {
		sandbox.setReadings({ productInquiryDocRevision: 'newer' });
		const result = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', filters: { vendorItemId: String(sandbox.store.productInquiries.all[0].vendorItemId) } });
		expect(result.error?.message).toBe('Coupang: time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd (HTTP 400)');
		expect(result.error?.description).toMatch(/Option ID alone, also give Start Date and End Date/);
		expect(result.requests).toHaveLength(1);
	});
});
