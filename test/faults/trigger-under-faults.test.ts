/**
 * The Coupang Trigger's poll() through n8n-core's PollContext (test/helpers/trigger.ts) against the sandbox while it
 * injects faults. Only Date is faked, and it keeps running with real time (`advanceTimers`), so the pipeline's pace,
 * the Retry-After holds and the sandbox's sliding-window rate limit all see a moving clock; between polls the test
 * moves it on by a minute, as n8n's poll interval would.
 *
 * Over 30 polls with inquiries arriving between them (and some listed late, inside the trigger's overlap), under
 * 20 % random 5xx, dropped connections, latency, a rate limit and 429 runs: a poll that fails throws and leaves the
 * state as it was, and the union of what the polls emit is every added inquiry, each exactly once.
 *
 * Retry budget: the trigger makes 3 tries per request (TRIGGER_PIPELINE_OPTIONS, unchanged here). With a per-try
 * failure q ≈ 0.05 + 0.95 · 0.2 + (a 429 from the rate limit now and then) ≈ 0.27 a request fails its poll with q^3 ≈ 2 %; a poll re-reads the whole
 * Korea day (up to ~20 pages of 50 by the end here, ~10 on average), so roughly one poll in six fails by chance, plus
 * one failure scripted below. That is the point: the next poll must emit what the failed one would have. The final poll runs without faults so that the last inquiries are emitted even if poll 30 failed.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { resetSharedPacers } from '../../nodes/Coupang/core/pace';
import { TRIGGER_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import { startSandbox, type FaultConfig, type RunningSandbox } from '../../sandbox';
import { credentialsFor } from '../helpers/n8n';
import { createPollHarness, pollOutcome } from '../helpers/trigger';
import { LeakScan } from '../helpers/leaks';
import { kst, kstText } from '../helpers/koreaTime';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const setNow = (ms: number): void => jest.setSystemTime(ms);
const advance = (ms: number): void => jest.setSystemTime(Date.now() + ms);

const leakScan = new LeakScan();
let sandbox: RunningSandbox;

beforeAll(async () => {
	jest.useFakeTimers({
		advanceTimers: 2,
		doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'performance', 'hrtime'],
	});
	setNow(kst('2026-11-20 12:00:00'));
	// A faster pace than the credential's 8/s (pacing is test/faults/pace.test.ts) and short backoffs; tries stay 3.
	// A throttle holds the seller 90 s of this clock: the poll a minute later is held too, the next one catches up.
	Object.assign(TRIGGER_PIPELINE_OPTIONS, { requestsPerSecond: 200, baseDelayMs: 5, maxDelayMs: 20, holdMs: 90 * SECOND });
	expect(TRIGGER_PIPELINE_OPTIONS.maxTries).toBe(3);
	sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 0, log: leakScan.log });
});

afterAll(async () => {
	await sandbox.stop();
	jest.useRealTimers();
});

beforeEach(() => {
	setNow(kst('2026-11-20 12:00:00'));
	resetSharedPacers(); // no throttle hold carried from one scenario to the next
	sandbox.store.reseed({ productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 0 });
	sandbox.clearFaults();
	sandbox.clearRequestLog();
});

const ids = (items: IDataObject[] | null): string[] => (items ?? []).map((item) => String(item.inquiryId ?? item.shipmentBoxId));

const FAULTS: Partial<FaultConfig> = {
	errorRate: 0.2,
	dropConnectionRate: 0.05,
	latencyMs: 2,
};

type Event = 'productInquiry' | 'callCenterInquiry' | 'order';

/** Records the event watches, made at `inquiryAt` (Korea time); their IDs. */
function addInquiries(event: Event, inquiryAt: string, count: number): string[] {
	if (event === 'order') return sandbox.store.orders.add({ count, status: 'ACCEPT', orderedAt: inquiryAt.replace(' ', 'T') }).map((box) => String(box.shipmentBoxId));
	const created =
		event === 'productInquiry'
			? sandbox.store.productInquiries.add({ inquiryAt, count })
			: sandbox.store.callCenterInquiries.add({ inquiryAt, count, transferred: true });
	return created.map((inquiry) => String(inquiry.inquiryId));
}

