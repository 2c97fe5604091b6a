// The sandbox's live data: one part per collection, grouped by domain, all drawn from one seeded Prng. Tests
// reach it as `sandbox.store` to ask "what should this return".

import { CallCenterInquiryStore } from './inquiries/callCenterInquiryStore';
import { ProductInquiryStore } from './inquiries/productInquiryStore';
import { ProductStore } from './products/productStore';
import { Prng } from './prng';
import { DataContext } from './seeding';

/** The seed and how many items each part generates. A new part adds its size here. */
export interface DataSizes {
	/** Deterministic data: same seed → same data. */
	seed: number;
	productInquiries: number;
	callCenterInquiries: number;
	products: number;
}

export const DEFAULT_SIZES: DataSizes = { seed: 1, productInquiries: 120, callCenterInquiries: 60, products: 40 };

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
	private readonly context: DataContext;

	constructor(vendorId: string, clock: () => number, sizes: Partial<DataSizes> = {}) {
		this.vendorId = vendorId;
		this.context = new DataContext(vendorId, clock);
		this.products = new ProductStore(this.context);
		this.productInquiries = new ProductInquiryStore(this.context, this.products);
		this.callCenterInquiries = new CallCenterInquiryStore(this.context);
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
	}

	counts(): { productInquiries: number; callCenterInquiries: number; products: number; productHistories: number } {
		return {
			productInquiries: this.productInquiries.all.length,
			callCenterInquiries: this.callCenterInquiries.all.length,
			products: this.products.all.length,
			productHistories: this.products.historyCount(),
		};
	}
}
