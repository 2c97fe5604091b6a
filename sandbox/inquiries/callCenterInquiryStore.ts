// Live call-center inquiries (all vendors) with the list query, the v5 lookup, the seller's reply and confirm,
// and inquiries added by tests or control calls. Every read and write first applies the 24-hour rule.

import {
	CANNOT_ANSWER_MESSAGE,
	INQUIRY_CLOSED_MESSAGE,
	INQUIRY_NOT_FOUND_MESSAGE,
	OTHER_VENDOR_INQUIRY_MESSAGE,
	replyText,
	requireText,
	SandboxApiError,
} from '../errors';
import { checkCount, type DataContext } from '../seeding';
import { parseKoreaDateTime } from '../time';
import { buildCallCenterInquiry, generateCallCenterInquiries, newCallCenterIds } from './callCenterGeneration';
import { applyTransferDeadline, awaitingConfirm, awaitingReply, hasTransfer, matchesCounselingStatus } from './callCenterRules';
import type { CallCenterInquiry, CallCenterKind, CallCenterReply, PartnerCounselingStatus } from './model';
import { insertNewestFirst, periodOrVendorItem, sliceByPeriod } from './period';

export interface CallCenterInquiryQuery {
	vendorId: string;
	partnerCounselingStatus: PartnerCounselingStatus;
	inquiryStartAt?: string;
	inquiryEndAt?: string;
	vendorItemId?: number;
	orderId?: number;
}

export interface AddCallCenterInquiriesInput {
	count?: number;
	inquiryAt?: string;
	/** true: awaiting the seller's reply (default, kind waiting); false: never transferred, no reply yet (fresh). */
	transferred?: boolean;
	kind?: CallCenterKind;
	vendorItemId?: number;
	orderId?: number;
	content?: string;
	vendorId?: string;
}

/** The reply body's parentAnswerId (undefined when absent or not a number), after the checks that need no inquiry. */
function checkReplyBody(accountVendorId: string, inquiryId: number, body: Record<string, unknown>, wingUserIds: readonly string[] | null) {
	if (body.inquiryId !== undefined && String(body.inquiryId) !== String(inquiryId)) {
		throw new SandboxApiError(400, `inquiryId in the body (${String(body.inquiryId)}) does not match the path (${inquiryId}).`);
	}
	const text = replyText(body, accountVendorId, wingUserIds);
	const parent = body.parentAnswerId === null || body.parentAnswerId === '' ? Number.NaN : Number(body.parentAnswerId);
	return { ...text, parentAnswerId: Number.isSafeInteger(parent) ? parent : undefined };
}

export class CallCenterInquiryStore {
	private items: CallCenterInquiry[] = [];
	private index = new Map<number, CallCenterInquiry>();
	/** Inquiries awaiting the seller (a reply or a confirm): the only ones the 24-hour rule can change. */
	private awaiting = new Set<CallCenterInquiry>();
	private ids = newCallCenterIds();

	constructor(private readonly context: DataContext) {}

	/** All vendors (a few belong to another vendor), newest first; read at the sandbox clock's now. */
	get all(): CallCenterInquiry[] {
		this.settle();
		return this.items;
	}

	get byId(): ReadonlyMap<number, CallCenterInquiry> {
		this.settle();
		return this.index;
	}

	reseed(count: number, nowMs: number): void {
		this.ids = newCallCenterIds();
		const inquiries = generateCallCenterInquiries(this.context.prng, this.ids, this.context.vendorId, count, nowMs);
		inquiries.reverse();
		this.items = inquiries;
		this.index = new Map(inquiries.map((inquiry) => [inquiry.inquiryId, inquiry]));
		this.awaiting = new Set(inquiries);
	}

	/** Applies Coupang's 24-hour rule at the sandbox clock's now (lazily: on every read and write). */
	settle(): void {
		const nowMs = this.context.clock();
		for (const inquiry of this.awaiting) if (!applyTransferDeadline(inquiry, nowMs)) this.awaiting.delete(inquiry);
	}

