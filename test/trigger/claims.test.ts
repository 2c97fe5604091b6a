/**
 * The Coupang Trigger's New Return/Cancel Request and New Exchange Request events: poll() through n8n-core's
 * PollContext against the in-process sandbox over real HTTP. Only Date is faked (the sandbox, the signatures and the
 * trigger read the same controlled clock). Each record is emitted once: between polls, around a Korea midnight, when
 * Coupang lists it late (inside the 30-minute overlap), after 30 days of downtime, after a failed poll and a throttle
 * hold, and not again when its status (and `modifiedAt`) changes later.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { kst, kstWallClock } from '../helpers/koreaTime';
import { credentialsFor } from '../helpers/n8n';
import { createPollHarness, useTriggerSandbox, instantsAroundMidnights, pollError, type PollHarness } from '../helpers/trigger';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

const sandbox = useTriggerSandbox(kst('2026-11-20 12:00:00'), { productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 4, returns: 0, exchanges: 0 });

const setNow = (ms: number): void => jest.setSystemTime(ms);
const advance = (ms: number): void => jest.setSystemTime(Date.now() + ms);
const createdAt = kstWallClock;


/** Waits (real time, at most 2 s) until `done` holds. */
async function settled(done: () => boolean): Promise<void> {
	for (let waited = 0; !done(); waited += 5) {
		if (waited > 2000) throw new Error('the sandbox did not see the expected requests');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const queries = (pathEnd: string): Array<Record<string, string>> =>
	sandbox
		.requestLog()
		.filter((entry) => entry.path.endsWith(pathEnd))
		.map((entry) => Object.fromEntries(new URLSearchParams(entry.query)));

describe('Coupang Trigger: new return/cancel requests', () => {
	const trigger = (parameters: IDataObject = {}): PollHarness =>
		createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'returnRequest', ...parameters } });
	const addReturn = (at: number, receiptStatus = 'RETURNS_UNCHECKED'): string => String(sandbox.store.returns.add({ createdAt: createdAt(at), receiptStatus })[0].receiptId);
	const ids = (items: IDataObject[] | null): string[] => (items ?? []).map((item) => String(item.receiptId));

	it.each(['optional', 'required'] as const)(
		'searchType %s: a return and a stop-shipment request added between polls are emitted once (by default), never again',
		async (returnSearchType) => {
			sandbox.store.orderReadings.set({ returnSearchType });
			const watcher = trigger();
			expect(await watcher.poll()).toBeNull(); // activation: nothing before it
			advance(30 * SECOND);
			const stop = addReturn(Date.now(), 'RELEASE_STOP_UNCHECKED');
			advance(5 * SECOND);
			const returned = addReturn(Date.now());
			sandbox.store.returns.add({ createdAt: createdAt(Date.now()), receiptStatus: 'REQUEST_COUPANG_CHECK' }); // another status: not watched
			advance(25 * SECOND);
			const emitted = await watcher.poll();
			expect(ids(emitted)).toEqual([stop, returned]);
			// Simplified by default: the to-do and an ISO twin of Coupang's Korea time.
			expect(emitted?.[0]).toMatchObject({ receiptId: Number(stop), status: 'RELEASE_STOP_UNCHECKED', toDo: 'stopShipment', createdAt: '2026-11-20T12:00:30', createdAtIso: '2026-11-20T12:00:30+09:00' });
			for (let poll = 0; poll < 5; poll++) {
				advance(MINUTE);
				expect(await watcher.poll()).toBeNull();
			}
			// Each poll asks by minute (searchType=timeFrame, which every reading accepts) for RU and for UC.
			expect(sandbox.requestLog().every((entry) => entry.status === 200)).toBe(true);
			expect(queries('/returnRequests').slice(0, 2)).toEqual([
				{ searchType: 'timeFrame', createdAtFrom: '2026-11-20T00:00', createdAtTo: '2026-11-21T00:00', cancelType: 'RETURN', status: 'RU' },
				{ searchType: 'timeFrame', createdAtFrom: '2026-11-20T00:00', createdAtTo: '2026-11-21T00:00', cancelType: 'RETURN', status: 'UC' },
			]);
			expect(queries('/returnRequests')).toHaveLength(2 * 7);
		},
	);

	it('a request whose status (and modifiedAt) changes after it was emitted is not emitted again', async () => {
		const watcher = trigger();
		await watcher.poll();
		advance(MINUTE);
		const [receipt] = sandbox.store.returns.add({ createdAt: createdAt(Date.now()), receiptStatus: 'RELEASE_STOP_UNCHECKED' });
		advance(MINUTE);
		expect(ids(await watcher.poll())).toEqual([String(receipt.receiptId)]);
		// 40 minutes later the seller marks it shipped: a return request now, modified now, still watched.
		advance(40 * MINUTE);
		Object.assign(receipt, { receiptStatus: 'RETURNS_UNCHECKED', releaseStopStatus: '처리(이미출고)', modifiedAtMs: Date.now() });
		expect(await watcher.poll()).toBeNull();
		advance(DAY);
		expect(await watcher.poll()).toBeNull();
	});

	it('does not lose requests just before and at a Korea midnight, nor one Coupang lists late (inside the overlap)', async () => {
		setNow(kst('2026-11-20 23:50:00'));
		const watcher = trigger({ returnStatus: 'RETURNS_UNCHECKED' });
		expect(await watcher.poll()).toBeNull();
		setNow(kst('2026-11-20 23:59:59'));
		const beforeMidnight = addReturn(Date.now());
		setNow(kst('2026-11-21 00:00:00'));
		const atMidnight = addReturn(Date.now());
		setNow(kst('2026-11-21 00:00:30'));
		expect(ids(await watcher.poll())).toEqual([beforeMidnight, atMidnight]);
		expect(queries('/returnRequests').at(-1)).toEqual({ searchType: 'timeFrame', createdAtFrom: '2026-11-20T00:00', createdAtTo: '2026-11-22T00:00', cancelType: 'RETURN', status: 'UC' });
		// Coupang lists a request of 23:59:58 only now, after the poll at 00:00:30: the next poll's overlap catches it.
		const late = addReturn(kst('2026-11-20 23:59:58'));
		setNow(kst('2026-11-21 00:20:00'));
		expect(ids(await watcher.poll())).toEqual([late]);
		advance(MINUTE);
		expect(await watcher.poll()).toBeNull();
	});

	it('after 30 days without polling catches up in 7-day windows: every request once, oldest first', async () => {
		const activation = kst('2026-11-01 12:00:00');
		setNow(activation);
		const watcher = trigger({ returnStatus: 'RETURNS_UNCHECKED' });
		expect(await watcher.poll()).toBeNull();
		addReturn(activation - SECOND); // before activation: never emitted
		const expected: Array<{ id: string; at: number }> = [];
		const add = (at: number): void => {
			expected.push({ id: addReturn(at), at });
		};
		add(activation);
		for (const at of instantsAroundMidnights(kst('2026-11-01 00:00:00'), 30)) add(at);
		setNow(activation + 30 * DAY);
		add(Date.now());
		sandbox.clearRequestLog();
		expected.sort((a, b) => a.at - b.at || Number(a.id) - Number(b.id));
		const emitted = ids(await watcher.poll());
		expect(emitted).toEqual(expected.map((item) => item.id));
		expect(queries('/returnRequests').map((query) => `${query.createdAtFrom}..${query.createdAtTo}`)).toEqual([
			'2026-11-01T00:00..2026-11-08T00:00',
			'2026-11-08T00:00..2026-11-15T00:00',
			'2026-11-15T00:00..2026-11-22T00:00',
			'2026-11-22T00:00..2026-11-29T00:00',
			'2026-11-29T00:00..2026-12-02T00:00',
		]);
		advance(MINUTE);
		expect(await watcher.poll()).toBeNull();
	});

	it('a 503 that outlasts the retries emits nothing and keeps the state; a 429 holds the seller; the next poll catches up', async () => {
		const watcher = trigger();
		await watcher.poll();
		advance(MINUTE);
		const added = [addReturn(Date.now()), addReturn(Date.now() + SECOND, 'RELEASE_STOP_UNCHECKED')];
		advance(MINUTE);
		const stateBefore = watcher.staticData();
		// Both requests of the poll (RU and UC, at once) fail their 3 tries.
		sandbox.setFaults({ failNext: [{ status: 503, message: 'Service Unavailable', count: 6 }] });
		const error = await pollError(async () => await watcher.poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Coupang: Service Unavailable (HTTP 503) after 3 tries');
		expect(watcher.staticData()).toEqual(stateBefore);
		// The other request's last try was already on its way when the poll failed: let it land before the next fault.
		await settled(() => sandbox.requestLog().filter((entry) => entry.status === 503).length === 6);

		advance(MINUTE);
		sandbox.clearRequestLog();
		sandbox.setFaults({ failNext: [{ status: 429 }] });
		const held = await pollError(async () => await watcher.poll());
		expect(held.message).toMatch(/^Coupang: Coupang is throttling this seller \(HTTP 429\); requests resume at /);
		expect(watcher.staticData()).toEqual(stateBefore);
		advance(5 * MINUTE);
		expect(ids(await watcher.poll()).sort()).toEqual(added.sort());
		advance(MINUTE);
		expect(await watcher.poll()).toBeNull();
	});

	it('Cancellations: no status is sent; only cancellation receipts are emitted', async () => {
		const watcher = trigger({ cancelType: 'CANCEL' });
		await watcher.poll();
		advance(MINUTE);
		const [cancel] = sandbox.store.returns.add({ createdAt: createdAt(Date.now()), receiptType: 'CANCEL' });
		addReturn(Date.now());
		advance(MINUTE);
		expect(ids(await watcher.poll())).toEqual([String(cancel.receiptId)]);
		expect(queries('/returnRequests').at(-1)).toEqual({ searchType: 'timeFrame', createdAtFrom: '2026-11-20T00:00', createdAtTo: '2026-11-21T00:00', cancelType: 'CANCEL' });
		expect(watcher.staticData().coupangTrigger).toMatchObject({ scope: 'returnRequest|CANCEL|' });
	});

	it('Fetch Test Event: a labelled sample when there is nothing, else the newest request; the state is left alone', async () => {
		const watcher = trigger();
		expect(await watcher.pollManual()).toEqual([
			expect.objectContaining({ sample: true, receiptId: 0, status: 'RETURNS_UNCHECKED', toDo: 'confirmReceipt', createdAtIso: '2026-01-01T09:00:00+09:00' }),
		]);
		addReturn(kst('2026-11-05 08:00:00'));
		const newest = addReturn(kst('2026-11-19 10:00:00'), 'RELEASE_STOP_UNCHECKED');
		expect(ids(await watcher.pollManual())).toEqual([newest]);
		expect(watcher.staticData()).toEqual({});
	});
});

