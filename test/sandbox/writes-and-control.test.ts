import { startSandbox, type ProductInquiryJson, type ProductJson, type RunningSandbox } from '../../sandbox';
import { call, CALL_CENTER_V5_PATH, ceaAuthorization, control, koreaDay, PRODUCT_INQUIRIES_PATH, TIME_FRAME_PATH } from '../helpers/sandboxHttp';

interface ErrorBody {
	code: number;
	message: string;
}

const NOW = new Date('2025-06-01T00:30:00Z'); // 09:30 Korea time

const REPLY_BY_MESSAGE = 'The value of replyBy (Responder Seller Portal (WING) ID) is incorrect. Please enter the correct wing ID or vendorId.';

describe('product inquiry replies (POST .../onlineInquiries/{inquiryId}/replies)', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 21, now: NOW });
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	afterEach(() => sandbox.clearReadings());

	const replyPath = (inquiryId: number | string): string => `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}/${inquiryId}/replies`;
	const open = async (): Promise<ProductInquiryJson> => (await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', { content: '재고 있나요?' })).json.created[0];
	const valid = (): Record<string, unknown> => ({ content: '네, 재고 있습니다.\n감사합니다.', vendorId: sandbox.vendorId, replyBy: 'wanger' });

	it('answers {"code":"200","message":"OK"} without data; the inquiry moves from NOANSWER to ANSWERED; a second reply adds a second comment', async () => {
		const created = await open();
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

		const reply = await call(sandbox, 'POST', replyPath(created.inquiryId), { body: valid() });
		expect([reply.status, reply.text]).toEqual([200, '{"code":"200","message":"OK"}']);
		expect(await listIds('ANSWERED')).toContain(created.inquiryId);
		expect(await listIds('NOANSWER')).not.toContain(created.inquiryId);

		const again = await call(sandbox, 'POST', replyPath(created.inquiryId), { body: { ...valid(), content: '추가 안내드립니다.' } });
		expect([again.status, again.text]).toEqual([200, '{"code":"200","message":"OK"}']);
		const stored = (await control<ProductInquiryJson[]>(sandbox, 'GET', '/__sandbox/product-inquiries')).json.find((item) => item.inquiryId === created.inquiryId);
		expect(stored?.commentDtoList.map((comment) => comment.content)).toEqual(['네, 재고 있습니다.\n감사합니다.', '추가 안내드립니다.']);
		expect(stored?.commentDtoList.every((comment) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(comment.inquiryCommentAt))).toBe(true);
	});

	it('refuses with the documented 400s (empty content, wrong replyBy, unreadable JSON) and others, changing nothing', async () => {
		const target = await open();
		const cases: Array<[string, unknown, number, string]> = [
			[replyPath(target.inquiryId), { ...valid(), content: '   ' }, 400, 'Please enter the content.'],
			[replyPath(target.inquiryId), { ...valid(), content: undefined }, 400, 'Please enter the content.'],
			[replyPath(target.inquiryId), { ...valid(), replyBy: '' }, 400, REPLY_BY_MESSAGE],
			[replyPath(target.inquiryId), { ...valid(), replyBy: undefined }, 400, REPLY_BY_MESSAGE],
			[replyPath(target.inquiryId), { ...valid(), vendorId: 'A00099999' }, 400, 'Invalid vendor ID'],
			[`${PRODUCT_INQUIRIES_PATH('A00099999')}/${target.inquiryId}/replies`, valid(), 400, 'Invalid vendor ID'],
			[replyPath(1), valid(), 404, 'Inquiry not found'],
			[replyPath('abc'), valid(), 400, 'Invalid format inquiryId : abc'],
		];
		for (const [path, body, status, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'POST', path, { body });
			expect([result.status, result.json.code, result.json.message]).toEqual([status, status, message]);
		}
		// A raw line break inside a JSON string, the docs' example of unreadable JSON.
		const path = replyPath(target.inquiryId);
		const rawBody = `{"content":"첫 줄\n둘째 줄","vendorId":"${sandbox.vendorId}","replyBy":"wanger"}`;
		const unreadable = await fetch(sandbox.url + path, {
			method: 'POST',
			headers: { Authorization: ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'POST', path, sandbox.now()), 'Content-Type': 'application/json' },
			body: rawBody,
		});
		expect(unreadable.status).toBe(400);
		expect(((await unreadable.json()) as ErrorBody).message).toMatch(/^Could not read JSON: /);
		const unsigned = await fetch(sandbox.url + path, { method: 'POST' });
		expect(unsigned.status).toBe(401); // unsigned requests never reach the handler
		const stored = (await control<ProductInquiryJson[]>(sandbox, 'GET', '/__sandbox/product-inquiries')).json.find((item) => item.inquiryId === target.inquiryId);
		expect(stored?.commentDtoList).toEqual([]);
	});

	it('wingUserIds: by default any replyBy is a Wing user; with a list, one of them or the vendor ID', async () => {
		const target = await open();
		expect((await call(sandbox, 'POST', replyPath(target.inquiryId), { body: { ...valid(), replyBy: 'anyone' } })).status).toBe(200);
		sandbox.setReadings({ wingUserIds: ['wanger', 'seller01'] });
		expect((await call(sandbox, 'POST', replyPath(target.inquiryId), { body: valid() })).status).toBe(200);
		expect((await call(sandbox, 'POST', replyPath(target.inquiryId), { body: { ...valid(), replyBy: sandbox.vendorId } })).status).toBe(200);
		const stranger = await call<ErrorBody>(sandbox, 'POST', replyPath(target.inquiryId), { body: { ...valid(), replyBy: 'anyone' } });
		expect([stranger.status, stranger.json.message]).toEqual([400, REPLY_BY_MESSAGE]);
	});

	it('endpointErrorCode "ERROR": endpoint refusals carry the string code instead of the status', async () => {
		sandbox.setReadings({ endpointErrorCode: 'ERROR' });
		const refused = await call<{ code: string; message: string; transactionId: string }>(sandbox, 'POST', replyPath(1), { body: valid() });
		expect(refused.json).toEqual({ code: 'ERROR', message: 'Inquiry not found', transactionId: expect.any(String) });
		expect(refused.status).toBe(404);
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

	it('readings are read, set and reset over /__sandbox/readings and in process; a reset goes back to the defaults', async () => {
		const defaults = {
			productInquiryDocRevision: 'older',
			callCenterV5Offset: '+09:00',
			timeFrameExactTenMinutes: 'accepted',
			timeFrameCreatedAtTo: 'inclusive',
			endpointErrorCode: 'status',
			wingUserIds: null,
			historyMaxPerPage: null,
			historyOverMax: 'clamp',
		};
		expect((await control(sandbox, 'GET', '/__sandbox/readings')).json).toEqual(defaults);
		const set = await control(sandbox, 'POST', '/__sandbox/readings', { productInquiryDocRevision: 'newer', callCenterV5Offset: '-08:00', wingUserIds: ['wanger'] });
		expect(set.json).toEqual({ ...defaults, productInquiryDocRevision: 'newer', callCenterV5Offset: '-08:00', wingUserIds: ['wanger'] });
		expect(sandbox.readings().callCenterV5Offset).toBe('-08:00');
		expect((await control<{ readings: unknown }>(sandbox, 'GET', '/__sandbox/state')).json.readings).toEqual(set.json);
		for (const bad of [{ productInquiryDocRevision: 'newest' }, { callCenterV5Offset: '+9' }, { wingUserIds: [''] }, { historyMaxPerPage: 0 }, { noSuchReading: true }]) {
			expect((await control(sandbox, 'POST', '/__sandbox/readings', bad)).status).toBe(400);
		}
		await control(sandbox, 'POST', '/__sandbox/reset', {});
		expect(sandbox.readings()).toEqual(defaults);
		sandbox.setReadings({ timeFrameCreatedAtTo: 'exclusive' });
		expect((await control(sandbox, 'DELETE', '/__sandbox/readings')).json).toEqual(defaults);
		expect(() => sandbox.setReadings({ endpointErrorCode: 'error' as never })).toThrow(/endpointErrorCode must be one of status, ERROR/);
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
