import type { IDataObject } from 'n8n-workflow';

import { startSandbox, toCallCenterInquiryJson, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, runCoupang, liftPaceForThisFile } from '../helpers/coupang';

let sandbox: RunningSandbox;

beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 11, productInquiries: 400, callCenterInquiries: 200, products: 120 });
});
afterAll(async () => await sandbox.stop());

const json = <T>(value: T): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;

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
