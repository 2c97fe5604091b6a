/**
 * The Order resource through n8n-core (WorkflowExecute → RoutingNode) against the sandbox: every operation's output
 * equals what the sandbox holds, field by field (Raw: Coupang's record; Simplified: the flat view), Return All over
 * several windows and pages, the minute search under each reading of its silent points, acknowledgement batches
 * across input items, waybills, and the readings of the single lookups.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CoupangApi } from '../../credentials/CoupangApi.credentials';
import { COURIERS as NODE_COURIERS } from '../../nodes/Coupang/core/couriers';
import { COURIERS as SANDBOX_COURIERS, startSandbox, toOrderHistoryJson, toOrderSheetJson, type OrderBox, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, liftPaceForThisFile, runCoupang } from '../helpers/coupang';
import { koreaDateOfMs, kstText } from '../helpers/koreaTime';
import { setReadings } from '../helpers/sandboxBlock';
import { control } from '../helpers/sandboxHttp';

let sandbox: RunningSandbox;
const DAY = 86_400_000;

beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 14, productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 150, returns: 0, exchanges: 0 });
});
afterAll(async () => await sandbox.stop());
afterEach(async () => {
	await control(sandbox, 'DELETE', '/__sandbox/order-readings');
	jest.restoreAllMocks();
});

const json = <T>(value: T): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;
const mine = (): OrderBox[] => sandbox.store.orders.all.filter((box) => box.vendorId === sandbox.vendorId);
const listed = (status: string, from: string, to: string): OrderBox[] =>
	mine().filter((box) => box.closedBy === null && box.status === status && koreaDateOfMs(box.orderedAtMs) >= from && koreaDateOfMs(box.orderedAtMs) <= to);
const byBoxId = (a: OrderBox, b: OrderBox): number => a.shipmentBoxId - b.shipmentBoxId;
const orderPaths = (requests: Array<{ path: string }>): string[] => requests.map((request) => request.path.replace(/\/\d{6,}(?=\/|$)/g, '/{id}'));
const ORDERSHEETS = '/v2/providers/openapi/apis/api/v4/vendors/A00012345/ordersheets';

/** A new box in `status`, ordered at `orderedAtMs` (Korea wall clock to the second). */
function addBox(status: string, orderedAtMs: number, extra: { itemCount?: number; boxCount?: number } = {}): OrderBox[] {
	return sandbox.store.orders.add({ status, orderedAt: kstText(orderedAtMs).replace(' ', 'T'), ...extra });
}

