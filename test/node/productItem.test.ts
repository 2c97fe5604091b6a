/**
 * Product Item through n8n-core against the sandbox: Get Inventory equals the sandbox's option field by field (Raw and
 * Simplified); price, quantity and sale changes are PUTs that change the sandbox as documented, are not resent after a
 * 503, and wait out a throttle hold (product APIs are throttled more strictly: the seller's pace and hold apply);
 * each input rule fails before any request.
 */
import type { INode } from 'n8n-workflow';

import { startSandbox, toProductItemInventoryJson, type ProductItem, type RunningSandbox } from '../../sandbox';
import { forgetPacesAndHolds, liftPaceForThisFile, runCoupang } from '../helpers/coupang';

let sandbox: RunningSandbox;

beforeAll(async () => {
	liftPaceForThisFile(); // a throttle hold lasts 1 s in this file
	sandbox = await startSandbox({ port: 0, seed: 41, productInquiries: 0, callCenterInquiries: 0, products: 0, orders: 5, returns: 0, exchanges: 0, productItems: 30 });
});
afterAll(async () => await sandbox.stop());
afterEach(() => {
	sandbox.clearFaults();
	forgetPacesAndHolds();
});

const PATH = (vendorItemId: number): string => `/v2/providers/seller_api/apis/api/v1/marketplace/vendor-items/${vendorItemId}`;
const option = (keep: (item: ProductItem) => boolean = () => true): ProductItem => {
	const found = sandbox.store.productItems.all.find((item) => item.vendorId === sandbox.vendorId && !item.deleted && !item.stoppedByMonitoring && keep(item));
	if (!found) throw new Error('no such option in the seed');
	return found;
};
const fresh = (salePrice = 20000): ProductItem => sandbox.store.productItems.add({ count: 1, salePrice, amountInStock: 7 })[0];
const run = (operation: string, extra: INode['parameters']) => runCoupang(sandbox, { resource: 'productItem', operation, ...extra });

describe('Product Item → Get Inventory', () => {
	it('returns the option\'s stock, price and sale state as Coupang sends them (Raw) and flat (Simplified)', async () => {
		const item = option((candidate) => !candidate.onSale);
		const result = await run('getInventory', { vendorItemId: String(item.vendorItemId) });
		expect(result.json).toEqual([{ ...toProductItemInventoryJson(item) }]);
		expect(result.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`GET ${PATH(item.vendorItemId)}/inventories`]);
		const simple = await run('getInventory', { vendorItemId: String(item.vendorItemId), output: 'simple' });
		expect(simple.json).toEqual([{ vendorItemId: item.vendorItemId, amountInStock: item.amountInStock, salePrice: item.salePrice, onSale: false }]);
	});

	it('an option of another seller, or none, fails with Coupang\'s message', async () => {
		const foreign = sandbox.store.productItems.all.find((item) => item.vendorId !== sandbox.vendorId) as ProductItem;
		const result = await run('getInventory', { vendorItemId: String(foreign.vendorItemId) });
		expect(result.error?.message).toBe(`Coupang: The entered ID is invalid. [vendorItemId=${foreign.vendorItemId}] (HTTP 400)`);
	});
});

