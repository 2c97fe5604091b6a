import { DEFAULT_VENDOR_ID, type OrderSheetJson } from '../../sandbox';
import { controlAdd, controlList, sandboxForBlock, setReadings } from '../helpers/sandboxBlock';
import {
	ACKNOWLEDGEMENT_PATH,
	addDays,
	call,
	control,
	INVOICES_PATH,
	koreaDay,
	ORDERSHEETS_BY_ORDER_PATH,
	ORDERSHEETS_PATH,
	UPDATE_INVOICES_PATH,
} from '../helpers/sandboxHttp';

type Dump = OrderSheetJson & {
	vendorId: string;
	closedBy: string | null;
	orderedAt: string;
	receiver: { name: string; addr1: string; addr2: string };
	history: Array<{ deliveryStatus: string; deliveryStatusDesc: string; updatedAt: string }>;
};
interface ListBody {
	code: number;
	message: string;
	data: OrderSheetJson[];
	nextToken: string;
}
interface ErrorBody {
	message: string;
}

const NOW = new Date('2025-06-01T00:30:00Z'); // 09:30 Korea time
const TODAY = koreaDay(NOW);

describe('sandbox ordersheets: lists, single lookups, history (v4 and v5)', () => {
	const sandbox = sandboxForBlock({ seed: 5, now: NOW });
	const vendor = DEFAULT_VENDOR_ID;

	const dump = (): Promise<Dump[]> => controlList<Dump>(sandbox, '/__sandbox/orders');
	const addOrders = (body: Record<string, unknown>): Promise<Dump[]> => controlAdd<Dump>(sandbox, '/__sandbox/orders', body);
	const list = (query: string, version = 'v4') => call<ListBody & ErrorBody>(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor, version)}?${query}`);
	const readings = (body: Record<string, string>) => setReadings(sandbox, body);
	const refusal = async (query: string, version = 'v4'): Promise<[number, string]> => {
		const result = await list(query, version);
		return [result.status, result.json.message];
	};

	it('pages a day list to the end: every open box of the vendor in that status and window, once, by shipmentBoxId', async () => {
		const all = await dump();
		const from = addDays(TODAY, -29);
		for (const status of ['FINAL_DELIVERY', 'INSTRUCT', 'ACCEPT']) {
			const expected = all
				.filter((box) => box.vendorId === vendor && box.closedBy === null && box.status === status && box.orderedAt.slice(0, 10) >= from)
				.map((box) => box.shipmentBoxId)
				.sort((a, b) => a - b);
			expect(expected.length).toBeGreaterThan(0);
			const seen: number[] = [];
			let token = '';
			let pages = 0;
			do {
				const result = await list(`createdAtFrom=${from}&createdAtTo=${TODAY}&status=${status}&maxPerPage=3${token === '' ? '' : `&nextToken=${token}`}`);
				expect([result.status, result.json.code, result.json.message]).toEqual([200, 200, 'OK']);
				expect(result.json.data.length).toBeLessThanOrEqual(3);
				seen.push(...result.json.data.map((box) => box.shipmentBoxId));
				token = result.json.nextToken;
				if (token !== '') expect(token).toBe(String(result.json.data[result.json.data.length - 1].shipmentBoxId));
				pages += 1;
			} while (token !== '' && pages < 100);
			expect(seen).toEqual(expected);
			expect(pages).toBe(Math.ceil(expected.length / 3));
		}
		const others = all.filter((box) => box.vendorId !== vendor).map((box) => box.shipmentBoxId);
		expect(others.length).toBeGreaterThan(0);
		const everything = await list(`createdAtFrom=${from}&createdAtTo=${TODAY}&status=FINAL_DELIVERY&maxPerPage=50`);
		expect(everything.json.data.some((box) => others.includes(box.shipmentBoxId))).toBe(false);
	});

	it('day windows: 30 days apart is served and 31 refused; windowEdge=inclusive serves 31 and refuses 32', async () => {
		const query = (daysBack: number): string => `createdAtFrom=${addDays(TODAY, -daysBack)}&createdAtTo=${TODAY}&status=ACCEPT`;
		expect((await list(query(30))).status).toBe(200);
		expect(await refusal(query(31))).toEqual([400, 'endTime-startTime range should less than31.']);
		await readings({ windowEdge: 'inclusive' });
		expect((await list(query(31))).status).toBe(200);
		expect(await refusal(query(32))).toEqual([400, 'endTime-startTime range should less than31.']);
	});

	it('refuses bad list parameters with their texts', async () => {
		const window = `createdAtFrom=${TODAY}&createdAtTo=${TODAY}`;
		const cases: Array<[string, string]> = [
			[window, "Required String parameter 'status' is not present"],
			[`${window}&status=SHIPPED`, 'status must be one of ACCEPT, INSTRUCT, DEPARTURE, DELIVERING, FINAL_DELIVERY, NONE_TRACKING, got [SHIPPED].'],
			[`createdAtTo=${TODAY}&status=ACCEPT`, "Required String parameter 'createdAtFrom' is not present"],
			[`createdAtFrom=2025/05/01&createdAtTo=${TODAY}&status=ACCEPT`, 'createdAtFrom [2025/05/01] should be in the pattern yyyy-MM-dd.'],
			[`createdAtFrom=2025-05-01T10:00&createdAtTo=2025-05-01T11:00&status=ACCEPT`, 'createdAtFrom [2025-05-01T10:00] should be in the pattern yyyy-MM-dd.'],
			[`createdAtFrom=2025-02-30&createdAtTo=${TODAY}&status=ACCEPT`, 'createdAtFrom [2025-02-30] should be in the pattern yyyy-MM-dd.'],
			[`createdAtFrom=${TODAY}&createdAtTo=${addDays(TODAY, -1)}&status=ACCEPT`, 'createdAtTo must not be earlier than createdAtFrom.'],
			[`${window}&status=ACCEPT&maxPerPage=51`, 'maxPerPage must be between 1 and 50, got [51].'],
			[`${window}&status=ACCEPT&maxPerPage=0`, 'maxPerPage must be a positive integer, got [0].'],
			[`${window}&status=ACCEPT&nextToken=abc`, 'Invalid nextToken [abc].'],
		];
		for (const [query, message] of cases) expect(await refusal(query)).toEqual([400, message]);
		const otherVendor = await call<ErrorBody>(sandbox, 'GET', `${ORDERSHEETS_PATH('A00099999')}?${window}&status=ACCEPT`);
		expect([otherVendor.status, otherVendor.json.message]).toEqual([400, 'Invalid vendor ID']);
		expect((await call(sandbox, 'POST', `${ORDERSHEETS_PATH(vendor)}?${window}&status=ACCEPT`)).status).toBe(405);
	});

	it('maxPerPage over 50: refused by default, served as 50 with maxPerPageOverLimit=clamp', async () => {
		await addOrders({ count: 52, orderedAt: '2025-05-20T10:00:00', status: 'ACCEPT' });
		const query = 'createdAtFrom=2025-05-20&createdAtTo=2025-05-20&status=ACCEPT&maxPerPage=80';
		expect((await list(query)).status).toBe(400);
		await readings({ maxPerPageOverLimit: 'clamp' });
		const clamped = await list(query);
		expect(clamped.json.data).toHaveLength(50);
		expect(clamped.json.nextToken).toBe(String(clamped.json.data[49].shipmentBoxId));
		const rest = await list(`${query}&nextToken=${clamped.json.nextToken}`);
		expect([rest.json.data.length, rest.json.nextToken]).toEqual([2, '']);
		expect((await list('createdAtFrom=2025-05-20&createdAtTo=2025-05-20&status=ACCEPT')).json.data).toHaveLength(50); // default 50
	});

	it('day windows hold whole Korea days: 00:00:00 and 23:59:59 of the last day count, the next midnight does not', async () => {
		const [first] = await addOrders({ orderedAt: '2025-05-10T00:00:00', status: 'DELIVERING' });
		const [last] = await addOrders({ orderedAt: '2025-05-10T23:59:59', status: 'DELIVERING' });
		const [next] = await addOrders({ orderedAt: '2025-05-11T00:00:00', status: 'DELIVERING' });
		const ids = (await list('createdAtFrom=2025-05-09&createdAtTo=2025-05-10&status=DELIVERING')).json.data.map((box) => box.shipmentBoxId);
		expect(ids).toEqual(expect.arrayContaining([first.shipmentBoxId, last.shipmentBoxId]));
		expect(ids).not.toContain(next.shipmentBoxId);
	});

	it('minute lists: everything at once, under 24 hours; the createdAtTo minute counts whole unless minuteToEdge=exclusive', async () => {
		const boxes = await addOrders({ count: 3, orderedAt: '2025-05-25T10:15:30', status: 'DEPARTURE' });
		const ids = boxes.map((box) => box.shipmentBoxId);
		const minute = (from: string, to: string, extra = ''): Promise<[number, number[], string]> =>
			list(`searchType=timeFrame&createdAtFrom=${from}&createdAtTo=${to}&status=DEPARTURE${extra}`).then((result) => [
				result.status,
				(result.json.data ?? []).map((box) => box.shipmentBoxId),
				result.json.nextToken ?? result.json.message,
			]);
		const [status, found, token] = await minute('2025-05-25T10:00', '2025-05-25T10:15', '&maxPerPage=1');
		expect([status, token]).toEqual([200, '']);
		expect(found).toEqual(expect.arrayContaining(ids));
		expect(await minute('2025-05-25T00:00', '2025-05-25T23:59')).toEqual([200, expect.arrayContaining(ids), '']);
		expect(await minute('2025-05-25T00:00', '2025-05-26T00:00')).toEqual([400, [], 'endTime-startTime range should less than 24 hours.']);
		expect(await minute('2025-05-25T10:00', '2025-05-25')).toEqual([400, [], 'createdAtTo [2025-05-25] should be in the pattern yyyy-MM-ddTHH:mm.']);
		await readings({ minuteToEdge: 'exclusive' });
		expect((await minute('2025-05-25T10:00', '2025-05-25T10:15'))[1]).not.toContain(ids[0]);
		expect((await minute('2025-05-25T10:15', '2025-05-25T10:16'))[1]).toEqual(expect.arrayContaining(ids));
		await readings({ minuteToEdge: 'inclusive', windowEdge: 'inclusive' });
		expect((await minute('2025-05-25T00:00', '2025-05-26T00:00'))[0]).toBe(200);
		expect((await minute('2025-05-25T12:00', '2025-05-26T11:00'))[0]).toBe(200);
		await readings({ minuteWindow: 'sameDay' });
		expect(await minute('2025-05-25T12:00', '2025-05-26T11:00')).toEqual([400, [], 'endTime-startTime range should less than 24 hours.']);
	});

	it('single PO by shipmentBoxId: one object (code "200"); unknown and other vendors\' boxes 404; a cancelled box 400', async () => {
		const all = await dump();
		const open = all.find((box) => box.vendorId === vendor && box.closedBy === null) as Dump;
		const single = await call<{ code: string; message: string; data: OrderSheetJson }>(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor)}/${open.shipmentBoxId}`);
		expect([single.status, single.json.code, single.json.message]).toEqual([200, '200', 'OK']);
		const controlOnly = ['vendorId', 'closedBy', 'history', 'deliveryCompanyCode', 'stopRequested'];
		expect(single.json.data).toEqual(Object.fromEntries(Object.entries(open).filter(([key]) => !controlOnly.includes(key))));
		const cancelled = all.find((box) => box.vendorId === vendor && box.closedBy === 'cancelled') as Dump;
		const other = all.find((box) => box.vendorId !== vendor) as Dump;
		const cases: Array<[number | string, number, string]> = [
			[cancelled.shipmentBoxId, 400, '해당 주문이 취소 또는 반품되었습니다.'],
			[other.shipmentBoxId, 404, `shipmentBoxId (${other.shipmentBoxId}) is not found.`],
			[123, 404, 'shipmentBoxId (123) is not found.'],
			['12x', 400, 'Invalid format shipmentBoxId : 12x'],
		];
		for (const [id, status, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor)}/${id}`);
			expect([result.status, result.json.message]).toEqual([status, message]);
		}
	});

	it('single PO by orderId: the first box as an object by default, all boxes with orderByOrderIdData=array; cancelled boxes too', async () => {
		const [first, second] = await addOrders({ boxCount: 2, status: 'INSTRUCT' });
		expect(first.orderId).toBe(second.orderId);
		const get = () => call<{ code: string; data: OrderSheetJson | OrderSheetJson[] }>(sandbox, 'GET', ORDERSHEETS_BY_ORDER_PATH(vendor, first.orderId));
		const asObject = await get();
		expect([asObject.status, asObject.json.code, (asObject.json.data as OrderSheetJson).shipmentBoxId]).toEqual([200, '200', first.shipmentBoxId]);
		await readings({ orderByOrderIdData: 'array' });
		expect(((await get()).json.data as OrderSheetJson[]).map((box) => box.shipmentBoxId)).toEqual([first.shipmentBoxId, second.shipmentBoxId]);
		const cancelled = (await dump()).find((box) => box.vendorId === vendor && box.closedBy === 'cancelled') as Dump;
		expect((await call(sandbox, 'GET', ORDERSHEETS_BY_ORDER_PATH(vendor, cancelled.orderId))).status).toBe(200);
		const unknown = await call<ErrorBody>(sandbox, 'GET', ORDERSHEETS_BY_ORDER_PATH(vendor, 1));
		expect([unknown.status, unknown.json.message]).toEqual([404, 'orderId (1) is not found.']);
	});

	it('delivery history: newest first with Korean labels; the envelope follows historyEnvelope', async () => {
		const box = (await dump()).find((entry) => entry.vendorId === vendor && entry.status === 'FINAL_DELIVERY') as Dump;
		const path = `${ORDERSHEETS_PATH(vendor)}/${box.shipmentBoxId}/history`;
		const result = await call<{ code: string; data: { shipmentBoxId: number; details: Dump['history'] } }>(sandbox, 'GET', path);
		expect([result.status, result.json.code, result.json.data.shipmentBoxId]).toEqual([200, '200', box.shipmentBoxId]);
		const details = result.json.data.details;
		expect(details.map((entry) => entry.deliveryStatus)).toEqual(['FINAL_DELIVERY', 'DELIVERING', 'DEPARTURE', 'INSTRUCT', 'ACCEPT']);
		expect(details.map((entry) => entry.deliveryStatusDesc)).toEqual(['배송완료', '배송중', '배송지시', '상품준비중', '결제완료']);
		expect(details.map((entry) => entry.updatedAt)).toEqual(details.map((entry) => entry.updatedAt).sort().reverse());
		expect(details[details.length - 1].updatedAt).toBe(box.orderedAt);
		await readings({ historyEnvelope: 'array' });
		expect((await call<{ data: unknown[] }>(sandbox, 'GET', path)).json.data).toEqual([result.json.data]);
		await readings({ historyEnvelope: 'bare' });
		expect((await call(sandbox, 'GET', path)).json).toEqual(result.json.data);
		expect((await call(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor)}/1/history`)).status).toBe(404);
	});

	it('v5 paths: dates with +09:00 (sent as %2B09:00), Money amounts, ISO-8601 times with offset, no e-mail', async () => {
		const [box] = await addOrders({ orderedAt: '2025-05-12T08:00:00', status: 'DELIVERING' });
		const v5 = await list('createdAtFrom=2025-05-12%2B09:00&createdAtTo=2025-05-12%2B09:00&status=DELIVERING', 'v5');
		expect([v5.status, v5.json.code]).toEqual([200, 200]);
		const record = v5.json.data.find((entry) => entry.shipmentBoxId === box.shipmentBoxId) as Record<string, unknown> & OrderSheetJson;
		expect(record.orderedAt).toMatch(/^2025-05-12T08:00:00\.\d{6}\+09:00$/);
		expect(record.shippingPrice).toEqual({ currencyCode: 'KRW', units: box.shippingPrice, nanos: 0 });
		expect(record.orderItems[0].salesPrice).toEqual({ currencyCode: 'KRW', units: box.orderItems[0].salesPrice, nanos: 0 });
		expect(record.orderer).toMatchObject({ email: '', safeNumber: expect.stringMatching(/^\+82503/) });
		expect(record.shipmentType).toBe('THIRD_PARTY');
		expect(await refusal('createdAtFrom=2025-05-12+09:00&createdAtTo=2025-05-12%2B09:00&status=DELIVERING', 'v5')).toEqual([
			400,
			'createdAtFrom [2025-05-12 09:00] should be in the pattern yyyy-MM-dd+09:00.',
		]);
		expect((await refusal('createdAtFrom=2025-05-12&createdAtTo=2025-05-12&status=DELIVERING', 'v5'))[0]).toBe(400);
		const minute = await list('searchType=timeFrame&createdAtFrom=2025-05-12T07:59%2B09:00&createdAtTo=2025-05-12T08:00%2B09:00&status=DELIVERING', 'v5');
		expect(minute.json.data.map((entry) => entry.shipmentBoxId)).toContain(box.shipmentBoxId);
		const single = await call<{ data: Record<string, unknown> }>(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor, 'v5')}/${box.shipmentBoxId}`);
		expect(single.json.data.paidAt).toBe(record.paidAt);
		const history = await call<{ data: { details: Array<{ updatedAt: string }> } }>(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor, 'v5')}/${box.shipmentBoxId}/history`);
		expect(history.json.data.details[0].updatedAt).toMatch(/\+09:00$/);
	});

	it('control surface: orders added with status, time and sizes; bad input refused; a reset restores readings and data', async () => {
		const created = await addOrders({ orderedAt: '2025-05-30T21:00:00', status: 'NONE_TRACKING', itemCount: 3 });
		expect(created[0]).toMatchObject({ status: 'NONE_TRACKING', orderedAt: '2025-05-30T21:00:00', vendorId: vendor });
		expect(created[0].orderItems).toHaveLength(3);
		expect(created[0].history.map((entry) => entry.deliveryStatus)).toEqual(['NONE_TRACKING', 'INSTRUCT', 'ACCEPT']);
		const bad = await control<ErrorBody>(sandbox, 'POST', '/__sandbox/orders', { status: 'LOST' });
		expect([bad.status, bad.json.message]).toEqual([400, 'status must be one of ACCEPT, INSTRUCT, DEPARTURE, DELIVERING, FINAL_DELIVERY, NONE_TRACKING.']);
		expect((await control(sandbox, 'POST', '/__sandbox/order-readings', { historyEnvelope: 'xml' })).status).toBe(400);
		expect((await control(sandbox, 'POST', '/__sandbox/order-readings', { nope: 'x' })).status).toBe(400);
		await readings({ historyEnvelope: 'bare' });
		const reset = await control<{ counts: Record<string, number> }>(sandbox, 'POST', '/__sandbox/reset', { now: NOW.toISOString(), seed: 5, orders: 20 });
		expect(reset.json.counts.orderBoxes).toBeGreaterThanOrEqual(20);
		expect((await control<Record<string, string>>(sandbox, 'GET', '/__sandbox/order-readings')).json.historyEnvelope).toBe('object');
		const again = await control<{ counts: Record<string, number> }>(sandbox, 'POST', '/__sandbox/reset', { now: NOW.toISOString(), seed: 5 });
		expect(again.json.counts.orderBoxes).toBeGreaterThanOrEqual(60);
	});
});