describe('Order → Get Many by day', () => {
	it.each(['ACCEPT', 'INSTRUCT', 'DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING'])('status %s: exactly the sandbox’s open boxes of the last 30 days, field by field', async (status) => {
		const [start, end] = [koreaDay(sandbox, 29), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'getMany', status, startDate: dateParameter(start), endDate: dateParameter(end), returnAll: true });
		expect(result.error).toBeUndefined();
		const expected = listed(status, start, end).sort(byBoxId).map((box) => json(toOrderSheetJson(box, 'v4')));
		expect(expected.length).toBeGreaterThan(0);
		expect(result.json).toEqual(expected);
		expect(result.requests).toHaveLength(Math.max(1, Math.ceil(expected.length / 50)));
		expect(Object.fromEntries(new URLSearchParams(result.requests[0].query))).toEqual({ createdAtFrom: start, createdAtTo: end, status, maxPerPage: '50' });
		expect(result.requests[0].path).toBe(ORDERSHEETS);
	});

	it('Return All over 75 days: three 31-day windows, several token pages each, every box once, in window order', async () => {
		const now = sandbox.now().getTime();
		// 150 more Paid boxes over the 75 days, some on the Korea midnights between windows.
		for (let index = 0; index < 150; index++) addBox('ACCEPT', now - ((index * 37) % 75) * DAY - (index % 3) * 3600_000);
		const [start, end] = [koreaDay(sandbox, 74), koreaDay(sandbox, 0)];
		const windowEnd = (startDay: string): string => koreaDateOfMs(Date.parse(`${startDay}T00:00:00+09:00`) + 30 * DAY);
		const windows = [start, koreaDateOfMs(Date.parse(`${start}T00:00:00+09:00`) + 31 * DAY), koreaDateOfMs(Date.parse(`${start}T00:00:00+09:00`) + 62 * DAY)].map((day) => ({
			start: day,
			end: windowEnd(day) < end ? windowEnd(day) : end,
		}));
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'getMany', status: 'ACCEPT', startDate: dateParameter(start), endDate: dateParameter(end), returnAll: true, options: { pageSize: 20 } });
		expect(result.error).toBeUndefined();
		const expected = windows.flatMap((window) => listed('ACCEPT', window.start, window.end).sort(byBoxId));
		expect(expected.length).toBeGreaterThan(140);
		expect(result.json.map((record) => record.shipmentBoxId)).toEqual(expected.map((box) => box.shipmentBoxId));
		const perWindow = new Map<string, number>();
		for (const request of result.requests) {
			const query = new URLSearchParams(request.query);
			const key = `${query.get('createdAtFrom')}..${query.get('createdAtTo')}`;
			perWindow.set(key, (perWindow.get(key) ?? 0) + 1);
			expect(query.get('maxPerPage')).toBe('20');
		}
		expect([...perWindow.keys()]).toEqual(windows.map((window) => `${window.start}..${window.end}`));
		for (const window of windows) {
			expect(perWindow.get(`${window.start}..${window.end}`)).toBe(Math.max(1, Math.ceil(listed('ACCEPT', window.start, window.end).length / 20)));
		}
		expect(result.requests.every((request) => request.status === 200)).toBe(true);
	});

	it('Limit stops early: Limit 7 is one request of 7', async () => {
		const [start, end] = [koreaDay(sandbox, 29), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'getMany', status: 'FINAL_DELIVERY', startDate: dateParameter(start), endDate: dateParameter(end), returnAll: false, limit: 7 });
		expect(result.json.map((record) => record.shipmentBoxId)).toEqual(listed('FINAL_DELIVERY', start, end).sort(byBoxId).slice(0, 7).map((box) => box.shipmentBoxId));
		expect(result.requests).toHaveLength(1);
		expect(new URLSearchParams(result.requests[0].query).get('maxPerPage')).toBe('7');
	});

	it('Simplified: flat and readable, with ISO twins, and no phone number or e-mail of the buyer anywhere', async () => {
		const [box] = addBox('ACCEPT', sandbox.now().getTime() - 60_000, { itemCount: 2 });
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'get', shipmentBoxId: String(box.shipmentBoxId), output: 'simple' });
		const raw = json(toOrderSheetJson(box, 'v4')) as IDataObject & { orderItems: IDataObject[]; receiver: IDataObject; orderer: IDataObject };
		const orderedAt = raw.orderedAt as string;
		expect(result.json).toEqual([
			{
				shipmentBoxId: box.shipmentBoxId,
				orderId: box.orderId,
				status: 'ACCEPT',
				statusName: 'Paid',
				orderedAt,
				orderedAtIso: `${orderedAt}+09:00`,
				paidAt: raw.paidAt,
				paidAtIso: `${raw.paidAt as string}+09:00`,
				ordererName: raw.orderer.name,
				receiverName: raw.receiver.name,
				receiverAddress: `${raw.receiver.addr1 as string} ${raw.receiver.addr2 as string}`,
				receiverPostCode: raw.receiver.postCode,
				deliveryMessage: raw.parcelPrintMessage,
				items: raw.orderItems.map((item) => `${item.vendorItemName as string} × ${String(item.shippingCount)}`).join(', '),
				itemCount: raw.orderItems.length,
				vendorItemIds: raw.orderItems.map((item) => item.vendorItemId),
				orderPrice: raw.orderItems.reduce((sum, item) => sum + (item.orderPrice as number), 0),
				shippingPrice: raw.shippingPrice,
				courier: null,
				invoiceNumber: null,
				inTransitAt: null,
				inTransitAtIso: null,
				deliveredAt: null,
				deliveredAtIso: null,
				splitShipping: false,
				remoteArea: raw.remoteArea,
			},
		]);
		const text = JSON.stringify(result.json);
		expect(text).not.toContain(box.orderer.safeNumber);
		expect(text).not.toContain(box.orderer.email);
		expect(text).not.toMatch(/safeNumber|email|ordererNumber|receiverNumber|Ssn|PhoneNumber/);
	});
});

