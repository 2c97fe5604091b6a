/**
 * Coupang's throttle as the sandbox models it (sandbox/README.md): more than 10 calls of a seller in a sliding
 * second block every call of that seller for a while, each call during the block extends it, and a 403 "Access
 * Denied" block follows many failed calls. Against it, through n8n-core at the credential's real pace (8/s): a
 * refusal holds the seller for every execution and the trigger of this process, nothing is sent into the block but
 * the one request that met it, a different seller is not held, and after the hold the work completes exactly.
 *
 * Times are scaled down (the sandbox's block 1.5 s instead of minutes, the hold 3 s instead of the credential's
 * minute or more); the hold is longer than the block, as the credential's default (5 min) is for Coupang's.
 */
import type { IDataObject } from 'n8n-workflow';

import { Pacer, resetSharedPacers } from '../../nodes/Coupang/core/pace';
import { NODE_PIPELINE_OPTIONS, TRIGGER_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, runCoupang } from '../helpers/coupang';
import { koreaDateOfMs } from '../helpers/koreaTime';
import { credentialsFor } from '../helpers/n8n';
import { call, PRODUCT_INQUIRIES_PATH, TIME_FRAME_PATH } from '../helpers/sandboxHttp';
import { createPollHarness } from '../helpers/trigger';

const BLOCK_MS = 1_500;
const HOLD_MS = 3_000;
const OTHER = { accessKey: 'other-access-key', secretKey: 'other-secret-key', vendorId: 'A00077777' };
let sandbox: RunningSandbox;

beforeAll(async () => {
	// The pace stays the credential's (8/s); only the hold is scaled down.
	Object.assign(NODE_PIPELINE_OPTIONS, { holdMs: HOLD_MS, baseDelayMs: 5, maxDelayMs: 20 });
	Object.assign(TRIGGER_PIPELINE_OPTIONS, { holdMs: HOLD_MS });
	sandbox = await startSandbox({ port: 0, seed: 12, productInquiries: 600, callCenterInquiries: 200, products: 2, otherAccounts: [OTHER] });
});
afterAll(async () => await sandbox.stop());
afterEach(() => jest.restoreAllMocks());
beforeEach(() => {
	resetSharedPacers();
	sandbox.clearFaults();
	sandbox.setFaults({ rateLimitPerSecond: true, rateLimitBlockMs: BLOCK_MS });
	sandbox.clearRequestLog();
});

/** Another client of the same seller (a second n8n, a script) that fires 15 calls at once: Coupang blocks the seller. */
async function noisyNeighbour(): Promise<void> {
	const query = `?vendorId=${sandbox.vendorId}&createdAtFrom=2026-11-01T00:00:00&createdAtTo=2026-11-01T00:05:00`;
	await Promise.all(Array.from({ length: 15 }, async () => await call(sandbox, 'GET', TIME_FRAME_PATH + query)));
}

const ours = (requests: RequestLogEntry[]): RequestLogEntry[] => requests.filter((request) => !request.path.endsWith('/time-frame'));
const blockedOnes = (): RequestLogEntry[] => ours(sandbox.requestLog()).filter((request) => request.blocked !== undefined);

/**
 * When this process granted starts and when it learned of a throttle (spies on the shared pacer). A request that met
 * the block was one already on its way when the first refusal came back; after that nothing starts before the hold.
 */
function watchPacer(): { grants: number[]; learned: number[] } {
	type Internals = { grant(now: number): unknown; throttled(status: number, now: number, holdMs: number): unknown };
	// Spies call through to the pacer; they only record the times they were called with.
	const grant = jest.spyOn(Pacer.prototype as unknown as Internals, 'grant');
	const throttled = jest.spyOn(Pacer.prototype as unknown as Internals, 'throttled');
	return {
		get grants() {
			return grant.mock.calls.map(([now]) => now);
		},
		get learned() {
			return throttled.mock.calls.map(([, now]) => now);
		},
	};
}

/** Nothing started between the first refusal coming back and the hold's end; what met the block was on its way. */
function expectNothingSentIntoTheKnownBlock(watch: { grants: number[]; learned: number[] }): void {
	const learnedAt = Math.min(...watch.learned);
	expect(watch.grants.filter((at) => at > learnedAt && at < learnedAt + HOLD_MS - 5)).toEqual([]);
	const blocked = blockedOnes();
	const firstBlockedAt = Date.parse(blocked[0].at);
	const onTheirWay = watch.grants.filter((at) => at >= firstBlockedAt - 1000 && at <= learnedAt);
	expect(blocked.length).toBeGreaterThanOrEqual(1);
	expect(blocked.length).toBeLessThanOrEqual(Math.max(1, onTheirWay.length));
}
/** Resolves once the sandbox has logged `count` requests of ours. */
async function untilOurRequests(count: number): Promise<void> {
	while (ours(sandbox.requestLog()).length < count) await new Promise((resolve) => setTimeout(resolve, 10));
}
const sevenDays = (): IDataObject => ({ startDate: dateParameter(koreaDay(sandbox, 6)), endDate: dateParameter(koreaDay(sandbox, 0)), returnAll: true });
const expectedIds = (): number[] => {
	const [start, end] = [koreaDay(sandbox, 6), koreaDay(sandbox, 0)];
	return sandbox.store.productInquiries.all.filter((i) => koreaDateOfMs(i.inquiryAtMs) >= start && koreaDateOfMs(i.inquiryAtMs) <= end).map((i) => i.inquiryId);
};
const sortedIds = (items: IDataObject[]): number[] => items.map((item) => Number(item.inquiryId)).sort((a, b) => a - b);

