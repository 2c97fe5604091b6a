// Live call-center inquiries (all vendors) with the list query, the v5 lookup, the seller's reply and confirm,
// and inquiries added by tests or control calls.

import {
	INQUIRY_CLOSED_MESSAGE,
	INQUIRY_NOT_FOUND_MESSAGE,
	INVALID_VENDOR_MESSAGE,
	OTHER_VENDOR_INQUIRY_MESSAGE,
	requireText,
	SandboxApiError,
} from '../errors';
import { checkCount, type DataContext } from '../seeding';
import { parseKoreaDateTime } from '../time';
import { buildCallCenterInquiry, generateCallCenterInquiries, newCallCenterIds } from './callCenterGeneration';
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
	/** true: waiting for the seller's answer (default); false: never transferred, no reply yet. */
	transferred?: boolean;
	kind?: CallCenterKind;
	vendorItemId?: number;
	orderId?: number;
	content?: string;
	vendorId?: string;
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

/** The reply body's parentAnswerId, after the checks that need no inquiry. */
function checkReplyBody(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): { content: string; replyBy: string; parentAnswerId: number } {
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
	return { content, replyBy, parentAnswerId };
}

export class CallCenterInquiryStore {
	/** All vendors (a few belong to another vendor), newest first. */
	all: CallCenterInquiry[] = [];
	byId = new Map<number, CallCenterInquiry>();
	private ids = newCallCenterIds();

	constructor(private readonly context: DataContext) {}

	reseed(count: number, nowMs: number): void {
		this.ids = newCallCenterIds();
		const inquiries = generateCallCenterInquiries(this.context.prng, this.ids, this.context.vendorId, count, nowMs);
		inquiries.reverse();
		this.all = inquiries;
		this.byId = new Map(inquiries.map((inquiry) => [inquiry.inquiryId, inquiry]));
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

	/** The seller answers the transferred question; `parentAnswerId` must name it. */
	reply(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): CallCenterReply {
		const { content, replyBy, parentAnswerId } = checkReplyBody(accountVendorId, inquiryId, body);
		const inquiry = this.getFor(accountVendorId, inquiryId);
		const pending = inquiry.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
		if (!pending) throw new SandboxApiError(400, `Inquiry ${inquiryId} is not waiting for an answer from the seller.`);
		if (pending.answerId !== parentAnswerId) {
			throw new SandboxApiError(400, `parentAnswerId ${parentAnswerId} is not the transferred answer awaiting a reply (${pending.answerId}).`);
		}
		const replyAtMs = Math.max(pending.replyAtMs, this.context.clock());
		const reply: CallCenterReply = {
			answerId: this.ids.answer.next(this.context.prng),
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
	confirm(accountVendorId: string, inquiryId: number, body: Record<string, unknown>): CallCenterInquiry {
		requireText(body.confirmBy, 'confirmBy');
		const inquiry = this.getFor(accountVendorId, inquiryId);
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
		if (inquiry.answeredAtMs === null) inquiry.answeredAtMs = this.context.clock();
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
			insertNewestFirst(this.all, inquiry);
			this.byId.set(inquiry.inquiryId, inquiry);
			created.push(inquiry);
		}
		return created;
	}
}
