/**
 * New Return/Cancel Request and New Exchange Request under faults, as test/faults/trigger-under-faults.test.ts does
 * it for inquiries: poll() through n8n-core's PollContext against the sandbox while it injects random 5xx, dropped
 * connections and latency, plus a scripted failed poll and a throttle hold. Date is faked and runs with real time
 * (`advanceTimers`); between polls the test moves it on by a minute. Records arrive between polls, some listed late
 * (created before the previous poll, inside the overlap). A failed poll leaves the state as it was, and the union of
 * what the polls emit is every record added, each exactly once.
 */
import { NodeApiError } from 'n8n-workflow';

import { resetSharedPacers } from '../../nodes/Coupang/core/pace';
import { TRIGGER_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { kst, kstWallClock } from '../helpers/koreaTime';
import { LeakScan } from '../helpers/leaks';
import { credentialsFor } from '../helpers/n8n';
import { fakeDateOnly } from '../helpers/sandboxHttp';
import { createPollHarness, pollOutcome } from '../helpers/trigger';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const POLLS = 20;

const advance = (ms: number): void => jest.setSystemTime(Date.now() + ms);
const createdAt = kstWallClock;

const leakScan = new LeakScan();
let sandbox: RunningSandbox;

beforeAll(async () => {
	fakeDateOnly(kst('2026-11-20 23:40:00'), true); // Date runs from here; the polls cross a Korea midnight
	Object.assign(TRIGGER_PIPELINE_OPTIONS, { requestsPerSecond: 200, baseDelayMs: 5, maxDelayMs: 20, holdMs: 90 * SECOND });
	expect(TRIGGER_PIPELINE_OPTIONS.maxTries).toBe(3);
	sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 4, returns: 0, exchanges: 0, log: leakScan.log });
});

afterAll(async () => {
	await sandbox.stop();
	jest.useRealTimers();
});

const EVENTS = {
	returnRequest: {
		idField: 'receiptId',
		// Both kinds of new requests (the default): stop-shipment requests and returns.
		add: (at: number, count: number): string[] =>
			Array.from({ length: count }, (_, index) =>
				String(sandbox.store.returns.add({ createdAt: createdAt(at), receiptStatus: index % 3 === 0 ? 'RELEASE_STOP_UNCHECKED' : 'RETURNS_UNCHECKED' })[0].receiptId),
			),
	},
	exchangeRequest: {
		idField: 'exchangeId',
		add: (at: number, count: number): string[] => (count === 0 ? [] : sandbox.store.exchanges.add({ createdAt: createdAt(at), count }).map((exchange) => String(exchange.exchangeId))),
	},
} as const;

describe('claim trigger events: polls under faults emit every record exactly once', () => {
	it.each([
		{ event: 'returnRequest' as const, seed: 21 },
		{ event: 'exchangeRequest' as const, seed: 22 },
	])('$event', async ({ event, seed }) => {
		resetSharedPacers();
		const { idField, add } = EVENTS[event];
		const trigger = createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event } });
		expect(await trigger.poll()).toBeNull(); // activation, without faults
		const activatedAt = Date.now();
		sandbox.setFaults({ errorRate: 0.2, dropConnectionRate: 0.05, latencyMs: 2, seed });

		const added: string[] = [];
		const emitted: string[] = [];
		const failures: number[] = [];
		let previousPollAt = Date.now();
		for (let poll = 1; poll <= POLLS; poll++) {
			advance(20 * SECOND);
			added.push(...add(Date.now(), (poll * 7) % 13));
			advance(20 * SECOND);
			// Listed late by Coupang: created before the previous poll, inside the 30-minute overlap.
			if (poll % 4 === 0) added.push(...add(Math.max(previousPollAt - 5 * MINUTE, activatedAt + SECOND), 2));
			advance(20 * SECOND);
			if (poll === 8) sandbox.setFaults({ failNext: [{ status: 503, count: 6 }] }); // this poll fails
			if (poll === 14) sandbox.setFaults({ failNext: [{ status: 429 }] }); // held: this poll (and maybe the next) fails

			const stateBefore = trigger.staticData();
			const outcome = await pollOutcome(trigger);
			leakScan.add(`${event} poll ${poll}`, outcome);
			if (outcome.error) {
				expect(outcome.error).toBeInstanceOf(NodeApiError);
				expect(trigger.staticData()).toEqual(stateBefore);
				failures.push(poll);
			} else {
				emitted.push(...(outcome.items ?? []).map((item) => String(item[idField])));
				previousPollAt = Date.now();
			}
		}
		sandbox.clearFaults();
		advance(2 * MINUTE);
		emitted.push(...((await trigger.poll()) ?? []).map((item) => String(item[idField])));
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();

		expect(added.length).toBeGreaterThan(100);
		expect(failures).toEqual(expect.arrayContaining([8, 14]));
		expect(new Set(emitted).size).toBe(emitted.length); // no duplicates
		expect([...emitted].sort()).toEqual([...added].sort()); // nothing lost
		leakScan.add(`${event} state`, trigger.staticData());
		process.stdout.write(`[faults] trigger ${event}: ${added.length} records over ${POLLS} polls, ${sandbox.requestLog().length} requests, failed polls ${JSON.stringify(failures)}\n`);
	});

	it('nothing produced above carries the secret key or a signature', () => {
		expect(leakScan.size).toBeGreaterThan(20);
		expect(leakScan.leaks()).toEqual([]);
	});
});
