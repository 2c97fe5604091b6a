/**
 * The Simplified output of each kind of record: the fields a workflow needs, flat, with readable names and an ISO-8601
 * instant beside each Korea-time string. Buyers' phone numbers and e-mail addresses are left out.
 */
import type { IDataObject } from 'n8n-workflow';

import { withIso } from '../core/records';
import { orderStatusName } from './order/fields';

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

/* ------------------------------------------------------------------ orders */

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/**
 * An order box (ordersheet): who receives it where, what is in it, where it is. The orderer's and receiver's safe
 * numbers, real numbers and e-mail are left out (and the customs data with its phone number).
 */
export function simplifyOrder(record: IDataObject): IDataObject {
	const items = list(record.orderItems);
	const receiver = (record.receiver ?? {}) as IDataObject;
	const orderer = (record.orderer ?? {}) as IDataObject;
	const sum = (field: string): number | null => {
		const values = items.map((item) => item[field]);
		return values.every((value) => typeof value === 'number') ? (values as number[]).reduce((total, value) => total + value, 0) : null;
	};
	return {
		shipmentBoxId: record.shipmentBoxId,
		orderId: record.orderId,
		status: record.status,
		statusName: orderStatusName(record.status),
		...withIso('orderedAt', record.orderedAt),
		...withIso('paidAt', record.paidAt),
		ordererName: orderer.name ?? null,
		receiverName: receiver.name ?? null,
		receiverAddress: [text(receiver.addr1), text(receiver.addr2)].filter((part) => part !== '').join(' '),
		receiverPostCode: receiver.postCode ?? null,
		deliveryMessage: record.parcelPrintMessage ?? null,
		items: items.map((item) => `${text(item.vendorItemName) || text(item.sellerProductName)} × ${text(item.shippingCount)}`).join(', '),
		itemCount: items.length,
		vendorItemIds: items.map((item) => item.vendorItemId),
		orderPrice: sum('orderPrice'),
		shippingPrice: record.shippingPrice ?? null,
		courier: text(record.deliveryCompanyName) || null,
		invoiceNumber: text(record.invoiceNumber) || null,
		...withIso('inTransitAt', text(record.inTrasitDateTime) || null),
		...withIso('deliveredAt', text(record.deliveredDate) || null),
		splitShipping: record.splitShipping ?? null,
		remoteArea: record.remoteArea ?? null,
	};
}

/** One entry of a box's delivery history, with the box it belongs to. */
export function simplifyDeliveryHistoryEntry(record: IDataObject): IDataObject {
	return {
		shipmentBoxId: record.shipmentBoxId,
		status: record.deliveryStatus,
		statusName: orderStatusName(record.deliveryStatus),
		statusDescription: record.deliveryStatusDesc ?? null,
		...withIso('updatedAt', record.updatedAt),
	};
}
