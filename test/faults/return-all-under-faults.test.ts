/**
 * The Coupang node's Return All over a 31-day period (5 windows of ≤ 7 days, read at once, each page after the
 * first at once) and a few thousand inquiries, through n8n-core against the sandbox while it injects 20 % random
 * 500/502/503/504, dropped connections, added latency and runs of 429 (each holds the seller: 1 s in this file):
 * the output is exactly the seeded set, each inquiry once, and the request log shows the failures that were
 * retried. The sliding 10-per-second block is test/faults/throttle.test.ts's, at the real pace.
 *
 * Retry budget (stated, not guessed). Per try a read fails when the sandbox drops it (5 %) or, if not dropped,
 * answers a random 5xx (20 %): q = 0.05 + 0.95 · 0.2 = 0.24. With the default 5 tries a page is lost with
 * probability q^5 ≈ 8e-4, i.e. ≈ 6 % per Return All of ~75-80 pages — too often. This file raises maxTries to 12:
 * q^12 ≈ 3.7e-8 per page; a page that also meets the scripted 429s keeps at least 7 random tries, q^7 ≈ 4.6e-5; in
 * all < 1e-4 per run. The fault seed is fixed, so the sequence of random faults by arrival order is the same
 * every run (which page meets which fault depends on the order concurrent requests arrive in).
 */
import type { IDataObject } from 'n8n-workflow';

import { NODE_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, liftPaceForThisFile, runCoupang } from '../helpers/coupang';
import { LeakScan } from '../helpers/leaks';
import { inquiryWindowOf, koreaDateOfMs } from '../helpers/koreaTime';

const MAX_TRIES = 12;
const leakScan = new LeakScan();
let sandbox: RunningSandbox;
/** Called by the sandbox's log for every answered or dropped API request (1-based count since the last reset). */
let onRequest: ((count: number) => void) | undefined;
let requestCount = 0;

beforeAll(async () => {
	liftPaceForThisFile(); // pace 1000/s, backoff 5..20 ms: this file is about retries, test/faults/pace.test.ts about pace
	Object.assign(NODE_PIPELINE_OPTIONS, { maxTries: MAX_TRIES });
	sandbox = await startSandbox({
		port: 0,
		seed: 31,
		productInquiries: 3500,
		callCenterInquiries: 2400,
		products: 5,
		log: (line) => {
			leakScan.log(line);
			requestCount += 1;
			onRequest?.(requestCount);
		},
	});
});

afterAll(async () => await sandbox.stop());

beforeEach(() => {
	sandbox.clearFaults();
	requestCount = 0;
	onRequest = undefined;
});

/** The fault mix of this file; `seed` fixes the random 5xx / drop sequence. */
function injectFaults(seed: number): void {
	sandbox.setFaults({
		seed,
		errorRate: 0.2,
		dropConnectionRate: 0.05,
		latencyMs: 2,
		// A burst of 429 on the very first requests…
		failNext: [{ status: 429, count: 2 }],
	});
	// …and a run of 3 × 429 (Retry-After 0) in the middle of the pages, plus one HTML 503 and one drop right after.
	onRequest = (count) => {
		if (count === 60) {
			sandbox.setFaults({
				failNext: [
					{ status: 429, count: 3 },
					{ status: 503, body: 'html' },
					{ status: 0 },
				],
			});
		}
	};
}

function statusCounts(requests: RequestLogEntry[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of requests) counts[String(request.status)] = (counts[String(request.status)] ?? 0) + 1;
	return counts;
}

describe('Return All under 20 % 5xx, drops, latency and 429 bursts', () => {
	it.each([
		{
			resource: 'productInquiry',
			pageSize: 50,
			seed: 4242,
			all: (): Array<{ inquiryId: number; inquiryAtMs: number }> => sandbox.store.productInquiries.all,
		},
		{
			resource: 'callCenterInquiry',
			pageSize: 30,
			seed: 9001,
			all: (): Array<{ inquiryId: number; inquiryAtMs: number }> =>
				sandbox.store.callCenterInquiries.all.filter((inquiry) => inquiry.vendorId === sandbox.vendorId),
		},
	])('$resource: exactly the seeded inquiries, each once, after retries', async ({ resource, pageSize, seed, all }) => {
		const [start, end] = [koreaDay(sandbox, 30), koreaDay(sandbox, 0)];
		const expected = all().filter((inquiry) => koreaDateOfMs(inquiry.inquiryAtMs) >= start && koreaDateOfMs(inquiry.inquiryAtMs) <= end);
		expect(expected.length).toBeGreaterThan(2000);

		injectFaults(seed);
		const startedAt = Date.now();
		const result = await runCoupang(sandbox, {
			resource,
			operation: 'getMany',
			startDate: dateParameter(start),
			endDate: dateParameter(end),
			returnAll: true,
		});
		const durationMs = Date.now() - startedAt;
		leakScan.add(`${resource} items`, result.json);
		leakScan.add(`${resource} error`, result.error);
		leakScan.add(`${resource} request log`, result.requests);

		expect(result.error).toBeUndefined();
		const ids = result.json.map((item: IDataObject) => Number(item.inquiryId));
		expect(new Set(ids).size).toBe(ids.length); // each once
		expect([...ids].sort((a, b) => a - b)).toEqual(expected.map((inquiry) => inquiry.inquiryId).sort((a, b) => a - b));

		// Pages: ⌈inquiries in the window / page size⌉ per window (at least 1); each answered 200 exactly once.
		const windows = new Map<string, number>();
		for (const request of result.requests) windows.set(inquiryWindowOf(request.query), 0);
		expect(windows.size).toBe(5);
		let pages = 0;
		for (const window of windows.keys()) {
			const [from, to] = window.split('..');
			const inWindow = expected.filter((inquiry) => koreaDateOfMs(inquiry.inquiryAtMs) >= from && koreaDateOfMs(inquiry.inquiryAtMs) <= to).length;
			pages += Math.max(1, Math.ceil(inWindow / pageSize));
		}
		const counts = statusCounts(result.requests);
		expect(counts['200']).toBe(pages);
		const okKeys = result.requests.filter((request) => request.status === 200).map((request) => request.query);
		expect(new Set(okKeys).size).toBe(pages); // no page was read successfully twice

		// The faults happened and were retried: more requests than pages, with 5xx, 429 and dropped connections.
		expect(result.requests.length).toBeGreaterThan(pages);
		const serverErrors = (counts['500'] ?? 0) + (counts['502'] ?? 0) + (counts['503'] ?? 0) + (counts['504'] ?? 0);
		expect(serverErrors).toBeGreaterThanOrEqual(Math.floor(pages * 0.1));
		expect(counts['429'] ?? 0).toBe(5); // 2 + 3 scripted
		expect(counts['0'] ?? 0).toBeGreaterThanOrEqual(2); // 1 scripted drop + random drops
		expect(Object.keys(counts).every((status) => ['0', '200', '429', '500', '502', '503', '504'].includes(status))).toBe(true);

		// Reported by the suite (see the report): numbers of this run.
		process.stdout.write(
			`[faults] ${resource}: ${ids.length} inquiries, ${pages} pages, ${result.requests.length} requests ` +
				`(${result.requests.length - pages} retried failures: ${JSON.stringify(counts)}), ${durationMs} ms\n`,
		);
	});
});

describe('leak scan (item 6)', () => {
	it('nothing produced above carries the secret key, a 64-hex signature or "signature="', () => {
		expect(leakScan.size).toBeGreaterThan(100);
		expect(leakScan.leaks()).toEqual([]);
	});
});