describe('Product Item changes (PUT, the value in the path)', () => {
	it('Update Price sets the price; a change beyond -50 %/+100 % needs Allow a Large Change (forceSalePriceUpdate)', async () => {
		const item = fresh(20000);
		const result = await run('updatePrice', { vendorItemId: String(item.vendorItemId), salePrice: 25990 });
		expect(result.json).toEqual([
			{ success: true, operation: 'updatePrice', vendorItemId: item.vendorItemId, salePrice: 25990, forceSalePriceUpdate: false, coupangCode: 'SUCCESS', coupangMessage: '가격 변경을 완료했습니다.' },
		]);
		expect(result.requests.map((entry) => `${entry.method} ${entry.path}?${entry.query}`)).toEqual([`PUT ${PATH(item.vendorItemId)}/prices/25990?`]);
		expect(item.salePrice).toBe(25990);

		const tooHigh = await run('updatePrice', { vendorItemId: String(item.vendorItemId), salePrice: 60000 });
		expect(tooHigh.error?.message).toMatch(/판매가 변경이 불가능합니다.*\(HTTP 400\)$/);
		expect(tooHigh.error?.description).toMatch(/Turn on Allow a Large Change/);
		expect(item.salePrice).toBe(25990);
		const forced = await run('updatePrice', { vendorItemId: String(item.vendorItemId), salePrice: 60000, forceSalePriceUpdate: true });
		expect(forced.json[0]).toMatchObject({ success: true, salePrice: 60000, forceSalePriceUpdate: true });
		expect(forced.requests[0].query).toBe('forceSalePriceUpdate=true');
		expect(item.salePrice).toBe(60000);
	});

	it('Update Quantity sets the stock, 0 included; a deleted option fails with Coupang\'s message', async () => {
		const item = fresh();
		const result = await run('updateQuantity', { vendorItemId: String(item.vendorItemId), quantity: 0 });
		expect(result.json).toEqual([{ success: true, operation: 'updateQuantity', vendorItemId: item.vendorItemId, amountInStock: 0, coupangCode: 'SUCCESS', coupangMessage: '재고 변경을 완료했습니다.' }]);
		expect(result.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`PUT ${PATH(item.vendorItemId)}/quantities/0`]);
		expect(item.amountInStock).toBe(0);
		const deleted = sandbox.store.productItems.all.find((candidate) => candidate.vendorId === sandbox.vendorId && candidate.deleted) as ProductItem;
		const refused = await run('updateQuantity', { vendorItemId: String(deleted.vendorItemId), quantity: 5 });
		expect(refused.error?.message).toBe(`Coupang: Failed to change inventory. [Option ID[${deleted.vendorItemId}] : It is not possible to change deleted product.] (HTTP 400)`);
	});

	it('Stop Sales and Resume Sales switch onSale (stopping twice succeeds); an option Coupang stopped cannot be resumed', async () => {
		const item = fresh();
		for (const [operation, onSale, message] of [
			['stopSales', false, '판매 중지 처리되었습니다.'],
			['stopSales', false, '판매 중지 처리되었습니다.'],
			['resumeSales', true, '판매가 재개되었습니다.'],
		] as const) {
			const result = await run(operation, { vendorItemId: String(item.vendorItemId) });
			expect(result.json).toEqual([{ success: true, operation, vendorItemId: item.vendorItemId, onSale, coupangCode: 'SUCCESS', coupangMessage: message }]);
			expect(result.requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`PUT ${PATH(item.vendorItemId)}/sales/${operation === 'stopSales' ? 'stop' : 'resume'}`]);
			expect(item.onSale).toBe(onSale);
		}
		const monitored = sandbox.store.productItems.all.find((candidate) => candidate.vendorId === sandbox.vendorId && candidate.stoppedByMonitoring) as ProductItem;
		const refused = await run('resumeSales', { vendorItemId: String(monitored.vendorItemId) });
		expect(refused.error?.message).toMatch(/모니터링에 의해 판매중지된 옵션은 판매를 재개할 수 없습니다.*\(HTTP 400\)$/);
		expect(refused.error?.description).toMatch(/cannot be resumed through the API/);
	});

	it.each([
		['updatePrice', { salePrice: 21000 }],
		['updateQuantity', { quantity: 3 }],
		['stopSales', {}],
		['resumeSales', {}],
	] as const)('%s is not sent again after a 503, and the option is unchanged', async (operation, extra) => {
		const item = fresh();
		if (operation === 'resumeSales') item.onSale = false;
		const before = { ...item };
		sandbox.setFaults({ failNext: [{ status: 503 }] });
		const result = await run(operation, { vendorItemId: String(item.vendorItemId), ...extra });
		expect(result.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['PUT 503']);
		expect(result.error?.message).toBe('Coupang: Service Unavailable (HTTP 503) after 1 try');
		expect(result.error?.description).toContain('Not retried: this request changes data and Coupang may already have applied it.');
		expect(item).toEqual(before);
	});

	it('a 429 (product APIs are throttled strictly) holds the seller; the change is sent again after the hold and applied once', async () => {
		const item = fresh();
		sandbox.setFaults({ failNext: [{ status: 429 }] });
		const startedAt = Date.now();
		const result = await run('updateQuantity', { vendorItemId: String(item.vendorItemId), quantity: 42 });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['PUT 429', 'PUT 200']);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950); // the hold is 1 s in this file
		expect(item.amountInStock).toBe(42);
	});
});

describe('Product Item: each input rule fails before any request', () => {
	const cases: Array<[string, INode['parameters'], RegExp]> = [
		['an option ID with letters', { resource: 'productItem', operation: 'getInventory', vendorItemId: 'abc' }, /Option ID must be a number \(digits only\), got "abc"/],
		['a price not in steps of 10 won', { resource: 'productItem', operation: 'updatePrice', vendorItemId: '1', salePrice: 15005 }, /Sale Price \(Won\) 15005 is not in steps of 10 won/],
		['a price of 0', { resource: 'productItem', operation: 'updatePrice', vendorItemId: '1', salePrice: 0 }, /Sale Price \(Won\) must be a whole number of at least 10, got "0"/],
		['a negative quantity', { resource: 'productItem', operation: 'updateQuantity', vendorItemId: '1', quantity: -1 }, /Quantity must be a whole number of at least 0, got "-1"/],
		['a fractional quantity', { resource: 'productItem', operation: 'updateQuantity', vendorItemId: '1', quantity: 2.5 }, /Quantity must be a whole number of at least 0, got "2.5"/],
		['no option ID', { resource: 'productItem', operation: 'stopSales', vendorItemId: '={{ "" }}' }, /Option ID is required/],
	];

	it.each(cases)('%s', async (_label, parameters, message) => {
		const result = await runCoupang(sandbox, parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.httpCode).toBe('none');
		expect(result.requests).toHaveLength(0);
	});
});