describe('Order → Get Many by minute, under every reading of its silent points', () => {
	// A range from 10:30 to 14:20 the next day (Korea time), with boxes on its edges and on the window marks.
	const base = Date.parse(`${koreaDateOfMs(Date.now() - 3 * DAY)}T00:00:00+09:00`);
	const at = (hours: number, minutes: number, seconds = 0): number => base + ((hours * 60 + minutes) * 60 + seconds) * 1000;
	const [from, to] = [at(10, 30), at(24 + 14, 20)];
	const edges = [at(10, 29, 59), at(10, 30), at(11, 59, 59), at(12, 0), at(23, 59, 0), at(23, 59, 59), at(24, 0), at(24 + 12, 0), at(24 + 14, 20, 59), at(24 + 14, 21)];
	let added: OrderBox[] = [];
	beforeAll(() => {
		added = edges.flatMap((ms) => addBox('DEPARTURE', ms));
	});

	it.each<{ label: string; readings: Record<string, string> }>([
		{ label: 'defaults', readings: {} },
		{ label: 'createdAtTo minute not counted', readings: { minuteToEdge: 'exclusive' } },
		{ label: 'both bounds on one date', readings: { minuteWindow: 'sameDay' } },
		{ label: 'exactly 24 hours accepted', readings: { windowEdge: 'inclusive' } },
	])('$label: exactly the boxes ordered from 10:30:00 to 14:20:59 next day', async ({ readings }) => {
		await setReadings(sandbox, readings);
		const local = (ms: number): string => kstText(ms).replace(' ', 'T');
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'getMany', status: 'DEPARTURE', searchBy: 'minute', startTime: local(from), endTime: local(to + 30_000), returnAll: true });
		expect(result.error).toBeUndefined();
		const expected = mine().filter((box) => box.closedBy === null && box.status === 'DEPARTURE' && box.orderedAtMs >= from && box.orderedAtMs < to + 60_000);
		expect(expected.filter((box) => added.includes(box))).toHaveLength(8);
		expect([...result.json.map((record) => record.shipmentBoxId as number)].sort()).toEqual(expected.map((box) => box.shipmentBoxId).sort());
		expect(new Set(result.json.map((record) => record.shipmentBoxId)).size).toBe(result.json.length);
		for (const request of result.requests) expect(new URLSearchParams(request.query).get('searchType')).toBe('timeFrame');
		const refused = result.requests.filter((request) => request.status !== 200);
		// Only the reading "one date" refuses the window that ends on the next day's 00:00; it is asked again to 23:59.
		expect(refused.map((request) => new URLSearchParams(request.query).get('createdAtTo')?.slice(11))).toEqual('minuteWindow' in readings ? ['00:00'] : []);
	});
});