describe('Coupang Trigger: 30 polls under faults emit every inquiry exactly once', () => {
	it.each([
		{ event: 'productInquiry' as const, seed: 11 },
		{ event: 'callCenterInquiry' as const, seed: 12 },
		// paid orders, each listed from its payment on
		{ event: 'order' as const, seed: 13 },
	])('$event', async ({ event, seed }) => {
		const trigger = createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event } });
		expect(await trigger.poll()).toBeNull(); // activation, without faults: from here on nothing may be lost
		const activatedAt = Date.now();
		sandbox.setFaults({ ...FAULTS, seed, failNext: [{ status: 429, count: 2 }] });

		const added: string[] = [];
		const emitted: string[] = [];
		const failures: Array<{ poll: number; message: string }> = [];
		let previousPollAt = Date.now();
		const startedAt = performance.now();
		for (let poll = 1; poll <= 30; poll++) {
			// Inquiries arrive during the minute: 0..70 of them (sometimes two pages), deterministic.
			advance(20 * SECOND);
			added.push(...addInquiries(event, kstText(Date.now()), (poll * 37) % 71));
			advance(20 * SECOND);
			// Listed late by Coupang: stamped before the previous poll, inside the 30-minute overlap.
			if (poll % 4 === 0) added.push(...addInquiries(event, kstText(Math.max(previousPollAt - 5 * MINUTE, activatedAt + SECOND)), 3));
			advance(20 * SECOND);
			if (poll === 10) sandbox.setFaults({ failNext: [{ status: 503, count: 3 }] }); // this poll fails, scripted
			if (poll === 20) sandbox.setFaults({ failNext: [{ status: 429, count: 2 }] }); // held: this poll and the next fail

			const stateBefore = trigger.staticData();
			const outcome = await pollOutcome(trigger);
			leakScan.add(`poll ${poll}`, outcome);
			if (outcome.error) {
				expect(outcome.error).toBeInstanceOf(NodeApiError);
				expect(trigger.staticData()).toEqual(stateBefore); // a failed poll changes no state
				failures.push({ poll, message: outcome.error.message });
			} else {
				emitted.push(...ids(outcome.items));
				previousPollAt = Date.now();
			}
		}
		sandbox.clearFaults();
		advance(MINUTE);
		emitted.push(...ids(await trigger.poll()));
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();

		const requests = sandbox.requestLog();
		leakScan.add('trigger request log', requests);
		leakScan.add('trigger state', trigger.staticData());
		const statuses: Record<string, number> = {};
		for (const request of requests) statuses[String(request.status)] = (statuses[String(request.status)] ?? 0) + 1;

		expect(added.length).toBeGreaterThan(900);
		expect(new Set(emitted).size).toBe(emitted.length); // no duplicates over all polls
		expect([...emitted].sort()).toEqual([...added].sort()); // and nothing lost
		expect(failures.find((failure) => failure.poll === 10)?.message).toBe('Coupang: Service Unavailable (HTTP 503) after 3 tries');
		// Retries happened: failed statuses in the log, and more requests than successful answers.
		expect((statuses['500'] ?? 0) + (statuses['502'] ?? 0) + (statuses['503'] ?? 0) + (statuses['504'] ?? 0)).toBeGreaterThan(10);
		// The 429s are the scripted ones: after each, the poll failed at once and the one during the hold sent nothing.
		expect(statuses['429'] ?? 0).toBe(4);
		for (const poll of [1, 2, 20, 21]) expect(failures.find((failure) => failure.poll === poll)?.message).toMatch(/^Coupang: Coupang is throttling this seller \(HTTP 429\); requests resume at /);
		expect(statuses['0'] ?? 0).toBeGreaterThan(0);
		process.stdout.write(
			`[faults] trigger ${event}: ${added.length} inquiries over 30 polls, ${requests.length} requests ${JSON.stringify(statuses)}, ` +
				`failed polls ${JSON.stringify(failures.map((failure) => failure.poll))}, ${Math.round(performance.now() - startedAt)} ms\n`,
		);
	});
});

describe('Coupang Trigger: unusable answers give a clear error and keep the state', () => {
	it.each([
		{ label: 'malformed JSON', faults: { malformedJson: true }, message: /^Coupang: Coupang answered with something that is not JSON/ },
		{ label: 'an HTML 403 "Access Denied" page', faults: { accessDenied: true }, message: /^Coupang: Access Denied \(HTTP 403\)$/ },
		{ label: 'an empty body', faults: { emptyBody: true }, message: /^Coupang: Coupang answered with an empty body$/ },
	])('$label', async ({ faults, message }) => {
		const trigger = createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'productInquiry' } });
		expect(await trigger.poll()).toBeNull();
		advance(MINUTE);
		const added = addInquiries('productInquiry', kstText(Date.now()), 3);
		advance(MINUTE);
		const stateBefore = trigger.staticData();
		sandbox.setFaults(faults);
		sandbox.clearRequestLog();

		const outcome = await pollOutcome(trigger);
		leakScan.add('unusable answer', outcome);
		expect(outcome.error).toBeInstanceOf(NodeApiError);
		expect(outcome.error?.message).toMatch(message);
		expect(trigger.staticData()).toEqual(stateBefore);
		// Not retried (nothing suggests another try gives a different answer): one request.
		expect(sandbox.requestLog()).toHaveLength(1);

		sandbox.clearFaults();
		// A 403 block page holds the seller (90 s here): the first poll after the hold catches up.
		advance(2 * MINUTE);
		expect(ids(await trigger.poll())).toEqual(added);
	});
});

describe('leak scan (item 6)', () => {
	it('nothing produced above carries the secret key, a 64-hex signature or "signature="', () => {
		expect(leakScan.size).toBeGreaterThan(100);
		expect(leakScan.leaks()).toEqual([]);
	});
});
