/**
 * The New Order event of the Coupang Trigger through n8n-core's PollContext against the in-process sandbox over real
 * HTTP. Only Date is faked (the sandbox, the signature and the trigger read the same controlled clock).
 *
 * The sandbox lists a box from the moment it is added (a test adds an order when it is paid) and filters the list by
 * `orderedAt`; a test sets `paidAt` where payment came later than the order.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { OVERLAP_MS } from '../../nodes/Coupang/core/newItems';
import { ORDER_LOOKBACK_DAYS, TRIGGER_EVENTS } from '../../nodes/Coupang/trigger/events';
import { toOrderSheetJson, type OrderBox } from '../../sandbox';
import { credentialsFor } from '../helpers/n8n';
import { kst, kstText } from '../helpers/koreaTime';
import { createPollHarness, useTriggerSandbox, type PollHarness } from '../helpers/trigger';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const ORDERSHEETS = '/v2/providers/openapi/apis/api/v4/vendors/A00012345/ordersheets';

const sandbox = useTriggerSandbox(kst('2026-11-20 12:00:00'), { productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 0, returns: 0, exchanges: 0 });

const setNow = (ms: number): void => jest.setSystemTime(ms);
const advance = (ms: number): void => jest.setSystemTime(Date.now() + ms);

/** Orders placed at `orderedAtMs`, paid at `paidAtMs` (default: at once), visible in the list from now on. */
function addOrders(orderedAtMs: number, count = 1, status = 'ACCEPT', paidAtMs = orderedAtMs): OrderBox[] {
	const boxes = sandbox.store.orders.add({ count, status, orderedAt: kstText(orderedAtMs).replace(' ', 'T') });
	for (const box of boxes) box.paidAtMs = paidAtMs;
	return boxes;
}
const boxIds = (boxes: OrderBox[]): number[] => boxes.map((box) => box.shipmentBoxId).sort((a, b) => a - b);
const emittedIds = (items: IDataObject[] | null): number[] => (items ?? []).map((item) => Number(item.shipmentBoxId));
const listQueries = (): URLSearchParams[] => sandbox.requestLog().filter((entry) => entry.path === ORDERSHEETS).map((entry) => new URLSearchParams(entry.query));

function orderTrigger(parameters: IDataObject = {}): PollHarness {
	return createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'order', ...parameters } });
}


