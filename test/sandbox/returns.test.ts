import { DEFAULT_VENDOR_ID, type OrderSheetJson, type ReturnRequestJson } from '../../sandbox';
import { addDays, call, control, koreaDay, ORDERSHEETS_PATH, RETURN_REQUESTS_PATH } from '../helpers/sandboxHttp';
import { controlAdd, controlList, sandboxForBlock, setReadings } from '../helpers/sandboxBlock';

type Dump = ReturnRequestJson & { vendorId: string; quickRefund: boolean };
type OrderDump = OrderSheetJson & { vendorId: string; closedBy: string | null; stopRequested: boolean };
interface ListBody {
	code: number;
	message: string;
	data: ReturnRequestJson[];
	nextToken: string;
}
interface ErrorBody {
	message: string;
}

const NOW = new Date('2025-06-01T00:30:00Z'); // 09:30 Korea time
const TODAY = koreaDay(NOW);
const MONTH = `createdAtFrom=${addDays(TODAY, -30)}&createdAtTo=${TODAY}`;

describe('sandbox return and cancellation requests (v4)', () => {
	const sandbox = sandboxForBlock({ seed: 7, now: NOW, returns: 24 });
	const vendor = DEFAULT_VENDOR_ID;

	const dump = (): Promise<Dump[]> => controlList<Dump>(sandbox, '/__sandbox/returns');
	const receipt = async (receiptId: number): Promise<Dump> => (await dump()).find((entry) => entry.receiptId === receiptId) as Dump;
	const boxOf = async (shipmentBoxId: number): Promise<OrderDump> =>
		(await controlList<OrderDump>(sandbox, '/__sandbox/orders')).find((box) => box.shipmentBoxId === shipmentBoxId) as OrderDump;
	const addReturns = (body: Record<string, unknown>): Promise<Dump[]> => controlAdd<Dump>(sandbox, '/__sandbox/returns', body);
	const list = (query: string) => call<ListBody & ErrorBody>(sandbox, 'GET', `${RETURN_REQUESTS_PATH(vendor)}?${query}`);
	const write = (receiptId: number, action: string, body: Record<string, unknown>, method = 'PUT') =>
		call<ErrorBody & { code: string; data?: Record<string, unknown> }>(sandbox, method, `${RETURN_REQUESTS_PATH(vendor)}/${receiptId}/${action}`, { body });
	const readings = (body: Record<string, string>) => setReadings(sandbox, body);
	const pageAll = async (query: string, size: number): Promise<number[]> => {
		const ids: number[] = [];
		let token = '';
		do {
			const result = await list(`${query}&maxPerPage=${size}${token === '' ? '' : `&nextToken=${token}`}`);
			expect([result.status, result.json.code]).toEqual([200, 200]);
			ids.push(...result.json.data.map((entry) => entry.receiptId));
			token = result.json.nextToken;
		} while (token !== '' && ids.length < 1000);
		return ids;
	};

	it('lists by day, newest first, paged to the end; UC also lists stop-shipment requests; CANCEL receipts apart', async () => {
		const ours = (await dump()).filter((entry) => entry.vendorId === vendor);
		const expect_ = (type: string, statuses: string[]): number[] =>
			ours.filter((entry) => entry.receiptType === type && statuses.includes(entry.receiptStatus)).map((entry) => entry.receiptId).sort((a, b) => b - a);
		const codes: Array<[string, string[]]> = [
			['UC', ['RETURNS_UNCHECKED', 'RELEASE_STOP_UNCHECKED']],
			['RU', ['RELEASE_STOP_UNCHECKED']],
			['CC', ['RETURNS_COMPLETED']],
			['PR', ['REQUEST_COUPANG_CHECK']],
		];
		for (const [code, statuses] of codes) {
			const expected = expect_('RETURN', statuses);
			expect(expected.length).toBeGreaterThan(0);
			expect(await pageAll(`${MONTH}&status=${code}`, 2)).toEqual(expected);
		}
		expect(await pageAll(`${MONTH}&cancelType=CANCEL`, 50)).toEqual(expect_('CANCEL', ['RETURNS_COMPLETED']));
		const withOrder = ours.find((entry) => entry.receiptStatus === 'VENDOR_WAREHOUSE_CONFIRM') as Dump;
		expect(await pageAll(`${MONTH}&orderId=${withOrder.orderId}`, 50)).toContain(withOrder.receiptId);
		const page = await list(`${MONTH}&status=UC`);
		expect(page.json.data[0]).toMatchObject({ receiptType: 'RETURN', returnItems: expect.any(Array), returnDeliveryDtos: expect.any(Array) });
		expect(page.json.data[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
	});

	it('lists by minute (searchType=timeFrame): one answer, no orderId; windows up to 31 days; refusals', async () => {
		const [fresh] = await addReturns({ createdAt: '2025-05-28T14:05:10' });
		const minute = await list('searchType=timeFrame&createdAtFrom=2025-05-28T14:00&createdAtTo=2025-05-28T14:05&status=UC&maxPerPage=1');
		expect([minute.status, minute.json.nextToken]).toEqual([200, '']);
		expect(minute.json.data.map((entry) => entry.receiptId)).toEqual([fresh.receiptId]);
		const refused: Array<[string, string]> = [
			[`searchType=timeFrame&createdAtFrom=2025-05-28T14:00&createdAtTo=2025-05-28T14:05&orderId=${fresh.orderId}`, 'status or orderId is required.'],
			[MONTH, 'status or orderId is required.'],
			[`createdAtFrom=${addDays(TODAY, -31)}&createdAtTo=${TODAY}&status=UC`, '검색기간은 최대 31일까지 가능합니다.'],
			[`${MONTH}&status=XX`, 'status must be one of RU, UC, CC, PR, got [XX].'],
			[`${MONTH}&status=UC&cancelType=EXCHANGE`, 'cancelType must be one of RETURN, CANCEL, got [EXCHANGE].'],
			[`createdAtFrom=2025-05-28T14:00&createdAtTo=2025-05-28T14:05&status=UC`, 'createdAtFrom [2025-05-28T14:00] should be in the pattern yyyy-MM-dd.'],
		];
		for (const [query, message] of refused) {
			const result = await list(query);
			expect([result.status, result.json.message]).toEqual([400, message]);
		}
		expect((await call<ErrorBody>(sandbox, 'GET', `${RETURN_REQUESTS_PATH('A00099999')}?${MONTH}&status=UC`)).json.message).toBe('Invalid vendor ID');
	});

	it('searchType: optional by default, required with returnSearchType=required', async () => {
		await readings({ returnSearchType: 'required' });
		const missing = await list(`${MONTH}&status=UC`);
		expect([missing.status, missing.json.message]).toEqual([400, "Required String parameter 'searchType' is not present"]);
		expect((await list(`searchType=daily&${MONTH}&status=UC`)).status).toBe(200);
	});

	it('single receipt: data is a one-element array (code "200"); unknown, cancellation and other vendors\' receipts are refused', async () => {
		const all = await dump();
		const ours = all.find((entry) => entry.vendorId === vendor && entry.receiptType === 'RETURN') as Dump;
		const result = await call<{ code: string; data: ReturnRequestJson[] }>(sandbox, 'GET', `${RETURN_REQUESTS_PATH(vendor)}/${ours.receiptId}`);
		expect([result.status, result.json.code, result.json.data.length, result.json.data[0].receiptId]).toEqual([200, '200', 1, ours.receiptId]);
		const cancel = all.find((entry) => entry.receiptType === 'CANCEL') as Dump;
		const foreign = all.find((entry) => entry.vendorId !== vendor) as Dump;
		const cases: Array<[number, string]> = [
			[1, 'cannot find the Receipt. receiptId : 1'],
			[cancel.receiptId, `cannot find the Receipt. receiptId : ${cancel.receiptId}`],
			[foreign.receiptId, `receiptId ${foreign.receiptId} doesn't belong to the vendorId ${vendor}`],
		];
		for (const [receiptId, message] of cases) {
			const refused = await call<ErrorBody>(sandbox, 'GET', `${RETURN_REQUESTS_PATH(vendor)}/${receiptId}`);
			expect([refused.status, refused.json.message]).toEqual([400, message]);
		}
	});

	it('receipt confirmation (PUT or PATCH): RETURNS_UNCHECKED → VENDOR_WAREHOUSE_CONFIRM, or completed at once for a quick refund', async () => {
		const [oneItemBox] = await controlAdd<OrderDump>(sandbox, '/__sandbox/orders', { status: 'FINAL_DELIVERY', itemCount: 1 });
		const [plain, quick] = [(await addReturns({ quickRefund: false }))[0], (await addReturns({ quickRefund: true, shipmentBoxId: oneItemBox.shipmentBoxId }))[0]];
		const confirmed = await write(plain.receiptId, 'receiveConfirmation', { vendorId: vendor, receiptId: plain.receiptId });
		expect([confirmed.status, confirmed.json]).toEqual([200, { code: '200', message: 'OK' }]);
		expect((await receipt(plain.receiptId)).receiptStatus).toBe('VENDOR_WAREHOUSE_CONFIRM');
		expect((await write(quick.receiptId, 'receiveConfirmation', { vendorId: vendor, receiptId: quick.receiptId }, 'PATCH')).status).toBe(200);
		const done = await receipt(quick.receiptId);
		expect([done.receiptStatus, done.completeConfirmType]).toEqual(['RETURNS_COMPLETED', 'VENDOR_CONFIRM']);
		expect((await boxOf(done.returnItems[0].shipmentBoxId as number)).closedBy).toBe('returned');
		const again = await write(plain.receiptId, 'receiveConfirmation', { vendorId: vendor, receiptId: plain.receiptId });
		expect([again.status, again.json.message]).toEqual([400, `receiptId ${plain.receiptId} is VENDOR_WAREHOUSE_CONFIRM; this needs RETURNS_UNCHECKED.`]);
		const mismatch = await write(plain.receiptId, 'receiveConfirmation', { vendorId: vendor, receiptId: 5 });
		expect([mismatch.status, mismatch.json.message]).toEqual([400, `receiptId in the body (5) does not match the path (${plain.receiptId}).`]);
	});

	it('approval: VENDOR_WAREHOUSE_CONFIRM → RETURNS_COMPLETED with cancelCount equal to the receipt total; other states refused', async () => {
		const [waiting] = await addReturns({ receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' });
		const [unchecked] = await addReturns({ receiptStatus: 'RETURNS_UNCHECKED' });
		const body = (cancelCount?: number) => ({ vendorId: vendor, receiptId: waiting.receiptId, cancelCount });
		const missing = await write(waiting.receiptId, 'approval', body());
		expect([missing.status, missing.json.message]).toEqual([400, 'cancelCount must be a number, got [].']);
		const wrong = await write(waiting.receiptId, 'approval', body(waiting.cancelCountSum + 1));
		expect([wrong.status, wrong.json.message]).toEqual([400, '[INTERNAL_SERVER_ERROR] 취소반품접수수량과 cancelCount가 일치하지 않습니다.']);
		const approved = await write(waiting.receiptId, 'approval', body(waiting.cancelCountSum), 'PATCH');
		expect([approved.status, approved.json]).toEqual([200, { code: '200', message: 'OK' }]);
		expect((await receipt(waiting.receiptId)).receiptStatus).toBe('RETURNS_COMPLETED');
		const early = await write(unchecked.receiptId, 'approval', { vendorId: vendor, receiptId: unchecked.receiptId, cancelCount: unchecked.cancelCountSum });
		expect([early.status, early.json.message]).toEqual([400, `There is no history of the warehouse receipt confirmation for receiptId ${unchecked.receiptId}.`]);
	});

	it('stop shipment: a stop request completes, its units are cancelled and the box leaves the PO lists; cancelCount must match', async () => {
		const [stop] = await addReturns({ receiptStatus: 'RELEASE_STOP_UNCHECKED' });
		const shipmentBoxId = stop.returnItems[0].shipmentBoxId as number;
		expect((await boxOf(shipmentBoxId)).stopRequested).toBe(true);
		const mismatch = await write(stop.receiptId, 'stoppedShipment', { vendorId: vendor, receiptId: stop.receiptId, cancelCount: stop.cancelCountSum + 1 });
		expect([mismatch.status, mismatch.json.message]).toEqual([400, '[INTERNAL_SERVER_ERROR] 취소반품접수수량과 cancelCount가 일치하지 않습니다.']);
		const done = await write(stop.receiptId, 'stoppedShipment', { vendorId: vendor, receiptId: stop.receiptId, cancelCount: stop.cancelCountSum }, 'PATCH');
		expect([done.status, done.json]).toEqual([200, { code: '200', message: 'OK', data: { resultCode: 'SUCCESS', resultMessage: '출고중지완료요청이 성공하였습니다' } }]);
		const after = await receipt(stop.receiptId);
		expect([after.receiptStatus, after.releaseStopStatus]).toEqual(['RETURNS_COMPLETED', '처리(출고중지)']);
		expect((await boxOf(shipmentBoxId)).closedBy).toBe('cancelled');
		const single = await call<ErrorBody>(sandbox, 'GET', `${ORDERSHEETS_PATH(vendor)}/${shipmentBoxId}`);
		expect([single.status, single.json.message]).toEqual([400, '해당 주문이 취소 또는 반품되었습니다.']);
		const twice = await write(stop.receiptId, 'stoppedShipment', { vendorId: vendor, receiptId: stop.receiptId, cancelCount: stop.cancelCountSum });
		expect([twice.status, twice.json.message]).toEqual([400, 'Product is already returned.']);
	});

	it('already shipped: the stop request becomes a return and the box ships with the waybill; the answer shape follows the reading', async () => {
		const [nested, table] = [(await addReturns({ receiptStatus: 'RELEASE_STOP_UNCHECKED' }))[0], (await addReturns({ receiptStatus: 'RELEASE_STOP_UNCHECKED' }))[0]];
		const body = (receiptId: number, invoiceNumber = '340010913442') => ({ vendorId: vendor, receiptId, deliveryCompanyCode: 'CJGLS', invoiceNumber });
		const bad = await write(nested.receiptId, 'completedShipment', { ...body(nested.receiptId), deliveryCompanyCode: 'LOGEN' });
		expect([bad.status, bad.json.message]).toEqual([400, 'Invalid deliveryCompanyCode [LOGEN].']);
		const first = await write(nested.receiptId, 'completedShipment', body(nested.receiptId));
		expect([first.status, first.json]).toEqual([200, { data: { code: '200', message: 'OK', resultCode: 'SUCCESS', resultMessage: '이미출고 상태변경이 성공하였습니다.' } }]);
		const after = await receipt(nested.receiptId);
		expect([after.receiptStatus, after.releaseStopStatus]).toEqual(['RETURNS_UNCHECKED', '처리(이미출고)']);
		const box = await boxOf(after.returnItems[0].shipmentBoxId as number);
		expect([box.status, box.invoiceNumber, box.stopRequested]).toEqual(['DEPARTURE', '340010913442', false]);
		await readings({ completedShipmentShape: 'table' });
		const second = await write(table.receiptId, 'completedShipment', body(table.receiptId, '340010913443'), 'PATCH');
		expect(second.json).toEqual({ code: '200', message: 'OK', data: { resultCode: 'SUCCESS', resultMessage: '이미출고 상태변경이 성공하였습니다.' } });
		expect((await write(table.receiptId, 'completedShipment', body(table.receiptId))).json.message).toBe('Product is already returned.');
		expect((await call(sandbox, 'POST', `${RETURN_REQUESTS_PATH(vendor)}/${table.receiptId}/completedShipment`, { body: {} })).status).toBe(405);
	});

	it('write bodies: a wrong vendorId is refused; bodyVendorId=required also refuses a missing one', async () => {
		const [open] = await addReturns({});
		const wrong = await write(open.receiptId, 'receiveConfirmation', { vendorId: 'A00099999', receiptId: open.receiptId });
		expect([wrong.status, wrong.json.message]).toEqual([400, 'Invalid vendor ID']);
		await readings({ bodyVendorId: 'required' });
		expect((await write(open.receiptId, 'receiveConfirmation', { receiptId: open.receiptId })).json.message).toBe('Invalid vendor ID');
		expect((await write(open.receiptId, 'receiveConfirmation', { vendorId: vendor, receiptId: open.receiptId })).status).toBe(200);
	});

	it('control surface: receipts added by status or type, on a given box or a new one; bad input refused', async () => {
		const [cancel] = await addReturns({ receiptType: 'CANCEL', createdAt: '2025-05-31T08:00:00' });
		expect(cancel).toMatchObject({ receiptType: 'CANCEL', receiptStatus: 'RETURNS_COMPLETED', createdAt: '2025-05-31T08:00:00', vendorId: vendor });
		expect((await boxOf(cancel.returnItems[0].shipmentBoxId as number)).closedBy).toBe('cancelled');
		const [delivered] = await controlAdd<OrderDump>(sandbox, '/__sandbox/orders', { status: 'FINAL_DELIVERY' });
		const [onBox] = await addReturns({ shipmentBoxId: delivered.shipmentBoxId, receiptStatus: 'REQUEST_COUPANG_CHECK' });
		expect(onBox.receiptStatus).toBe('REQUEST_COUPANG_CHECK');
		const bad = await control<ErrorBody>(sandbox, 'POST', '/__sandbox/returns', { receiptStatus: 'LOST' });
		expect([bad.status, bad.json.message]).toEqual([
			400,
			'receiptStatus must be one of RELEASE_STOP_UNCHECKED, RETURNS_UNCHECKED, VENDOR_WAREHOUSE_CONFIRM, REQUEST_COUPANG_CHECK, RETURNS_COMPLETED.',
		]);
		expect((await control(sandbox, 'POST', '/__sandbox/returns', { shipmentBoxId: 1 })).status).toBe(404);
	});
});
