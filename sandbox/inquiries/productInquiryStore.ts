// Live product inquiries (ours only) with the list query, the seller's reply, and inquiries added by tests or
// control calls.

import { INQUIRY_NOT_FOUND_MESSAGE, replyText, SandboxApiError } from '../errors';
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
	/** The productInquiryDocRevision reading: 'newer' requires the period and ignores vendorItemId (default 'older'). */
	docRevision?: 'older' | 'newer';
	/** Whose inquiries (default: the sandbox's seller; another vendor has none). */
	vendorId?: string;
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

	/** All product inquiries a list query matches, in response order (rules a/b/c of the older doc, or the newer doc). */
	query(query: ProductInquiryQuery): ProductInquiry[] {
		if ((query.vendorId ?? this.context.vendorId) !== this.context.vendorId) return [];
		// The newer doc ignores vendorItemId, so the period is required (periodOrVendorItem refuses without one).
		const vendorItemId = query.docRevision === 'newer' ? undefined : query.vendorItemId;
		const period = periodOrVendorItem({ ...query, vendorItemId });
		const source = vendorItemId === undefined ? this.all : (this.byVendorItem.get(vendorItemId) ?? []);
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

	/** The seller's answer, added to commentDtoList: a second answer is a second comment (nothing documents a refusal). */
	reply(accountVendorId: string, inquiryId: number, body: Record<string, unknown>, wingUserIds: readonly string[] | null = null): ProductInquiryComment {
		const { content, replyBy } = replyText(body, accountVendorId, wingUserIds);
		const inquiry = this.byId.get(inquiryId);
		if (!inquiry || inquiry.vendorId !== accountVendorId) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
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
