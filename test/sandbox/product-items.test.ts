import { DEFAULT_VENDOR_ID, type ProductItemInventoryJson } from '../../sandbox';
import { call, control, VENDOR_ITEM_PATH } from '../helpers/sandboxHttp';
import { controlAdd, controlList, sandboxForBlock } from '../helpers/sandboxBlock';

type Dump = ProductItemInventoryJson & { vendorItemId: number; vendorId: string; deleted: boolean; stoppedByMonitoring: boolean; vendorItemName: string };
interface Answer {
	code: string;
	message: string;
	data?: unknown;
}

describe('sandbox product items (seller_api v1 vendor-items)', () => {
	const sandbox = sandboxForBlock({ seed: 9, now: new Date('2025-06-01T00:30:00Z') });
	const vendor = DEFAULT_VENDOR_ID;

	const dump = (): Promise<Dump[]> => controlList<Dump>(sandbox, '/__sandbox/product-items');
	const addItems = (body: Record<string, unknown>): Promise<Dump[]> => controlAdd<Dump>(sandbox, '/__sandbox/product-items', body);
	const inventory = (vendorItemId: number | string) => call<Answer & { data: ProductItemInventoryJson }>(sandbox, 'GET', `${VENDOR_ITEM_PATH(vendorItemId)}/inventories`);
	const put = (vendorItemId: number | string, rest: string, method = 'PUT') => call<Answer>(sandbox, method, `${VENDOR_ITEM_PATH(vendorItemId)}/${rest}`);

	it('inventory: stock, price and sale state of one option (code "SUCCESS"); unknown and other vendors\' options refused', async () => {
		const all = await dump();
		const ours = all.find((item) => item.vendorId === vendor && !item.deleted) as Dump;
		const result = await inventory(ours.vendorItemId);
		expect([result.status, result.json.code, result.json.message]).toEqual([200, 'SUCCESS', '']);
		expect(result.json.data).toEqual({ sellerItemId: ours.vendorItemId, amountInStock: ours.amountInStock, salePrice: ours.salePrice, onSale: ours.onSale });
		const foreign = all.find((item) => item.vendorId !== vendor) as Dump;
		for (const id of [foreign.vendorItemId, 1]) {
			const refused = await inventory(id);
			expect([refused.status, refused.json.message]).toEqual([400, `The entered ID is invalid. [vendorItemId=${id}]`]);
		}
		expect((await inventory('x1')).json.message).toBe('Invalid format vendorItemId : x1');
	});

	it('price: PUT in steps of 10 won within -50 %/+100 % unless forceSalePriceUpdate=true; PATCH is not offered', async () => {
		const [item] = await addItems({ salePrice: 10000 });
		const changed = await put(item.vendorItemId, 'prices/19990');
		expect([changed.status, changed.json]).toEqual([200, { code: 'SUCCESS', message: '가격 변경을 완료했습니다.', data: null }]);
		expect((await inventory(item.vendorItemId)).json.data.salePrice).toBe(19990);
		const refusals: Array<[string, string]> = [
			['prices/40000', `가격변경에 실패했습니다. [옵션ID[${item.vendorItemId}] : 판매가 변경이 불가능합니다. 변경전 판매가의 최대 50% 인하/최대 100%인상까지 변경가능합니다.]`],
			['prices/9990', `가격변경에 실패했습니다. [옵션ID[${item.vendorItemId}] : 판매가 변경이 불가능합니다. 변경전 판매가의 최대 50% 인하/최대 100%인상까지 변경가능합니다.]`],
			['prices/19995', `가격변경에 실패했습니다. [옵션ID[${item.vendorItemId}] : 판매가는 10원 단위로 입력해 주세요.]`],
			['prices/abc', 'Invalid format price : abc'],
		];
		for (const [rest, message] of refusals) {
			const refused = await put(item.vendorItemId, rest);
			expect([refused.status, refused.json.message]).toEqual([400, message]);
		}
		expect((await put(item.vendorItemId, 'prices/90000?forceSalePriceUpdate=true')).status).toBe(200);
		expect((await inventory(item.vendorItemId)).json.data.salePrice).toBe(90000);
		expect((await put(item.vendorItemId, 'prices/95000', 'PATCH')).status).toBe(405);
		expect((await put(1, 'prices/1000')).json.message).toBe('Failed to change the price. [vendoritemid 1 not found]');
	});

	it('quantity: any whole number of units; invalid numbers, unknown and deleted options refused with their texts', async () => {
		const [item] = await addItems({ amountInStock: 5 });
		const changed = await put(item.vendorItemId, 'quantities/0');
		expect([changed.status, changed.json]).toEqual([200, { code: 'SUCCESS', message: '재고 변경을 완료했습니다.' }]);
		expect((await inventory(item.vendorItemId)).json.data.amountInStock).toBe(0);
		expect((await put(item.vendorItemId, 'quantities/-1')).json.message).toBe('Invalid inventory quantity.');
		expect((await put(item.vendorItemId, 'quantities/2.5')).json.message).toBe('Invalid inventory quantity.');
		expect((await put(12345, 'quantities/3')).json.message).toBe('Failed to change the inventory. [vendoritemid 12345 not found]');
		const deleted = (await dump()).find((entry) => entry.vendorId === vendor && entry.deleted) as Dump;
		const refused = await put(deleted.vendorItemId, 'quantities/3');
		expect([refused.status, refused.json.message]).toEqual([400, `Failed to change inventory. [Option ID[${deleted.vendorItemId}] : It is not possible to change deleted product.]`]);
	});

	it('stop and resume sales: stopping twice succeeds twice; an option Coupang stopped by monitoring cannot be resumed', async () => {
		const [item] = await addItems({});
		const stopped = await put(item.vendorItemId, 'sales/stop');
		expect([stopped.status, stopped.json]).toEqual([200, { code: 'SUCCESS', message: '판매 중지 처리되었습니다.' }]);
		expect((await inventory(item.vendorItemId)).json.data.onSale).toBe(false);
		expect((await put(item.vendorItemId, 'sales/stop')).status).toBe(200);
		const resumed = await put(item.vendorItemId, 'sales/resume');
		expect([resumed.status, resumed.json]).toEqual([200, { code: 'SUCCESS', message: '판매가 재개되었습니다.' }]);
		expect((await inventory(item.vendorItemId)).json.data.onSale).toBe(true);
		const monitored = (await dump()).find((entry) => entry.vendorId === vendor && entry.stoppedByMonitoring) as Dump;
		const refused = await put(monitored.vendorItemId, 'sales/resume');
		expect([refused.status, refused.json.message]).toEqual([
			400,
			`판매 재개에 실패했습니다. [옵션ID[${monitored.vendorItemId}] : 모니터링에 의해 판매중지된 옵션은 판매를 재개할 수 없습니다.]`,
		]);
		expect((await put(1, 'sales/stop')).json.message).toBe('Failed to change the sale status. [vendoritemid 1 not found]');
		expect((await put(item.vendorItemId, 'sales/pause')).status).toBe(404);
	});

	it('control surface: options added with price, stock and state; a price not in steps of 10 refused', async () => {
		const created = await addItems({ count: 3, salePrice: 25000, amountInStock: 7, onSale: false });
		expect(created).toHaveLength(3);
		expect(new Set(created.map((item) => item.vendorItemName.split(', ')[0])).size).toBe(1);
		expect(created.every((item) => item.salePrice === 25000 && item.amountInStock === 7 && !item.onSale && item.vendorId === vendor)).toBe(true);
		const bad = await control<{ message: string }>(sandbox, 'POST', '/__sandbox/product-items', { salePrice: 25005 });
		expect([bad.status, bad.json.message]).toEqual([400, 'salePrice must be a positive multiple of 10.']);
	});
});
