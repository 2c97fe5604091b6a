// Live product inquiries (ours only) with the list query, the seller's reply, and inquiries added by tests or
// control calls.

import { INQUIRY_NOT_FOUND_MESSAGE, INVALID_VENDOR_MESSAGE, requireText, SandboxApiError } from '../errors';
import type { ProductStore } from '../products/productStore';
import { checkCount, type DataContext } from '../seeding';
import { parseKoreaDateTime } from '../time';
import type { AnsweredType, ProductInquiry, ProductInquiryComment } from './model';
import { insertNewestFirst, periodOrVendorItem, sliceByPeriod } from './period';
import { buildProductInquiry, generateProductInquiries, newProductInquiryIds } from './productInquiryGeneration';

export interface ProductInquiryQuery {
	answeredType: AnsweredType;
	inquiryStartAt?: string;
	inquiryEndAt?: string;
	vendorItemId?: number;
}

export interface AddProductInquiriesInput {
	count?: number;
	/** `yyyy-MM-dd HH:mm:ss` Korea time; default now. */
	inquiryAt?: string;
	vendorItemId?: number;
	content?: string;
	answered?: boolean;
}

export class ProductInquiryStore {
	/** Ours only, newest first (inquiryAt desc, inquiryId desc). */
	all: ProductInquiry[] = [];
	byId = new Map<number, ProductInquiry>();
	/** Newest first, per option ID. */
	byVendorItem = new Map<number, ProductInquiry[]>();
	private ids = newProductInquiryIds();

	/** `products` supplies the catalog of options the inquiries are about. */
	constructor(
		private readonly context: DataContext,
		private readonly products: ProductStore,
	) {}

	reseed(count: number, nowMs: number): void {
		const { prng, vendorId } = this.context;
		this.ids = newProductInquiryIds();
		const inquiries = generateProductInquiries(prng, this.ids, this.products.catalog, vendorId, count, nowMs);
		inquiries.reverse();
		this.all = inquiries;
		this.byId = new Map(inquiries.map((inquiry) => [inquiry.inquiryId, inquiry]));
		this.byVendorItem = new Map();
		for (const inquiry of inquiries) {
			const list = this.byVendorItem.get(inquiry.vendorItemId);
			if (list) list.push(inquiry);
			else this.byVendorItem.set(inquiry.vendorItemId, [inquiry]);
		}
	}

	/** All product inquiries a list query matches, in response order (rules a/b/c of Coupang's doc). */
	query(query: ProductInquiryQuery): ProductInquiry[] {
		const period = periodOrVendorItem(query);
		const source = query.vendorItemId === undefined ? this.all : (this.byVendorItem.get(query.vendorItemId) ?? []);
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

	/** The seller's answer; an inquiry takes one answer only. */
	reply(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): ProductInquiryComment {
		if (body.vendorId !== accountVendorId) throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
		const content = requireText(body.content, 'content');
		const replyBy = requireText(body.replyBy, 'replyBy');
		const inquiry = this.byId.get(inquiryId);
		if (!inquiry || inquiry.vendorId !== accountVendorId) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
		if (inquiry.comments.length > 0) throw new SandboxApiError(400, `Inquiry ${inquiryId} has already been answered.`);
		const comment: ProductInquiryComment = {
			inquiryCommentId: this.ids.inquiryComment.next(this.context.prng),
			inquiryId,
			content,
			inquiryCommentAtMs: Math.max(inquiry.inquiryAtMs, Math.floor(this.context.clock() / 1000) * 1000),
			replyBy,
		};
		inquiry.comments.push(comment);
		return comment;
	}

	add(input: AddProductInquiriesInput = {}): ProductInquiry[] {
		const { prng, clock, vendorId } = this.context;
		const catalog = this.products.catalog;
		const count = checkCount(input.count);
		const inquiryAtMs = input.inquiryAt === undefined ? Math.floor(clock() / 1000) * 1000 : parseKoreaDateTime(input.inquiryAt, ' ');
		if (inquiryAtMs === null) throw new SandboxApiError(400, 'inquiryAt must be yyyy-MM-dd HH:mm:ss (Korea time).');
		let item = catalog[0];
		if (input.vendorItemId !== undefined) {
			const known = catalog.find((candidate) => candidate.vendorItemId === input.vendorItemId);
			item = known ?? { ...catalog[0], vendorItemId: Number(input.vendorItemId) };
		}
		const created: ProductInquiry[] = [];
		for (let i = 0; i < count; i++) {
			const draft = { inquiryAtMs, item: input.vendorItemId === undefined ? prng.pick(catalog) : item, content: input.content, answered: input.answered === true };
			const inquiry = buildProductInquiry(prng, this.ids, vendorId, draft, Math.max(inquiryAtMs, clock()));
			this.insert(inquiry);
			created.push(inquiry);
		}
		return created;
	}

	private insert(inquiry: ProductInquiry): void {
		insertNewestFirst(this.all, inquiry);
		this.byId.set(inquiry.inquiryId, inquiry);
		const byItem = this.byVendorItem.get(inquiry.vendorItemId);
		if (byItem) insertNewestFirst(byItem, inquiry);
		else this.byVendorItem.set(inquiry.vendorItemId, [inquiry]);
	}
}
