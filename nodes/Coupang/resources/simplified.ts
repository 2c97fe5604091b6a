/**
 * The Simplified output of each kind of record: the fields a workflow needs, flat, with readable names and an ISO-8601
 * instant beside each Korea-time string. Buyers' phone numbers and e-mail addresses are left out.
 */
import type { IDataObject } from 'n8n-workflow';

import { withIso } from '../core/records';

type Records = IDataObject[];

const list = (value: unknown): Records => (Array.isArray(value) ? (value as Records) : []);

export function simplifyProductInquiry(record: IDataObject): IDataObject {
	const answers = list(record.commentDtoList);
	const last = answers[answers.length - 1];
	return {
		inquiryId: record.inquiryId,
		question: record.content,
		...withIso('inquiryAt', record.inquiryAt),
		answered: answers.length > 0,
		answerCount: answers.length,
		lastAnswer: last?.content ?? null,
		...withIso('lastAnsweredAt', last?.inquiryCommentAt),
		productId: record.productId,
		sellerProductId: record.sellerProductId,
		vendorItemId: record.vendorItemId,
		orderIds: record.orderIds ?? [],
	};
}

/** What the seller has to do: reply (a transfer requests an answer), confirm (an unconfirmed transfer), or nothing. */
function callCenterToDo(record: IDataObject): IDataObject {
	const replies = list(record.replies);
	const open = record.inquiryStatus === 'progress';
	const request = replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
	if (open && request) return { toDo: 'reply', parentAnswerId: request.answerId };
	const vendorAnswered = replies.some((reply) => reply.answerType === 'vendor');
	const transfer = replies.find((reply) => reply.answerType === 'csAgent' && reply.partnerTransferStatus === 'answered' && reply.partnerTransferCompleteReason === 'NONE');
	return { toDo: open && transfer && !vendorAnswered ? 'confirm' : null, parentAnswerId: null };
}

export function simplifyCallCenterInquiry(record: IDataObject): IDataObject {
	const replies = list(record.replies);
	const last = replies[replies.length - 1];
	const vendorItemIds = Array.isArray(record.vendorItemId) ? record.vendorItemId : record.vendorItemId === undefined ? [] : [record.vendorItemId];
	return {
		inquiryId: record.inquiryId,
		...callCenterToDo(record),
		answerStatus: record.csPartnerCounselingStatus,
		inquiryStatus: record.inquiryStatus,
		question: record.content,
		category: record.receiptCategory,
		...withIso('inquiryAt', record.inquiryAt),
		...withIso('answeredAt', record.answeredAt),
		lastReply: last?.content ?? null,
		lastReplyBy: last?.answerType ?? null,
		itemName: record.itemName,
		vendorItemIds,
		orderId: record.orderId,
		...withIso('orderDate', record.orderDate),
	};
}

export function simplifyProduct(record: IDataObject): IDataObject {
	return {
		sellerProductId: record.sellerProductId,
		name: record.sellerProductName,
		status: record.statusName,
		brand: record.brand,
		productId: record.productId,
		categoryId: record.categoryId,
		displayCategoryCode: record.displayCategoryCode,
		...withIso('createdAt', record.createdAt),
		...withIso('saleStartedAt', record.saleStartedAt),
		...withIso('saleEndedAt', record.saleEndedAt),
	};
}

export function simplifyStatusHistory(record: IDataObject): IDataObject {
	return { status: record.status, comment: record.comment, createdBy: record.createdBy, ...withIso('createdAt', record.createdAt) };
}
