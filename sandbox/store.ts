// Live sandbox data with the query helpers the HTTP handlers use, so tests can ask "what should this return".

import { buildCallCenterInquiry, generateCallCenterInquiries, newCallCenterIds } from './inquiries/callCenterGeneration';
import type {
	AnsweredType,
	CallCenterInquiry,
	CallCenterKind,
	CallCenterReply,
	PartnerCounselingStatus,
	ProductInquiry,
	ProductInquiryComment,
} from './inquiries/model';
import { buildProductInquiry, generateProductInquiries, newProductInquiryIds } from './inquiries/productInquiryGeneration';
import {
	INQUIRY_CLOSED_MESSAGE,
	INQUIRY_NOT_FOUND_MESSAGE,
	INVALID_VENDOR_MESSAGE,
	OTHER_VENDOR_INQUIRY_MESSAGE,
	PERIOD_MESSAGE,
	SandboxApiError,
	TIME_FRAME_RANGE_MESSAGE,
} from './errors';
import type { CatalogItem, Product } from './products/model';
import { buildProduct, generateCatalog, generateProducts, newProductIds } from './products/productGeneration';
import { Prng } from './prng';
import { checkCount } from './seeding';
import {
	DAY_MS,
	parseKoreaDate,
	parseKoreaDateTime,
} from './time';

export interface DataSizes {
	seed: number;
	productInquiries: number;
	callCenterInquiries: number;
	products: number;
}

export const DEFAULT_SIZES: DataSizes = { seed: 1, productInquiries: 120, callCenterInquiries: 60, products: 40 };

export const MAX_PERIOD_DAYS = 7;
export const MAX_TIME_FRAME_MS = 10 * 60 * 1000;

/** Inclusive instants [startMs, endMs] of a validated inquiry period. */
export interface InquiryPeriod {
	startMs: number;
	endMs: number;
}

export interface ProductInquiryQuery {
	answeredType: AnsweredType;
	inquiryStartAt?: string;
	inquiryEndAt?: string;
	vendorItemId?: number;
}

export interface CallCenterInquiryQuery {
	vendorId: string;
	partnerCounselingStatus: PartnerCounselingStatus;
	inquiryStartAt?: string;
	inquiryEndAt?: string;
	vendorItemId?: number;
	orderId?: number;
}

export interface AddProductInquiriesInput {
	count?: number;
	/** `yyyy-MM-dd HH:mm:ss` Korea time; default now. */
	inquiryAt?: string;
	vendorItemId?: number;
	content?: string;
	answered?: boolean;
}

export interface AddCallCenterInquiriesInput {
	count?: number;
	inquiryAt?: string;
	/** true: waiting for the seller's answer (default); false: never transferred, no reply yet. */
	transferred?: boolean;
	kind?: CallCenterKind;
	vendorItemId?: number;
	orderId?: number;
	content?: string;
	vendorId?: string;
}

export interface AddProductsInput {
	count?: number;
	/** `yyyy-MM-ddTHH:mm:ss` Korea time; default now. */
	createdAt?: string;
	longHistory?: boolean;
	vendorId?: string;
}

function compareNewestFirst(a: { atMs: number; id: number }, b: { atMs: number; id: number }): number {
	return b.atMs - a.atMs || b.id - a.id;
}

const productInquiryKey = (inquiry: ProductInquiry): { atMs: number; id: number } => ({ atMs: inquiry.inquiryAtMs, id: inquiry.inquiryId });
const callCenterKey = (inquiry: CallCenterInquiry): { atMs: number; id: number } => ({ atMs: inquiry.inquiryAtMs, id: inquiry.inquiryId });

/** Index of the first element (newest-first array) that is not newer than `atMs`. */
function firstAtOrBefore<T extends { inquiryAtMs: number }>(sorted: readonly T[], atMs: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (sorted[mid].inquiryAtMs > atMs) low = mid + 1;
		else high = mid;
	}
	return low;
}

function sliceByPeriod<T extends { inquiryAtMs: number }>(sorted: readonly T[], period: InquiryPeriod | undefined): readonly T[] {
	if (!period) return sorted;
	return sorted.slice(firstAtOrBefore(sorted, period.endMs), firstAtOrBefore(sorted, period.startMs - 1));
}

function insertNewestFirst<T>(sorted: T[], item: T, key: (value: T) => { atMs: number; id: number }): void {
	const itemKey = key(item);
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compareNewestFirst(key(sorted[mid]), itemKey) < 0) low = mid + 1;
		else high = mid;
	}
	sorted.splice(low, 0, item);
}

