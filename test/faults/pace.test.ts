/**
 * Our pace at the REAL default (the credential's Max Requests per Second, 8; nothing is lifted in this file): three
 * Return All executions of the same seller at once (Promise.all of runCoupang, through n8n-core) plus the trigger's
 * first poll catching up 30 days, against a sandbox that rate-limits at 10 requests per sliding second as Coupang
 * does. They share one pace, so no sliding second of arrivals at the sandbox holds more than 10 requests, and the
 * sandbox answers no 429.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../../sandbox';
import { credentialsFor } from '../helpers/n8n';
import { busiestWindow } from '../helpers/slidingWindow';
import { dateParameter, koreaDay, runCoupang } from '../helpers/coupang';
import { createPollHarness } from '../helpers/trigger';
import { LeakScan } from '../helpers/leaks';
import { koreaDateOfMs } from '../helpers/koreaTime';

const LIMIT_PER_SECOND = 10;
const leakScan = new LeakScan();
let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: 8, productInquiries: 900, callCenterInquiries: 320, products: 2, log: leakScan.log });
});
afterAll(async () => await sandbox.stop());

/** Most requests whose arrival (`at`, ms) falls in any window [t, t + 1000 ms); windows start at an arrival. */
function maxPerSlidingSecond(requests: RequestLogEntry[]): { max: number; at: string } {
	const busiest = busiestWindow(requests.map((request) => Date.parse(request.at)));
	return { max: busiest.count, at: busiest.endsAt === undefined ? '' : new Date(busiest.endsAt).toISOString() };
}

describe('pace: concurrent executions and the trigger of one seller stay under 10 requests per second', () => {
	it('unit check of the window count used below', () => {
		const entry = (ms: number): RequestLogEntry => ({ at: new Date(ms).toISOString(), method: 'GET', path: '/', query: '', status: 200 });
		expect(maxPerSlidingSecond([0, 100, 999, 1000, 1001, 1999].map(entry)).max).toBe(4); // [100, 1100): 100, 999, 1000, 1001
		expect(maxPerSlidingSecond([0, 500, 999, 1400].map(entry)).max).toBe(3); // [500, 1500)
		expect(maxPerSlidingSecond([]).max).toBe(0);
	});

	it('three Return All executions + the trigger: ≤ 10 in any sliding second, no 429, complete results', async () => {
		sandbox.setFaults({ rateLimitPerSecond: LIMIT_PER_SECOND });
		sandbox.clearRequestLog();
		const [start, end] = [koreaDay(sandbox, 30), koreaDay(sandbox, 0)];
		const period = { startDate: dateParameter(start), endDate: dateParameter(end), returnAll: true };
		const trigger = createPollHarness({
			credentials: credentialsFor(sandbox),
			parameters: { event: 'productInquiry', answeredType: 'ALL', options: { includeLastDays: 30 } },
		});

		const startedAt = performance.now();
		// runCoupang clears the request log before it starts; the three start together, so nothing is lost.
		const [first, second, callCenter, triggerItems] = await Promise.all([
			runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', ...period }),
			runCoupang(sandbox, { resource: 'productInquiry', operation: 'getMany', ...period }),
			runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'getMany', ...period }),
			trigger.poll(),
		]);
		const durationMs = performance.now() - startedAt;
		const requests = sandbox.requestLog();
		for (const [label, value] of Object.entries({ first, second, callCenter, triggerItems, requests })) leakScan.add(label, value);

		// Complete results (the pace slowed them down, it did not cut them short).
		const inPeriod = (ms: number): boolean => koreaDateOfMs(ms) >= start && koreaDateOfMs(ms) <= end;
		const productIds = sandbox.store.productInquiries.all.filter((inquiry) => inPeriod(inquiry.inquiryAtMs)).map((inquiry) => inquiry.inquiryId);
		const callCenterIds = sandbox.store.callCenterInquiries.all
			.filter((inquiry) => inquiry.vendorId === sandbox.vendorId && inPeriod(inquiry.inquiryAtMs))
			.map((inquiry) => inquiry.inquiryId);
		const sorted = (items: IDataObject[]): number[] => items.map((item) => Number(item.inquiryId)).sort((a, b) => a - b);
		for (const result of [first, second, callCenter]) expect(result.error).toBeUndefined();
		expect(sorted(first.json)).toEqual([...productIds].sort((a, b) => a - b));
		expect(sorted(second.json)).toEqual([...productIds].sort((a, b) => a - b));
		expect(sorted(callCenter.json)).toEqual([...callCenterIds].sort((a, b) => a - b));
		expect(triggerItems?.length ?? 0).toBeGreaterThan(0);

		// The pace: ≥ 60 requests, none refused, never more than 10 arrivals in a sliding second.
		expect(requests.length).toBeGreaterThanOrEqual(60);
		expect(requests.filter((request) => request.status === 429)).toEqual([]);
		expect(requests.every((request) => request.status === 200)).toBe(true);
		const busiest = maxPerSlidingSecond(requests);
		expect(busiest.max).toBeLessThanOrEqual(LIMIT_PER_SECOND);
		// Not vacuous: at 8 per second, N requests take at least (N - 8) / 8 seconds.
		expect(durationMs).toBeGreaterThanOrEqual(((requests.length - 8) / 8) * 1000 - 50);

		process.stdout.write(
			`[faults] pace: ${requests.length} requests from 3 executions + trigger in ${Math.round(durationMs)} ms ` +
				`(${((requests.length / durationMs) * 1000).toFixed(2)}/s); busiest sliding second ${busiest.max} requests (ending ${busiest.at}); ` +
				`429s: 0\n`,
		);
	});
});

describe('leak scan (item 6)', () => {
	it('nothing produced above carries the secret key, a 64-hex signature or "signature="', () => {
		expect(leakScan.size).toBeGreaterThan(60);
		expect(leakScan.leaks()).toEqual([]);
	});
});
