// Coupang's blocks (coupang-behaviour.md, "Throttling and blocks"): more than 10 calls per second per vendor
// → 429 for minutes, extended by every call made during the block; many failed calls per second → a temporary
// 403 "Access Denied". Time is the sandbox clock, frozen here (only Date is faked) so "one second" is exact.

import { OTHER_VENDOR_ID, startSandbox, type RunningSandbox } from '../../sandbox';
import { call, CALL_CENTER_V5_PATH, control, fakeDateOnly } from '../helpers/sandboxHttp';

const OTHER = { accessKey: 'other-access-key', secretKey: 'other-secret-key', vendorId: OTHER_VENDOR_ID };
const START = Date.parse('2025-06-01T00:00:00Z');

describe('throttling blocks (per vendor, on the sandbox clock)', () => {
	let sandbox: RunningSandbox;
	let ours: string;
	let theirs: string;

	const get = (path = ours, options = {}) => call<{ code: string | number; message: string; transactionId?: string }>(sandbox, 'GET', path, options);
	const asOther = { accessKey: OTHER.accessKey, secretKey: OTHER.secretKey };
	const advance = (ms: number): void => jest.setSystemTime(Date.now() + ms);
	const statuses = async (count: number, path = ours): Promise<number[]> => {
		const results: number[] = [];
		for (let i = 0; i < count; i++) results.push((await get(path)).status);
		return results;
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 5, otherAccounts: [OTHER] });
		const byVendor = (vendorId: string) => sandbox.store.callCenterInquiries.all.find((inquiry) => inquiry.vendorId === vendorId)?.inquiryId ?? 0;
		ours = CALL_CENTER_V5_PATH(byVendor(sandbox.vendorId));
		theirs = CALL_CENTER_V5_PATH(byVendor(OTHER_VENDOR_ID));
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => {
		fakeDateOnly(START);
		sandbox.setClock(null);
		sandbox.clearFaults();
		sandbox.clearRequestLog();
	});
	afterEach(() => {
		jest.useRealTimers();
	});

	it('rateLimitPerSecond: true is Coupang\'s 10: the 11th call in a second starts a block that answers every call 429 for 5 minutes, without Retry-After', async () => {
		sandbox.setFaults({ rateLimitPerSecond: true });
		expect(await statuses(10)).toEqual(Array(10).fill(200));
		const refused = await get();
		expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, null]);
		expect(refused.json).toEqual({ code: 'ERROR', message: 'Too Many Requests', transactionId: expect.any(String) });
		advance(2_000); // a new second does not forgive
		expect(await statuses(3)).toEqual([429, 429, 429]);
		advance(5 * 60_000 + 1); // 5 minutes after the last call made during the block
		expect(await statuses(1)).toEqual([200]);
		const log = sandbox.requestLog();
		expect(log.map((entry) => entry.blocked ?? '-')).toEqual([...Array(10).fill('-'), '429', '429', '429', '429', '-']);
		expect(log.filter((entry) => entry.blocked).every((entry) => entry.vendorId === sandbox.vendorId)).toBe(true);
	});

	it('every call made during the block extends it: the block ends rateLimitBlockMs after the last one', async () => {
		sandbox.setFaults({ rateLimitPerSecond: 2, rateLimitBlockMs: 60_000 });
		expect(await statuses(3)).toEqual([200, 200, 429]); // block until START + 60 s
		advance(50_000);
		expect(await statuses(1)).toEqual([429]); // now until START + 110 s
		advance(50_000); // START + 100 s: past the first end, still blocked
		expect(await statuses(1)).toEqual([429]); // until START + 160 s
		advance(59_999);
		expect(await statuses(1)).toEqual([429]);
		advance(60_000);
		expect(await statuses(2)).toEqual([200, 200]);
		expect(sandbox.requestLog().filter((entry) => entry.blocked === '429')).toHaveLength(4);
	});

	it('counts only calls inside a sliding second, and blocks before authentication', async () => {
		sandbox.setFaults({ rateLimitPerSecond: 3, rateLimitBlockMs: 60_000 });
		expect(await statuses(2)).toEqual([200, 200]);
		advance(1_000); // the first two are out of the sliding second
		expect(await statuses(3)).toEqual([200, 200, 200]);
		expect((await get(ours, { secretKey: 'wrong-secret' })).json.message).toBe('Too Many Requests'); // 4th in this second
		const badSignature = await get(ours, { secretKey: 'wrong-secret' });
		expect([badSignature.status, badSignature.json.code]).toEqual([429, 'ERROR']);
	});

	it('is per vendor: another vendor keeps working while ours is blocked; an unknown access key is not throttled', async () => {
		sandbox.setFaults({ rateLimitPerSecond: 2 });
		expect(await statuses(3)).toEqual([200, 200, 429]);
		const other = await get(theirs, asOther);
		expect([other.status, (other.json as unknown as { data: { inquiryId: number } }).data.inquiryId > 0]).toEqual([200, true]);
		expect((await get(ours, { accessKey: 'nobody' })).status).toBe(401);
		expect(await statuses(1)).toEqual([429]);
		expect(sandbox.requestLog().filter((entry) => entry.blocked).map((entry) => entry.vendorId)).toEqual([sandbox.vendorId, sandbox.vendorId]);
	});

	it('rateLimitRetryAfterSeconds adds a Retry-After header; rateLimitBlockMs 0 gives the old forgiving limit', async () => {
		sandbox.setFaults({ rateLimitPerSecond: 1, rateLimitRetryAfterSeconds: 120 });
		await get();
		expect((await get()).headers.get('retry-after')).toBe('120');
		sandbox.setFaults({ rateLimitPerSecond: 2, rateLimitBlockMs: 0, rateLimitRetryAfterSeconds: 1 });
		expect(await statuses(4)).toEqual([200, 200, 429, 429]);
		advance(1_001);
		expect(await statuses(3)).toEqual([200, 200, 429]);
	});

	it('accessDeniedAfterFailures: that many failed calls in a sliding second start a 403 "Access Denied" block, extended the same way', async () => {
		sandbox.setFaults({ accessDeniedAfterFailures: 3, accessDeniedBlockMs: 30_000 });
		const missing = CALL_CENTER_V5_PATH(1);
		expect(await statuses(2, missing)).toEqual([404, 404]);
		advance(1_000); // those two leave the sliding second
		expect(await statuses(2, missing)).toEqual([404, 404]);
		expect((await get(ours, { secretKey: 'wrong-secret' })).status).toBe(401); // third failure in this second
		const denied = await get();
		expect([denied.status, denied.headers.get('content-type')]).toEqual([403, 'text/html']);
		expect(denied.text).toContain('Access Denied');
		advance(29_000);
		expect(await statuses(1)).toEqual([403]); // extended to +30 s from here
		advance(29_000);
		expect(await statuses(1)).toEqual([403]);
		advance(30_001);
		expect(await statuses(1)).toEqual([200]);
		expect((await get(theirs, asOther)).status).toBe(200);
		expect(sandbox.requestLog().map((entry) => entry.blocked ?? entry.status)).toEqual([404, 404, 404, 404, 401, '403', '403', '403', 200, 200]);
	});

	it('calls made into a 429 block count as failures: a seller that keeps calling gets the 403 block too', async () => {
		sandbox.setFaults({ rateLimitPerSecond: 1, accessDeniedAfterFailures: 3 });
		expect(await statuses(5)).toEqual([200, 429, 429, 429, 403]);
	});

	it('is set over the control surface; a reset or switching the limit off ends a block', async () => {
		const set = await control<{ rateLimitPerSecond: number; rateLimitBlockMs: number; rateLimitRetryAfterSeconds: null }>(sandbox, 'POST', '/__sandbox/faults', { rateLimitPerSecond: true });
		expect(set.json).toMatchObject({ rateLimitPerSecond: 10, rateLimitBlockMs: 300_000, rateLimitRetryAfterSeconds: null });
		await control(sandbox, 'POST', '/__sandbox/faults', { rateLimitPerSecond: 1 });
		expect(await statuses(2)).toEqual([200, 429]);
		await control(sandbox, 'POST', '/__sandbox/faults', { rateLimitPerSecond: null });
		expect(await statuses(2)).toEqual([200, 200]);
		await control(sandbox, 'POST', '/__sandbox/faults', { rateLimitPerSecond: 1 });
		expect(await statuses(2)).toEqual([200, 429]);
		await control(sandbox, 'POST', '/__sandbox/reset', {});
		expect(await statuses(3)).toEqual([200, 200, 200]);
		for (const bad of [{ rateLimitBlockMs: -1 }, { accessDeniedAfterFailures: 0 }, { rateLimitRetryAfterSeconds: 'soon' }]) {
			expect((await control(sandbox, 'POST', '/__sandbox/faults', bad)).status).toBe(400);
		}
	});
});