describe('Coupang Trigger: new exchange requests', () => {
	const trigger = (parameters: IDataObject = {}): PollHarness =>
		createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'exchangeRequest', ...parameters } });
	const addExchange = (at: number, stage = 'received'): string => String(sandbox.store.exchanges.add({ createdAt: createdAt(at), stage })[0].exchangeId);
	const ids = (items: IDataObject[] | null): string[] => (items ?? []).map((item) => String(item.exchangeId));

	it('an exchange request added between polls is emitted once, never again, also when its status changes later', async () => {
		const watcher = trigger();
		expect(await watcher.poll()).toBeNull();
		advance(30 * SECOND);
		const added = addExchange(Date.now());
		advance(30 * SECOND);
		const emitted = await watcher.poll();
		expect(ids(emitted)).toEqual([added]);
		expect(emitted?.[0]).toMatchObject({ exchangeId: Number(added), status: 'RECEIPT', toDo: 'confirmReceipt', createdAtIso: '2026-11-20T12:00:30+09:00' });
		expect(queries('/exchangeRequests')[0]).toEqual({ createdAtFrom: '2026-11-20T00:00:00', createdAtTo: '2026-11-21T00:00:00', maxPerPage: '50' });
		// The seller confirms it 40 minutes later (status PROGRESS, modifiedAt now): not emitted again.
		advance(40 * MINUTE);
		sandbox.store.exchanges.confirmReceipt({ vendorId: sandbox.vendorId, exchangeId: Number(added), nowMs: Date.now() }, {});
		for (let poll = 0; poll < 3; poll++) {
			advance(MINUTE);
			expect(await watcher.poll()).toBeNull();
		}
	});

	it('with a status: only the requests in that status when a poll sees them', async () => {
		const watcher = trigger({ exchangeStatus: 'RECEIPT' });
		await watcher.poll();
		advance(MINUTE);
		const received = addExchange(Date.now());
		addExchange(Date.now(), 'withdrawn');
		advance(MINUTE);
		expect(ids(await watcher.poll())).toEqual([received]);
		expect(queries('/exchangeRequests').at(-1)).toMatchObject({ status: 'RECEIPT' });
	});

	it('does not lose requests around a Korea midnight nor one listed late; 30 days of downtime: each once, oldest first', async () => {
		setNow(kst('2026-11-20 23:50:00'));
		const watcher = trigger();
		expect(await watcher.poll()).toBeNull();
		const beforeMidnight = addExchange(kst('2026-11-20 23:59:59'));
		const atMidnight = addExchange(kst('2026-11-21 00:00:00'));
		setNow(kst('2026-11-21 00:00:30'));
		expect(ids(await watcher.poll())).toEqual([beforeMidnight, atMidnight]);
		const late = addExchange(kst('2026-11-20 23:59:58'));
		setNow(kst('2026-11-21 00:20:00'));
		expect(ids(await watcher.poll())).toEqual([late]);

		// The workflow is off for 30 days.
		const expected = instantsAroundMidnights(kst('2026-11-21 00:00:00'), 30).map((at) => ({ id: addExchange(at), at }));
		setNow(kst('2026-11-21 00:20:00') + 31 * DAY);
		sandbox.clearRequestLog();
		expected.sort((a, b) => a.at - b.at || Number(a.id) - Number(b.id));
		expect(ids(await watcher.poll())).toEqual(expected.map((item) => item.id));
		// 7-day Korea windows, each read in windows a second under 7 days (the last a second past the window).
		expect(queries('/exchangeRequests').slice(0, 2).map((query) => `${query.createdAtFrom}..${query.createdAtTo}`)).toEqual([
			'2026-11-20T00:00:00..2026-11-26T23:59:59',
			'2026-11-26T23:59:59..2026-11-27T00:00:00',
		]);
		advance(MINUTE);
		expect(await watcher.poll()).toBeNull();
	});

	it('a failed poll keeps the state and the next one emits everything; Fetch Test Event gives the newest', async () => {
		const watcher = trigger();
		await watcher.poll();
		advance(MINUTE);
		const added = [addExchange(Date.now()), addExchange(Date.now())];
		advance(MINUTE);
		const stateBefore = watcher.staticData();
		sandbox.setFaults({ failNext: [{ status: 502, count: 3 }] });
		expect((await pollError(async () => await watcher.poll())).message).toBe('Coupang: Bad Gateway (HTTP 502) after 3 tries');
		expect(watcher.staticData()).toEqual(stateBefore);
		advance(MINUTE);
		expect(ids(await watcher.poll())).toEqual(added);
		expect(ids(await watcher.pollManual())).toEqual([added[1]]);
	});
});
