// What a call-center inquiry asks of the seller, read from its replies (README.md, "Call-center model"):
// a transfer awaiting the seller's reply (NO_ANSWER), a transfer to confirm (TRANSFER), or nothing; and
// Coupang's 24-hour rule, which closes a transfer nobody answered or confirmed.

import { DAY_MS } from '../time';
import type { CallCenterInquiry, CallCenterReply, PartnerCounselingStatus } from './model';

/** The automatic notice as the reply doc quotes it (its "24 years" read as 24 hours; article 360034156233). */
export const UNANSWERED_NOTICE =
	"[Coupang System] The CS inquiry has not been answered within 24 hours. Please note that the inquiry will be handled by our agent pursuant to Coupang's T&C and policy.";

/** Notice replies get this base plus the inquiry ID as answerId: unique, and no draw from the seeded Prng. */
const NOTICE_ANSWER_ID_BASE = 90_000_000_000_000;

export const TRANSFER_DEADLINE_MS = DAY_MS;

/** The transfer awaiting the seller's reply: inquiry in progress, a reply with partnerTransferStatus requestAnswer. */
export function awaitingReply(inquiry: CallCenterInquiry): CallCenterReply | undefined {
	if (inquiry.inquiryStatus !== 'progress') return undefined;
	return inquiry.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
}

function answeredByVendor(inquiry: CallCenterInquiry, transfer: CallCenterReply): boolean {
	return inquiry.replies.some((reply) => reply.answerType === 'vendor' && reply.parentAnswerId === transfer.answerId);
}

/**
 * The transfer to confirm: inquiry in progress, an agent's transfer Coupang already answered (partnerTransferStatus
 * answered, needAnswer false) that is not completed (reason NONE) and that the seller did not answer.
 */
export function awaitingConfirm(inquiry: CallCenterInquiry): CallCenterReply | undefined {
	if (inquiry.inquiryStatus !== 'progress') return undefined;
	return inquiry.replies.find(
		(reply) =>
			reply.answerType === 'csAgent' &&
			reply.partnerTransferStatus === 'answered' &&
			!reply.needAnswer &&
			reply.partnerTransferCompleteReason === 'NONE' &&
			!answeredByVendor(inquiry, reply),
	);
}

/** An agent's reply that transferred the inquiry to the seller (open or not). */
export function hasTransfer(inquiry: CallCenterInquiry): boolean {
	return inquiry.replies.some((reply) => reply.answerType === 'csAgent' && (reply.partnerTransferStatus === 'requestAnswer' || reply.partnerTransferStatus === 'answered'));
}

/** NONE = all, ANSWER = answered, NO_ANSWER = a reply is awaited, TRANSFER = a confirm is awaited. */
export function matchesCounselingStatus(inquiry: CallCenterInquiry, status: PartnerCounselingStatus): boolean {
	switch (status) {
		case 'NONE':
			return true;
		case 'ANSWER':
			return inquiry.csPartnerCounselingStatus === 'answered';
		case 'NO_ANSWER':
			return awaitingReply(inquiry) !== undefined;
		case 'TRANSFER':
			return awaitingConfirm(inquiry) !== undefined;
	}
}

function postNotice(inquiry: CallCenterInquiry, transfer: CallCenterReply, atMs: number): void {
	transfer.partnerTransferStatus = 'answered';
	transfer.needAnswer = false;
	transfer.partnerTransferCompleteReason = 'DISPUTE_PROCESS';
	inquiry.replies.push({
		answerId: NOTICE_ANSWER_ID_BASE + inquiry.inquiryId,
		parentAnswerId: transfer.answerId,
		partnerTransferStatus: 'none',
		partnerTransferCompleteReason: 'NONE',
		answerType: 'csAgent',
		needAnswer: false,
		receptionistName: '쿠팡',
		receptionist: 'SYSTEM',
		replyAtMs: atMs,
		content: UNANSWERED_NOTICE,
	});
	inquiry.csPartnerCounselingStatus = 'answered';
	inquiry.answeredAtMs = atMs;
}

/**
 * Coupang's 24-hour rule at `nowMs`: a reply awaited 24 hours gets the notice (answered, the transfer handled by
 * Coupang); a confirm awaited 24 hours is closed. Returns whether the inquiry still awaits the seller.
 */
export function applyTransferDeadline(inquiry: CallCenterInquiry, nowMs: number): boolean {
	const toAnswer = awaitingReply(inquiry);
	const transfer = toAnswer ?? awaitingConfirm(inquiry);
	if (!transfer) return false;
	const deadline = transfer.replyAtMs + TRANSFER_DEADLINE_MS;
	if (nowMs < deadline) return true;
	if (toAnswer) {
		postNotice(inquiry, toAnswer, deadline);
	} else {
		transfer.partnerTransferCompleteReason = 'DISPUTE_PROCESS';
		inquiry.inquiryStatus = 'complete';
	}
	return false;
}
