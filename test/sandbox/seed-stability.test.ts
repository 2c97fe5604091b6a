// Adding the order, claim and product item domains must not change what existing seeds give: the inquiries and
// products of a seed, and what add() calls make afterwards, stay those of main before these domains existed.

import { createHash } from 'node:crypto';

import {
	SandboxStore,
	toCallCenterInquiryJson,
	toExchangeDump,
	toOrderDump,
	toProductHistoryJson,
	toProductInquiryJson,
	toProductItemDump,
	toProductJson,
	toReturnDump,
} from '../../sandbox';

const NOW_MS = Date.parse('2025-06-01T00:30:00Z');
const fingerprint = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Fingerprints of the existing parts, then of one addition to each (which draw from the same Prng). */
function existingParts(store: SandboxStore): Record<string, string> {
	return {
		products: fingerprint(store.products.all.map((product) => [toProductJson(product), product.histories.map(toProductHistoryJson)])),
		catalog: fingerprint(store.products.catalog),
		productInquiries: fingerprint(store.productInquiries.all.map(toProductInquiryJson)),
		callCenter: fingerprint(store.callCenterInquiries.all.map((inquiry) => toCallCenterInquiryJson(inquiry, 'v4'))),
		added: fingerprint([
			toProductJson(store.products.add({})[0]),
			toProductInquiryJson(store.productInquiries.add({})[0]),
			toCallCenterInquiryJson(store.callCenterInquiries.add({})[0], 'v4'),
		]),
	};
}

function newParts(store: SandboxStore): string {
	return fingerprint([
		store.productItems.all.map(toProductItemDump),
		store.orders.all.map(toOrderDump),
		store.returns.all.map(toReturnDump),
		store.exchanges.all.map((exchange) => toExchangeDump(exchange, NOW_MS)),
	]);
}

describe('seeded data of the existing domains', () => {
	it('is what the sandbox generated before orders and claims existed, for seeds 1 and 21, additions included', () => {
		// Computed with this same function on the sandbox without the order domains (branch sandbox-fidelity, 60964f3,
		// whose call-center model changed its call-center data; products and product inquiries are those of 735c9a6).
		const main: Record<number, Record<string, string>> = {
			1: { products: 'c9ef14b232cedd25', catalog: 'ee4713a5d3e4121d', productInquiries: '7535b5e577573fc5', callCenter: '643db9a71f6d3034', added: '474beff390d76073' },
			21: { products: '41e0df2cf6ae2019', catalog: 'b1395ffb0ab92d92', productInquiries: '4a04607271caa6d7', callCenter: 'cc7b0ee83ff68420', added: '8c289a2aa3869240' },
		};
		for (const seed of [1, 21]) expect(existingParts(new SandboxStore('A00012345', () => NOW_MS, { seed }))).toEqual(main[seed]);
	});

	it('does not depend on the sizes of the new domains', () => {
		const resized = new SandboxStore('A00012345', () => NOW_MS, { seed: 1, orders: 500, returns: 80, exchanges: 40, productItems: 3 });
		const none = new SandboxStore('A00012345', () => NOW_MS, { seed: 1, orders: 0, returns: 0, exchanges: 0, productItems: 0 });
		expect(existingParts(resized)).toEqual(existingParts(none));
	});
});

describe('seeded orders, claims and product items', () => {
	it('are the same for the same seed and second (the clock may move within it), and differ between seeds', () => {
		const early = new SandboxStore('A00012345', () => NOW_MS + 100, { seed: 3 });
		const late = new SandboxStore('A00012345', () => NOW_MS + 900, { seed: 3 });
		const other = new SandboxStore('A00012345', () => NOW_MS + 100, { seed: 4 });
		expect(newParts(early)).toBe(newParts(late));
		expect(newParts(early)).not.toBe(newParts(other));
	});

	it('link returns and exchanges to the vendor\'s orders, with safe-integer IDs', () => {
		const store = new SandboxStore('A00012345', () => NOW_MS, { seed: 1, orders: 200, returns: 40, exchanges: 20 });
		for (const request of store.returns.all) {
			const box = store.orders.byBoxId.get(request.items[0].shipmentBoxId);
			expect([box?.orderId, box?.vendorId]).toEqual([request.orderId, request.vendorId]);
		}
		for (const exchange of store.exchanges.all) {
			const box = store.orders.byBoxId.get(exchange.items[0].originalShipmentBoxId);
			expect([box?.orderId, box?.vendorId, box?.status]).toEqual([exchange.orderId, exchange.vendorId, 'FINAL_DELIVERY']);
		}
		const ids = store.orders.all.flatMap((box) => [box.shipmentBoxId, box.orderId, ...box.items.map((item) => item.vendorItemId)]);
		expect(ids.every((id) => Number.isSafeInteger(id) && String(id).length >= 9 && String(id).length <= 16)).toBe(true);
		expect(new Set(store.orders.all.map((box) => box.shipmentBoxId)).size).toBe(store.orders.all.length);
	});
});
