import { startSandbox, type CallCenterInquiryJson, type ProductInquiryJson, type ProductJson, type RunningSandbox } from '../../sandbox';
import { addDays, call, CALL_CENTER_PATH, CALL_CENTER_V5_PATH, control, koreaDay, PRODUCT_INQUIRIES_PATH, TIME_FRAME_PATH } from '../helpers/sandboxHttp';

interface ErrorBody {
	code: number;
	message: string;
}
type DumpedCallCenter = CallCenterInquiryJson & { vendorId: string };

const NOW = new Date('2025-06-01T00:30:00Z'); // 09:30 Korea time

describe('seller writes change state and reject duplicates / empty content', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 21, now: NOW });
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	const productReplyPath = (inquiryId: number | string): string => `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}/${inquiryId}/replies`;
	const callCenterReplyPath = (inquiryId: number): string => `${CALL_CENTER_PATH(sandbox.vendorId)}/${inquiryId}/replies`;
	const confirmPath = (inquiryId: number): string => `${CALL_CENTER_PATH(sandbox.vendorId)}/${inquiryId}/confirms`;

	async function getV5(inquiryId: number): Promise<CallCenterInquiryJson> {
		return (await call<{ data: CallCenterInquiryJson }>(sandbox, 'GET', CALL_CENTER_V5_PATH(inquiryId))).json.data;
	}

	it('answers a product inquiry once: it moves from NOANSWER to ANSWERED; a second answer is rejected', async () => {
		const [created] = (await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', { content: '재고 있나요?' })).json.created;
		expect(created.commentDtoList).toEqual([]);
		const day = koreaDay(sandbox.now());
		const listIds = async (type: string): Promise<number[]> =>
			(
				await call<{ data: { content: ProductInquiryJson[] } }>(
					sandbox,
					'GET',
					`${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&answeredType=${type}&inquiryStartAt=${day}&inquiryEndAt=${day}&pageSize=50`,
				)
			).json.data.content.map((item) => item.inquiryId);
		expect(await listIds('NOANSWER')).toContain(created.inquiryId);

		const body = { content: '네, 재고 있습니다. 감사합니다.', vendorId: sandbox.vendorId, replyBy: 'seller01' };
		const reply = await call<{ code: number; message: string; data: { inquiryId: number; content: string; inquiryCommentAt: string } }>(sandbox, 'POST', productReplyPath(created.inquiryId), { body });
		expect(reply.status).toBe(200);
		expect([reply.json.code, reply.json.message]).toEqual([200, 'OK']);
		expect(reply.json.data).toMatchObject({ inquiryId: created.inquiryId, content: body.content });
		expect(reply.json.data.inquiryCommentAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

		const stored = sandbox.store.productInquiries.byId.get(created.inquiryId);
		expect(stored?.comments.map((comment) => comment.content)).toEqual([body.content]);
		expect(await listIds('ANSWERED')).toContain(created.inquiryId);
		expect(await listIds('NOANSWER')).not.toContain(created.inquiryId);

		const again = await call<ErrorBody>(sandbox, 'POST', productReplyPath(created.inquiryId), { body });
		expect([again.status, again.json.message]).toEqual([400, `Inquiry ${created.inquiryId} has already been answered.`]);
		expect(stored?.comments).toHaveLength(1);
	});

	it('rejects invalid product inquiry answers without changing anything', async () => {
		const [open] = (await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', {})).json.created;
		const valid = { content: '답변', vendorId: sandbox.vendorId, replyBy: 'seller01' };
		const cases: Array<[string, unknown, number, string]> = [
			[productReplyPath(open.inquiryId), { ...valid, content: '   ' }, 400, 'content must not be empty.'],
			[productReplyPath(open.inquiryId), { ...valid, content: undefined }, 400, 'content must not be empty.'],
			[productReplyPath(open.inquiryId), { ...valid, replyBy: '' }, 400, 'replyBy must not be empty.'],
			[productReplyPath(open.inquiryId), { ...valid, vendorId: 'A00099999' }, 400, 'Invalid vendor ID'],
			[`${PRODUCT_INQUIRIES_PATH('A00099999')}/${open.inquiryId}/replies`, valid, 400, 'Invalid vendor ID'],
			[productReplyPath(1), valid, 404, 'Inquiry not found'],
			[productReplyPath('abc'), valid, 400, 'Invalid format inquiryId : abc'],
		];
		for (const [path, body, status, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'POST', path, { body });
			expect([result.status, result.json.message]).toEqual([status, message]);
		}
		const broken = await fetch(sandbox.url + productReplyPath(open.inquiryId), { method: 'POST' });
		expect(broken.status).toBe(401); // unsigned requests never reach the handler
		expect(sandbox.store.productInquiries.byId.get(open.inquiryId)?.comments).toEqual([]);
	});

	it('answers a transferred call-center inquiry: transfer becomes answered, a vendor reply is appended, no longer TRANSFER', async () => {
		const [created] = (await control<{ created: DumpedCallCenter[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { transferred: true })).json.created;
		const transfer = created.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
		if (!transfer) throw new Error('transferred inquiry without a requestAnswer reply');
		expect(created.csPartnerCounselingStatus).toBe('requestAnswer');
		const day = koreaDay(sandbox.now());
		const transferIds = async (): Promise<number[]> =>
			(
				await call<{ data: { content: CallCenterInquiryJson[] } }>(
					sandbox,
					'GET',
					`${CALL_CENTER_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&partnerCounselingStatus=TRANSFER&inquiryStartAt=${addDays(day, -1)}&inquiryEndAt=${day}&pageSize=30`,
				)
			).json.data.content.map((item) => item.inquiryId);
		expect(await transferIds()).toContain(created.inquiryId);

		const body = { vendorId: sandbox.vendorId, inquiryId: created.inquiryId, content: '회수 후 환불 처리하겠습니다.', replyBy: 'seller01', parentAnswerId: transfer.answerId };
		const wrongParent = await call<ErrorBody>(sandbox, 'POST', callCenterReplyPath(created.inquiryId), { body: { ...body, parentAnswerId: transfer.answerId + 1 } });
		expect(wrongParent.status).toBe(400);
		expect(wrongParent.json.message).toMatch(/^parentAnswerId \d+ is not the transferred answer awaiting a reply/);
		const empty = await call<ErrorBody>(sandbox, 'POST', callCenterReplyPath(created.inquiryId), { body: { ...body, content: '' } });
		expect([empty.status, empty.json.message]).toEqual([400, 'content must not be empty.']);

		const reply = await call<{ code: number; data: CallCenterInquiryJson['replies'][number] }>(sandbox, 'POST', callCenterReplyPath(created.inquiryId), { body });
		expect(reply.status).toBe(200);
		expect(reply.json.data).toMatchObject({ answerType: 'vendor', parentAnswerId: transfer.answerId, content: body.content });

		const after = await getV5(created.inquiryId);
		expect(after.csPartnerCounselingStatus).toBe('answered');
		expect(after.replies).toHaveLength(created.replies.length + 1);
		expect(after.replies.find((item) => item.answerId === transfer.answerId)?.partnerTransferStatus).toBe('answered');
		expect(after.replies[after.replies.length - 1].content).toBe(body.content);
		expect(await transferIds()).not.toContain(created.inquiryId);

		const again = await call<ErrorBody>(sandbox, 'POST', callCenterReplyPath(created.inquiryId), { body });
		expect([again.status, again.json.message]).toEqual([400, `Inquiry ${created.inquiryId} is not waiting for an answer from the seller.`]);
		expect((await getV5(created.inquiryId)).replies).toHaveLength(after.replies.length);
	});

	it('rejects answering a call-center inquiry that was never transferred or belongs to another vendor', async () => {
		const [fresh] = (await control<{ created: DumpedCallCenter[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { transferred: false })).json.created;
		expect(fresh.replies).toEqual([]);
		const body = { vendorId: sandbox.vendorId, inquiryId: fresh.inquiryId, content: '답변', replyBy: 'seller01', parentAnswerId: 1 };
		const notWaiting = await call<ErrorBody>(sandbox, 'POST', callCenterReplyPath(fresh.inquiryId), { body });
		expect([notWaiting.status, notWaiting.json.message]).toEqual([400, `Inquiry ${fresh.inquiryId} is not waiting for an answer from the seller.`]);
		const [foreign] = (await control<{ created: DumpedCallCenter[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { vendorId: 'A00099999' })).json.created;
		const other = await call<ErrorBody>(sandbox, 'POST', callCenterReplyPath(foreign.inquiryId), { body: { ...body, inquiryId: foreign.inquiryId } });
		expect([other.status, other.json.message]).toEqual([404, 'Vendor id should be same with the vendor id in this inquiry']);
		const mismatch = await call<ErrorBody>(sandbox, 'POST', callCenterReplyPath(fresh.inquiryId), { body: { ...body, inquiryId: 5 } });
		expect(mismatch.status).toBe(400);
	});

	it('confirms a transferred inquiry once; confirming again or a never-transferred one answers "This inquiry has closed. -522"', async () => {
		const [transferred] = (await control<{ created: DumpedCallCenter[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { transferred: true })).json.created;
		const missing = await call<ErrorBody>(sandbox, 'POST', confirmPath(transferred.inquiryId), { body: {} });
		expect([missing.status, missing.json.message]).toEqual([400, 'confirmBy must not be empty.']);
		const confirmed = await call<{ code: number; data: CallCenterInquiryJson }>(sandbox, 'POST', confirmPath(transferred.inquiryId), { body: { confirmBy: 'seller01' } });
		expect(confirmed.status).toBe(200);
		expect(confirmed.json.data.inquiryStatus).toBe('complete');
		const stored = sandbox.store.callCenterInquiries.byId.get(transferred.inquiryId);
		expect(stored?.inquiryStatus).toBe('complete');
		expect(stored?.replies[0].partnerTransferCompleteReason).toBe('DISPUTE_PROCESS_COMPLETE');
		const twice = await call<ErrorBody>(sandbox, 'POST', confirmPath(transferred.inquiryId), { body: { confirmBy: 'seller01' } });
		expect([twice.status, twice.json.message]).toEqual([400, 'This inquiry has closed. -522']);
		const [agentOnly] = (await control<{ created: DumpedCallCenter[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { kind: 'csOnly' })).json.created;
		const notTransferred = await call<ErrorBody>(sandbox, 'POST', confirmPath(agentOnly.inquiryId), { body: { confirmBy: 'seller01' } });
		expect([notTransferred.status, notTransferred.json.message]).toEqual([400, 'This inquiry has closed. -522']);
	});
});

describe('control surface (/__sandbox/)', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 2, now: NOW, productInquiries: 30, callCenterInquiries: 20, products: 10 });
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	it('reports state and reseeds on reset (same seed → same data; log and faults cleared; store object kept)', async () => {
		const store = sandbox.store;
		const state = await control<{ counts: { productInquiries: number; callCenterInquiries: number; products: number }; vendorId: string }>(sandbox, 'GET', '/__sandbox/state');
		expect(state.json.vendorId).toBe(sandbox.vendorId);
		expect(state.json.counts).toMatchObject({ productInquiries: 30, callCenterInquiries: 20, products: 10 });

		await call(sandbox, 'GET', CALL_CENTER_V5_PATH(1));
		sandbox.setFaults({ accessDenied: true });
		const reset = await control<{ counts: { productInquiries: number; products: number } }>(sandbox, 'POST', '/__sandbox/reset', { productInquiries: 77, products: 5 });
		expect(reset.status).toBe(200);
		expect(reset.json.counts).toMatchObject({ productInquiries: 77, products: 5 });
		expect(sandbox.requestLog()).toEqual([]);
		expect((await control<{ accessDenied: boolean }>(sandbox, 'GET', '/__sandbox/faults')).json.accessDenied).toBe(false);
		expect(sandbox.store).toBe(store);
		expect(store.productInquiries.all).toHaveLength(77);

		// Data is spread over the 30 days before the clock: pin the clock so both generations see the same instant.
		await control(sandbox, 'POST', '/__sandbox/reset', { now: NOW.toISOString(), productInquiries: 30, products: 10 });
		const pinned = (await control(sandbox, 'GET', '/__sandbox/product-inquiries')).json;
		await control(sandbox, 'POST', '/__sandbox/reset', { now: NOW.toISOString(), productInquiries: 30, products: 10 });
		expect((await control(sandbox, 'GET', '/__sandbox/product-inquiries')).json).toEqual(pinned);
		expect(Math.abs(sandbox.now().getTime() - NOW.getTime())).toBeLessThan(2_000);
		await control(sandbox, 'POST', '/__sandbox/reset', { now: NOW.toISOString(), seed: 3, productInquiries: 30, products: 10 });
		expect((await control(sandbox, 'GET', '/__sandbox/product-inquiries')).json).not.toEqual(pinned);
		await control(sandbox, 'POST', '/__sandbox/reset', {});
	});

	it('adds products at a given time; time-frame finds ours and not another vendor\'s created at the same second', async () => {
		const createdAt = '2025-05-30T10:00:00';
		const ours = (await control<{ created: ProductJson[] }>(sandbox, 'POST', '/__sandbox/products', { count: 3, createdAt })).json.created;
		await control(sandbox, 'POST', '/__sandbox/products', { count: 2, createdAt, vendorId: 'A00099999' });
		const result = await call<{ data: ProductJson[] }>(sandbox, 'GET', `${TIME_FRAME_PATH}?vendorId=${sandbox.vendorId}&createdAtFrom=2025-05-30T09:55:00&createdAtTo=2025-05-30T10:05:00`);
		expect(result.json.data.map((product) => product.sellerProductId).sort()).toEqual(ours.map((product) => product.sellerProductId).sort());
		expect(result.json.data.every((product) => product.vendorId === sandbox.vendorId && product.createdAt === createdAt)).toBe(true);
	});

	it('adds inquiries at a given time and option, visible to the list endpoints', async () => {
		const vendorItemId = 9_990_001;
		const created = (await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', { count: 4, vendorItemId, inquiryAt: '2025-05-20 23:59:59', answered: true })).json.created;
		expect(created).toHaveLength(4);
		expect(created.every((item) => item.commentDtoList.length === 1 && item.inquiryAt === '2025-05-20 23:59:59')).toBe(true);
		const listed = await call<{ data: { content: ProductInquiryJson[] } }>(sandbox, 'GET', `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&answeredType=ANSWERED&vendorItemId=${vendorItemId}`);
		expect(listed.json.data.content.map((item) => item.inquiryId)).toEqual(created.map((item) => item.inquiryId).sort((a, b) => b - a));
	});

	it('rejects bad control requests with 400 and unknown control routes with 404', async () => {
		expect((await control(sandbox, 'POST', '/__sandbox/product-inquiries', { inquiryAt: '2025-05-20T10:00:00' })).status).toBe(400);
		expect((await control(sandbox, 'POST', '/__sandbox/products', { count: 0 })).status).toBe(400);
		expect((await control(sandbox, 'POST', '/__sandbox/faults', { errorRate: 2 })).status).toBe(400);
		expect((await control(sandbox, 'GET', '/__sandbox/nothing')).status).toBe(404);
		const badJson = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST', body: '{nope' });
		expect(badJson.status).toBe(400);
		expect(sandbox.requestLog().filter((entry) => entry.path.startsWith('/__sandbox'))).toEqual([]);
	});
});