describe('Order → Get, Get by Order ID, Get Delivery History', () => {
	it('Get returns the box as Coupang sends it (Raw), whatever its status', async () => {
		const box = mine().find((candidate) => candidate.status === 'FINAL_DELIVERY' && candidate.closedBy === null) as OrderBox;
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'get', shipmentBoxId: ` ${box.shipmentBoxId} ` });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([json(toOrderSheetJson(box, 'v4'))]);
		expect(orderPaths(result.requests)).toEqual([`${ORDERSHEETS}/{id}`]);
	});

	it.each(['object', 'array'] as const)('Get by Order ID with data as %s: one item per box Coupang sends', async (reading) => {
		await setReadings(sandbox, { orderByOrderIdData: reading });
		const boxes = addBox('INSTRUCT', sandbox.now().getTime() - 3600_000, { boxCount: 2 });
		expect(boxes).toHaveLength(2);
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'getByOrderId', orderId: String(boxes[0].orderId) });
		expect(result.error).toBeUndefined();
		// The object reading names one box per answer (R19): that one box; the array reading every box of the order.
		const expected = reading === 'array' ? boxes : boxes.slice(0, 1);
		expect(result.json).toEqual(expected.map((box) => json(toOrderSheetJson(box, 'v4'))));
		expect(orderPaths(result.requests)).toEqual(['/v2/providers/openapi/apis/api/v4/vendors/A00012345/{id}/ordersheets']);
		const simplified = await runCoupang(sandbox, { resource: 'order', operation: 'getByOrderId', orderId: String(boxes[0].orderId), output: 'simple' });
		expect(simplified.json.map((record) => [record.shipmentBoxId, record.statusName])).toEqual(expected.map((box) => [box.shipmentBoxId, 'Preparing']));
	});

	it.each(['object', 'array', 'bare'] as const)('Get Delivery History with the %s envelope: one item per change, newest first', async (reading) => {
		await setReadings(sandbox, { historyEnvelope: reading });
		const box = mine().find((candidate) => candidate.status === 'DELIVERING') as OrderBox;
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'getDeliveryHistory', shipmentBoxId: String(box.shipmentBoxId) });
		expect(result.error).toBeUndefined();
		const history = json(toOrderHistoryJson(box, 'v4')) as { shipmentBoxId: number; details: IDataObject[] };
		expect(history.details.length).toBeGreaterThanOrEqual(4);
		expect(result.json).toEqual(history.details.map((entry) => ({ shipmentBoxId: box.shipmentBoxId, ...entry })));
		const simplified = await runCoupang(sandbox, { resource: 'order', operation: 'getDeliveryHistory', shipmentBoxId: String(box.shipmentBoxId), output: 'simple' });
		expect(simplified.json[0]).toEqual({
			shipmentBoxId: box.shipmentBoxId,
			status: 'DELIVERING',
			statusName: 'In Transit',
			statusDescription: '배송중',
			updatedAt: history.details[0].updatedAt,
			updatedAtIso: `${history.details[0].updatedAt as string}+09:00`,
		});
	});
});