interface BoxResult {
	shipmentBoxId: number;
	succeed: boolean;
	resultCode: string;
	retryRequired: boolean;
	resultMessage: string | null;
}
interface BatchBody {
	code: number | string;
	message: string;
	data: { responseKey?: number; responseCode: number; responseMessage: string; responseList: BoxResult[] };
}

describe('sandbox ordersheets: acknowledgement and waybills', () => {
	const sandbox = sandboxForBlock({ seed: 6, now: NOW });
	const vendor = DEFAULT_VENDOR_ID;

	const dump = (): Promise<Dump[]> => controlList<Dump>(sandbox, '/__sandbox/orders');
	const boxOf = async (shipmentBoxId: number): Promise<Dump> => (await dump()).find((box) => box.shipmentBoxId === shipmentBoxId) as Dump;
	const addOrders = (body: Record<string, unknown>): Promise<Dump[]> => controlAdd<Dump>(sandbox, '/__sandbox/orders', body);
	const readings = (body: Record<string, string>) => setReadings(sandbox, body);
	const acknowledge = (body: unknown, method = 'PUT') => call<BatchBody & ErrorBody>(sandbox, method, ACKNOWLEDGEMENT_PATH(vendor), { body });
	const invoices = (dtos: unknown, mode: 'upload' | 'update' = 'upload', extra: Record<string, unknown> = {}) =>
		call<BatchBody & ErrorBody>(sandbox, 'POST', mode === 'upload' ? INVOICES_PATH(vendor) : UPDATE_INVOICES_PATH(vendor), {
			body: { vendorId: vendor, orderSheetInvoiceApplyDtos: dtos, ...extra },
		});
	const dtosFor = (box: Dump, courier: string, invoiceNumber: string, extra: Record<string, unknown> = {}) =>
		box.orderItems.map((item) => ({
			shipmentBoxId: box.shipmentBoxId,
			orderId: box.orderId,
			vendorItemId: item.vendorItemId,
			deliveryCompanyCode: courier,
			invoiceNumber,
			splitShipping: false,
			preSplitShipped: false,
			estimatedShippingDate: '',
			...extra,
		}));
	const onlyResult = async (dtos: unknown, mode: 'upload' | 'update' = 'upload'): Promise<BoxResult> => {
		const result = await invoices(dtos, mode);
		expect(result.status).toBe(200);
		expect(result.json.data.responseList).toHaveLength(1);
		return result.json.data.responseList[0];
	};

	it('acknowledges ACCEPT boxes with PUT or PATCH; each box has its result inside the HTTP 200 (responseCode 0, 1, 99)', async () => {
		const [a, b] = await addOrders({ count: 2, status: 'ACCEPT' });
		const put = await acknowledge({ vendorId: vendor, shipmentBoxIds: [a.shipmentBoxId] });
		expect([put.status, put.json.code, put.json.message]).toEqual([200, '200', 'OK']);
		expect(put.json.data).toMatchObject({ responseCode: 0, responseMessage: 'apply instructStatus result - All succeeded.' });
		expect(Number.isSafeInteger(put.json.data.responseKey) && (put.json.data.responseKey as number) < 0).toBe(true);
		expect(put.json.data.responseList).toEqual([{ shipmentBoxId: a.shipmentBoxId, succeed: true, resultCode: 'OK', retryRequired: false, resultMessage: 'request succeeded.' }]);
		const moved = await boxOf(a.shipmentBoxId);
		expect([moved.status, moved.history[0].deliveryStatus, moved.history[0].deliveryStatusDesc]).toEqual(['INSTRUCT', 'INSTRUCT', '상품준비중']);

		const patch = await acknowledge({ vendorId: vendor, shipmentBoxIds: [String(b.shipmentBoxId), a.shipmentBoxId, 999] }, 'PATCH');
		expect(patch.json.data).toMatchObject({ responseCode: 1, responseMessage: 'apply instructStatus result - Partial errors.' });
		expect(patch.json.data.responseList).toEqual([
			{ shipmentBoxId: b.shipmentBoxId, succeed: true, resultCode: 'OK', retryRequired: false, resultMessage: 'request succeeded.' },
			{ shipmentBoxId: a.shipmentBoxId, succeed: false, resultCode: 'INVALID_STATUS', retryRequired: false, resultMessage: '배송상태를 변경할 수 없습니다. 주문내역을 확인해주세요.' },
			{ shipmentBoxId: 999, succeed: false, resultCode: 'NOT_FOUND_SHIPMENT_BOX', retryRequired: true, resultMessage: 'shipmentBoxId (999) is not found.' },
		]);
		const failed = await acknowledge({ shipmentBoxIds: [a.shipmentBoxId, b.shipmentBoxId] });
		expect(failed.json.data).toMatchObject({ responseCode: 99, responseMessage: 'apply instructStatus result - All failed.' });
		expect((await call(sandbox, 'POST', ACKNOWLEDGEMENT_PATH(vendor), { body: { shipmentBoxIds: [1] } })).status).toBe(405);
	});

	it('acknowledgement refuses per box a pending cancellation refund, a cancelled box and other vendors\' boxes; bad bodies get 400', async () => {
		const [held] = await addOrders({ status: 'ACCEPT' });
		const stored = sandbox.store.orders.byBoxId.get(held.shipmentBoxId);
		if (stored) stored.items[0].holdCountForCancel = 1;
		const [foreign] = await addOrders({ status: 'ACCEPT', vendorId: 'A00099999' });
		const cancelled = (await dump()).find((box) => box.vendorId === vendor && box.closedBy === 'cancelled') as Dump;
		const result = await acknowledge({ vendorId: vendor, shipmentBoxIds: [held.shipmentBoxId, cancelled.shipmentBoxId, foreign.shipmentBoxId] });
		expect(result.json.data.responseList.map((entry) => [entry.resultCode, entry.retryRequired])).toEqual([
			['ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL', true],
			['ORDER_DELIVERY_CANCELED', false],
			['NOT_FOUND_SHIPMENT_BOX', true],
		]);
		expect((await boxOf(held.shipmentBoxId)).status).toBe('ACCEPT');
		const cases: Array<[unknown, string]> = [
			[{ shipmentBoxIds: Array.from({ length: 51 }, (_, index) => index + 1) }, 'shipmentBoxIds must hold 1 to 50 shipment box IDs.'],
			[{ shipmentBoxIds: [] }, 'shipmentBoxIds must hold 1 to 50 shipment box IDs.'],
			[{ vendorId: vendor }, 'shipmentBoxIds must hold 1 to 50 shipment box IDs.'],
			[{ shipmentBoxIds: ['abc'] }, 'shipmentBoxIds[0] must be a number, got ["abc"].'],
			[{ vendorId: 'A00099999', shipmentBoxIds: [1] }, 'Invalid vendor ID'],
		];
		for (const [body, message] of cases) {
			const refused = await acknowledge(body);
			expect([refused.status, refused.json.message]).toEqual([400, message]);
		}
		expect((await acknowledge({ shipmentBoxIds: Array.from({ length: 50 }, (_, index) => index + 1) })).json.data.responseCode).toBe(99);
		const wrongPath = await call<ErrorBody>(sandbox, 'PUT', ACKNOWLEDGEMENT_PATH('A00099999'), { body: { shipmentBoxIds: [1] } });
		expect([wrongPath.status, wrongPath.json.message]).toEqual([400, 'Invalid vendor ID']);
	});

	it('readings: bodyVendorId=required needs vendorId in the body; notFoundBoxRetry sets retryRequired of unknown boxes', async () => {
		await readings({ bodyVendorId: 'required' });
		expect((await acknowledge({ shipmentBoxIds: [1] })).json.message).toBe('Invalid vendor ID');
		expect((await acknowledge({ vendorId: vendor, shipmentBoxIds: [1] })).status).toBe(200);
		const retryOf = async (): Promise<[boolean, boolean]> => [
			(await acknowledge({ vendorId: vendor, shipmentBoxIds: [1] })).json.data.responseList[0].retryRequired,
			(await onlyResult([{ shipmentBoxId: 1, orderId: 1, vendorItemId: 1, deliveryCompanyCode: 'CJGLS', invoiceNumber: '123456789012' }])).retryRequired,
		];
		expect(await retryOf()).toEqual([true, false]);
		await readings({ notFoundBoxRetry: 'false' });
		expect(await retryOf()).toEqual([false, false]);
		await readings({ notFoundBoxRetry: 'true' });
		expect(await retryOf()).toEqual([true, true]);
	});

	it('uploads a waybill: one result per box, INSTRUCT → DEPARTURE with courier, number, upload time and history (code "200")', async () => {
		const [box] = await addOrders({ status: 'INSTRUCT', itemCount: 2 });
		const result = await invoices(dtosFor(box, 'CJGLS', '340010913442'));
		expect([result.status, result.json.code, result.json.message]).toEqual([200, '200', 'OK']);
		expect(result.json.data).toEqual({
			responseCode: 0,
			responseMessage: 'SUCCESS',
			responseList: [{ shipmentBoxId: box.shipmentBoxId, succeed: true, resultCode: 'OK', retryRequired: false, resultMessage: null }],
		});
		const shipped = await boxOf(box.shipmentBoxId);
		expect(shipped).toMatchObject({ status: 'DEPARTURE', deliveryCompanyName: 'CJ 대한통운', invoiceNumber: '340010913442' });
		expect(shipped.orderItems.every((item) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(String(item.invoiceNumberUploadDate)))).toBe(true);
		expect(shipped.history[0].deliveryStatus).toBe('DEPARTURE');
		const again = await onlyResult(dtosFor(box, 'CJGLS', '340010913442'));
		expect(again).toMatchObject({ succeed: false, resultCode: 'INVALID_STATUS', retryRequired: false });
	});

	it('refuses waybills per box with the documented resultCode and retryRequired', async () => {
		const [multi] = await addOrders({ status: 'INSTRUCT', itemCount: 2 });
		const [single] = await addOrders({ status: 'INSTRUCT', itemCount: 1 });
		const [accepted] = await addOrders({ status: 'ACCEPT' });
		const [stopReceipt] = (await control<{ created: Array<{ returnItems: Array<{ shipmentBoxId: number }> }> }>(sandbox, 'POST', '/__sandbox/returns', { receiptStatus: 'RELEASE_STOP_UNCHECKED' })).json.created;
		const stopped = await boxOf(stopReceipt.returnItems[0].shipmentBoxId);
		const cases: Array<[unknown, string, boolean]> = [
			[dtosFor(multi, 'CJGLS', '340010913443').slice(0, 1), 'NOT_FOUND_VENDOR_ITEM', false],
			[dtosFor(multi, 'CJGLS', '340010913443', { vendorItemId: 1 }), 'NOT_FOUND_VENDOR_ITEM', false],
			[dtosFor(multi, 'CJGLS', '123'), 'INVALID_INVOICE_NUMBER', true],
			[dtosFor(multi, 'CJGLS', ''), 'INVALID_INVOICE_NUMBER', true],
			[dtosFor(multi, 'CJGLS', '340010913443', { orderId: 1 }), 'NOT_FOUND_SHIPMENT_BOX', false],
			[dtosFor(multi, 'DIRECT', '20240101', { splitShipping: true }), 'NOT_ALLOW_VENDOR_DIRECT', false],
			[dtosFor(single, 'CJGLS', '340010913444', { splitShipping: true }), 'NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM', false],
			[dtosFor(stopped, 'CJGLS', '340010913445'), 'ORDER_DELIVERY_PARTIAL_STOP_REQUESTED', true],
			[dtosFor(accepted, 'CJGLS', '340010913446'), 'INVALID_STATUS', false],
		];
		for (const [dtos, resultCode, retryRequired] of cases) expect(await onlyResult(dtos)).toMatchObject({ succeed: false, resultCode, retryRequired });
		expect((await onlyResult(dtosFor(accepted, 'CJGLS', '340010913446'))).resultMessage).toBe(
			`배송진행상태가 유효하지 않습니다. [합포장번호 : ${accepted.shipmentBoxId}] [주문번호 : ${accepted.orderId}]`,
		);
		const mixed = await invoices([...dtosFor(single, 'HANJIN', '1234567890'), ...dtosFor(accepted, 'HANJIN', '1234567891')]);
		expect([mixed.json.data.responseCode, mixed.json.data.responseMessage]).toEqual([1, 'PARTIAL_ERROR']);
		const none = await invoices(dtosFor(accepted, 'HANJIN', '1234567892'));
		expect([none.json.data.responseCode, none.json.data.responseMessage]).toEqual([99, 'FAILED']);
		expect((await boxOf(multi.shipmentBoxId)).status).toBe('INSTRUCT');
	});

	it('refuses malformed waybill requests with 400', async () => {
		const [box] = await addOrders({ status: 'INSTRUCT', itemCount: 1 });
		const cases: Array<[unknown, Record<string, unknown>, string]> = [
			[dtosFor(box, 'LOTTE', '1234567890'), {}, 'Invalid deliveryCompanyCode [LOTTE].'],
			[[], {}, 'orderSheetInvoiceApplyDtos must not be empty.'],
			[[{ ...dtosFor(box, 'CJGLS', '123456789012')[0], shipmentBoxId: undefined }], {}, 'orderSheetInvoiceApplyDtos[0].shipmentBoxId must be a number, got [].'],
			[dtosFor(box, 'CJGLS', '123456789012', { splitShipping: 'maybe' }), {}, 'orderSheetInvoiceApplyDtos[0].splitShipping must be true or false, got ["maybe"].'],
			[dtosFor(box, 'CJGLS', '123456789012'), { vendorId: undefined }, 'Invalid vendor ID'],
		];
		for (const [dtos, extra, message] of cases) {
			const result = await invoices(dtos, 'upload', extra);
			expect([result.status, result.json.message]).toEqual([400, message]);
		}
		expect((await boxOf(box.shipmentBoxId)).status).toBe('INSTRUCT');
	});

	it('takes the R19 example forms: flags as "False", invoiceNumber as a number, one dto object instead of an array', async () => {
		const [box] = await addOrders({ status: 'INSTRUCT', itemCount: 1 });
		const [dto] = dtosFor(box, 'KDEXP', '', { invoiceNumber: 201808231414, splitShipping: 'False', preSplitShipped: 'False' });
		const result = await invoices(dto);
		expect(result.json.data.responseCode).toBe(0);
		expect((await boxOf(box.shipmentBoxId)).invoiceNumber).toBe('201808231414');
	});

	it('duplicate waybill numbers: another recipient is refused (code per duplicateInvoice), the same recipient may share one', async () => {
		const shipped = (await dump()).find((box) => box.vendorId === vendor && box.status === 'FINAL_DELIVERY' && box.invoiceNumber !== '') as Dump;
		const [fresh] = await addOrders({ status: 'INSTRUCT', itemCount: 1 });
		expect(`${fresh.receiver.name}${fresh.receiver.addr1}${fresh.receiver.addr2}`).not.toBe(`${shipped.receiver.name}${shipped.receiver.addr1}${shipped.receiver.addr2}`);
		const reuse = dtosFor(fresh, shipped.deliveryCompanyCode as string, shipped.invoiceNumber as string);
		expect(await onlyResult(reuse)).toMatchObject({ succeed: false, resultCode: 'DUPLICATE_INVOICE_NUMBER', retryRequired: true });
		await readings({ duplicateInvoice: 'NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD' });
		expect(await onlyResult(reuse)).toMatchObject({ succeed: false, resultCode: 'NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD', retryRequired: false });
		const [first, second] = await addOrders({ status: 'INSTRUCT', itemCount: 1, boxCount: 2 });
		expect((await onlyResult(dtosFor(first, 'HANJIN', '5123456789'))).succeed).toBe(true);
		expect((await onlyResult(dtosFor(second, 'HANJIN', '5123456789'))).succeed).toBe(true);
	});

	it('DIRECT waybills ship to DEPARTURE, or to NONE_TRACKING with directDelivery=NONE_TRACKING', async () => {
		const [one, two] = await addOrders({ count: 2, status: 'INSTRUCT', itemCount: 1 });
		expect((await onlyResult(dtosFor(one, 'DIRECT', '7'))).succeed).toBe(true);
		expect((await boxOf(one.shipmentBoxId)).status).toBe('DEPARTURE');
		await readings({ directDelivery: 'NONE_TRACKING' });
		expect((await onlyResult(dtosFor(two, 'DIRECT', '8'))).succeed).toBe(true);
		expect((await boxOf(two.shipmentBoxId)).status).toBe('NONE_TRACKING');
	});

	it('updates the waybill of shipped boxes back to DEPARTURE (code 200 as a number); boxes in preparation are refused', async () => {
		const [delivering] = await addOrders({ status: 'DELIVERING', itemCount: 1 });
		const [delivered] = await addOrders({ status: 'FINAL_DELIVERY', itemCount: 2 });
		const [preparing] = await addOrders({ status: 'INSTRUCT', itemCount: 1 });
		const update = await invoices(dtosFor(delivering, 'HANJIN', '4123456789'), 'update');
		expect([update.status, update.json.code, update.json.data.responseCode]).toEqual([200, 200, 0]);
		const moved = await boxOf(delivering.shipmentBoxId);
		expect(moved).toMatchObject({ status: 'DEPARTURE', deliveryCompanyName: '한진택배', invoiceNumber: '4123456789', inTrasitDateTime: '' });
		expect(moved.history.slice(0, 2).map((entry) => entry.deliveryStatus)).toEqual(['DEPARTURE', 'DELIVERING']);
		expect((await onlyResult(dtosFor(delivered, 'EPOST', '1234567890123'), 'update')).succeed).toBe(true);
		expect(await onlyResult(dtosFor(preparing, 'EPOST', '1234567890124'), 'update')).toMatchObject({ succeed: false, resultCode: 'INVALID_STATUS' });
	});
});