/**
 * Validates an inquiry period: both dates `yyyy-MM-dd` (real days), end not before start, end - start <= 7 days.
 * Returns undefined when neither is given. Both days are inclusive (whole Korea calendar days).
 */
export function parseInquiryPeriod(inquiryStartAt: string | undefined, inquiryEndAt: string | undefined): InquiryPeriod | undefined {
	if (inquiryStartAt === undefined && inquiryEndAt === undefined) return undefined;
	if (inquiryStartAt === undefined || inquiryEndAt === undefined) throw new SandboxApiError(400, PERIOD_MESSAGE);
	const start = parseKoreaDate(inquiryStartAt);
	const end = parseKoreaDate(inquiryEndAt);
	if (start === null || end === null || end < start || end - start > MAX_PERIOD_DAYS * DAY_MS) {
		throw new SandboxApiError(400, PERIOD_MESSAGE);
	}
	return { startMs: start, endMs: end + DAY_MS - 1 };
}

function requireText(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw new SandboxApiError(400, `${field} must not be empty.`);
	return value;
}

export class SandboxStore {
	readonly vendorId: string;
	private readonly clock: () => number;
	private prng: Prng = new Prng(1);
	private productIds = newProductIds();
	private productInquiryIds = newProductInquiryIds();
	private callCenterIds = newCallCenterIds();
	sizes: DataSizes = { ...DEFAULT_SIZES };
	/** Ours only, newest first (inquiryAt desc, inquiryId desc). */
	productInquiries: ProductInquiry[] = [];
	productInquiriesById = new Map<number, ProductInquiry>();
	/** Newest first, per option ID. */
	productInquiriesByVendorItem = new Map<number, ProductInquiry[]>();
	/** All vendors (a few belong to another vendor), newest first. */
	callCenterInquiries: CallCenterInquiry[] = [];
	callCenterInquiriesById = new Map<number, CallCenterInquiry>();
	/** All vendors, oldest first (createdAt asc, sellerProductId asc). */
	products: Product[] = [];
	productsById = new Map<number, Product>();
	/** Options that product inquiries refer to. */
	catalog: CatalogItem[] = [];

	constructor(vendorId: string, clock: () => number, sizes: Partial<DataSizes> = {}) {
		this.vendorId = vendorId;
		this.clock = clock;
		this.reseed(sizes);
	}

	now(): number {
		return this.clock();
	}

	/** Regenerates everything from the seed, with the data spread over the 30 days before the current clock. */
	reseed(sizes: Partial<DataSizes> = {}): void {
		const merged: DataSizes = { ...DEFAULT_SIZES, ...stripUndefined(sizes) };
		this.sizes = merged;
		const nowMs = Math.floor(this.clock() / 1000) * 1000;
		this.prng = new Prng(merged.seed);
		this.productIds = newProductIds();
		this.productInquiryIds = newProductInquiryIds();
		this.callCenterIds = newCallCenterIds();
		this.products = generateProducts(this.prng, this.productIds, this.vendorId, merged.products, nowMs);
		this.productsById = new Map(this.products.map((product) => [product.sellerProductId, product]));
		this.catalog = generateCatalog(this.prng, this.products, this.vendorId);
		const productInquiries = generateProductInquiries(this.prng, this.productInquiryIds, this.catalog, this.vendorId, merged.productInquiries, nowMs);
		productInquiries.reverse();
		this.productInquiries = productInquiries;
		this.productInquiriesById = new Map(productInquiries.map((inquiry) => [inquiry.inquiryId, inquiry]));
		this.productInquiriesByVendorItem = new Map();
		for (const inquiry of productInquiries) {
			const list = this.productInquiriesByVendorItem.get(inquiry.vendorItemId);
			if (list) list.push(inquiry);
			else this.productInquiriesByVendorItem.set(inquiry.vendorItemId, [inquiry]);
		}
		const callCenter = generateCallCenterInquiries(this.prng, this.callCenterIds, this.vendorId, merged.callCenterInquiries, nowMs);
		callCenter.reverse();
		this.callCenterInquiries = callCenter;
		this.callCenterInquiriesById = new Map(callCenter.map((inquiry) => [inquiry.inquiryId, inquiry]));
	}