	/** All call-center inquiries of `vendorId` a list query matches, newest first. */
	query(query: CallCenterInquiryQuery): CallCenterInquiry[] {
		const period = periodOrVendorItem(query);
		return sliceByPeriod(this.all, period).filter(
			(inquiry) =>
				inquiry.vendorId === query.vendorId &&
				(query.vendorItemId === undefined || inquiry.vendorItemId === query.vendorItemId) &&
				(query.orderId === undefined || inquiry.orderId === query.orderId) &&
				matchesCounselingStatus(inquiry, query.partnerCounselingStatus),
		);
	}

	/** The v5 lookup: 404 for unknown ids and for another vendor's inquiry. */
	getFor(vendorId: string, inquiryId: number): CallCenterInquiry {
		const inquiry = this.byId.get(inquiryId);
		if (!inquiry) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
		if (inquiry.vendorId !== vendorId) throw new SandboxApiError(404, OTHER_VENDOR_INQUIRY_MESSAGE);
		return inquiry;
	}

	/** The seller answers the transfer `parentAnswerId` names; only while it awaits a reply (NO_ANSWER). */
	reply(accountVendorId: string, inquiryId: number, body: Record<string, unknown>, wingUserIds: readonly string[] | null = null): CallCenterReply {
		const { content, replyBy, parentAnswerId } = checkReplyBody(accountVendorId, inquiryId, body, wingUserIds);
		const inquiry = this.getFor(accountVendorId, inquiryId);
		const pending = awaitingReply(inquiry);
		if (!pending || pending.answerId !== parentAnswerId) throw new SandboxApiError(400, CANNOT_ANSWER_MESSAGE);
		const replyAtMs = Math.max(pending.replyAtMs, this.context.clock());
		const reply: CallCenterReply = {
			answerId: this.ids.answer.next(this.context.prng),
			parentAnswerId: pending.answerId,
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
		this.awaiting.delete(inquiry);
		return reply;
	}

	/**
	 * The seller confirms a transfer awaiting confirmation (TRANSFER): it completes. A closed transfer (confirmed,
	 * closed by the agent, answered, past 24 hours) answers -522; no transfer, or one awaiting a reply, "can't be answer".
	 */
	confirm(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): CallCenterInquiry {
		requireText(body.confirmBy, 'confirmBy');
		const inquiry = this.getFor(accountVendorId, inquiryId);
		const transfer = awaitingConfirm(inquiry);
		if (!transfer) {
			const closed = hasTransfer(inquiry) && awaitingReply(inquiry) === undefined;
			throw new SandboxApiError(400, closed ? INQUIRY_CLOSED_MESSAGE : CANNOT_ANSWER_MESSAGE);
		}
		transfer.partnerTransferCompleteReason = 'DISPUTE_PROCESS_COMPLETE';
		inquiry.inquiryStatus = 'complete';
		this.awaiting.delete(inquiry);
		return inquiry;
	}

	add(input: AddCallCenterInquiriesInput = {}): CallCenterInquiry[] {
		const { prng, clock } = this.context;
		const count = checkCount(input.count);
		const inquiryAtMs = input.inquiryAt === undefined ? clock() : parseKoreaDateTime(input.inquiryAt, ' ');
		if (inquiryAtMs === null) throw new SandboxApiError(400, 'inquiryAt must be yyyy-MM-dd HH:mm:ss (Korea time).');
		const kind: CallCenterKind = input.kind ?? (input.transferred === false ? 'fresh' : 'waiting');
		const draft = { inquiryAtMs, vendorId: input.vendorId ?? this.context.vendorId, kind, vendorItemId: input.vendorItemId, orderId: input.orderId, content: input.content };
		const created: CallCenterInquiry[] = [];
		for (let i = 0; i < count; i++) {
			const inquiry = buildCallCenterInquiry(prng, this.ids, draft, Math.max(inquiryAtMs, clock()));
			insertNewestFirst(this.items, inquiry);
			this.index.set(inquiry.inquiryId, inquiry);
			this.awaiting.add(inquiry);
			created.push(inquiry);
		}
		this.settle();
		return created;
	}
}
