// Coupang's JSON for product inquiries and call-center inquiries.

import { formatIsoWithOffset, formatKoreaDateTime } from '../time';
import type { CallCenterInquiry, CallCenterReply, ProductInquiry } from './model';

/** Product inquiry as Coupang's list returns it. */
export interface ProductInquiryJson {
	inquiryId: number;
	productId: number;
	sellerProductId: number;
	sellerItemId: number;
	vendorItemId: number;
	content: string;
	inquiryAt: string;
	orderIds: number[];
	buyerEmail: string;
	commentDtoList: Array<{ inquiryCommentId: number; inquiryId: number; content: string; inquiryCommentAt: string }>;
}

export interface CallCenterReplyJson {
	receptionistName: string;
	receptionist: string;
	replyAt: string;
	content: string;
	answerId: number;
	parentAnswerId: number | null;
	partnerTransferStatus: string | null;
	partnerTransferCompleteReason: string;
	answerType: string;
	needAnswer: boolean;
}

/** Call-center inquiry as the v4 list (`yyyy-MM-dd HH:mm:ss`) or v5 lookup (ISO-8601) returns it; vendorItemId an array in both, as both docs' examples show. */
export interface CallCenterInquiryJson {
	inquiryId: number;
	csPartnerCounselingStatus: string;
	inquiryStatus: string;
	vendorItemId: number[];
	itemName: string;
	content: string;
	answeredAt: string | null;
	replies: CallCenterReplyJson[];
	inquiryAt: string;
	buyerEmail: string;
	buyerPhone: string;
	orderId: number;
	orderDate: string;
	receiptCategory: string;
	saleStartedAt: string;
	saleEndedAt: string;
}

export function toProductInquiryJson(inquiry: ProductInquiry): ProductInquiryJson {
	return {
		inquiryId: inquiry.inquiryId,
		productId: inquiry.productId,
		sellerProductId: inquiry.sellerProductId,
		sellerItemId: inquiry.sellerItemId,
		vendorItemId: inquiry.vendorItemId,
		content: inquiry.content,
		inquiryAt: formatKoreaDateTime(inquiry.inquiryAtMs),
		orderIds: inquiry.orderIds.slice(),
		buyerEmail: inquiry.buyerEmail,
		commentDtoList: inquiry.comments.map((comment) => ({
			inquiryCommentId: comment.inquiryCommentId,
			inquiryId: comment.inquiryId,
			content: comment.content,
			inquiryCommentAt: formatKoreaDateTime(comment.inquiryCommentAtMs),
		})),
	};
}

/** `v5Offset`: the offset the v5 timestamps are written in (the callCenterV5Offset reading; same instants). */
export function toCallCenterInquiryJson(inquiry: CallCenterInquiry, version: 'v4' | 'v5', v5Offset = '+09:00'): CallCenterInquiryJson {
	const format = (ms: number): string => (version === 'v4' ? formatKoreaDateTime(ms) : formatIsoWithOffset(ms, inquiry.micros, v5Offset));
	return {
		inquiryId: inquiry.inquiryId,
		csPartnerCounselingStatus: inquiry.csPartnerCounselingStatus,
		inquiryStatus: inquiry.inquiryStatus,
		vendorItemId: [inquiry.vendorItemId],
		itemName: inquiry.itemName,
		content: inquiry.content,
		answeredAt: inquiry.answeredAtMs === null ? null : format(inquiry.answeredAtMs),
		replies: inquiry.replies.map((reply) => toCallCenterReplyJson(reply, format)),
		inquiryAt: format(inquiry.inquiryAtMs),
		buyerEmail: '',
		buyerPhone: inquiry.buyerPhone,
		orderId: inquiry.orderId,
		orderDate: format(inquiry.orderDateMs),
		receiptCategory: inquiry.receiptCategory,
		saleStartedAt: inquiry.saleStartedAt,
		saleEndedAt: inquiry.saleEndedAt,
	};
}

function toCallCenterReplyJson(reply: CallCenterReply, format: (ms: number) => string): CallCenterReplyJson {
	return {
		receptionistName: reply.receptionistName,
		receptionist: reply.receptionist,
		replyAt: format(reply.replyAtMs),
		content: reply.content,
		answerId: reply.answerId,
		parentAnswerId: reply.parentAnswerId,
		partnerTransferStatus: reply.partnerTransferStatus,
		partnerTransferCompleteReason: reply.partnerTransferCompleteReason,
		answerType: reply.answerType,
		needAnswer: reply.needAnswer,
	};
}
