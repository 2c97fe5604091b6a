import type { IDataObject } from 'n8n-workflow';

import { startSandbox, toCallCenterInquiryJson, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, runCoupang, liftPaceForThisFile } from '../helpers/coupang';
import { kstText } from '../helpers/koreaTime';

let sandbox: RunningSandbox;

beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 11, productInquiries: 400, callCenterInquiries: 200, products: 120 });
	// Seeded transfers are older than 24 hours, so Coupang has closed them: open to-dos of both kinds, two pages each.
	const inquiryAt = kstText(sandbox.now().getTime() - 2 * 3600_000);
	sandbox.store.callCenterInquiries.add({ count: 35, kind: 'waiting', inquiryAt });
	sandbox.store.callCenterInquiries.add({ count: 35, kind: 'unconfirmed', inquiryAt });
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
			filters: { vendorItemId: String(inquiry.vendorItemId), orderId: String(inquiry.orderId) },
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

	it('Reply answers an inquiry waiting for the reply, Confirm an unconfirmed transfer; each says what it did', async () => {
		const mine = sandbox.store.callCenterInquiries.all.filter((i) => i.vendorId === sandbox.vendorId && i.inquiryStatus === 'progress');
		const toReply = mine.find((i) => i.replies.some((r) => r.partnerTransferStatus === 'requestAnswer'));
		const toConfirm = mine.find((i) => i.replies.some((r) => r.answerType === 'csAgent' && r.partnerTransferStatus === 'answered' && !r.needAnswer));
		if (!toReply || !toConfirm) throw new Error('the sandbox holds no open to-do of each kind');
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
		expect(replied.json).toEqual([
			{
				success: true,
				operation: 'reply',
				inquiryId: toReply.inquiryId,
				parentAnswerId: parent?.answerId,
				content: '회수 후 환불 처리하겠습니다.',
				replyBy: 'wing-user',
				coupangCode: '200',
				coupangMessage: 'OK',
			},
		]);
		const stored = sandbox.store.callCenterInquiries.byId.get(toReply.inquiryId);
		expect(stored?.csPartnerCounselingStatus).toBe('answered');
		expect(stored?.replies.at(-1)).toMatchObject({ answerType: 'vendor', content: '회수 후 환불 처리하겠습니다.' });

		const confirmed = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'confirm', inquiryId: String(toConfirm.inquiryId), confirmBy: 'wing-user' });
		expect(confirmed.error).toBeUndefined();
		expect(confirmed.json).toEqual([
			{ success: true, operation: 'confirm', inquiryId: toConfirm.inquiryId, confirmBy: 'wing-user', coupangCode: '200', coupangMessage: 'OK' },
		]);
		expect(confirmed.requests).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);

		const closed = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'confirm', inquiryId: String(toConfirm.inquiryId), confirmBy: 'wing-user' });
		expect(closed.error?.message).toBe('Coupang: This inquiry has closed. -522 (HTTP 400)');
		expect(closed.error?.description).toMatch(/already confirmed.*24 hours/);
	});

	it("an inquiry left for 24 hours is closed by Coupang: Reply and Confirm are refused with Coupang's message and a hint", async () => {
		const old = kstText(sandbox.now().getTime() - 25 * 3600_000);
		const [waiting] = sandbox.store.callCenterInquiries.add({ kind: 'waiting', inquiryAt: old });
		const [unconfirmed] = sandbox.store.callCenterInquiries.add({ kind: 'unconfirmed', inquiryAt: old });
		const parent = waiting.replies.find((r) => r.answerType === 'csAgent');
		const reply = await runCoupang(sandbox, {
			resource: 'callCenterInquiry',
			operation: 'reply',
			inquiryId: String(waiting.inquiryId),
			content: '늦었습니다',
			replyBy: 'wing-user',
			parentAnswerId: String(parent?.answerId),
		});
		expect(reply.error?.message).toBe(
			"Coupang: The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer (HTTP 400)",
		);
		expect(reply.error?.description).toMatch(/Waiting for Your Reply.*24 hours/);
		const confirm = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'confirm', inquiryId: String(unconfirmed.inquiryId), confirmBy: 'wing-user' });
		expect(confirm.error?.message).toBe('Coupang: This inquiry has closed. -522 (HTTP 400)');
		// Coupang answered the one waiting for a reply with its notice.
		expect(sandbox.store.callCenterInquiries.byId.get(waiting.inquiryId)?.csPartnerCounselingStatus).toBe('answered');
	});

	it('the v4 list carries vendorItemId as an array, and an Option ID keeps only that option', async () => {
		const target = sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId) as { vendorItemId: number };
		const result = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'getMany', counselingStatus: 'NONE', filters: { vendorItemId: String(target.vendorItemId) }, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json.every((item) => Array.isArray(item.vendorItemId) && (item.vendorItemId as number[]).includes(target.vendorItemId))).toBe(true);
	});
});
