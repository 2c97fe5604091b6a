// The sandbox's live data: one part per collection, grouped by domain, all drawn from one seeded Prng. Tests
// reach it as `sandbox.store` to ask "what should this return".

import { ExchangeStore } from './exchanges/exchangeStore';
import { CallCenterInquiryStore } from './inquiries/callCenterInquiryStore';
import { ProductInquiryStore } from './inquiries/productInquiryStore';
import { OrderStore } from './orders/orderStore';
import { OrderReadings } from './orders/readings';
import { ProductItemStore } from './productItems/productItemStore';
import { ProductStore } from './products/productStore';
import { ReturnStore } from './returns/returnStore';
import { Prng } from './prng';
import { DataContext } from './seeding';

/** The seed and how many items each part generates. A new part adds its size here. */
export interface DataSizes {
	/** Deterministic data: same seed → same data. */
	seed: number;
	productInquiries: number;
	callCenterInquiries: number;
	products: number;
	/** Orders (customer orders; an order has one box, sometimes two). */
	orders: number;
	/** Return and cancellation receipts, on the orders. */
	returns: number;
	/** Exchange requests, on delivered orders. */
	exchanges: number;
	/** Product items (options) that the orders buy. */
	productItems: number;
}

export const DEFAULT_SIZES: DataSizes = {
	seed: 1,
	productInquiries: 120,
	callCenterInquiries: 60,
	products: 40,
	orders: 60,
	returns: 16,
	exchanges: 8,
	productItems: 30,
};

/** Each size as `given` says, or else as in `defaults` (read in DataSizes order). */
export function sizesOr(defaults: DataSizes, given: (key: keyof DataSizes) => number | undefined): DataSizes {
	const sizes = { ...defaults };
	for (const key of Object.keys(DEFAULT_SIZES) as Array<keyof DataSizes>) sizes[key] = given(key) ?? defaults[key];
	return sizes;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	const result: Partial<T> = {};
	for (const [key, entry] of Object.entries(value) as Array<[keyof T, T[keyof T]]>) {
		if (entry !== undefined) result[key] = entry;
	}
	return result;
}

export class SandboxStore {
	readonly vendorId: string;
	sizes: DataSizes = { ...DEFAULT_SIZES };
	readonly products: ProductStore;
	readonly productInquiries: ProductInquiryStore;
	readonly callCenterInquiries: CallCenterInquiryStore;
	readonly productItems: ProductItemStore;
	readonly orders: OrderStore;
	readonly returns: ReturnStore;
	readonly exchanges: ExchangeStore;
	/** The switches of the order, claim and product item endpoints (orders/readings.ts); a reseed resets them. */
	readonly orderReadings = new OrderReadings();
	private readonly context: DataContext;
	/** Orders, claims and product items draw from their own Prng, seeded from the same seed. */
	private readonly salesContext: DataContext;

	constructor(vendorId: string, clock: () => number, sizes: Partial<DataSizes> = {}) {
		this.vendorId = vendorId;
		this.context = new DataContext(vendorId, clock);
		this.products = new ProductStore(this.context);
		this.productInquiries = new ProductInquiryStore(this.context, this.products);
		this.callCenterInquiries = new CallCenterInquiryStore(this.context);
		this.salesContext = new DataContext(vendorId, clock);
		this.productItems = new ProductItemStore(this.salesContext);
		this.orders = new OrderStore(this.salesContext, this.productItems, this.orderReadings);
		this.returns = new ReturnStore(this.salesContext, this.orders);
		this.exchanges = new ExchangeStore(this.salesContext, this.orders);
		this.reseed(sizes);
	}

	now(): number {
		return this.context.clock();
	}

	/** Regenerates everything from the seed, with the data spread over the 30 days before the current clock. */
	reseed(sizes: Partial<DataSizes> = {}): void {
		const merged: DataSizes = { ...DEFAULT_SIZES, ...stripUndefined(sizes) };
		this.sizes = merged;
		const nowMs = Math.floor(this.context.clock() / 1000) * 1000;
		this.context.prng = new Prng(merged.seed);
		// The parts draw from one Prng in this order; a new part goes last, so existing data stays the same.
		this.products.reseed(merged.products, nowMs);
		this.productInquiries.reseed(merged.productInquiries, nowMs);
		this.callCenterInquiries.reseed(merged.callCenterInquiries, nowMs);
		this.reseedSales(merged, nowMs);
	}

	/**
	 * Product items, orders, returns, exchanges: from a second Prng, so neither the data above nor what later add()
	 * calls draw from the first Prng changes when these parts are added or resized.
	 */
	private reseedSales(sizes: DataSizes, nowMs: number): void {
		this.salesContext.prng = new Prng((Math.imul(sizes.seed, 0x2c1b3c6d) ^ 0x0bde75) | 0);
		this.orderReadings.reset();
		this.productItems.reseed(sizes.productItems);
		this.orders.reseed(sizes.orders, nowMs);
		this.returns.reseed(sizes.returns, nowMs);
		this.exchanges.reseed(sizes.exchanges, nowMs);
	}

	counts(): Record<'productInquiries' | 'callCenterInquiries' | 'products' | 'productHistories' | 'orderBoxes' | 'returns' | 'exchanges' | 'productItems', number> {
		return {
			productInquiries: this.productInquiries.all.length,
			callCenterInquiries: this.callCenterInquiries.all.length,
			products: this.products.all.length,
			productHistories: this.products.historyCount(),
			orderBoxes: this.orders.all.length,
			returns: this.returns.all.length,
			exchanges: this.exchanges.all.length,
			productItems: this.productItems.all.length,
		};
	}
}
