// Live products (all vendors) with their time-frame and history queries, and products added by tests or
// control calls.

import { SandboxApiError, TIME_FRAME_RANGE_MESSAGE } from '../errors';
import { checkCount, type DataContext } from '../seeding';
import { parseKoreaDateTime } from '../time';
import type { CatalogItem, Product, ProductHistoryEntry } from './model';
import { buildProduct, generateCatalog, generateProducts, newProductIds } from './productGeneration';

export const MAX_TIME_FRAME_MS = 10 * 60 * 1000;

export interface AddProductsInput {
	count?: number;
	/** `yyyy-MM-ddTHH:mm:ss` Korea time; default now. */
	createdAt?: string;
	longHistory?: boolean;
	vendorId?: string;
}

/** The time-frame readings (README.md, "Readings"): is exactly 10:00 accepted, is createdAtTo in the frame. */
export interface TimeFrameReadings {
	timeFrameExactTenMinutes: 'accepted' | 'rejected';
	timeFrameCreatedAtTo: 'inclusive' | 'exclusive';
}

const DEFAULT_TIME_FRAME_READINGS: TimeFrameReadings = { timeFrameExactTenMinutes: 'accepted', timeFrameCreatedAtTo: 'inclusive' };

/** Checks a time-frame query; returns its bounds, `toMs` included or not as the reading says. */
function parseTimeFrame(accountVendorId: string, requestedVendorId: string, createdAtFrom: string, createdAtTo: string, readings: TimeFrameReadings) {
	if (requestedVendorId !== accountVendorId) {
		throw new SandboxApiError(400, `Vendor [${accountVendorId}] cannot query a list of products by another vendor [${requestedVendorId}].`);
	}
	const fromMs = parseKoreaDateTime(createdAtFrom, 'T');
	if (fromMs === null) throw new SandboxApiError(400, `createdAtFrom [${createdAtFrom}] should be in the pattern yyyy-MM-ddTHH:mm:ss.`);
	const toMs = parseKoreaDateTime(createdAtTo, 'T');
	if (toMs === null) throw new SandboxApiError(400, `createdAtTo [${createdAtTo}] should be in the pattern yyyy-MM-ddTHH:mm:ss.`);
	if (toMs < fromMs) throw new SandboxApiError(400, 'createdAtTo must not be earlier than createdAtFrom.');
	const span = toMs - fromMs;
	if (span > MAX_TIME_FRAME_MS || (span === MAX_TIME_FRAME_MS && readings.timeFrameExactTenMinutes === 'rejected')) {
		throw new SandboxApiError(400, TIME_FRAME_RANGE_MESSAGE);
	}
	return { fromMs, toMs, includesTo: readings.timeFrameCreatedAtTo === 'inclusive' };
}

export class ProductStore {
	/** All vendors, oldest first (createdAt asc, sellerProductId asc). */
	all: Product[] = [];
	byId = new Map<number, Product>();
	/** Options that product inquiries refer to. */
	catalog: CatalogItem[] = [];
	private ids = newProductIds();

	constructor(private readonly context: DataContext) {}

	/** Regenerates the products and the catalog from the context's (fresh) Prng. */
	reseed(count: number, nowMs: number): void {
		const { prng, vendorId } = this.context;
		this.ids = newProductIds();
		this.all = generateProducts(prng, this.ids, vendorId, count, nowMs);
		this.byId = new Map(this.all.map((product) => [product.sellerProductId, product]));
		this.catalog = generateCatalog(prng, this.all, vendorId);
	}

	historyCount(): number {
		let count = 0;
		for (const product of this.all) count += product.histories.length;
		return count;
	}

	/** Products of `requestedVendorId` created from createdAtFrom to createdAtTo (Korea time; the end as `readings` say). */
	queryByTimeFrame(
		accountVendorId: string,
		requestedVendorId: string,
		createdAtFrom: string,
		createdAtTo: string,
		readings: TimeFrameReadings = DEFAULT_TIME_FRAME_READINGS,
	): Product[] {
		const { fromMs, toMs, includesTo } = parseTimeFrame(accountVendorId, requestedVendorId, createdAtFrom, createdAtTo, readings);
		// Sorted by createdAt and the range is at most 10 minutes: binary search, then a short walk.
		let low = 0;
		let high = this.all.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.all[mid].createdAtMs < fromMs) low = mid + 1;
			else high = mid;
		}
		const found: Product[] = [];
		for (let i = low; i < this.all.length && (includesTo ? this.all[i].createdAtMs <= toMs : this.all[i].createdAtMs < toMs); i++) {
			const product = this.all[i];
			if (product.vendorId === requestedVendorId) found.push(product);
		}
		return found;
	}

	/** A product's status history, newest first. */
	historiesFor(vendorId: string, sellerProductId: number): ProductHistoryEntry[] {
		const product = this.byId.get(sellerProductId);
		if (!product) throw new SandboxApiError(404, `Product not found: sellerProductId ${sellerProductId}`);
		if (product.vendorId !== vendorId) {
			throw new SandboxApiError(400, `Vendor [${vendorId}] cannot query the histories of seller product [${sellerProductId}] of another vendor.`);
		}
		return product.histories.slice().reverse();
	}

	add(input: AddProductsInput = {}): Product[] {
		const { prng, clock } = this.context;
		const count = checkCount(input.count);
		const createdAtMs = input.createdAt === undefined ? Math.floor(clock() / 1000) * 1000 : parseKoreaDateTime(input.createdAt, 'T');
		if (createdAtMs === null) throw new SandboxApiError(400, 'createdAt must be yyyy-MM-ddTHH:mm:ss (Korea time).');
		const created: Product[] = [];
		for (let i = 0; i < count; i++) {
			const product = buildProduct(prng, this.ids, input.vendorId ?? this.context.vendorId, createdAtMs, Math.max(createdAtMs, clock()), input.longHistory === true);
			let index = this.all.length;
			while (index > 0 && this.all[index - 1].createdAtMs > product.createdAtMs) index--;
			this.all.splice(index, 0, product);
			this.byId.set(product.sellerProductId, product);
			created.push(product);
		}
		return created;
	}
}