describe('Order → Set to Preparing', () => {
	it('120 input items become exactly 3 acknowledgement calls (PUT, ≤ 50 boxes each), one output item per box with its own result, failures included', async () => {
		const now = sandbox.now().getTime();
		const paid = Array.from({ length: 110 }, (_, index) => addBox('ACCEPT', now - 60_000 - index * 1000)[0]);
		const refundPending = paid[7];
		refundPending.items[0].holdCountForCancel = 1;
		const preparing = addBox('INSTRUCT', now - 3600_000, {})[0];
		const otherVendors = sandbox.store.orders.all.find((box) => box.vendorId !== sandbox.vendorId) as OrderBox;
		const ids = [...paid.map((box) => String(box.shipmentBoxId)), String(preparing.shipmentBoxId), String(otherVendors.shipmentBoxId), '9999999999999'];
		ids.push(...ids.slice(0, 7)); // 120 items; 7 name a box an earlier item names too
		expect(ids).toHaveLength(120);
		const authenticate = jest.spyOn(CoupangApi.prototype, 'authenticate');

		const result = await runCoupang(sandbox, { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: '={{ $json.box }}' }, { inputItems: ids.map((box) => ({ box })) });
		expect(result.error).toBeUndefined();
		const calls = result.requests.filter((request) => request.path.endsWith('/ordersheets/acknowledgement'));
		expect(calls.map((request) => `${request.method} ${request.status}`)).toEqual(['PUT 200', 'PUT 200', 'PUT 200']);
		expect(result.requests).toHaveLength(3);
		const bodies = authenticate.mock.calls.map(([, options]) => options.body as { vendorId: string; shipmentBoxIds: unknown[] });
		expect(bodies.map((body) => body.shipmentBoxIds.length)).toEqual([50, 50, 13]);
		expect(bodies.flatMap((body) => body.shipmentBoxIds)).toEqual([...new Set(ids)].map(Number));
		expect(bodies.every((body) => body.vendorId === 'A00012345')).toBe(true);

		expect(result.json).toHaveLength(120);
		const resultOf = (id: string | number): IDataObject => result.json.find((item) => String(item.shipmentBoxId) === String(id)) as IDataObject;
		expect(result.json.map((item) => String(item.shipmentBoxId))).toEqual(ids);
		expect(resultOf(paid[0].shipmentBoxId)).toEqual({
			success: true,
			operation: 'setToPreparing',
			shipmentBoxId: paid[0].shipmentBoxId,
			resultCode: 'OK',
			resultMessage: 'request succeeded.',
			retryRequired: false,
			coupangCode: '200',
			coupangMessage: 'OK',
		});
		expect(resultOf(refundPending.shipmentBoxId)).toMatchObject({ success: false, resultCode: 'ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL', retryRequired: true, resultMessage: '배송상태를 변경할 수 없습니다. 주문내역을 확인해주세요.' });
		expect(resultOf(preparing.shipmentBoxId)).toMatchObject({ success: false, resultCode: 'INVALID_STATUS', retryRequired: false });
		expect(resultOf(otherVendors.shipmentBoxId)).toMatchObject({ success: false, resultCode: 'NOT_FOUND_SHIPMENT_BOX', retryRequired: true });
		expect(resultOf('9999999999999')).toMatchObject({ success: false, resultCode: 'NOT_FOUND_SHIPMENT_BOX', resultMessage: 'shipmentBoxId (9999999999999) is not found.' });
		// A box named twice was sent once; both items carry its one result.
		expect(result.json.slice(113).map((item) => item.success)).toEqual(result.json.slice(0, 7).map((item) => item.success));
		expect(result.json.filter((item) => item.success === false)).toHaveLength(4);
		// The sandbox moved exactly the boxes reported as done.
		for (const box of paid) expect(box.status).toBe(box === refundPending ? 'ACCEPT' : 'INSTRUCT');
	});

	it('one item with several IDs gives one output item per box; a second run reports the boxes as already done', async () => {
		const boxes = [0, 1, 2].map((index) => addBox('ACCEPT', sandbox.now().getTime() - 120_000 - index * 1000)[0]);
		const list = `${boxes[0].shipmentBoxId}, ${boxes[1].shipmentBoxId}\n${boxes[2].shipmentBoxId}`;
		const first = await runCoupang(sandbox, { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: list });
		expect(first.json.map((item) => [item.shipmentBoxId, item.success])).toEqual(boxes.map((box) => [box.shipmentBoxId, true]));
		expect(first.requests).toHaveLength(1);
		const again = await runCoupang(sandbox, { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: list });
		expect(again.error).toBeUndefined();
		expect(again.json.map((item) => [item.success, item.resultCode])).toEqual(boxes.map(() => [false, 'INVALID_STATUS']));
	});

	it('an 18-digit box ID is sent as its exact digits (a string), never through a JavaScript number', async () => {
		const authenticate = jest.spyOn(CoupangApi.prototype, 'authenticate');
		const result = await runCoupang(sandbox, { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: '642538970006401429, 123' }, { continueOnFail: true });
		const body = authenticate.mock.calls[0][1].body as { shipmentBoxIds: unknown[] };
		expect(body.shipmentBoxIds).toEqual(['642538970006401429', 123]);
		// The sandbox holds 13-digit IDs only and refuses the 18-digit one (a 400 for the whole call).
		expect(result.requests.map((request) => request.status)).toEqual([400]);
	});

	it('a call that fails after it may have been applied is not sent again: its items fail with the reason', async () => {
		const boxes = [0, 1].map((index) => addBox('ACCEPT', sandbox.now().getTime() - 180_000 - index * 1000)[0]);
		sandbox.setFaults({ failNext: [{ status: 503 }] });
		try {
			const result = await runCoupang(sandbox, { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: '={{ $json.box }}' }, { inputItems: boxes.map((box) => ({ box: box.shipmentBoxId })), continueOnFail: true });
			expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['PUT 503']);
			expect(result.items).toHaveLength(2);
			for (const item of result.items) {
				expect(String(item.json.error ?? item.error?.message)).toMatch(/Service Unavailable \(HTTP 503\) after 1 try/);
				expect(item.error?.description).toContain('Not retried: this request changes data and Coupang may already have applied it. Check in Coupang Wing whether it was applied');
			}
		} finally {
			sandbox.clearFaults();
		}
	});
});