	counts(): { productInquiries: number; callCenterInquiries: number; products: number; productHistories: number } {
		let productHistories = 0;
		for (const product of this.products) productHistories += product.histories.length;
		return {
			productInquiries: this.productInquiries.length,
			callCenterInquiries: this.callCenterInquiries.length,
			products: this.products.length,
			productHistories,
		};
	}

	// ---- queries ---------------------------------------------------------------------------------------------

	/** All product inquiries a list query matches, in response order (rules a/b/c of Coupang's doc). */
	queryProductInquiries(query: ProductInquiryQuery): ProductInquiry[] {
		const period = parseInquiryPeriod(query.inquiryStartAt, query.inquiryEndAt);
		if (!period && query.vendorItemId === undefined) throw new SandboxApiError(400, PERIOD_MESSAGE);
		const source = query.vendorItemId === undefined ? this.productInquiries : (this.productInquiriesByVendorItem.get(query.vendorItemId) ?? []);
		const inPeriod = sliceByPeriod(source, period);
		switch (query.answeredType) {
			case 'ALL':
				return inPeriod.slice();
			case 'ANSWERED':
				return inPeriod.filter((inquiry) => inquiry.comments.length > 0);
			case 'NOANSWER':
				return inPeriod.filter((inquiry) => inquiry.comments.length === 0);
		}
	}

	/** All call-center inquiries of `vendorId` a list query matches, newest first. */
	queryCallCenterInquiries(query: CallCenterInquiryQuery): CallCenterInquiry[] {
		const period = parseInquiryPeriod(query.inquiryStartAt, query.inquiryEndAt);
		if (!period && query.vendorItemId === undefined) throw new SandboxApiError(400, PERIOD_MESSAGE);
		return sliceByPeriod(this.callCenterInquiries, period).filter(
			(inquiry) =>
				inquiry.vendorId === query.vendorId &&
				(query.vendorItemId === undefined || inquiry.vendorItemId === query.vendorItemId) &&
				(query.orderId === undefined || inquiry.orderId === query.orderId) &&
				matchesCounselingStatus(inquiry, query.partnerCounselingStatus),
		);
	}

	/** The v5 lookup: 404 for unknown ids and for another vendor's inquiry. */
	getCallCenterInquiryFor(vendorId: string, inquiryId: number): CallCenterInquiry {
		const inquiry = this.callCenterInquiriesById.get(inquiryId);
		if (!inquiry) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
		if (inquiry.vendorId !== vendorId) throw new SandboxApiError(404, OTHER_VENDOR_INQUIRY_MESSAGE);
		return inquiry;
	}

