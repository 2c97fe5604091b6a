// Product inquiries and call-center inquiries as the sandbox holds them. Instants are epoch milliseconds; the
// wire formats format them as Coupang does.

export type AnsweredType = 'ALL' | 'ANSWERED' | 'NOANSWER';
export type PartnerCounselingStatus = 'NONE' | 'ANSWER' | 'NO_ANSWER' | 'TRANSFER';
export type PartnerTransferStatus = 'none' | 'requestAnswer' | 'answered';
export type PartnerTransferCompleteReason = 'NONE' | 'DISPUTE_PROCESS' | 'DISPUTE_PROCESS_COMPLETE' | 'CANCEL';

export interface ProductInquiryComment {
	inquiryCommentId: number;
	inquiryId: number;
	content: string;
	inquiryCommentAtMs: number;
	replyBy: string;
}

export interface ProductInquiry {
	inquiryId: number;
	vendorId: string;
	productId: number;
	sellerProductId: number;
	sellerItemId: number;
	vendorItemId: number;
	content: string;
	inquiryAtMs: number;
	orderIds: number[];
	buyerEmail: string;
	comments: ProductInquiryComment[];
}

export interface CallCenterReply {
	answerId: number;
	parentAnswerId: number | null;
	/** null on vendor replies, as Coupang's example shows. */
	partnerTransferStatus: PartnerTransferStatus | null;
	partnerTransferCompleteReason: PartnerTransferCompleteReason;
	answerType: 'csAgent' | 'vendor';
	needAnswer: boolean;
	receptionistName: string;
	receptionist: string;
	replyAtMs: number;
	content: string;
}

export interface CallCenterInquiry {
	inquiryId: number;
	vendorId: string;
	inquiryStatus: 'progress' | 'complete';
	csPartnerCounselingStatus: 'requestAnswer' | 'answered';
	vendorItemId: number;
	itemName: string;
	content: string;
	answeredAtMs: number | null;
	replies: CallCenterReply[];
	inquiryAtMs: number;
	buyerPhone: string;
	orderId: number;
	orderDateMs: number;
	receiptCategory: string;
	saleStartedAt: string;
	saleEndedAt: string;
	/** Deterministic sub-millisecond digits for the ISO-8601 (microsecond) form. */
	micros: number;
}

/**
 * Call-center inquiry kinds (README.md, "Call-center model"):
 * - waiting: transferred, awaiting the seller's reply (agent's reply requestAnswer, needAnswer true) → NO_ANSWER
 * - unconfirmed: transferred for information, Coupang answered it, awaiting the seller's confirm → TRANSFER
 * - vendorAnswered: transferred and answered by the seller
 * - agentClosed: transferred, then closed by the agent (transfer cancelled) before the seller acted
 * - csOnly: handled by Coupang's agent, never transferred
 * - fresh: no reply yet, not transferred
 */
export type CallCenterKind = 'waiting' | 'unconfirmed' | 'vendorAnswered' | 'agentClosed' | 'csOnly' | 'fresh';

export const CALL_CENTER_KINDS: readonly CallCenterKind[] = ['waiting', 'unconfirmed', 'vendorAnswered', 'agentClosed', 'csOnly', 'fresh'];