describe('Order → Set to Preparing, an item of more than 50 boxes', () => {
	it('is split over calls; when one fails, the item fails and its error says what happened to the boxes of the other', async () => {
		const boxes = Array.from({ length: 60 }, (_, index) => addBox('ACCEPT', sandbox.now().getTime() - 240_000 - index * 1000)[0]);
		const original = CoupangApi.prototype.authenticate;
		let signed = 0;
		jest.spyOn(CoupangApi.prototype, 'authenticate').mockImplementation(async function (this: CoupangApi, ...args: Parameters<CoupangApi['authenticate']>) {
			signed += 1;
			if (signed === 2) sandbox.setFaults({ failNext: [{ status: 503 }] });
			return await original.apply(this, args);
		});
		try {
			const result = await runCoupang(sandbox, { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: boxes.map((box) => box.shipmentBoxId).join(',') });
			expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['PUT 200', 'PUT 503']);
			expect(result.error?.message).toBe('Coupang: Service Unavailable (HTTP 503) after 1 try');
			expect(result.error?.description).toContain(`Other boxes of this item were in a call Coupang answered: set to Preparing: ${boxes.slice(0, 50).map((box) => box.shipmentBoxId).join(', ')}.`);
			expect(boxes.map((box) => box.status)).toEqual([...Array(50).fill('INSTRUCT'), ...Array(10).fill('ACCEPT')]);
		} finally {
			sandbox.clearFaults();
		}
	});
});

describe('Order → Upload Invoice, Update Invoice', () => {
	/** Upload or Update Invoice for every option of the box. */
	const invoice = (operation: string, box: OrderBox, deliveryCompanyCode: string, invoiceNumber: string): INodeParameters => ({
		resource: 'order',
		operation,
		shipmentBoxId: String(box.shipmentBoxId),
		orderId: String(box.orderId),
		vendorItemIds: box.items.map((item) => item.vendorItemId).join(', '),
		deliveryCompanyCode,
		invoiceNumber,
	});

	it('Upload Invoice ships a Preparing box: POST with one dto per option; the box carries the waybill', async () => {
		const [box] = addBox('INSTRUCT', sandbox.now().getTime() - 7200_000, { itemCount: 2 });
		const authenticate = jest.spyOn(CoupangApi.prototype, 'authenticate');
		const result = await runCoupang(sandbox, invoice('uploadInvoice', box, 'CJGLS', '123456789012'));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{
				success: true,
				operation: 'uploadInvoice',
				shipmentBoxId: box.shipmentBoxId,
				orderId: box.orderId,
				vendorItemIds: box.items.map((item) => item.vendorItemId),
				deliveryCompanyCode: 'CJGLS',
				invoiceNumber: '123456789012',
				splitShipping: false,
				estimatedShippingDate: null,
				resultCode: 'OK',
				resultMessage: null,
				retryRequired: false,
				coupangCode: '200',
				coupangMessage: 'OK',
			},
		]);
		expect(result.requests.map((request) => `${request.method} ${request.path.replace(/\/\d{6,}(?=\/|$)/g, '/{id}')}`)).toEqual(['POST /v2/providers/openapi/apis/api/v4/vendors/A00012345/orders/invoices']);
		expect(authenticate.mock.calls[0][1].body).toEqual({
			vendorId: 'A00012345',
			orderSheetInvoiceApplyDtos: box.items.map((item) => ({
				shipmentBoxId: box.shipmentBoxId,
				orderId: box.orderId,
				vendorItemId: item.vendorItemId,
				deliveryCompanyCode: 'CJGLS',
				invoiceNumber: '123456789012',
				splitShipping: false,
				preSplitShipped: false,
				estimatedShippingDate: '',
			})),
		});
		expect(box).toMatchObject({ status: 'DEPARTURE', invoiceNumber: '123456789012', deliveryCompanyCode: 'CJGLS' });
	});

	it("a refused box is an output item with success false and Coupang's reason and retry flag", async () => {
		const [box] = addBox('ACCEPT', sandbox.now().getTime() - 7200_000, { itemCount: 1 });
		const result = await runCoupang(sandbox, invoice('uploadInvoice', box, 'HANJIN', '1234567890'));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			expect.objectContaining({
				success: false,
				shipmentBoxId: box.shipmentBoxId,
				resultCode: 'INVALID_STATUS',
				retryRequired: false,
				resultMessage: `배송진행상태가 유효하지 않습니다. [합포장번호 : ${box.shipmentBoxId}] [주문번호 : ${box.orderId}]`,
			}),
		]);
		expect(box.status).toBe('ACCEPT');
	});

	it('Update Invoice gives a shipped box a new waybill', async () => {
		const box = mine().find((candidate) => candidate.status === 'DELIVERING' && candidate.closedBy === null && !candidate.stopRequested && candidate.items.every((item) => item.holdCountForCancel === 0)) as OrderBox;
		const result = await runCoupang(sandbox, invoice('updateInvoice', box, 'EPOST', '1234567890123'));
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ success: true, operation: 'updateInvoice', resultCode: 'OK', coupangCode: 200 });
		expect(result.requests[0].path).toBe('/v2/providers/openapi/apis/api/v4/vendors/A00012345/orders/updateInvoices');
		expect(box).toMatchObject({ status: 'DEPARTURE', invoiceNumber: '1234567890123', deliveryCompanyCode: 'EPOST' });
	});
});