describe("Coupang's throttle holds the seller", () => {
	it('a Return All that meets the block sends nothing more until the hold ends, then completes exactly', async () => {
		const watch = watchPacer();
		const running = runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() });
		await untilOurRequests(2); // the Return All is under way (however long n8n-core took to start it)
		await noisyNeighbour();
		const result = await running;
		expect(result.error).toBeUndefined();
		expect(sortedIds(result.json)).toEqual([...expectedIds()].sort((a, b) => a - b));

		expectNothingSentIntoTheKnownBlock(watch);
		// After the hold every request was answered: the block was over.
		const learnedAt = Math.min(...watch.learned);
		const after = ours(sandbox.requestLog()).filter((request) => Date.parse(request.at) >= learnedAt + HOLD_MS - 5);
		expect(after.length).toBeGreaterThan(0);
		expect(after.every((request) => request.status === 200)).toBe(true);
	});

	it("a run that cannot wait that long fails at once with since, until and that nothing was lost, and sends nothing more", async () => {
		Object.assign(NODE_PIPELINE_OPTIONS, { maxHoldWaitMs: 0 });
		try {
			await noisyNeighbour();
			const result = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() });
			expect(result.error?.message).toMatch(/^Coupang: Coupang is throttling this seller \(HTTP 429\); requests resume at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+09:00$/);
			expect(result.error?.description).toMatch(/refused this seller's requests with HTTP 429 \(too many requests\) since .*No request of this seller leaves this n8n process before .*Nothing was lost: run it again after that time\./);
			expect(result.error?.httpCode).toBe('429');
			expect(ours(sandbox.requestLog())).toHaveLength(1);

			const again = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() });
			expect(again.error?.message).toMatch(/^Coupang: Coupang is throttling this seller/);
			expect(again.requests).toHaveLength(0); // held: not even one request
		} finally {
			Object.assign(NODE_PIPELINE_OPTIONS, { maxHoldWaitMs: undefined });
		}
	});

	it('three executions and the trigger of the seller: only requests already on their way meet the block, nothing starts into it, all complete after the hold', async () => {
		const watch = watchPacer();
		const trigger = createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'productInquiry', answeredType: 'ALL', options: { includeLastDays: 6 } } });
		const product = { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() };
		const runs = Promise.all([
			runCoupang(sandbox, product),
			runCoupang(sandbox, product),
			runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'getMany', counselingStatus: 'NONE', ...sevenDays() }),
		]);
		await new Promise((resolve) => setTimeout(resolve, 400));
		await noisyNeighbour();
		// The trigger polls once this process knows of the block.
		while (watch.learned.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		const triggerOutcome = await trigger.poll().then(
			(items) => ({ items, error: undefined }),
			(error: unknown) => ({ items: null, error: error as Error }),
		);
		const [first, second, callCenter] = await runs;
		for (const result of [first, second, callCenter]) expect(result.error).toBeUndefined();
		expect(sortedIds(first.json)).toEqual([...expectedIds()].sort((a, b) => a - b));
		expect(sortedIds(second.json)).toEqual(sortedIds(first.json));
		// The trigger, polling during the hold, failed at once without a request; its state was not touched.
		expect(triggerOutcome.error?.message).toMatch(/^Coupang: Coupang is throttling this seller \(HTTP 429\)/);
		expect(trigger.staticData()).toEqual({});

		expectNothingSentIntoTheKnownBlock(watch);
	});

	it('a different seller is not held', async () => {
		await noisyNeighbour();
		const heldFrom = Date.now();
		const held = runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays(), returnAll: false, limit: 1 }).then(
			(result) => ({ ...result, durationMs: Date.now() - heldFrom }),
		);
		await new Promise((resolve) => setTimeout(resolve, 200));
		const startedAt = Date.now();
		const other = await runCoupang(
			sandbox,
			{ resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() },
			{ credentials: { accessKey: OTHER.accessKey, secretKey: OTHER.secretKey, vendorId: OTHER.vendorId } },
		);
		const otherMs = Date.now() - startedAt;
		const first = await held;
		expect(other.error).toBeUndefined();
		expect(otherMs).toBeLessThan(HOLD_MS - 500); // it did not wait for the first seller's hold
		expect(first.error).toBeUndefined(); // the first seller waited out its hold, then got its answer
		expect(first.durationMs).toBeGreaterThanOrEqual(HOLD_MS);
		expect(sandbox.requestLog().filter((request) => request.vendorId === OTHER.vendorId).map((request) => request.status)).toEqual([200]);
	});

	it('a 403 block page after many failed calls is not retried, and holds the seller', async () => {
		sandbox.setFaults({ accessDeniedAfterFailures: 3, accessDeniedBlockMs: BLOCK_MS });
		// Three calls with a wrong secret fail within a second: Coupang's gateway blocks the caller.
		for (let index = 0; index < 3; index++) {
			expect((await call(sandbox, 'GET', `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&answeredType=ALL`, { secretKey: 'wrong' })).status).toBe(401);
		}
		sandbox.clearRequestLog();
		const denied = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() });
		expect(denied.error?.message).toBe('Coupang: Access Denied (HTTP 403)');
		expect(denied.error?.description).toMatch(/temporary block after many failed calls: wait a few minutes and do not repeat the call.*No request of this seller leaves this n8n process before/);
		expect(denied.requests.map((request) => request.status)).toEqual([403]);
		Object.assign(NODE_PIPELINE_OPTIONS, { maxHoldWaitMs: 0 });
		const held = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...sevenDays() });
		Object.assign(NODE_PIPELINE_OPTIONS, { maxHoldWaitMs: undefined });
		expect(held.error?.message).toMatch(/^Coupang: Coupang is throttling this seller \(HTTP 403\)/);
		expect(held.error?.description).toMatch(/IP address is not registered for the key, or Coupang blocks it for a while after many failed calls/);
		expect(held.requests).toHaveLength(0);
	});
});
