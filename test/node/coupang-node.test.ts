import type { IDataObject } from 'n8n-workflow';

import { startSandbox, toCallCenterInquiryJson, toProductHistoryJson, toProductInquiryJson, toProductJson, type RunningSandbox } from '../../sandbox';
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
			vendorItemId: String(vendorItemId),
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
			vendorItemId: String(vendorItemId),
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
		expect(result.json[0]).toMatchObject({ code: 200 });
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
		expect(again.error?.message).toMatch(/already been answered.*HTTP 400/);
		expect(again.requests).toHaveLength(1);
	});
});

describe('Call Center Inquiry', () => {
	const period = () => ({ startDate: dateParameter(koreaDay(sandbox, 7)), endDate: dateParameter(koreaDay(sandbox, 0)) });

	it.each(['NONE', 'ANSWER', 'NO_ANSWER', 'TRANSFER'] as const)('Get Many with status %s returns what the sandbox holds', async (status) => {
		const result = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'getMany',
			counselingStatus: status,
			...period(),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const expected = sandbox.store.callCenterInquiries
			.query({
				vendorId: sandbox.vendorId,
				partnerCounselingStatus: status,
				inquiryStartAt: koreaDay(sandbox, 7),
				inquiryEndAt: koreaDay(sandbox, 0),
			})
			.map((inquiry) => json(toCallCenterInquiryJson(inquiry, 'v4')));
		expect(expected.length).toBeGreaterThan(0);
		expect(result.json).toEqual(expected);
		expect(result.requests).toHaveLength(Math.max(1, Math.ceil(expected.length / 30)));
		expect(result.requests[0].query).toContain('pageSize=30');
	});

	it('Get Many by order ID', async () => {
		const inquiry = sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId) as { orderId: number; vendorItemId: number; inquiryId: number };
		const result = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'getMany',
			vendorItemId: String(inquiry.vendorItemId),
			orderId: String(inquiry.orderId),
			returnAll: true,
		});
		expect(result.json.map((i) => i.inquiryId)).toContain(inquiry.inquiryId);
		expect(result.json.every((i) => i.orderId === inquiry.orderId)).toBe(true);
	});

	it('Get returns the v5 single inquiry', async () => {
		const inquiry = sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId);
		const result = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'get',
			// Pasted with spaces around it, as IDs copied from a sheet often are.
			inquiryId: ` ${String(inquiry?.inquiryId)} `,
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([json(toCallCenterInquiryJson(inquiry as never, 'v5'))]);
		expect(result.requests[0].path).toBe(`/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/${inquiry?.inquiryId}`);
	});

	it('Reply answers a transferred inquiry and Confirm closes another', async () => {
		const transferred = sandbox.store.callCenterInquiries.all.filter(
			(i) => i.vendorId === sandbox.vendorId && i.replies.some((r) => r.partnerTransferStatus === 'requestAnswer'),
		);
		expect(transferred.length).toBeGreaterThan(1);
		const [toReply, toConfirm] = transferred;
		const parent = toReply.replies.find((r) => r.partnerTransferStatus === 'requestAnswer');
		const replied = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'reply',
			inquiryId: String(toReply.inquiryId),
			content: '회수 후 환불 처리하겠습니다.',
			replyBy: 'wing-user',
			parentAnswerId: String(parent?.answerId),
		});
		expect(replied.error).toBeUndefined();
		const stored = sandbox.store.callCenterInquiries.byId.get(toReply.inquiryId);
		expect(stored?.csPartnerCounselingStatus).toBe('answered');
		expect(stored?.replies.at(-1)).toMatchObject({ answerType: 'vendor', content: '회수 후 환불 처리하겠습니다.' });

		const confirmed = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'confirm',
			inquiryId: String(toConfirm.inquiryId),
			confirmBy: 'wing-user',
		});
		expect(confirmed.error).toBeUndefined();
		expect(confirmed.requests).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);

		const closed = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'confirm',
			inquiryId: String(toConfirm.inquiryId),
			confirmBy: 'wing-user',
		});
		expect(closed.error?.message).toBe('Coupang: This inquiry has closed. -522 (HTTP 400)');
	});
});

describe('Product', () => {
	it('Get Many by Creation Time over 2 hours: 12 windows, exactly the products created then', async () => {
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
		expect(result.requests).toHaveLength(12);
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