describe('Order: every rule is checked before any request', () => {
	const upload = (extra: INodeParameters): INodeParameters => ({
		resource: 'order',
		operation: 'uploadInvoice',
		shipmentBoxId: '6425389700001',
		orderId: '22000015000001',
		vendorItemIds: '3242596358',
		deliveryCompanyCode: 'CJGLS',
		invoiceNumber: '123456789012',
		...extra,
	});
	const getMany = (extra: INodeParameters): INodeParameters => ({ resource: 'order', operation: 'getMany', status: 'ACCEPT', ...extra });

	it.each<[string, INodeParameters, RegExp]>([
		['a day period over 31 days', getMany({ startDate: '2026-10-01T00:00:00', endDate: '2026-11-01T00:00:00' }), /Order period 2026-10-01 to 2026-11-01 spans 32 days; Coupang allows at most 31 days, Start Date and End Date included/],
		['end day before start day', getMany({ startDate: '2026-11-10T00:00:00', endDate: '2026-11-01T00:00:00' }), /End Date 2026-11-01 is before Start Date 2026-11-10/],
		[
			'a minute range of 24 hours',
			getMany({ searchBy: 'minute', startTime: '2026-11-01T10:00:00', endTime: '2026-11-02T10:00:59' }),
			/Time range 2026-11-01T10:00 to 2026-11-02T10:00 is 24 hours; Coupang allows less than 24 hours between Start Time and End Time/,
		],
		['end time before start time', getMany({ searchBy: 'minute', startTime: '2026-11-01T10:00:00', endTime: '2026-11-01T09:59:00' }), /End Time 2026-11-01T09:59:00 is before Start Time 2026-11-01T10:00:00/],
		['a status Coupang does not know', getMany({ status: '={{ "PAID" }}', startDate: '2026-11-01T00:00:00', endDate: '2026-11-01T00:00:00' }), /Status must be one of ACCEPT, INSTRUCT, DEPARTURE, .*, got "PAID"/],
		['page size 51', getMany({ startDate: '2026-11-01T00:00:00', endDate: '2026-11-01T00:00:00', options: { pageSize: 51 } }), /Page Size is 51; Coupang allows 1 to 50/],
		['a shipment box ID with letters', { resource: 'order', operation: 'get', shipmentBoxId: '64253897-01' }, /Shipment Box ID must be a number \(digits only\), got "64253897-01"/],
		['an order ID from an empty expression', { resource: 'order', operation: 'getByOrderId', orderId: '={{ $json.orderId ?? "" }}' }, /Order ID is required/],
		['box IDs with a word in them', { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: '6425389700001, none' }, /Shipment Box IDs must be numbers \(digits only\), got "none"/],
		['no box IDs at all', { resource: 'order', operation: 'setToPreparing', shipmentBoxIds: '={{ [] }}' }, /Shipment Box IDs is required/],
		[
			'a box ID that lost digits as a JavaScript number',
			{ resource: 'order', operation: 'setToPreparing', shipmentBoxIds: '={{ 642538970006401429 }}' },
			/Shipment Box IDs: 642538970006401400 is larger than 2\^53 and lost digits on its way here; pass it as text/,
		],
		['a courier code Coupang does not know', upload({ deliveryCompanyCode: '={{ "LOTTE" }}' }), /Courier "LOTTE" is not a Coupang courier code: Lotte is HYUNDAI in Coupang's list/],
		['a CJ waybill of 11 digits', upload({ invoiceNumber: '12345678901' }), /Invoice Number "12345678901" has 11 characters; CJGLS waybills have 10 or 12/],
		['a Lotte waybill with hyphens', upload({ deliveryCompanyCode: 'HYUNDAI', invoiceNumber: '1234-5678-90' }), /Invoice Number "1234-5678-90" must be digits only \(no spaces or hyphens\) for HYUNDAI/],
		['a Kyungdong waybill of 7 digits', upload({ deliveryCompanyCode: 'KDEXP', invoiceNumber: '1234567' }), /KDEXP waybills have 8 to 16/],
		['own delivery with letters', upload({ deliveryCompanyCode: 'DIRECT', invoiceNumber: 'A1' }), /must be digits only \(no spaces or hyphens\) for DIRECT/],
		['no waybill number', upload({ invoiceNumber: '={{ "" }}' }), /Invoice Number is required/],
		['a waybill and an estimated shipping date', upload({ splitShipping: true, estimatedShippingDate: '2026-11-25T00:00:00' }), /Give an Invoice Number or an Estimated Shipping Date for a split shipment, not both/],
		['no option IDs', upload({ vendorItemIds: '={{ "" }}' }), /Option IDs is required/],
	])('%s', async (_label, parameters, message) => {
		const result = await runCoupang(sandbox, parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.requests).toHaveLength(0);
	});

	it('a split shipment may give an estimated shipping date instead of a waybill', async () => {
		const [box] = addBox('INSTRUCT', sandbox.now().getTime() - 7200_000, { itemCount: 2 });
		const authenticate = jest.spyOn(CoupangApi.prototype, 'authenticate');
		const result = await runCoupang(sandbox, {
			...upload({ invoiceNumber: '', splitShipping: true, estimatedShippingDate: '2026-12-01T00:00:00' }),
			shipmentBoxId: String(box.shipmentBoxId),
			orderId: String(box.orderId),
			vendorItemIds: String(box.items[0].vendorItemId),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ success: true, splitShipping: true, estimatedShippingDate: '2026-12-01', invoiceNumber: '' });
		expect((authenticate.mock.calls[0][1].body as { orderSheetInvoiceApplyDtos: IDataObject[] }).orderSheetInvoiceApplyDtos).toEqual([
			expect.objectContaining({ invoiceNumber: '', splitShipping: true, preSplitShipped: false, estimatedShippingDate: '2026-12-01' }),
		]);
		expect(box.items[0].estimatedShippingDate).toBe('2026-12-01');
	});
});

describe('couriers', () => {
	it("every courier the node offers is one of the sandbox's (R19's list), with the same waybill lengths where documented", () => {
		for (const [code, courier] of Object.entries(NODE_COURIERS)) {
			const known = SANDBOX_COURIERS[code];
			expect({ code, known: known !== undefined }).toEqual({ code, known: true });
			if (courier.lengths) expect({ code, digits: known.digits }).toEqual({ code, digits: courier.lengths });
		}
	});
});
