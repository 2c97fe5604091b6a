/**
 * Return / Cancel Request through n8n-core (WorkflowExecute → RoutingNode) against the sandbox: every operation's
 * output equals the sandbox's data field by field (Raw and Simplified), Return All is exact over several windows
 * and pages under every reading of the list's silent points, writes change the sandbox as documented (sent as PUT,
 * with the body the sheet documents) and are not resent after a 503, and each input rule fails before any request.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { toReturnRequestJson, type ReturnRequest } from '../../sandbox';
import { claimSandboxForFile } from '../helpers/claimSandbox';
import { runCoupang } from '../helpers/coupang';
import { kstWallClock } from '../helpers/koreaTime';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-20T03:00:00Z'); // 12:00 Korea time

const { sandbox, recorder } = claimSandboxForFile(NOW, { seed: 21, returns: 24, orders: 80 }, (seeded) => {
	// Return requests over 72 days, several a day some days, and stop-shipment requests (listed by Coupang under UC too).
	for (let daysAgo = 0; daysAgo <= 72; daysAgo += 4) {
		seeded.store.returns.add({ count: 1 + (daysAgo % 3), createdAt: korea(NOW.getTime() - daysAgo * DAY - (daysAgo % 5) * HOUR) });
	}
	for (const daysAgo of [1, 20, 45]) seeded.store.returns.add({ receiptStatus: 'RELEASE_STOP_UNCHECKED', createdAt: korea(NOW.getTime() - daysAgo * DAY) });
});

const korea = kstWallClock;
const koreaDate = (ms: number): string => korea(ms).slice(0, 10);
const json = (value: unknown): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;

const ours = (keep: (receipt: ReturnRequest) => boolean): ReturnRequest[] =>
	sandbox.store.returns.all.filter((receipt) => receipt.vendorId === sandbox.vendorId && keep(receipt));
const byId = (records: IDataObject[]): IDataObject[] => [...records].sort((a, b) => Number(a.receiptId) - Number(b.receiptId));
const raw = (receipts: ReturnRequest[]): IDataObject[] => byId(receipts.map((receipt) => json(toReturnRequestJson(receipt))));
const queryOf = (entry: { query: string }): Record<string, string> => Object.fromEntries(new URLSearchParams(entry.query));

const getMany = (extra: INode['parameters']): INode['parameters'] => ({ resource: 'returnRequest', operation: 'getMany', ...extra });
const seventyTwoDays = { createdFrom: `${koreaDate(NOW.getTime() - 72 * DAY)}T00:00:00`, createdTo: `${koreaDate(NOW.getTime())}T00:00:00` };
const inDays = (receipt: ReturnRequest, from: string, to: string): boolean => koreaDate(receipt.createdAtMs) >= from && koreaDate(receipt.createdAtMs) <= to;

describe('Return / Cancel Request → Get Many', () => {
	it('by day with Return All: every return request of 73 days over 3 windows and many pages, field by field, each once', async () => {
		const result = await runCoupang(sandbox, getMany({ ...seventyTwoDays, returnAll: true, options: { pageSize: 2 } }));
		expect(result.error).toBeUndefined();
		const expected = ours((receipt) => receipt.receiptType === 'RETURN' && receipt.receiptStatus === 'RETURNS_UNCHECKED' && inDays(receipt, seventyTwoDays.createdFrom.slice(0, 10), seventyTwoDays.createdTo.slice(0, 10)));
		expect(expected.length).toBeGreaterThan(30);
		expect(byId(result.json)).toEqual(raw(expected));
		expect(new Set(result.json.map((record) => record.receiptId)).size).toBe(result.json.length);
		// Newest window first, and within a window Coupang's order (newest first).
		const windows = [...new Set(result.requests.map((entry) => `${queryOf(entry).createdAtFrom}..${queryOf(entry).createdAtTo}`))];
		expect(windows).toEqual(['2026-11-08..2026-11-20', '2026-10-09..2026-11-07', '2026-09-09..2026-10-08']);
		expect(result.requests.length).toBeGreaterThan(expected.length / 2);
		expect(result.requests.every((entry) => entry.status === 200 && entry.method === 'GET')).toBe(true);
		expect(result.requests.some((entry) => queryOf(entry).nextToken !== undefined)).toBe(true);
		expect(queryOf(result.requests[0])).toEqual({ createdAtFrom: '2026-11-08', createdAtTo: '2026-11-20', maxPerPage: '2', cancelType: 'RETURN', status: 'UC' });
	});

	it('when Coupang requires searchType (reading returnSearchType=required), the same days are read by minute: the same records', async () => {
		const expected = (await runCoupang(sandbox, getMany({ ...seventyTwoDays, returnAll: true }))).json;
		sandbox.store.orderReadings.set({ returnSearchType: 'required' });
		const result = await runCoupang(sandbox, getMany({ ...seventyTwoDays, returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(expected);
		const refused = result.requests.filter((entry) => entry.status === 400);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(refused.length).toBeLessThanOrEqual(3); // at most once per window (the windows start at once)
		for (const entry of refused) expect(queryOf(entry).searchType).toBeUndefined();
		const byMinute = result.requests.filter((entry) => entry.status === 200);
		expect(byMinute.map((entry) => queryOf(entry))).toEqual([
			{ searchType: 'timeFrame', createdAtFrom: '2026-11-08T00:00', createdAtTo: '2026-11-21T00:00', cancelType: 'RETURN', status: 'UC' },
			{ searchType: 'timeFrame', createdAtFrom: '2026-10-09T00:00', createdAtTo: '2026-11-08T00:00', cancelType: 'RETURN', status: 'UC' },
			{ searchType: 'timeFrame', createdAtFrom: '2026-09-09T00:00', createdAtTo: '2026-10-09T00:00', cancelType: 'RETURN', status: 'UC' },
		]);

		// With a Limit the windows go one after another: the refusal happens once, then every window goes by minute.
		const limited = await runCoupang(sandbox, getMany({ ...seventyTwoDays, returnAll: false, limit: 1000, createdFrom: `${koreaDate(NOW.getTime() - 30 * DAY)}T00:00:00` }));
		expect(limited.error).toBeUndefined();
		expect(limited.requests.map((entry) => entry.status)).toEqual([400, 200, 200]);
	});

	it('Status: Return Requested keeps RETURNS_UNCHECKED only, Stop-Shipment Requested RU only, both kinds each once', async () => {
		const period = { ...seventyTwoDays, returnAll: true };
		const inPeriod = (receipt: ReturnRequest): boolean => receipt.receiptType === 'RETURN' && inDays(receipt, period.createdFrom.slice(0, 10), period.createdTo.slice(0, 10));
		const stops = ours((receipt) => inPeriod(receipt) && receipt.receiptStatus === 'RELEASE_STOP_UNCHECKED');
		const returns = ours((receipt) => inPeriod(receipt) && receipt.receiptStatus === 'RETURNS_UNCHECKED');
		expect(stops.length).toBeGreaterThanOrEqual(3);
		const uc = await runCoupang(sandbox, getMany({ ...period, returnStatus: 'RETURNS_UNCHECKED' }));
		expect(byId(uc.json)).toEqual(raw(returns)); // the sandbox lists the RU receipts under UC too (fact sheet 9.1): dropped
		const ru = await runCoupang(sandbox, getMany({ ...period, returnStatus: 'RELEASE_STOP_UNCHECKED' }));
		expect(byId(ru.json)).toEqual(raw(stops));
		const both = await runCoupang(sandbox, getMany({ ...period, returnStatus: 'REQUESTED' }));
		expect(byId(both.json)).toEqual(raw([...stops, ...returns]));
		expect(new Set(both.requests.map((entry) => queryOf(entry).status))).toEqual(new Set(['RU', 'UC']));
		for (const [status, receiptStatus] of [
			['REQUEST_COUPANG_CHECK', 'REQUEST_COUPANG_CHECK'],
			['RETURNS_COMPLETED', 'RETURNS_COMPLETED'],
		]) {
			const result = await runCoupang(sandbox, getMany({ ...period, returnStatus: status }));
			expect(byId(result.json)).toEqual(raw(ours((receipt) => inPeriod(receipt) && receipt.receiptStatus === receiptStatus)));
		}
	});

	it('Cancel Type Cancellation: no status is sent, the cancellation receipts come back', async () => {
		const result = await runCoupang(sandbox, getMany({ ...seventyTwoDays, cancelType: 'CANCEL', returnStatus: 'RETURNS_UNCHECKED', returnAll: true }));
		expect(result.error).toBeUndefined();
		const expected = ours((receipt) => receipt.receiptType === 'CANCEL');
		expect(expected.length).toBeGreaterThan(0);
		expect(byId(result.json)).toEqual(raw(expected));
		for (const entry of result.requests) expect(queryOf(entry)).toMatchObject({ cancelType: 'CANCEL' });
		expect(result.requests.some((entry) => 'status' in queryOf(entry))).toBe(false);
	});

	it.each([
		{ minuteToEdge: 'inclusive', windowEdge: 'exclusive' },
		{ minuteToEdge: 'exclusive', windowEdge: 'exclusive' },
		{ minuteToEdge: 'inclusive', windowEdge: 'inclusive' },
		{ minuteToEdge: 'exclusive', windowEdge: 'inclusive' },
	] as const)('by minute ($minuteToEdge createdAtTo minute, $windowEdge 31-day edge): exactly the receipts of [from, to] to the second', async (readings) => {
		sandbox.store.orderReadings.set(readings);
		const from = Date.parse('2026-10-01T10:15:30+09:00');
		const to = from + 35 * DAY + 2 * HOUR; // two windows: 30 days, then the rest
		const added = [from - 1000, from, from + 30 * 1000, from + 30 * DAY - 30 * 1000, from + 30 * DAY, to - 1000, to, to + 1000, to + 50_000].flatMap((at) =>
			sandbox.store.returns.add({ createdAt: korea(at) }),
		);
		try {
			for (const returnAll of [true, false]) {
				const end = returnAll ? to : from + 31 * DAY; // without Return All: at most 31 days
				const result = await runCoupang(sandbox, getMany({ searchBy: 'minute', createdFrom: korea(from), createdTo: korea(end), returnAll, limit: 1000 }));
				expect(result.error).toBeUndefined();
				expect(result.requests.every((entry) => entry.status === 200 && queryOf(entry).searchType === 'timeFrame')).toBe(true);
				const expected = ours((receipt) => receipt.receiptType === 'RETURN' && receipt.receiptStatus === 'RETURNS_UNCHECKED' && receipt.createdAtMs >= from && receipt.createdAtMs <= end);
				expect(byId(result.json)).toEqual(raw(expected));
				if (returnAll) expect(result.requests.map((entry) => [queryOf(entry).createdAtFrom, queryOf(entry).createdAtTo])).toEqual([
					['2026-10-31T10:15', '2026-11-05T12:16'],
					['2026-10-01T10:15', '2026-10-31T10:15'],
				]);
			}
		} finally {
			for (const receipt of added) receipt.receiptStatus = 'RETURNS_COMPLETED'; // out of the other tests' lists
		}
	});

	it("reads dates in the workflow's time zone and sends Korea days and minutes", async () => {
		const options = { timezone: 'America/New_York' }; // UTC-5 in November: 14 hours behind Korea
		const byDay = await runCoupang(sandbox, getMany({ createdFrom: '2026-11-18T09:00:00', createdTo: '2026-11-19T10:30:00' }), options);
		expect(queryOf(byDay.requests[0])).toMatchObject({ createdAtFrom: '2026-11-18', createdAtTo: '2026-11-20' });
		const byMinute = await runCoupang(sandbox, getMany({ searchBy: 'minute', createdFrom: '2026-11-18T09:00:45', createdTo: '2026-11-19T10:30:00' }), options);
		expect(queryOf(byMinute.requests[0])).toMatchObject({ createdAtFrom: '2026-11-18T23:00', createdAtTo: '2026-11-20T00:31' });
	});

	it('Limit stops early: Limit 3 is one request of maxPerPage 3', async () => {
		// Days without stop-shipment requests, which Coupang also lists under UC (they would be dropped and paged past).
		const days = { createdFrom: `${koreaDate(NOW.getTime() - 10 * DAY)}T00:00:00`, createdTo: `${koreaDate(NOW.getTime() - 3 * DAY)}T00:00:00` };
		const result = await runCoupang(sandbox, getMany({ ...days, limit: 3 }));
		expect(result.json).toHaveLength(3);
		expect(result.requests).toHaveLength(1);
		expect(queryOf(result.requests[0]).maxPerPage).toBe('3');
	});

	it('Simplified: flat, readable, ISO twins of Korea times, the to-do; no phone number', async () => {
		const result = await runCoupang(sandbox, getMany({ ...seventyTwoDays, returnStatus: 'REQUESTED', returnAll: true, output: 'simple' }));
		const stop = ours((receipt) => receipt.receiptStatus === 'RELEASE_STOP_UNCHECKED')[0];
		const item = result.json.find((record) => record.receiptId === stop.receiptId) as IDataObject;
		const createdAt = korea(stop.createdAtMs);
		expect(item).toEqual({
			receiptId: stop.receiptId,
			orderId: stop.orderId,
			type: 'RETURN',
			status: 'RELEASE_STOP_UNCHECKED',
			toDo: 'stopShipment',
			createdAt,
			createdAtIso: `${createdAt}+09:00`,
			modifiedAt: korea(stop.modifiedAtMs),
			modifiedAtIso: `${korea(stop.modifiedAtMs)}+09:00`,
			cancelCount: stop.items.reduce((sum, entry) => sum + entry.cancelCount, 0),
			items: stop.items.map((entry) => `${entry.vendorItemName} ×${entry.cancelCount}`).join('; '),
			vendorItemIds: stop.items.map((entry) => entry.vendorItemId),
			shipmentBoxIds: [stop.items[0].shipmentBoxId],
			reasonCode: stop.reasonCode,
			reason: stop.reasonCodeText,
			reasonCategory: `${stop.cancelReasonCategory1} / ${stop.cancelReasonCategory2}`,
			customerComment: stop.cancelReason === '' ? null : stop.cancelReason,
			faultBy: stop.faultByType,
			releaseStopStatus: '미처리',
			returnDeliveryType: stop.returnDeliveryType,
			pickupWaybills: [],
			requesterName: stop.requesterName,
			preRefund: false,
			completeConfirmType: 'UNDEFINED',
			completeConfirmDate: null,
			completeConfirmDateIso: null,
		});
		const toDos = new Set(result.json.map((record) => record.toDo));
		expect(toDos).toEqual(new Set(['stopShipment', 'confirmReceipt']));
		expect(JSON.stringify(result.json)).not.toMatch(/0503-|requesterPhoneNumber|requesterAddress/);
	});
});

describe('Return / Cancel Request → Get', () => {
	it('returns the receipt field by field (Raw and Simplified); an unknown one fails with Coupang\'s message', async () => {
		const receipt = ours((candidate) => candidate.receiptType === 'RETURN')[0];
		const result = await runCoupang(sandbox, { resource: 'returnRequest', operation: 'get', receiptId: String(receipt.receiptId) });
		expect(result.json).toEqual([json(toReturnRequestJson(receipt))]);
		expect(result.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`GET /v2/providers/openapi/apis/api/v4/vendors/A00012345/returnRequests/${receipt.receiptId}`]);
		const simple = await runCoupang(sandbox, { resource: 'returnRequest', operation: 'get', receiptId: String(receipt.receiptId), output: 'simple' });
		expect(simple.json[0]).toMatchObject({ receiptId: receipt.receiptId, status: receipt.receiptStatus, createdAtIso: `${korea(receipt.createdAtMs)}+09:00` });
		const unknown = await runCoupang(sandbox, { resource: 'returnRequest', operation: 'get', receiptId: '1' });
		expect(unknown.error?.message).toBe('Coupang: cannot find the Receipt. receiptId : 1 (HTTP 400)');
	});
});

describe('Return / Cancel Request writes (PUT, the documented bodies)', () => {
	const viaRecorder = { credentials: {} as { baseUrl?: string } };
	beforeAll(() => {
		viaRecorder.credentials = { baseUrl: recorder.url };
	});
	const lastBody = (): unknown => recorder.requests[recorder.requests.length - 1]?.body;
	const write = (operation: string, extra: INode['parameters']) => runCoupang(sandbox, { resource: 'returnRequest', operation, ...extra }, viaRecorder);

	it('Confirm Receipt: RETURNS_UNCHECKED → VENDOR_WAREHOUSE_CONFIRM; the item says what was done', async () => {
		const [receipt] = sandbox.store.returns.add({ quickRefund: false });
		const result = await write('confirmReceipt', { receiptId: String(receipt.receiptId) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ success: true, operation: 'confirmReceipt', receiptId: receipt.receiptId, coupangCode: '200', coupangMessage: 'OK' }]);
		expect(sandbox.store.returns.byId.get(receipt.receiptId)?.receiptStatus).toBe('VENDOR_WAREHOUSE_CONFIRM');
		expect(result.requests.map((entry) => entry.method)).toEqual(['PUT']);
		expect(lastBody()).toEqual({ vendorId: 'A00012345', receiptId: receipt.receiptId });
	});

	it('Approve with Cancel Count empty reads the receipt\'s total first; the return completes', async () => {
		const [receipt] = sandbox.store.returns.add({ receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' });
		const total = receipt.items.reduce((sum, entry) => sum + entry.cancelCount, 0);
		const result = await write('approve', { receiptId: String(receipt.receiptId) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ success: true, operation: 'approve', receiptId: receipt.receiptId, cancelCount: total, coupangCode: '200', coupangMessage: 'OK' }]);
		expect(result.requests.map((entry) => `${entry.method} ${entry.path.split('/').slice(-2).join('/')}`)).toEqual([
			`GET returnRequests/${receipt.receiptId}`,
			`PUT ${receipt.receiptId}/approval`,
		]);
		expect(lastBody()).toEqual({ vendorId: 'A00012345', receiptId: receipt.receiptId, cancelCount: total });
		expect(sandbox.store.returns.byId.get(receipt.receiptId)?.receiptStatus).toBe('RETURNS_COMPLETED');
	});

	it('Approve with a Cancel Count sends it as given; a wrong one fails with Coupang\'s message and changes nothing', async () => {
		const [receipt] = sandbox.store.returns.add({ receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' });
		const total = receipt.items.reduce((sum, entry) => sum + entry.cancelCount, 0);
		const wrong = await write('approve', { receiptId: String(receipt.receiptId), cancelCount: String(total + 1) });
		expect(wrong.error?.message).toBe('Coupang: [INTERNAL_SERVER_ERROR] 취소반품접수수량과 cancelCount가 일치하지 않습니다. (HTTP 400)');
		expect(wrong.requests.map((entry) => entry.method)).toEqual(['PUT']);
		expect(sandbox.store.returns.byId.get(receipt.receiptId)?.receiptStatus).toBe('VENDOR_WAREHOUSE_CONFIRM');
		const right = await write('approve', { receiptId: String(receipt.receiptId), cancelCount: String(total) });
		expect(right.json[0]).toMatchObject({ success: true, cancelCount: total });
		expect(right.requests).toHaveLength(1);
	});

	it('Stop Shipment: the stop request completes, the units are cancelled on the box; resultCode in the item', async () => {
		const [receipt] = sandbox.store.returns.add({ receiptStatus: 'RELEASE_STOP_UNCHECKED' });
		sandbox.store.orderReadings.set({ bodyVendorId: 'required' }); // the current pages: every body field required
		const result = await write('stopShipment', { receiptId: String(receipt.receiptId) });
		expect(result.error).toBeUndefined();
		const total = receipt.items.reduce((sum, entry) => sum + entry.cancelCount, 0);
		expect(result.json).toEqual([
			{ success: true, operation: 'stopShipment', receiptId: receipt.receiptId, cancelCount: total, coupangCode: '200', coupangMessage: 'OK', resultCode: 'SUCCESS', resultMessage: '출고중지완료요청이 성공하였습니다' },
		]);
		const after = sandbox.store.returns.byId.get(receipt.receiptId);
		expect([after?.receiptStatus, after?.releaseStopStatus]).toEqual(['RETURNS_COMPLETED', '처리(출고중지)']);
		expect(sandbox.store.orders.byBoxId.get(receipt.items[0].shipmentBoxId)?.closedBy).toBe('cancelled');
		const again = await write('stopShipment', { receiptId: String(receipt.receiptId), cancelCount: String(total) });
		expect(again.error?.message).toBe('Coupang: Product is already returned. (HTTP 400)');
	});

	it.each(['nested', 'table'] as const)('Mark Already Shipped (answer shape %s): the request becomes a return, the box ships with the waybill', async (shape) => {
		sandbox.store.orderReadings.set({ completedShipmentShape: shape });
		const [receipt] = sandbox.store.returns.add({ receiptStatus: 'RELEASE_STOP_UNCHECKED' });
		const invoiceNumber = shape === 'nested' ? '340010913442' : '340010913443';
		const result = await write('markAlreadyShipped', { receiptId: String(receipt.receiptId), deliveryCompanyCode: 'CJGLS', invoiceNumber });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{ success: true, operation: 'markAlreadyShipped', receiptId: receipt.receiptId, deliveryCompanyCode: 'CJGLS', invoiceNumber, coupangCode: '200', coupangMessage: 'OK', resultCode: 'SUCCESS', resultMessage: '이미출고 상태변경이 성공하였습니다.' },
		]);
		expect(lastBody()).toEqual({ vendorId: 'A00012345', receiptId: receipt.receiptId, deliveryCompanyCode: 'CJGLS', invoiceNumber });
		const after = sandbox.store.returns.byId.get(receipt.receiptId);
		expect([after?.receiptStatus, after?.releaseStopStatus]).toEqual(['RETURNS_UNCHECKED', '처리(이미출고)']);
		const box = sandbox.store.orders.byBoxId.get(receipt.items[0].shipmentBoxId);
		expect([box?.status, box?.invoiceNumber]).toEqual(['DEPARTURE', invoiceNumber]);
	});

	it('a resultCode FAIL inside an HTTP 200 fails the item with Coupang\'s resultMessage, never reported as done', async () => {
		const [receipt] = sandbox.store.returns.add({ receiptStatus: 'RELEASE_STOP_UNCHECKED' });
		// The sandbox never answers FAIL: the recording proxy answers the write itself, as the table documents it.
		recorder.respond = (request) =>
			request.method === 'PUT' ? { status: 200, body: { code: '200', message: 'OK', data: { resultCode: 'FAIL', resultMessage: '출고중지처리에 실패하였습니다' } } } : undefined;
		try {
			const failed = await write('stopShipment', { receiptId: String(receipt.receiptId), cancelCount: '1' });
			expect(failed.error?.message).toBe('Coupang: 출고중지처리에 실패하였습니다 (resultCode FAIL)');
			expect(failed.error?.description).toContain('Coupang answered HTTP 200 but reports that the change was not made.');
			const continued = await runCoupang(sandbox, { resource: 'returnRequest', operation: 'stopShipment', receiptId: String(receipt.receiptId), cancelCount: '1' }, { ...viaRecorder, continueOnFail: true });
			expect(continued.json).toEqual([expect.objectContaining({ error: 'Coupang: 출고중지처리에 실패하였습니다 (resultCode FAIL)' })]);
		} finally {
			recorder.respond = undefined;
		}
	});

	it('an ID beyond 2^53 goes into the path and the body as its digits, never through a rounding Number()', async () => {
		const result = await write('confirmReceipt', { receiptId: '642538970006401429' });
		expect(recorder.requests.at(-1)).toEqual({
			method: 'PUT',
			path: '/v2/providers/openapi/apis/api/v4/vendors/A00012345/returnRequests/642538970006401429/receiveConfirmation',
			body: { vendorId: 'A00012345', receiptId: '642538970006401429' },
		});
		expect(result.error?.message).toMatch(/HTTP 400/); // the sandbox holds no such receipt
	});

	it.each([
		['confirmReceipt', { receiptStatus: 'RETURNS_UNCHECKED' }, {}],
		['approve', { receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' }, { cancelCount: '' }],
		['stopShipment', { receiptStatus: 'RELEASE_STOP_UNCHECKED' }, {}],
		['markAlreadyShipped', { receiptStatus: 'RELEASE_STOP_UNCHECKED' }, { deliveryCompanyCode: 'HANJIN', invoiceNumber: '123456789012' }],
	] as const)('%s is not sent again after a 503: one PUT, the error says why, the receipt is unchanged', async (operation, kind, extra) => {
		const [receipt] = sandbox.store.returns.add({ ...kind, quickRefund: false });
		const before = json(toReturnRequestJson(receipt));
		// Cancel Count empty: the receipt is read first. The 503 must hit the write, so it is armed once the read is answered.
		const reads = operation === 'approve' || operation === 'stopShipment' ? 1 : 0;
		if (reads === 0) sandbox.setFaults({ failNext: [{ status: 503 }] });
		else {
			const getFor = sandbox.store.returns.getFor.bind(sandbox.store.returns);
			jest.spyOn(sandbox.store.returns, 'getFor').mockImplementationOnce((vendorId, receiptId) => {
				sandbox.setFaults({ failNext: [{ status: 503 }] });
				return getFor(vendorId, receiptId);
			});
		}
		const result = await runCoupang(sandbox, { resource: 'returnRequest', operation, receiptId: String(receipt.receiptId), ...extra });
		jest.restoreAllMocks();
		expect(result.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual([...(reads === 1 ? ['GET 200'] : []), 'PUT 503']);
		expect(result.error?.message).toBe('Coupang: Service Unavailable (HTTP 503) after 1 try');
		expect(result.error?.description).toContain('Not retried: this request changes data and Coupang may already have applied it.');
		expect(json(toReturnRequestJson(sandbox.store.returns.byId.get(receipt.receiptId) as ReturnRequest))).toEqual(before);
	});
});

describe('Return / Cancel Request: each input rule fails before any request', () => {
	const cases: Array<[string, INode['parameters'], RegExp]> = [
		['a day period of 32 days without Return All', getMany({ createdFrom: '2026-07-01T00:00:00', createdTo: '2026-08-01T00:00:00' }), /Period 2026-07-01 to 2026-08-01 covers 32 days; Coupang lists at most 31 days at once/],
		['a minute range over 31 days without Return All', getMany({ searchBy: 'minute', createdFrom: '2026-07-01T00:00:00', createdTo: '2026-08-01T00:01:00' }), /Time frame 2026-07-01T00:00:00 to 2026-08-01T00:01:00 is 31 days 1 minute; Coupang allows at most 31 days between Created From and Created To/],
		['Created To before Created From', getMany({ createdFrom: '2026-07-02T00:00:00', createdTo: '2026-07-01T00:00:00', returnAll: true }), /Created To 2026-07-01 is before Created From 2026-07-02/],
		['no Created From', getMany({ createdFrom: '={{ "" }}', createdTo: '2026-07-01T00:00:00' }), /Created From is required/],
		['a status that is not one of the list', getMany({ ...seventyTwoDays, returnStatus: '={{ "VENDOR_WAREHOUSE_CONFIRM" }}' }), /Status must be one of .*got "VENDOR_WAREHOUSE_CONFIRM"/],
		['a cancel type that is not one of the list', getMany({ ...seventyTwoDays, cancelType: '={{ "EXCHANGE" }}' }), /Cancel Type must be one of RETURN, CANCEL, got "EXCHANGE"/],
		['page size 51', getMany({ ...seventyTwoDays, returnAll: true, options: { pageSize: 51 } }), /Page Size is 51; Coupang allows 1 to 50/],
		['a receipt ID with letters', { resource: 'returnRequest', operation: 'get', receiptId: 'R-1' }, /Receipt ID must be a number \(digits only\), got "R-1"/],
		['cancel count 0', { resource: 'returnRequest', operation: 'approve', receiptId: '1', cancelCount: '0' }, /Cancel Count must be a whole number of at least 1, got "0"/],
		['cancel count "two"', { resource: 'returnRequest', operation: 'stopShipment', receiptId: '1', cancelCount: 'two' }, /Cancel Count must be a whole number of at least 1, got "two"/],
		['a courier code Coupang renamed', { resource: 'returnRequest', operation: 'markAlreadyShipped', receiptId: '1', deliveryCompanyCode: '={{ "LOGEN" }}', invoiceNumber: '12345678901' }, /Courier "LOGEN" is not a Coupang courier code: Logen is KGB/],
		['a waybill of the wrong length', { resource: 'returnRequest', operation: 'markAlreadyShipped', receiptId: '1', deliveryCompanyCode: 'CJGLS', invoiceNumber: '12345' }, /Invoice Number "12345" has 5 characters; CJGLS waybills have 10 or 12/],
		['a waybill with hyphens', { resource: 'returnRequest', operation: 'markAlreadyShipped', receiptId: '1', deliveryCompanyCode: 'EPOST', invoiceNumber: '6012-3456-78901' }, /must be digits only \(no spaces or hyphens\) for EPOST/],
	];

	it.each(cases)('%s', async (_label, parameters, message) => {
		const result = await runCoupang(sandbox, parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.httpCode).toBe('none');
		expect(result.requests).toHaveLength(0);
	});
});