	/** Products of `requestedVendorId` created in [createdAtFrom, createdAtTo] (both inclusive, Korea time). */
	queryProductsByTimeFrame(accountVendorId: string, requestedVendorId: string, createdAtFrom: string, createdAtTo: string): Product[] {
		if (requestedVendorId !== accountVendorId) {
			throw new SandboxApiError(400, `Vendor [${accountVendorId}] cannot query a list of products by another vendor [${requestedVendorId}].`);
		}
		const fromMs = parseKoreaDateTime(createdAtFrom, 'T');
		if (fromMs === null) throw new SandboxApiError(400, `createdAtFrom [${createdAtFrom}] should be in the pattern yyyy-MM-ddTHH:mm:ss.`);
		const toMs = parseKoreaDateTime(createdAtTo, 'T');
		if (toMs === null) throw new SandboxApiError(400, `createdAtTo [${createdAtTo}] should be in the pattern yyyy-MM-ddTHH:mm:ss.`);
		if (toMs < fromMs) throw new SandboxApiError(400, 'createdAtTo must not be earlier than createdAtFrom.');
		if (toMs - fromMs > MAX_TIME_FRAME_MS) throw new SandboxApiError(400, TIME_FRAME_RANGE_MESSAGE);
		// Products are sorted by createdAt; the range is at most 10 minutes, so binary search then a short walk.
		let low = 0;
		let high = this.products.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.products[mid].createdAtMs < fromMs) low = mid + 1;
			else high = mid;
		}
		const found: Product[] = [];
		for (let i = low; i < this.products.length && this.products[i].createdAtMs <= toMs; i++) {
			const product = this.products[i];
			if (product.vendorId === requestedVendorId) found.push(product);
		}
		return found;
	}

	/** A product's status history, newest first. */
	productHistoriesFor(vendorId: string, sellerProductId: number): Product['histories'] {
		const product = this.productsById.get(sellerProductId);
		if (!product) throw new SandboxApiError(404, `Product not found: sellerProductId ${sellerProductId}`);
		if (product.vendorId !== vendorId) {
			throw new SandboxApiError(400, `Vendor [${vendorId}] cannot query the histories of seller product [${sellerProductId}] of another vendor.`);
		}
		return product.histories.slice().reverse();
	}

	// ---- seller writes ---------------------------------------------------------------------------------------

	replyToProductInquiry(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): ProductInquiryComment {
		if (body.vendorId !== accountVendorId) throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
		const content = requireText(body.content, 'content');
		const replyBy = requireText(body.replyBy, 'replyBy');
		const inquiry = this.productInquiriesById.get(inquiryId);
		if (!inquiry || inquiry.vendorId !== accountVendorId) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
		if (inquiry.comments.length > 0) throw new SandboxApiError(400, `Inquiry ${inquiryId} has already been answered.`);
		const comment: ProductInquiryComment = {
			inquiryCommentId: this.productInquiryIds.inquiryComment.next(this.prng),
			inquiryId,
			content,
			inquiryCommentAtMs: Math.max(inquiry.inquiryAtMs, Math.floor(this.clock() / 1000) * 1000),
			replyBy,
		};
		inquiry.comments.push(comment);
		return comment;
	}

	replyToCallCenterInquiry(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): CallCenterReply {
		if (body.vendorId !== accountVendorId) throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
		if (body.inquiryId !== undefined && String(body.inquiryId) !== String(inquiryId)) {
			throw new SandboxApiError(400, `inquiryId in the body (${String(body.inquiryId)}) does not match the path (${inquiryId}).`);
		}
		const content = requireText(body.content, 'content');
		const replyBy = requireText(body.replyBy, 'replyBy');
		const parentAnswerId = Number(body.parentAnswerId);
		if (body.parentAnswerId === undefined || body.parentAnswerId === null || body.parentAnswerId === '' || !Number.isSafeInteger(parentAnswerId)) {
			throw new SandboxApiError(400, 'parentAnswerId is required.');
		}
		const inquiry = this.getCallCenterInquiryFor(accountVendorId, inquiryId);
		const pending = inquiry.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
		if (!pending) throw new SandboxApiError(400, `Inquiry ${inquiryId} is not waiting for an answer from the seller.`);
		if (pending.answerId !== parentAnswerId) {
			throw new SandboxApiError(400, `parentAnswerId ${parentAnswerId} is not the transferred answer awaiting a reply (${pending.answerId}).`);
		}
		const replyAtMs = Math.max(pending.replyAtMs, this.clock());
		const reply: CallCenterReply = {
			answerId: this.callCenterIds.answer.next(this.prng),
			parentAnswerId,
			partnerTransferStatus: null,
			partnerTransferCompleteReason: 'NONE',
			answerType: 'vendor',
			needAnswer: false,
			receptionistName: replyBy,
			receptionist: replyBy,
			replyAtMs,
			content,
		};
		pending.partnerTransferStatus = 'answered';
		pending.needAnswer = false;
		inquiry.replies.push(reply);
		inquiry.csPartnerCounselingStatus = 'answered';
		inquiry.answeredAtMs = replyAtMs;
		return reply;
	}

	/** Seller confirms a transferred inquiry: it completes; any other state answers "This inquiry has closed. -522". */
	confirmCallCenterInquiry(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): CallCenterInquiry {
		requireText(body.confirmBy, 'confirmBy');
		const inquiry = this.getCallCenterInquiryFor(accountVendorId, inquiryId);
		const transfer = inquiry.replies.find(
			(reply) => reply.answerType === 'csAgent' && (reply.partnerTransferStatus === 'requestAnswer' || reply.partnerTransferStatus === 'answered'),
		);
		if (!transfer || inquiry.inquiryStatus === 'complete' || transfer.partnerTransferCompleteReason !== 'NONE') {
			throw new SandboxApiError(400, INQUIRY_CLOSED_MESSAGE);
		}
		transfer.partnerTransferStatus = 'answered';
		transfer.partnerTransferCompleteReason = 'DISPUTE_PROCESS_COMPLETE';
		transfer.needAnswer = false;
		inquiry.inquiryStatus = 'complete';
		inquiry.csPartnerCounselingStatus = 'answered';
		if (inquiry.answeredAtMs === null) inquiry.answeredAtMs = this.clock();
		return inquiry;
	}

	// ---- sandbox control: add data ---------------------------------------------------------------------------

	addProductInquiries(input: AddProductInquiriesInput = {}): ProductInquiry[] {
		const count = checkCount(input.count);
		const inquiryAtMs = input.inquiryAt === undefined ? Math.floor(this.clock() / 1000) * 1000 : parseKoreaDateTime(input.inquiryAt, ' ');
		if (inquiryAtMs === null) throw new SandboxApiError(400, 'inquiryAt must be yyyy-MM-dd HH:mm:ss (Korea time).');
		let item = this.catalog[0];
		if (input.vendorItemId !== undefined) {
			const known = this.catalog.find((candidate) => candidate.vendorItemId === input.vendorItemId);
			item = known ?? { ...this.catalog[0], vendorItemId: Number(input.vendorItemId) };
		}
		const created: ProductInquiry[] = [];
		for (let i = 0; i < count; i++) {
			const inquiry = buildProductInquiry(
				this.prng,
				this.productInquiryIds,
				this.vendorId,
				{ inquiryAtMs, item: input.vendorItemId === undefined ? this.prng.pick(this.catalog) : item, content: input.content, answered: input.answered === true },
				Math.max(inquiryAtMs, this.clock()),
			);
			insertNewestFirst(this.productInquiries, inquiry, productInquiryKey);
			this.productInquiriesById.set(inquiry.inquiryId, inquiry);
			const byItem = this.productInquiriesByVendorItem.get(inquiry.vendorItemId);
			if (byItem) insertNewestFirst(byItem, inquiry, productInquiryKey);
			else this.productInquiriesByVendorItem.set(inquiry.vendorItemId, [inquiry]);
			created.push(inquiry);
		}
		return created;
	}

	addCallCenterInquiries(input: AddCallCenterInquiriesInput = {}): CallCenterInquiry[] {
		const count = checkCount(input.count);
		const inquiryAtMs = input.inquiryAt === undefined ? this.clock() : parseKoreaDateTime(input.inquiryAt, ' ');
		if (inquiryAtMs === null) throw new SandboxApiError(400, 'inquiryAt must be yyyy-MM-dd HH:mm:ss (Korea time).');
		const kind: CallCenterKind = input.kind ?? (input.transferred === false ? 'fresh' : 'waiting');
		const created: CallCenterInquiry[] = [];
		for (let i = 0; i < count; i++) {
			const inquiry = buildCallCenterInquiry(
				this.prng,
				this.callCenterIds,
				{
					inquiryAtMs,
					vendorId: input.vendorId ?? this.vendorId,
					kind,
					vendorItemId: input.vendorItemId,
					orderId: input.orderId,
					content: input.content,
				},
				Math.max(inquiryAtMs, this.clock()),
			);
			insertNewestFirst(this.callCenterInquiries, inquiry, callCenterKey);
			this.callCenterInquiriesById.set(inquiry.inquiryId, inquiry);
			created.push(inquiry);
		}
		return created;
	}

	addProducts(input: AddProductsInput = {}): Product[] {
		const count = checkCount(input.count);
		const createdAtMs = input.createdAt === undefined ? Math.floor(this.clock() / 1000) * 1000 : parseKoreaDateTime(input.createdAt, 'T');
		if (createdAtMs === null) throw new SandboxApiError(400, 'createdAt must be yyyy-MM-ddTHH:mm:ss (Korea time).');
		const created: Product[] = [];
		for (let i = 0; i < count; i++) {
			const product = buildProduct(this.prng, this.productIds, input.vendorId ?? this.vendorId, createdAtMs, Math.max(createdAtMs, this.clock()), input.longHistory === true);
			let index = this.products.length;
			while (index > 0 && this.products[index - 1].createdAtMs > product.createdAtMs) index--;
			this.products.splice(index, 0, product);
			this.productsById.set(product.sellerProductId, product);
			created.push(product);
		}
		return created;
	}
}

function matchesCounselingStatus(inquiry: CallCenterInquiry, status: PartnerCounselingStatus): boolean {
	switch (status) {
		case 'NONE':
			return true;
		case 'ANSWER':
			return inquiry.csPartnerCounselingStatus === 'answered';
		case 'NO_ANSWER':
			return inquiry.csPartnerCounselingStatus === 'requestAnswer';
		case 'TRANSFER':
			return inquiry.replies.some((reply) => reply.partnerTransferStatus === 'requestAnswer');
	}
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	const result: Partial<T> = {};
	for (const [key, entry] of Object.entries(value) as Array<[keyof T, T[keyof T]]>) {
		if (entry !== undefined) result[key] = entry;
	}
	return result;
}
