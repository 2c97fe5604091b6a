import { DEFAULT_VENDOR_ID, type ExchangeJson } from '../../sandbox';
import { call, control, EXCHANGE_REQUESTS_PATH } from '../helpers/sandboxHttp';
import { controlAdd, controlList, sandboxForBlock, setReadings } from '../helpers/sandboxBlock';

type Dump = ExchangeJson & { vendorId: string; createdAt: string; deliveryInvoiceGroupDtos: Array<{ shipmentBoxId: number; deliveryInvoiceDtos: Array<Record<string, unknown>> }> };
interface ListBody {
	code: number;
	message: string;
	data: Dump[];
	nextToken: string;
}
interface ErrorBody {
	code: string;
	message: string;
	data?: unknown;
}

const NOW = new Date('2025-06-01T00:30:00Z'); // 09:30 Korea time

describe('sandbox exchange requests (v4)', () => {
	const sandbox = sandboxForBlock({ seed: 8, now: NOW });
	const vendor = DEFAULT_VENDOR_ID;
	afterEach(() => {
		sandbox.setClock(NOW);
	});

	const dump = (): Promise<Dump[]> => controlList<Dump>(sandbox, '/__sandbox/exchanges');
	const exchangeOf = async (exchangeId: number): Promise<Dump> => (await dump()).find((entry) => entry.exchangeId === exchangeId) as Dump;
	const addExchanges = (body: Record<string, unknown>): Promise<Dump[]> => controlAdd<Dump>(sandbox, '/__sandbox/exchanges', body);
	const list = (query: string) => call<ListBody & ErrorBody>(sandbox, 'GET', `${EXCHANGE_REQUESTS_PATH(vendor)}?${query}`);
	const write = (exchangeId: number, action: string, body: unknown, method = 'PUT') =>
		call<ErrorBody>(sandbox, method, `${EXCHANGE_REQUESTS_PATH(vendor)}/${exchangeId}/${action}`, { body });
	const readings = (body: Record<string, string>) => setReadings(sandbox, body);
	const waybill = (exchange: Dump, shipmentBoxId: number, invoiceNumber = '340010913442') => ({
		exchangeId: String(exchange.exchangeId),
		vendorId: vendor,
		shipmentBoxId: String(shipmentBoxId),
		goodsDeliveryCode: 'CJGLS',
		invoiceNumber,
	});

	it('lists up to 7 days by createdAt to the second, oldest first, 10 per page by default, paged to the end', async () => {
		const created = await addExchanges({ count: 12, createdAt: '2025-05-29T10:00:00' });
		const query = 'createdAtFrom=2025-05-29T00:00:00&createdAtTo=2025-05-29T23:59:59';
		const expected = (await dump())
			.filter((entry) => entry.vendorId === vendor && entry.createdAt.startsWith('2025-05-29'))
			.map((entry) => entry.exchangeId)
			.sort((a, b) => a - b);
		expect(expected).toEqual(expect.arrayContaining(created.map((entry) => entry.exchangeId)));
		const first = await list(query);
		expect([first.status, first.json.code, first.json.message, first.json.data.length]).toEqual([200, 200, 'OK', 10]);
		expect(first.json.nextToken).toBe(String(first.json.data[9].exchangeId));
		const seen = first.json.data.map((entry) => entry.exchangeId);
		let token = first.json.nextToken;
		while (token !== '') {
			const next = await list(`${query}&nextToken=${token}`);
			seen.push(...next.json.data.map((entry) => entry.exchangeId));
			token = next.json.nextToken;
		}
		expect(seen).toEqual(expected);
		expect((await list(`${query}&maxPerPage=50`)).json.data).toHaveLength(expected.length);
		const byStatus = await list(`${query}&status=RECEIPT&orderId=${created[0].orderId}`);
		expect(byStatus.json.data.map((entry) => entry.exchangeId)).toEqual([created[0].exchangeId]);
	});

	it('windows: exactly 7 days refused (windowEdge exclusive), served with windowEdge=inclusive; bad parameters refused', async () => {
		const week = 'createdAtFrom=2025-05-20T00:00:00&createdAtTo=2025-05-27T00:00:00';
		expect(await list(week).then((result) => [result.status, result.json.message])).toEqual([400, 'endTime-startTime range should less than 7 days.']);
		expect((await list('createdAtFrom=2025-05-20T00:00:00&createdAtTo=2025-05-26T23:59:59')).status).toBe(200);
		await readings({ windowEdge: 'inclusive' });
		expect((await list(week)).status).toBe(200);
		const cases: Array<[string, string]> = [
			['createdAtFrom=2025-05-20&createdAtTo=2025-05-21', 'createdAtFrom [2025-05-20] should be in the pattern yyyy-MM-ddTHH:mm:ss.'],
			['createdAtTo=2025-05-21T00:00:00', "Required String parameter 'createdAtFrom' is not present"],
			['createdAtFrom=2025-05-20T00:00:00&createdAtTo=2025-05-21T00:00:00&status=DONE', 'status must be one of RECEIPT, PROGRESS, SUCCESS, REJECT, CANCEL, got [DONE].'],
			['createdAtFrom=2025-05-20T00:00:00&createdAtTo=2025-05-21T00:00:00&maxPerPage=51', 'maxPerPage must be between 1 and 50, got [51].'],
		];
		for (const [query, message] of cases) expect(await list(query).then((result) => [result.status, result.json.message])).toEqual([400, message]);
	});

	it('the seeded exchanges cover every status, with re-delivery boxes only after the receipt confirmation', async () => {
		const ours = (await dump()).filter((entry) => entry.vendorId === vendor);
		expect(new Set(ours.map((entry) => entry.exchangeStatus))).toEqual(new Set(['RECEIPT', 'PROGRESS', 'SUCCESS', 'REJECT', 'CANCEL']));
		for (const entry of ours) {
			expect(entry.deliveryInvoiceGroupDtos.length > 0).toBe(entry.collectStatus === 'CompleteCollect');
			expect(entry.exchangeItemDtoV1s).toEqual([expect.objectContaining({ originalShipmentBoxId: expect.any(Number), targetPackageId: -1 })]);
		}
	});

	it('receipt confirmation (PUT or PATCH) makes the re-delivery box and completes the pickup; a second one is refused', async () => {
		const [one, two] = await addExchanges({ count: 2, stage: 'collecting' });
		expect([one.exchangeStatus, one.collectStatus, one.deliveryInvoiceGroupDtos]).toEqual(['PROGRESS', 'Collecting', []]);
		const confirmed = await write(one.exchangeId, 'receiveConfirmation', { exchangeId: one.exchangeId, vendorId: vendor });
		expect([confirmed.status, confirmed.json]).toEqual([200, { code: '200', message: 'SUCCESS' }]);
		const after = await exchangeOf(one.exchangeId);
		expect(after).toMatchObject({ exchangeStatus: 'PROGRESS', collectStatus: 'CompleteCollect', deliveryInvoiceModifiable: true, rejectable: true });
		expect(after.deliveryInvoiceGroupDtos).toEqual([expect.objectContaining({ shipmentBoxId: expect.any(Number), orderId: one.orderId, deliveryInvoiceDtos: [] })]);
		expect((await write(two.exchangeId, 'receiveConfirmation', { exchangeId: two.exchangeId, vendorId: vendor }, 'PATCH')).status).toBe(200);
		const again = await write(one.exchangeId, 'receiveConfirmation', { exchangeId: one.exchangeId, vendorId: vendor });
		expect([again.status, again.json.message]).toEqual([400, `exchangeId ${one.exchangeId} cannot be confirmed: it is PROGRESS and already confirmed.`]);
		const unknown = await write(1, 'receiveConfirmation', { exchangeId: 1 });
		expect([unknown.status, unknown.json.message]).toEqual([404, 'exchangeId (1) is not found.']);
	});

	it('waybill: an array (every example) or one object; needs the confirmation and the new shipmentBoxId', async () => {
		const [asArray, asObject, early] = await addExchanges({ count: 3, stage: 'received' });
		const before = await write(early.exchangeId, 'invoices', [waybill(early, 1)], 'POST');
		expect([before.status, before.json.message]).toEqual([400, `exchangeId ${early.exchangeId} has no confirmed receipt: confirm the receipt first.`]);
		for (const exchange of [asArray, asObject]) await write(exchange.exchangeId, 'receiveConfirmation', { exchangeId: exchange.exchangeId, vendorId: vendor });
		const boxOf = async (exchange: Dump): Promise<number> => (await exchangeOf(exchange.exchangeId)).deliveryInvoiceGroupDtos[0].shipmentBoxId;
		const wrongBox = await write(asArray.exchangeId, 'invoices', [waybill(asArray, 777)], 'POST');
		expect([wrongBox.status, wrongBox.json.message]).toEqual([400, `shipmentBoxId 777 is not the re-delivery box of exchangeId ${asArray.exchangeId}.`]);
		const badNumber = await write(asArray.exchangeId, 'invoices', [waybill(asArray, await boxOf(asArray), '12')], 'POST');
		expect([badNumber.status, badNumber.json.message]).toEqual([400, 'Invalid invoiceNumber [12] for CJGLS.']);
		const uploaded = await write(asArray.exchangeId, 'invoices', [waybill(asArray, await boxOf(asArray))], 'POST');
		expect([uploaded.status, uploaded.json]).toEqual([200, { code: '200', message: 'SUCCESS', data: { resultCode: 'SUCCESS', resultMessage: 'Invoice number save successfully' } }]);
		const shipped = await exchangeOf(asArray.exchangeId);
		expect(shipped).toMatchObject({ deliveryStatus: 'CompleteDirection', rejectable: false });
		expect(shipped.deliveryInvoiceGroupDtos[0].deliveryInvoiceDtos[0]).toMatchObject({ invoiceNumber: '340010913442', deliverCode: 'CJGLS' });
		expect((await write(asObject.exchangeId, 'invoices', waybill(asObject, await boxOf(asObject)), 'POST')).status).toBe(200);
		const otherPath = await write(asObject.exchangeId, 'invoices', [{ ...waybill(asObject, await boxOf(asObject)), exchangeId: 5 }], 'POST');
		expect([otherPath.status, otherPath.json.message]).toEqual([400, `exchangeId in the body (5) does not match the path (${asObject.exchangeId}).`]);
		const notJson = await fetch(sandbox.url + `${EXCHANGE_REQUESTS_PATH(vendor)}/${asObject.exchangeId}/invoices`, { method: 'POST', body: '[' });
		expect(notJson.status).toBe(401); // unsigned: refused before the body is read
		expect((await write(asObject.exchangeId, 'invoices', [], 'POST')).json.message).toBe('The body must be an object or a non-empty array of objects.');
	});

	it('exchangeCollectDelay=tenMinutes: the waybill is refused until 10 minutes after the receipt confirmation', async () => {
		await readings({ exchangeCollectDelay: 'tenMinutes' });
		const [exchange] = await addExchanges({ stage: 'collecting' });
		await write(exchange.exchangeId, 'receiveConfirmation', { exchangeId: exchange.exchangeId, vendorId: vendor });
		const confirmed = await exchangeOf(exchange.exchangeId);
		expect([confirmed.collectStatus, confirmed.deliveryInvoiceModifiable]).toEqual(['Collecting', false]);
		const shipmentBoxId = confirmed.deliveryInvoiceGroupDtos[0].shipmentBoxId;
		const early = await write(exchange.exchangeId, 'invoices', [waybill(exchange, shipmentBoxId)], 'POST');
		expect([early.status, early.json.message]).toEqual([400, `collectStatus of exchangeId ${exchange.exchangeId} is not CompleteCollect yet.`]);
		sandbox.setClock(new Date(sandbox.now().getTime() + 10 * 60_000 + 1000));
		expect((await exchangeOf(exchange.exchangeId)).collectStatus).toBe('CompleteCollect');
		expect((await write(exchange.exchangeId, 'invoices', [waybill(exchange, shipmentBoxId)], 'POST')).status).toBe(200);
	});

	it('rejection: SOLDOUT or WITHDRAW only, while open and not shipped again (PUT or PATCH)', async () => {
		const [first, second, shipped] = [...(await addExchanges({ count: 2, stage: 'received' })), ...(await addExchanges({ stage: 'shipped' }))];
		const wrongCode = await write(first.exchangeId, 'rejection', { exchangeId: first.exchangeId, vendorId: vendor, exchangeRejectCode: 'BROKEN' });
		expect([wrongCode.status, wrongCode.json.message]).toEqual([400, 'exchangeRejectCode must be SOLDOUT or WITHDRAW.']);
		const rejected = await write(first.exchangeId, 'rejection', { exchangeId: first.exchangeId, vendorId: vendor, exchangeRejectCode: 'SOLDOUT' });
		expect([rejected.status, rejected.json]).toEqual([200, { code: '200', message: 'SUCCESS', data: { resultCode: 'SUCCESS', resultMessage: '요청 처리완료' } }]);
		expect(await exchangeOf(first.exchangeId)).toMatchObject({ exchangeStatus: 'REJECT', exchangeRejectCode: 'SOLDOUT', rejectable: false });
		// The R19 example: exchangeId as a string, a userId, no vendorId.
		expect((await write(second.exchangeId, 'rejection', { exchangeId: String(second.exchangeId), exchangeRejectCode: 'WITHDRAW', userId: 'kimms@' }, 'PATCH')).status).toBe(200);
		const late = await write(shipped.exchangeId, 'rejection', { exchangeId: shipped.exchangeId, vendorId: vendor, exchangeRejectCode: 'SOLDOUT' });
		expect([late.status, late.json.message]).toEqual([400, `exchangeId ${shipped.exchangeId} cannot be rejected: it is PROGRESS.`]);
		await readings({ bodyVendorId: 'required' });
		expect((await write(first.exchangeId, 'rejection', { exchangeId: first.exchangeId, exchangeRejectCode: 'SOLDOUT' })).json.message).toBe('Invalid vendor ID');
	});

	it('control surface: exchanges added at a stage and time; bad stages refused; other vendors\' exchanges never listed', async () => {
		const [foreign] = await addExchanges({ vendorId: 'A00099999', createdAt: '2025-05-30T12:00:00' });
		const listed = await list('createdAtFrom=2025-05-30T00:00:00&createdAtTo=2025-05-30T23:59:59&maxPerPage=50');
		expect(listed.json.data.map((entry) => entry.exchangeId)).not.toContain(foreign.exchangeId);
		expect((await write(foreign.exchangeId, 'receiveConfirmation', { exchangeId: foreign.exchangeId })).status).toBe(404);
		const bad = await control<ErrorBody>(sandbox, 'POST', '/__sandbox/exchanges', { stage: 'lost' });
		expect([bad.status, bad.json.message]).toEqual([400, 'stage must be one of received, collecting, confirmed, shipped, success, rejected, withdrawn.']);
	});
});
