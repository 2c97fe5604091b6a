/**
 * The Coupang Trigger's poll() through n8n-core's PollContext against the in-process sandbox over real HTTP.
 * Only Date is faked (the sandbox, the signature and the trigger all read the same controlled clock); sockets and
 * timers are real.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { OVERLAP_MS } from '../../nodes/Coupang/core/newItems';
import { credentialsFor } from '../helpers/n8n';
import { createPollHarness, useTriggerSandbox, instantsAroundMidnights, pollError, type PollHarness } from '../helpers/trigger';
import { kst, kstText } from '../helpers/koreaTime';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const LIST_PATH = '/v2/providers/openapi/apis/api/v4/vendors/A00012345/onlineInquiries';


const sandbox = useTriggerSandbox(kst('2026-11-20 12:00:00'), { productInquiries: 0, callCenterInquiries: 0, products: 0 });

const setNow = (ms: number): void => jest.setSystemTime(ms);
const advance = (ms: number): void => jest.setSystemTime(Date.now() + ms);

function addProductInquiries(inquiryAt: string, count = 1): string[] {
	return sandbox.store.productInquiries.add({ count, inquiryAt }).map((inquiry) => String(inquiry.inquiryId));
}

function productTrigger(parameters: IDataObject = {}): PollHarness {
	return createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'productInquiry', ...parameters } });
}

const ids = (items: IDataObject[] | null): string[] => (items ?? []).map((item) => String(item.inquiryId));
const listRequests = (): Array<{ query: URLSearchParams; status: number }> =>
	sandbox
		.requestLog()
		.filter((entry) => entry.path.endsWith('/onlineInquiries') || entry.path.endsWith('/callCenterInquiries'))
		.map((entry) => ({ query: new URLSearchParams(entry.query), status: entry.status }));


describe('Coupang Trigger: new product inquiries', () => {
	it('emits an inquiry added between polls once, at the next poll, and never again', async () => {
		const trigger = productTrigger();
		expect(await trigger.poll()).toBeNull(); // activation: nothing before it is emitted
		advance(30 * SECOND);
		const [added] = addProductInquiries(kstText(Date.now()));
		advance(30 * SECOND);
		const emitted = await trigger.poll();
		expect(ids(emitted)).toEqual([added]);
		// Simplified by default, as the node's lists: an ISO instant beside Coupang's Korea time.
		expect(emitted?.[0]).toMatchObject({ inquiryId: Number(added), inquiryAt: '2026-11-20 12:00:30', inquiryAtIso: '2026-11-20T12:00:30+09:00', answered: false });
		for (let poll = 0; poll < 5; poll++) {
			advance(MINUTE);
			expect(await trigger.poll()).toBeNull();
		}
		// What the requests asked for: the documented query, the maximum page size, today's Korea date.
		const [first] = listRequests();
		expect(sandbox.requestLog()[0]).toMatchObject({ method: 'GET', path: LIST_PATH, status: 200 });
		expect(Object.fromEntries(first.query)).toEqual({
			vendorId: 'A00012345',
			answeredType: 'NOANSWER',
			inquiryStartAt: '2026-11-20',
			inquiryEndAt: '2026-11-20',
			pageNum: '1',
			pageSize: '50',
		});
	});

	it('makes exactly one request for each of 10 idle polls and emits nothing', async () => {
		addProductInquiries('2026-11-20 09:00:00', 3); // old ones, from before activation
		const trigger = productTrigger();
		expect(await trigger.poll()).toBeNull();
		sandbox.clearRequestLog();
		for (let poll = 0; poll < 10; poll++) {
			advance(MINUTE);
			expect(await trigger.poll()).toBeNull();
		}
		const requests = listRequests();
		expect(requests).toHaveLength(10);
		expect(sandbox.requestLog()).toHaveLength(10);
		for (const request of requests) {
			expect(request.status).toBe(200);
			expect(request.query.get('pageNum')).toBe('1');
		}
	});

	it('emits only the inquiries matching the filters (answer status, option ID)', async () => {
		const trigger = productTrigger({ vendorItemId: String(sandbox.store.products.catalog[1].vendorItemId) });
		await trigger.poll();
		advance(MINUTE);
		const now = kstText(Date.now());
		sandbox.store.productInquiries.add({ inquiryAt: now, answered: true, vendorItemId: sandbox.store.products.catalog[1].vendorItemId });
		sandbox.store.productInquiries.add({ inquiryAt: now, vendorItemId: sandbox.store.products.catalog[0].vendorItemId });
		const [wanted] = sandbox.store.productInquiries.add({ inquiryAt: now, vendorItemId: sandbox.store.products.catalog[1].vendorItemId });
		advance(MINUTE);
		expect(ids(await trigger.poll())).toEqual([String(wanted.inquiryId)]);
		expect(listRequests().at(-1)?.query.get('vendorItemId')).toBe(String(sandbox.store.products.catalog[1].vendorItemId));
	});

	it('does not lose inquiries just before and after midnight Korea time, nor one listed late across it', async () => {
		setNow(kst('2026-11-20 23:50:00'));
		const trigger = productTrigger();
		expect(await trigger.poll()).toBeNull();
		setNow(kst('2026-11-20 23:59:59'));
		const [beforeMidnight] = addProductInquiries('2026-11-20 23:59:59');
		setNow(kst('2026-11-21 00:00:00'));
		const [atMidnight] = addProductInquiries('2026-11-21 00:00:00');
		setNow(kst('2026-11-21 00:00:30'));
		expect(ids(await trigger.poll())).toEqual([beforeMidnight, atMidnight]);
		// Two Korea days in one window (the overlap reaches back before midnight): still one request.
		expect(Object.fromEntries(listRequests().at(-1)?.query ?? [])).toMatchObject({
			inquiryStartAt: '2026-11-20',
			inquiryEndAt: '2026-11-21',
		});

		// Coupang lists an inquiry of 23:59:58 only now, after the poll at 00:00:30 (within the overlap).
		const [late] = addProductInquiries('2026-11-20 23:59:58');
		setNow(kst('2026-11-21 00:20:00'));
		expect(ids(await trigger.poll())).toEqual([late]);
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
		// Once cursor - overlap has passed midnight, a poll reads only the new day.
		setNow(kst('2026-11-21 00:00:01') + OVERLAP_MS);
		expect(await trigger.poll()).toBeNull();
		expect(listRequests().at(-1)?.query.get('inquiryStartAt')).toBe('2026-11-20');
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
		expect(listRequests().at(-1)?.query.get('inquiryStartAt')).toBe('2026-11-21');
	});

	it('after 30 days without polling catches up across 7-day windows, nothing lost or repeated', async () => {
		const activation = kst('2026-11-01 12:00:00');
		setNow(activation);
		const trigger = productTrigger();
		expect(await trigger.poll()).toBeNull();
		addProductInquiries('2026-11-01 11:59:59'); // before activation: not emitted

		// 30 days pass with the workflow off; inquiries arrive, also at every Korea midnight and window edge.
		const expected: Array<{ id: string; at: number }> = [];
		const add = (at: number): void => {
			for (const id of addProductInquiries(kstText(at))) expected.push({ id, at });
		};
		add(activation);
		for (const at of instantsAroundMidnights(kst('2026-11-01 00:00:00'), 30)) add(at);
		setNow(activation + 30 * DAY);
		add(Date.now());
		sandbox.clearRequestLog();

		const emitted = ids(await trigger.poll());
		expected.sort((a, b) => a.at - b.at || Number(a.id) - Number(b.id));
		expect(emitted).toEqual(expected.map((item) => item.id));
		expect(new Set(emitted).size).toBe(emitted.length);
		const windows = listRequests().map((request) => `${request.query.get('inquiryStartAt')}..${request.query.get('inquiryEndAt')}`);
		expect([...new Set(windows)]).toEqual([
			'2026-11-01..2026-11-07',
			'2026-11-08..2026-11-14',
			'2026-11-15..2026-11-21',
			'2026-11-22..2026-11-28',
			'2026-11-29..2026-12-01',
		]);
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('a 503 on page 2 that outlasts the retries emits nothing, keeps the state, and the next poll emits everything', async () => {
		const trigger = productTrigger();
		await trigger.poll();
		advance(MINUTE);
		const added = addProductInquiries(kstText(Date.now()), 80); // 2 pages of 50
		advance(MINUTE);
		const stateBefore = trigger.staticData();
		sandbox.clearRequestLog();
		trigger.beforeRequest(2, () => sandbox.setFaults({ failNext: [{ status: 503, message: 'Service Unavailable', count: 3 }] }));

		const error = await pollError(async () => await trigger.poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Coupang: Service Unavailable (HTTP 503) after 3 tries');
		expect((error as NodeApiError).httpCode).toBe('503');
		expect((error as NodeApiError).description).toContain('Gave up after 3 tries.');
		expect(trigger.staticData()).toEqual(stateBefore);
		expect(listRequests().map((request) => request.status)).toEqual([200, 503, 503, 503]);

		advance(MINUTE);
		const emitted = ids(await trigger.poll());
		expect(emitted).toEqual([...added].sort((a, b) => Number(a) - Number(b)));
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('a 429 holds the seller: the poll fails at once, polls during the hold send nothing, and after it one poll catches up', async () => {
		const trigger = productTrigger();
		await trigger.poll();
		advance(MINUTE);
		const added = addProductInquiries(kstText(Date.now()), 80);
		advance(MINUTE);
		const stateBefore = trigger.staticData();
		sandbox.clearRequestLog();
		trigger.beforeRequest(2, () => sandbox.setFaults({ failNext: [{ status: 429, count: 3 }] }));
		const refusedAt = Date.now();

		const error = await pollError(async () => await trigger.poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Coupang: Coupang is throttling this seller (HTTP 429); requests resume at 2026-11-20 12:07:00 +09:00');
		expect((error as NodeApiError).description).toMatch(/since 2026-11-20 12:02:00 \+09:00.*before 2026-11-20 12:07:00 \+09:00 \(in 5 min 0 s\).*Nothing is lost: the first poll after that catches up/);
		expect(listRequests().map((request) => request.status)).toEqual([200, 429]); // no retry into the block
		expect(trigger.staticData()).toEqual(stateBefore);

		for (let minute = 1; minute <= 4; minute++) {
			setNow(refusedAt + minute * MINUTE);
			const held = await pollError(async () => await trigger.poll());
			expect(held.message).toMatch(/^Coupang: Coupang is throttling this seller \(HTTP 429\); requests resume at 2026-11-20 12:07:00/);
			expect(trigger.staticData()).toEqual(stateBefore);
		}
		expect(listRequests()).toHaveLength(2); // nothing was sent during the hold

		setNow(refusedAt + 5 * MINUTE);
		sandbox.clearFaults();
		expect(ids(await trigger.poll())).toEqual([...added].sort((a, b) => Number(a) - Number(b)));
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('a single 503 in the middle of the pages is retried and the poll succeeds', async () => {
		const trigger = productTrigger();
		await trigger.poll();
		advance(MINUTE);
		const added = addProductInquiries(kstText(Date.now()), 80);
		advance(MINUTE);
		sandbox.clearRequestLog();
		trigger.beforeRequest(2, () => sandbox.setFaults({ failNext: [{ status: 503, body: 'html' }] }));
		expect(ids(await trigger.poll())).toEqual([...added].sort((a, b) => Number(a) - Number(b)));
		expect(listRequests().map((request) => `${request.query.get('pageNum')}:${request.status}`)).toEqual(['1:200', '2:503', '2:200']);
	});

	it('reads the pages page 1 announced at once, and emits every inquiry once, oldest first', async () => {
		const trigger = productTrigger();
		await trigger.poll();
		advance(MINUTE);
		const added = addProductInquiries(kstText(Date.now()), 220); // 5 pages of 50
		advance(MINUTE);
		sandbox.clearRequestLog();
		expect(ids(await trigger.poll())).toEqual([...added].sort((a, b) => Number(a) - Number(b)));
		const pages = listRequests().map((request) => request.query.get('pageNum'));
		expect(pages[0]).toBe('1');
		expect([...pages].sort()).toEqual(['1', '2', '3', '4', '5']);
	});

	it('with an Option ID emits only that option, also when the gateway ignores the parameter (newer doc revision)', async () => {
		sandbox.setReadings({ productInquiryDocRevision: 'newer' });
		const [wantedItem, otherItem] = [sandbox.store.products.catalog[1].vendorItemId, sandbox.store.products.catalog[0].vendorItemId];
		const trigger = productTrigger({ vendorItemId: String(wantedItem) });
		await trigger.poll();
		advance(MINUTE);
		const now = kstText(Date.now());
		sandbox.store.productInquiries.add({ inquiryAt: now, vendorItemId: otherItem, count: 60 });
		const wanted = sandbox.store.productInquiries.add({ inquiryAt: now, vendorItemId: wantedItem, count: 2 });
		advance(MINUTE);
		expect(ids(await trigger.poll())).toEqual(wanted.map((inquiry) => String(inquiry.inquiryId)).sort((a, b) => Number(a) - Number(b)));
		// The gateway sent both options' inquiries (62 in two pages): the trigger kept the option's.
		expect(listRequests().slice(-2).map((request) => request.query.get('vendorItemId'))).toEqual([String(wantedItem), String(wantedItem)]);
	});

	it('Fetch Test Event returns the newest matching inquiry (a labelled sample when there is none) and leaves the state alone', async () => {
		const trigger = productTrigger();
		const sample = await trigger.pollManual();
		expect(sample).toEqual([
			expect.objectContaining({
				sample: true,
				sampleNote: 'Sample data: no product inquiries matched the filters in the last 28 days. Real items have the same fields.',
				inquiryId: 0,
				question: 'Sample question: when will my order ship?',
				inquiryAtIso: '2026-01-01T09:00:00+09:00',
			}),
		]);
		expect(listRequests()).toHaveLength(4); // 28 days: four 7-day windows, newest first
		expect(trigger.staticData()).toEqual({});

		addProductInquiries('2026-11-05 08:00:00');
		const [newest] = addProductInquiries('2026-11-19 10:00:00');
		addProductInquiries('2026-11-19 09:59:59');
		expect(ids(await trigger.pollManual())).toEqual([newest]);
		expect(trigger.staticData()).toEqual({});

		await trigger.poll();
		const state = trigger.staticData();
		advance(MINUTE);
		addProductInquiries(kstText(Date.now()));
		advance(MINUTE);
		expect(await trigger.pollManual()).toHaveLength(1);
		expect(trigger.staticData()).toEqual(state);
		expect(await trigger.poll()).toHaveLength(1); // the real poll still emits it
	});

	it('Include the Last N Days on First Activation emits those on the first activation', async () => {
		const old = addProductInquiries('2026-11-18 12:00:01');
		addProductInquiries('2026-11-17 11:59:59'); // more than 3 days back
		const trigger = productTrigger({ options: { includeLastDays: 3 } });
		expect(ids(await trigger.poll())).toEqual(old);
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('starts over (from now) when the event or filters change', async () => {
		const trigger = productTrigger();
		await trigger.poll();
		expect(trigger.staticData().coupangTrigger).toMatchObject({ version: 1, scope: 'productInquiry|NOANSWER|' });
		advance(MINUTE);
		addProductInquiries(kstText(Date.now() - SECOND), 1);
		sandbox.store.productInquiries.add({ inquiryAt: kstText(Date.now() - SECOND), answered: true });
		advance(MINUTE);
		trigger.setParameter('answeredType', 'ANSWERED');
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().coupangTrigger).toMatchObject({ scope: 'productInquiry|ANSWERED|', since: new Date(Date.now()).toISOString() });
		advance(MINUTE);
		const [answered] = sandbox.store.productInquiries.add({ inquiryAt: kstText(Date.now()), answered: true });
		advance(MINUTE);
		expect(ids(await trigger.poll())).toEqual([String(answered.inquiryId)]);
	});
});

describe('Coupang Trigger: new call center inquiries', () => {
	it('emits unconfirmed transfers once (not those waiting for a reply), with the call center query and page size 30', async () => {
		const trigger = createPollHarness({
			credentials: credentialsFor(sandbox),
			parameters: { event: 'callCenterInquiry', counselingStatus: 'TRANSFER' },
		});
		expect(await trigger.poll()).toBeNull();
		advance(MINUTE);
		const now = kstText(Date.now());
		const waiting = sandbox.store.callCenterInquiries.add({ inquiryAt: now, count: 31, kind: 'unconfirmed' });
		sandbox.store.callCenterInquiries.add({ inquiryAt: now, kind: 'vendorAnswered' });
		sandbox.store.callCenterInquiries.add({ inquiryAt: now, kind: 'waiting', count: 3 });
		advance(MINUTE);
		const emitted = ids(await trigger.poll());
		expect(emitted).toEqual(waiting.map((inquiry) => String(inquiry.inquiryId)).sort((a, b) => Number(a) - Number(b)));
		const requests = listRequests().slice(-2);
		expect(requests.map((request) => request.query.get('pageNum'))).toEqual(['1', '2']);
		expect(Object.fromEntries(requests[0].query)).toMatchObject({ partnerCounselingStatus: 'TRANSFER', pageSize: '30' });
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});
});

describe('Coupang Trigger: a big data set', () => {
	it('emits 20 000 inquiries of the last 30 days once, oldest first, and keeps the state under 64 KiB', async () => {
		sandbox.store.reseed({ seed: 3, productInquiries: 20000, callCenterInquiries: 0, products: 0 });
		const since = Date.now() - 30 * DAY;
		const expected = sandbox.store.productInquiries.all
			.filter((inquiry) => inquiry.inquiryAtMs >= since)
			.sort((a, b) => a.inquiryAtMs - b.inquiryAtMs || a.inquiryId - b.inquiryId)
			.map((inquiry) => String(inquiry.inquiryId));
		expect(expected.length).toBeGreaterThan(19000);
		const trigger = productTrigger({ answeredType: 'ALL', options: { includeLastDays: 30 } });
		const emitted = ids(await trigger.poll());
		expect(emitted).toEqual(expected);
		expect(JSON.stringify(trigger.staticData()).length).toBeLessThan(64 * 1024);
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});
});
