/**
 * Exchange Request through n8n-core against the sandbox: Get Many equals the sandbox's records field by field (Raw
 * and Simplified), exact to the second over several windows and pages under both readings of the 7-day edge; the
 * writes change the sandbox as documented (PUT for receipt confirmation and rejection; the waybill as a JSON array),
 * are not resent after a 503; each input rule fails before any request.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { toExchangeJson, type ExchangeRequest } from '../../sandbox';
import { claimSandboxForFile } from '../helpers/claimSandbox';
import { runCoupang } from '../helpers/coupang';
import { kstWallClock } from '../helpers/koreaTime';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-20T03:00:00Z'); // 12:00 Korea time

const { sandbox, recorder } = claimSandboxForFile(NOW, { seed: 31, orders: 40, returns: 4, exchanges: 16 }, (seeded) => {
	const stages = ['received', 'collecting', 'confirmed', 'shipped', 'success', 'rejected', 'withdrawn'];
	for (let hoursAgo = 6; hoursAgo <= 20 * 24; hoursAgo += 9) {
		seeded.store.exchanges.add({ stage: stages[hoursAgo % stages.length], createdAt: korea(NOW.getTime() - hoursAgo * HOUR) });
	}
});

const korea = kstWallClock;
const json = (value: unknown): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;
const ours = (keep: (exchange: ExchangeRequest) => boolean): ExchangeRequest[] =>
	sandbox.store.exchanges.all.filter((exchange) => exchange.vendorId === sandbox.vendorId && keep(exchange));
const byId = (records: IDataObject[]): IDataObject[] => [...records].sort((a, b) => Number(a.exchangeId) - Number(b.exchangeId));
const raw = (exchanges: ExchangeRequest[]): IDataObject[] => byId(exchanges.map((exchange) => json(toExchangeJson(exchange, sandbox.now().getTime()))));
const queryOf = (entry: { query: string }): Record<string, string> => Object.fromEntries(new URLSearchParams(entry.query));
const getMany = (extra: INode['parameters']): INode['parameters'] => ({ resource: 'exchangeRequest', operation: 'getMany', ...extra });

describe('Exchange Request → Get Many', () => {
	it('with Return All over 20 days: 3 windows, pages of 2, every request once, oldest first, field by field', async () => {
		const from = NOW.getTime() - 20 * DAY;
		const to = NOW.getTime();
		const result = await runCoupang(sandbox, getMany({ createdFrom: korea(from), createdTo: korea(to), returnAll: true, options: { pageSize: 2 } }));
		expect(result.error).toBeUndefined();
		const expected = ours((exchange) => exchange.createdAtMs >= from && exchange.createdAtMs <= to);
		expect(expected.length).toBeGreaterThan(40);
		expect(byId(result.json)).toEqual(raw(expected));
		expect(new Set(result.json.map((record) => record.exchangeId)).size).toBe(result.json.length);
		// Oldest window first; within a window, Coupang's order.
		const windowOf = (record: IDataObject): number => Math.floor((Date.parse(`${String(record.createdAt)}+09:00`) - from) / (7 * DAY - SECOND));
		const order = result.json.map(windowOf);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		const windows = [...new Set(result.requests.map((entry) => `${queryOf(entry).createdAtFrom}..${queryOf(entry).createdAtTo}`))];
		expect(windows).toEqual(['2026-10-31T12:00:00..2026-11-07T11:59:59', '2026-11-07T11:59:59..2026-11-14T11:59:58', '2026-11-14T11:59:58..2026-11-20T12:00:01']);
		expect(result.requests.length).toBeGreaterThanOrEqual(expected.length / 2); // pages of 2, token after token
		expect(result.requests.every((entry) => entry.status === 200 && queryOf(entry).maxPerPage === '2' && !('status' in queryOf(entry)))).toBe(true);
	});

	it.each(['exclusive', 'inclusive'] as const)('the 7-day edge %s: exactly the requests of [from, to] to the second, also on window boundaries', async (windowEdge) => {
		sandbox.store.orderReadings.set({ windowEdge });
		const from = Date.parse('2026-09-01T08:00:00+09:00');
		const to = from + 9 * DAY;
		const boundary = from + 7 * DAY - SECOND;
		for (const at of [from - SECOND, from, boundary - SECOND, boundary, boundary + SECOND, to - SECOND, to, to + SECOND]) sandbox.store.exchanges.add({ createdAt: korea(at) });
		for (const returnAll of [true, false]) {
			const end = returnAll ? to : from + 7 * DAY; // without Return All: at most 7 days
			const result = await runCoupang(sandbox, getMany({ createdFrom: korea(from), createdTo: korea(end), returnAll, limit: 1000 }));
			expect(result.error).toBeUndefined();
			expect(result.requests.every((entry) => entry.status === 200)).toBe(true);
			expect(byId(result.json)).toEqual(raw(ours((exchange) => exchange.createdAtMs >= from && exchange.createdAtMs <= end)));
		}
	});

	it('Status filters (sent and kept); Limit stops early; the page size is Coupang\'s documented 10 unless set', async () => {
		const from = NOW.getTime() - 20 * DAY;
		const range = { createdFrom: korea(from), createdTo: korea(NOW.getTime()) };
		for (const status of ['RECEIPT', 'PROGRESS', 'SUCCESS', 'REJECT', 'CANCEL']) {
			const result = await runCoupang(sandbox, getMany({ ...range, exchangeStatus: status, returnAll: true }));
			const expected = ours((exchange) => exchange.exchangeStatus === status && exchange.createdAtMs >= from);
			expect(expected.length).toBeGreaterThan(0);
			expect(byId(result.json)).toEqual(raw(expected));
			expect(result.requests.every((entry) => queryOf(entry).status === status && queryOf(entry).maxPerPage === '10')).toBe(true);
		}
		const limited = await runCoupang(sandbox, getMany({ createdFrom: korea(NOW.getTime() - 6 * DAY), createdTo: korea(NOW.getTime()), limit: 4 }));
		expect(limited.json).toHaveLength(4);
		expect(limited.requests.map((entry) => queryOf(entry).maxPerPage)).toEqual(['4']);
	});

	it('Simplified: flat, the to-do and the re-delivery box Upload Invoice needs, ISO twins; no phone or address', async () => {
		const [confirmed] = sandbox.store.exchanges.add({ stage: 'confirmed', createdAt: korea(NOW.getTime() - 2 * HOUR) });
		const [received] = sandbox.store.exchanges.add({ stage: 'received', createdAt: korea(NOW.getTime() - 2 * HOUR) });
		const result = await runCoupang(sandbox, getMany({ createdFrom: korea(NOW.getTime() - 3 * HOUR), createdTo: korea(NOW.getTime()), output: 'simple' }));
		const byExchange = new Map(result.json.map((record) => [record.exchangeId, record]));
		const item = confirmed.items[0];
		expect(byExchange.get(confirmed.exchangeId)).toEqual({
			exchangeId: confirmed.exchangeId,
			orderId: confirmed.orderId,
			status: 'PROGRESS',
			toDo: 'uploadInvoice',
			createdAt: korea(confirmed.createdAtMs),
			createdAtIso: `${korea(confirmed.createdAtMs)}+09:00`,
			modifiedAt: korea(confirmed.modifiedAtMs),
			modifiedAtIso: `${korea(confirmed.modifiedAtMs)}+09:00`,
			items: `${item.itemName} ×${item.quantity}`,
			vendorItemIds: [item.vendorItemId],
			originalShipmentBoxIds: [item.originalShipmentBoxId],
			reasonCode: confirmed.reasonCode,
			reason: confirmed.reasonCodeText,
			customerComment: confirmed.reasonEtcDetail,
			faultType: confirmed.faultType,
			createdBy: confirmed.createdByType,
			orderDeliveryStatus: confirmed.orderDeliveryStatusCode,
			collectStatus: 'CompleteCollect',
			collectCompleteDate: korea(confirmed.collectCompleteAtMs as number),
			collectCompleteDateIso: `${korea(confirmed.collectCompleteAtMs as number)}+09:00`,
			redeliveryShipmentBoxId: confirmed.redelivery[0].shipmentBoxId,
			redeliveryWaybills: [],
			deliveryStatus: confirmed.deliveryStatus,
			rejectable: true,
			invoiceUploadable: true,
		});
		expect(byExchange.get(received.exchangeId)).toMatchObject({ status: 'RECEIPT', toDo: 'confirmReceipt', redeliveryShipmentBoxId: null });
		expect(JSON.stringify(result.json)).not.toMatch(/Mobile|Phone|returnAddress|deliveryAddress|0503-/);
	});
});

describe('Exchange Request writes', () => {
	const viaRecorder = { credentials: {} as { baseUrl?: string } };
	beforeAll(() => {
		viaRecorder.credentials = { baseUrl: recorder.url };
	});
	const write = (operation: string, extra: INode['parameters'], options = viaRecorder) => runCoupang(sandbox, { resource: 'exchangeRequest', operation, ...extra }, options);
	const lastBody = (): unknown => recorder.requests.at(-1)?.body;

	it('Confirm Receipt (PUT): RECEIPT → PROGRESS with a re-delivery box; Upload Invoice then sends an array of one', async () => {
		const [exchange] = sandbox.store.exchanges.add({ stage: 'received' });
		const confirmed = await write('confirmReceipt', { exchangeId: String(exchange.exchangeId) });
		expect(confirmed.error).toBeUndefined();
		expect(confirmed.json).toEqual([{ success: true, operation: 'confirmReceipt', exchangeId: exchange.exchangeId, coupangCode: '200', coupangMessage: 'SUCCESS' }]);
		expect(confirmed.requests.map((entry) => entry.method)).toEqual(['PUT']);
		expect(lastBody()).toEqual({ exchangeId: exchange.exchangeId, vendorId: 'A00012345' });
		const after = sandbox.store.exchanges.byId.get(exchange.exchangeId) as ExchangeRequest;
		expect(after.exchangeStatus).toBe('PROGRESS');
		const shipmentBoxId = after.redelivery[0].shipmentBoxId;

		const uploaded = await write('uploadInvoice', { exchangeId: String(exchange.exchangeId), shipmentBoxId: String(shipmentBoxId), goodsDeliveryCode: 'HANJIN', invoiceNumber: '412345678901' });
		expect(uploaded.error).toBeUndefined();
		expect(uploaded.json).toEqual([
			{
				success: true,
				operation: 'uploadInvoice',
				exchangeId: exchange.exchangeId,
				shipmentBoxId,
				goodsDeliveryCode: 'HANJIN',
				invoiceNumber: '412345678901',
				coupangCode: '200',
				coupangMessage: 'SUCCESS',
				resultCode: 'SUCCESS',
				resultMessage: 'Invoice number save successfully',
			},
		]);
		expect(uploaded.requests.map((entry) => entry.method)).toEqual(['POST']);
		expect(lastBody()).toEqual([{ exchangeId: exchange.exchangeId, vendorId: 'A00012345', shipmentBoxId, goodsDeliveryCode: 'HANJIN', invoiceNumber: '412345678901' }]);
		expect(after.deliveryStatus).toBe('CompleteDirection');
		expect(after.redelivery[0].invoice).toMatchObject({ deliverCode: 'HANJIN', invoiceNumber: '412345678901' });
	});

	it('Upload Invoice within 10 minutes of the confirmation (reading tenMinutes): Coupang\'s refusal and a hint; later it goes through', async () => {
		sandbox.store.orderReadings.set({ exchangeCollectDelay: 'tenMinutes', bodyVendorId: 'required' });
		const [exchange] = sandbox.store.exchanges.add({ stage: 'received' });
		expect((await write('confirmReceipt', { exchangeId: String(exchange.exchangeId) })).error).toBeUndefined();
		const box = String(sandbox.store.exchanges.byId.get(exchange.exchangeId)?.redelivery[0].shipmentBoxId);
		const early = await write('uploadInvoice', { exchangeId: String(exchange.exchangeId), shipmentBoxId: box, goodsDeliveryCode: 'CJGLS', invoiceNumber: '340010913449' });
		expect(early.error?.message).toBe(`Coupang: collectStatus of exchangeId ${exchange.exchangeId} is not CompleteCollect yet. (HTTP 400)`);
		expect(early.error?.description).toMatch(/up to 10 minutes after Confirm Receipt/);
		jest.setSystemTime(Date.now() + 10 * MINUTE);
		const later = await write('uploadInvoice', { exchangeId: String(exchange.exchangeId), shipmentBoxId: box, goodsDeliveryCode: 'CJGLS', invoiceNumber: '340010913449' });
		expect(later.error).toBeUndefined();
	});

	it('Reject (PUT) with a documented reason: REJECT, and the resultCode in the item', async () => {
		const [exchange] = sandbox.store.exchanges.add({ stage: 'received' });
		const result = await write('reject', { exchangeId: String(exchange.exchangeId), exchangeRejectCode: 'WITHDRAW' });
		expect(result.json).toEqual([
			{ success: true, operation: 'reject', exchangeId: exchange.exchangeId, exchangeRejectCode: 'WITHDRAW', coupangCode: '200', coupangMessage: 'SUCCESS', resultCode: 'SUCCESS', resultMessage: '요청 처리완료' },
		]);
		expect(lastBody()).toEqual({ exchangeId: exchange.exchangeId, vendorId: 'A00012345', exchangeRejectCode: 'WITHDRAW' });
		expect(result.requests.map((entry) => entry.method)).toEqual(['PUT']);
		const after = sandbox.store.exchanges.byId.get(exchange.exchangeId);
		expect([after?.exchangeStatus, after?.rejectCode]).toEqual(['REJECT', 'WITHDRAW']);
		const again = await write('reject', { exchangeId: String(exchange.exchangeId), exchangeRejectCode: 'SOLDOUT' });
		expect(again.error?.message).toBe(`Coupang: exchangeId ${exchange.exchangeId} cannot be rejected: it is REJECT. (HTTP 400)`);
	});

	it('a resultCode FAIL inside an HTTP 200 (the table\'s answer) fails the item', async () => {
		const [exchange] = sandbox.store.exchanges.add({ stage: 'received' });
		recorder.respond = (request) => (request.method === 'PUT' ? { status: 200, body: { code: '200', message: 'SUCCESS', data: { resultCode: 'FAIL', resultMessage: '교환불가 처리에 실패했습니다' } } } : undefined);
		const result = await write('reject', { exchangeId: String(exchange.exchangeId), exchangeRejectCode: 'SOLDOUT' });
		expect(result.error?.message).toBe('Coupang: 교환불가 처리에 실패했습니다 (resultCode FAIL)');
		expect(result.items).toHaveLength(0);
	});

	it.each([
		['confirmReceipt', 'received', {}],
		['reject', 'received', { exchangeRejectCode: 'SOLDOUT' }],
		['uploadInvoice', 'confirmed', { goodsDeliveryCode: 'EPOST', invoiceNumber: '6012345678901' }],
	] as const)('%s is not sent again after a 503, and the exchange is unchanged', async (operation, stage, extra) => {
		const [exchange] = sandbox.store.exchanges.add({ stage });
		const shipmentBoxId = String(exchange.redelivery[0]?.shipmentBoxId ?? 1);
		const before = json(toExchangeJson(exchange, sandbox.now().getTime()));
		sandbox.setFaults({ failNext: [{ status: 503 }] });
		const result = await runCoupang(sandbox, { resource: 'exchangeRequest', operation, exchangeId: String(exchange.exchangeId), shipmentBoxId, ...extra });
		expect(result.requests.map((entry) => entry.status)).toEqual([503]);
		expect(result.error?.message).toBe('Coupang: Service Unavailable (HTTP 503) after 1 try');
		expect(result.error?.description).toContain('Not retried: this request changes data and Coupang may already have applied it.');
		expect(json(toExchangeJson(sandbox.store.exchanges.byId.get(exchange.exchangeId) as ExchangeRequest, sandbox.now().getTime()))).toEqual(before);
	});
});

describe('Exchange Request: each input rule fails before any request', () => {
	const cases: Array<[string, INode['parameters'], RegExp]> = [
		['a range over 7 days without Return All', getMany({ createdFrom: '2026-11-01T00:00:00', createdTo: '2026-11-08T00:00:01' }), /Time frame 2026-11-01T00:00:00 to 2026-11-08T00:00:01 is 7 days 1 second; Coupang allows at most 7 days between Created From and Created To/],
		['Created To before Created From', getMany({ createdFrom: '2026-11-02T00:00:00', createdTo: '2026-11-01T00:00:00', returnAll: true }), /Created To 2026-11-01T00:00:00 is before Created From 2026-11-02T00:00:00/],
		['a status that is not Coupang\'s', getMany({ createdFrom: '2026-11-01T00:00:00', createdTo: '2026-11-02T00:00:00', exchangeStatus: '={{ "DONE" }}' }), /Status must be one of ALL, RECEIPT, PROGRESS, SUCCESS, REJECT, CANCEL, got "DONE"/],
		['page size 51', getMany({ createdFrom: '2026-11-01T00:00:00', createdTo: '2026-11-02T00:00:00', options: { pageSize: 51 } }), /Page Size is 51; Coupang allows 1 to 50/],
		['an exchange ID with letters', { resource: 'exchangeRequest', operation: 'confirmReceipt', exchangeId: 'EX-1' }, /Exchange ID must be a number \(digits only\), got "EX-1"/],
		['a reject reason Coupang does not take', { resource: 'exchangeRequest', operation: 'reject', exchangeId: '1', exchangeRejectCode: '={{ "DAMAGED" }}' }, /Reason must be one of SOLDOUT, WITHDRAW, got "DAMAGED"/],
		['no re-delivery box', { resource: 'exchangeRequest', operation: 'uploadInvoice', exchangeId: '1', shipmentBoxId: '={{ "" }}', goodsDeliveryCode: 'CJGLS', invoiceNumber: '340010913442' }, /Re-Delivery Shipment Box ID is required/],
		['an unknown courier', { resource: 'exchangeRequest', operation: 'uploadInvoice', exchangeId: '1', shipmentBoxId: '2', goodsDeliveryCode: '={{ "ACME" }}', invoiceNumber: '340010913442' }, /Courier "ACME" is not one of Coupang's courier codes/],
		['a waybill with letters for a Korean courier', { resource: 'exchangeRequest', operation: 'uploadInvoice', exchangeId: '1', shipmentBoxId: '2', goodsDeliveryCode: 'HANJIN', invoiceNumber: 'AB1234567890' }, /Invoice Number "AB1234567890" must be digits only/],
	];

	it.each(cases)('%s', async (_label, parameters, message) => {
		const result = await runCoupang(sandbox, parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.httpCode).toBe('none');
		expect(result.requests).toHaveLength(0);
	});
});
