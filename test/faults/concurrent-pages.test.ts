/**
 * Return All asks for the pages page 1 announces, and for the windows of a long period, at once (core/paging.ts),
 * through the seller's pace. Through n8n-core against the sandbox: the result is exactly the sandbox's set, in
 * order (window by window, page by page), behind a latency proxy (150 ms round trips and a handshake per new
 * connection), under 5xx and dropped connections, and while the list grows as it is read; the pace is kept (no
 * sliding second at the sandbox holds more than the pace) and requests overlap (they do not wait for each other).
 */
import type { IDataObject } from 'n8n-workflow';

import { startLatencyProxy, type LatencyProxy } from '../../bench/latencyProxy';
import { NODE_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import { startSandbox, toProductInquiryJson, type RequestLogEntry, type RunningSandbox } from '../../sandbox';
import { dateParameter, forgetPacesAndHolds, koreaDay, runCoupang } from '../helpers/coupang';
import { busiestWindow } from '../helpers/slidingWindow';

const PACE = 8;
let sandbox: RunningSandbox;
let proxy: LatencyProxy;

beforeAll(async () => {
	// The credential's real pace (8/s); retries quick.
	Object.assign(NODE_PIPELINE_OPTIONS, { baseDelayMs: 5, maxDelayMs: 20, maxTries: 8 });
	sandbox = await startSandbox({ port: 0, seed: 61, productInquiries: 900, callCenterInquiries: 0, products: 0 });
	proxy = await startLatencyProxy({ targetPort: sandbox.port, oneWayDelayMs: 75 });
});
afterAll(async () => {
	await proxy.stop();
	await sandbox.stop();
});
beforeEach(() => {
	forgetPacesAndHolds();
	sandbox.clearFaults();
});

const json = <T>(value: T): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;
const month = (): IDataObject => ({ startDate: dateParameter(koreaDay(sandbox, 20)), endDate: dateParameter(koreaDay(sandbox, 0)) });
/** The sandbox's answer for the period, window by window (7 days, newest first) as the node joins them. */
function expectedInOrder(): IDataObject[] {
	const windows = [
		[koreaDay(sandbox, 6), koreaDay(sandbox, 0)],
		[koreaDay(sandbox, 13), koreaDay(sandbox, 7)],
		[koreaDay(sandbox, 20), koreaDay(sandbox, 14)],
	];
	return windows.flatMap(([start, end]) =>
		sandbox.store.productInquiries.query({ answeredType: 'ALL', inquiryStartAt: start, inquiryEndAt: end }).map((inquiry) => json(toProductInquiryJson(inquiry))),
	);
}

function expectPaceKept(requests: RequestLogEntry[]): void {
	expect(busiestWindow(requests.map((request) => Date.parse(request.at))).count).toBeLessThanOrEqual(PACE + 1);
}

describe('concurrent pages and windows', () => {
	it('behind 150 ms round trips: exactly the set, in order, at the pace, requests overlapping', async () => {
		const result = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...month(), returnAll: true }, { credentials: { baseUrl: proxy.url } });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(expectedInOrder());
		expectPaceKept(result.requests);
		// One after another, each request behind a 150 ms round trip (and a handshake on a new connection) would arrive
		// at least 300 ms after the one before; overlapping, they arrive a pace step (125 ms) apart: several within
		// any 300 ms of the concurrent pages.
		expect(result.requests.length).toBeGreaterThanOrEqual(12);
		expect(busiestWindow(result.requests.map((request) => Date.parse(request.at)), 300).count).toBeGreaterThanOrEqual(2);
		expect(proxy.stats().connections).toBeGreaterThanOrEqual(result.requests.length);
	});

	it('under 20 % 5xx and dropped connections: exactly the set, in order, each page answered once', async () => {
		sandbox.setFaults({ seed: 5, errorRate: 0.2, dropConnectionRate: 0.05 });
		const result = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...month(), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(expectedInOrder());
		const answered = result.requests.filter((request) => request.status === 200).map((request) => request.query);
		expect(new Set(answered).size).toBe(answered.length);
		expect(result.requests.some((request) => request.status !== 200)).toBe(true);
		expectPaceKept(result.requests);
	});

	it('while the list grows as it is read: read again, exactly the set of the last read, each inquiry once', async () => {
		let added = 0;
		const growDuring = setInterval(() => {
			if (added < 2) {
				sandbox.store.productInquiries.add({ count: 7 });
				added++;
			}
		}, 200);
		try {
			const result = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...month(), returnAll: true }, { credentials: { baseUrl: proxy.url } });
			expect(result.error).toBeUndefined();
			expect(added).toBeGreaterThan(0);
			const ids = result.json.map((item) => Number(item.inquiryId));
			expect(new Set(ids).size).toBe(ids.length);
			// Everything that was there before the read began, and everything added while it ran, is in the result.
			expect([...ids].sort((a, b) => a - b)).toEqual(expectedInOrder().map((item) => Number(item.inquiryId)).sort((a, b) => a - b));
			// The newest window was read more than once (its totalElements changed).
			const newestFirstPages = result.requests.filter((request) => request.query.includes(`inquiryStartAt=${koreaDay(sandbox, 6)}`) && /&pageNum=1$/.test(request.query));
			expect(newestFirstPages.length).toBeGreaterThan(1);
		} finally {
			clearInterval(growDuring);
		}
	});
});