describe('Coupang Trigger: New Order', () => {
	it('is keyed by shipmentBoxId and paidAt', () => {
		expect(TRIGGER_EVENTS.find((event) => event.value === 'order')).toMatchObject({ idField: 'shipmentBoxId', timeField: 'paidAt' });
	});

	it('emits a paid order once, at the next poll, Simplified by default, with one request of the Paid list per poll', async () => {
		const trigger = orderTrigger();
		addOrders(kst('2026-11-20 11:00:00')); // before activation
		expect(await trigger.poll()).toBeNull();
		advance(30 * SECOND);
		const [box] = addOrders(Date.now());
		advance(30 * SECOND);
		const emitted = await trigger.poll();
		expect(emittedIds(emitted)).toEqual([box.shipmentBoxId]);
		expect(emitted?.[0]).toMatchObject({ shipmentBoxId: box.shipmentBoxId, orderId: box.orderId, status: 'ACCEPT', statusName: 'Paid', paidAt: '2026-11-20T12:00:30', paidAtIso: '2026-11-20T12:00:30+09:00' });
		expect(JSON.stringify(emitted)).not.toContain(box.receiver.safeNumber);
		for (let poll = 0; poll < 5; poll++) {
			advance(MINUTE);
			expect(await trigger.poll()).toBeNull();
		}
		const queries = listQueries();
		expect(queries).toHaveLength(7);
		expect(Object.fromEntries(queries[0])).toEqual({ createdAtFrom: '2026-11-18', createdAtTo: '2026-11-20', status: 'ACCEPT', maxPerPage: '50' });
	});

	it('Raw output is the record as Coupang sends it', async () => {
		const trigger = orderTrigger({ output: 'raw' });
		await trigger.poll();
		advance(MINUTE);
		const [box] = addOrders(Date.now() - SECOND, 1, 'ACCEPT');
		advance(MINUTE);
		expect(await trigger.poll()).toEqual([JSON.parse(JSON.stringify(toOrderSheetJson(box, 'v4')))]);
	});

	it('emits only orders in the chosen status (Paid by default; Preparing when chosen)', async () => {
		const paidTrigger = orderTrigger();
		const preparingTrigger = orderTrigger({ orderStatus: 'INSTRUCT' });
		await paidTrigger.poll();
		await preparingTrigger.poll();
		advance(MINUTE);
		const paid = addOrders(Date.now(), 2);
		const preparing = addOrders(Date.now(), 3, 'INSTRUCT');
		advance(MINUTE);
		expect(emittedIds(await paidTrigger.poll())).toEqual(boxIds(paid));
		expect(emittedIds(await preparingTrigger.poll())).toEqual(boxIds(preparing));
		expect(preparingTrigger.staticData().coupangTrigger).toMatchObject({ scope: 'order|INSTRUCT' });
	});

	it('an order placed before a Korea midnight and paid after it is emitted once, also when paid long after the overlap', async () => {
		setNow(kst('2026-11-20 23:40:00'));
		const trigger = orderTrigger();
		expect(await trigger.poll()).toBeNull();
		// Placed 23:50, paid 00:05: listed from 00:05 on; the poll at 00:06 reads 2026-11-20 (where it was placed).
		setNow(kst('2026-11-21 00:00:00'));
		expect(await trigger.poll()).toBeNull();
		setNow(kst('2026-11-21 00:05:00'));
		const acrossMidnight = addOrders(kst('2026-11-20 23:50:00'), 1, 'ACCEPT', kst('2026-11-21 00:05:00'));
		setNow(kst('2026-11-21 00:06:00'));
		expect(emittedIds(await trigger.poll())).toEqual(boxIds(acrossMidnight));
		// Placed 22:00, paid by bank transfer at 03:00: the poll at 03:01 reads from 01:30 (its plan's window holds only
		// 2026-11-21). Keyed by orderedAt the order would be fetched and dropped as old; keyed by paidAt it is new.
		for (const at of ['01:00:00', '02:00:00']) {
			setNow(kst(`2026-11-21 ${at}`));
			expect(await trigger.poll()).toBeNull();
		}
		setNow(kst('2026-11-21 03:00:00'));
		const transfer = addOrders(kst('2026-11-20 22:00:00'), 1, 'ACCEPT', kst('2026-11-21 03:00:00'));
		setNow(kst('2026-11-21 03:01:00'));
		const from = Date.parse(String((trigger.staticData().coupangTrigger as IDataObject).cursor)) - OVERLAP_MS;
		expect(kst('2026-11-20 22:00:00')).toBeLessThan(from); // its orderedAt is before this poll's `from`…
		expect(kst('2026-11-21 03:00:00')).toBeGreaterThanOrEqual(from); // …its paidAt after it
		expect(emittedIds(await trigger.poll())).toEqual(boxIds(transfer));
		expect(listQueries().at(-1)?.get('createdAtFrom')).toBe(`2026-11-${21 - ORDER_LOOKBACK_DAYS}`);
		for (let poll = 0; poll < 40; poll++) {
			advance(MINUTE);
			expect(await trigger.poll()).toBeNull();
		}
		expect(Date.now() - kst('2026-11-21 03:00:00')).toBeGreaterThan(OVERLAP_MS);
	});

	it('an order Coupang lists late, inside the 30-minute overlap, is emitted once', async () => {
		const trigger = orderTrigger();
		await trigger.poll();
		const paidAt = Date.now() + 30 * SECOND;
		for (let poll = 0; poll < 20; poll++) {
			advance(MINUTE);
			expect(await trigger.poll()).toBeNull();
		}
		const late = addOrders(paidAt, 2); // paid at 12:00:30, listed only at 12:20
		advance(MINUTE);
		expect(emittedIds(await trigger.poll())).toEqual(boxIds(late));
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('after 21 days without polling catches up in 7-day windows that reach back 2 days: every order once, oldest payment first', async () => {
		const activation = kst('2026-11-01 12:00:00');
		setNow(activation);
		const trigger = orderTrigger();
		expect(await trigger.poll()).toBeNull();
		const expected: OrderBox[] = [];
		for (let day = 0; day < 20; day++) {
			const midnight = kst('2026-11-02 00:00:00') + day * DAY;
			setNow(midnight + DAY);
			expected.push(...addOrders(midnight - SECOND), ...addOrders(midnight), ...addOrders(midnight + ((day * 7919) % 86400) * SECOND, 2));
			// One placed two days before it was paid.
			expected.push(...addOrders(midnight - 2 * DAY + 3600_000, 1, 'ACCEPT', midnight + 3600_000));
		}
		setNow(activation + 21 * DAY);
		sandbox.clearRequestLog();
		const emitted = emittedIds(await trigger.poll());
		const oldestPaymentFirst = [...expected].sort((a, b) => a.paidAtMs - b.paidAtMs || a.shipmentBoxId - b.shipmentBoxId);
		expect(emitted).toEqual(oldestPaymentFirst.filter((box) => box.paidAtMs >= activation).map((box) => box.shipmentBoxId));
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...new Set(listQueries().map((query) => `${query.get('createdAtFrom')}..${query.get('createdAtTo')}`))]).toEqual([
			'2026-10-30..2026-11-07',
			'2026-11-06..2026-11-14',
			'2026-11-13..2026-11-21',
			'2026-11-20..2026-11-22',
		]);
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('a 503 on page 2 that outlasts the retries emits nothing and keeps the state; the next poll emits every order once', async () => {
		const trigger = orderTrigger();
		await trigger.poll();
		advance(MINUTE);
		const added = addOrders(Date.now(), 80);
		advance(MINUTE);
		const stateBefore = trigger.staticData();
		trigger.beforeRequest(2, () => sandbox.setFaults({ failNext: [{ status: 503, message: 'Service Unavailable', count: 3 }] }));
		await expect(trigger.poll()).rejects.toThrow(NodeApiError);
		expect(trigger.staticData()).toEqual(stateBefore);
		advance(MINUTE);
		expect(emittedIds(await trigger.poll())).toEqual(boxIds(added));
		advance(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});

	it('Fetch Test Event returns a labelled sample when nothing matched, else the newest paid order, and leaves the state alone', async () => {
		const trigger = orderTrigger();
		expect(await trigger.pollManual()).toEqual([
			expect.objectContaining({ sample: true, sampleNote: 'Sample data: no orders matched the filters in the last 28 days. Real items have the same fields.', statusName: 'Paid', shipmentBoxId: 0 }),
		]);
		addOrders(kst('2026-11-10 09:00:00'));
		const [newest] = addOrders(kst('2026-11-19 09:00:00'));
		expect(emittedIds(await trigger.pollManual())).toEqual([newest.shipmentBoxId]);
		expect(trigger.staticData()).toEqual({});
	});
});
