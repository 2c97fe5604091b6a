/**
 * What the Coupang Trigger can watch, in the order of their fields. A new event is one more entry in TRIGGER_EVENTS:
 * its filter fields, how one Korea-day window of its records is fetched, the record's ID and time fields (the
 * trigger's state keys by them, core/newItems.ts), its Simplified output and a sample for Fetch Test Event.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE, ORDER_STATUSES } from '../core/coupangFacts';
import { addDaysToCoupangDate, type KoreaDays } from '../core/dates';
import { checkOneOf } from '../core/input';
import type { CoupangClient } from '../transport/client';
import { ANSWER_STATUS_OPTIONS, CALL_CENTER_STATUS_OPTIONS } from '../resources/fields';
import { CALL_CENTER_INQUIRIES, type InquiryList, listInquiryWindow, PRODUCT_INQUIRIES } from '../resources/inquiryLists';
import { ORDER_STATUS_OPTIONS } from '../resources/order/fields';
import { listOrderDays } from '../resources/order/orderLists';
import type { Simplify } from '../resources/output';
import type { Parameters } from '../resources/parameters';
import { simplifyOrder } from '../resources/simplified';

/** One configured watch: what identifies it, and how a window of its records is fetched. */
export interface Watch {
	/** A stored state for another scope (other event or filters) is started over. */
	scope: string;
	/** Every record of the Korea days of `window` that matches the filters, all pages. */
	fetchWindow(client: CoupangClient, window: KoreaDays, signal?: AbortSignal): Promise<IDataObject[]>;
}

export interface TriggerEvent {
	value: string;
	name: string;
	description: string;
	/** Plural noun for messages. */
	noun: string;
	/** Shown for this event only. */
	fields: INodeProperties[];
	/** Reads and checks the event's fields (throws CoupangInputError). */
	watch(parameters: Parameters): Watch;
	idField: string;
	/** A Coupang timestamp: the instant the record counts from. */
	timeField: string;
	simplify: Simplify;
	/** Coupang's record as a sample, for Fetch Test Event when nothing matched. */
	sample: IDataObject;
}

const optionIdFilter: INodeProperties = {
	displayName: 'Option ID',
	name: 'vendorItemId',
	type: 'string',
	default: '',
	placeholder: '4855652221',
	description: 'Only inquiries about this option (vendorItemId). Leave empty for all your products.',
};

function inquiryEvent(event: Pick<TriggerEvent, 'value' | 'name' | 'description' | 'noun' | 'sample'> & { list: InquiryList; statusField: INodeProperties }): TriggerEvent {
	const { list, statusField } = event;
	return {
		value: event.value,
		name: event.name,
		description: event.description,
		noun: event.noun,
		sample: event.sample,
		fields: [statusField, optionIdFilter],
		watch(parameters) {
			const status = parameters.choice(statusField.name);
			const vendorItemId = parameters.id('vendorItemId', 'Option ID', false);
			return {
				scope: [event.value, status, vendorItemId ?? ''].join('|'),
				fetchWindow: async (client, window, signal) =>
					await listInquiryWindow(client, list, { status, period: window, vendorItemId }, { pageSize: list.maxPageSize }, signal),
			};
		},
		idField: 'inquiryId',
		timeField: 'inquiryAt',
		simplify: list.simplify,
	};
}

/**
 * New Order: the PO list (by Korea day, one status) keyed by `shipmentBoxId`, with `paidAt` as the record's time.
 *
 * Which time? The state (core/newItems.ts) emits a record fetched by a poll when its time is at or after the poll's
 * `from` (the previous poll minus 30 minutes). A Paid order shows up in the list once it is paid, so its `paidAt` is
 * within the overlap of the first poll that can see it (Coupang's indexing lag is what the overlap is for); `orderedAt`
 * can be much earlier (a bank transfer paid an hour or a day later), so keyed by `orderedAt` such an order would be
 * fetched and dropped as old, and lost. The list filters by `createdAt`, which Coupang does not define (sheet 3.1):
 * the sandbox reads it as `orderedAt`, the other reading is `paidAt`. `paidAt` is never earlier than `orderedAt`, so
 * under both readings a record's time is at or after the time it was listed by: emitted once, never dropped as old.
 * Under the `orderedAt` reading the list must also reach back to the day the order was placed: each window starts
 * ORDER_LOOKBACK_DAYS earlier (an order placed before a Korea midnight and paid after it, even long after), at the
 * cost of reading those days' orders of the status again (duplicates are dropped by ID).
 */
export const ORDER_LOOKBACK_DAYS = 2;

const orderEvent: TriggerEvent = {
	value: 'order',
	name: 'New Order',
	description: 'An order (shipment box) in a status: paid, waiting for you to acknowledge it (default), or another status',
	noun: 'orders',
	fields: [
		{
			displayName: 'Status',
			name: 'orderStatus',
			type: 'options',
			options: ORDER_STATUS_OPTIONS,
			default: 'ACCEPT',
			description:
				'Which orders to watch. Paid (default) is every new order. Another status catches an order only if Coupang lists it in that status within 30 minutes of its payment: it is not a status-change watch.',
		},
	],
	watch(parameters) {
		const status = checkOneOf(parameters.raw('orderStatus'), 'Status', ORDER_STATUSES);
		return {
			scope: ['order', status].join('|'),
			fetchWindow: async (client, window, signal) =>
				await listOrderDays(client, status, { start: addDaysToCoupangDate(window.start, -ORDER_LOOKBACK_DAYS), end: window.end }, { pageSize: MAX_PAGE_SIZE.orders }, signal),
		};
	},
	idField: 'shipmentBoxId',
	timeField: 'paidAt',
	simplify: simplifyOrder,
	sample: {
		shipmentBoxId: 0,
		orderId: 0,
		orderedAt: '2026-01-01T09:00:00',
		orderer: { name: '홍*동', email: '', safeNumber: '', ordererNumber: null },
		paidAt: '2026-01-01T09:00:05',
		status: 'ACCEPT',
		shippingPrice: 0,
		remotePrice: null,
		remoteArea: false,
		parcelPrintMessage: 'Sample delivery message',
		splitShipping: false,
		ableSplitShipping: false,
		receiver: { name: '홍*동', safeNumber: '', receiverNumber: null, addr1: '서울특별시 송파구 송파대로 570', addr2: '101동 101호', postCode: '05510' },
		orderItems: [
			{
				vendorItemId: 0,
				vendorItemName: 'Sample item, 1 piece',
				shippingCount: 1,
				salesPrice: 10000,
				orderPrice: 10000,
				sellerProductId: 0,
				sellerProductName: 'Sample item',
				sellerProductItemName: '1 piece',
			},
		],
		deliveryCompanyName: '',
		invoiceNumber: '',
		inTrasitDateTime: '',
		deliveredDate: '',
		refer: 'PC웹',
	},
};

export const TRIGGER_EVENTS: TriggerEvent[] = [
	inquiryEvent({
		value: 'productInquiry',
		name: 'New Product Inquiry',
		description: 'A customer question about one of your products',
		noun: 'product inquiries',
		list: PRODUCT_INQUIRIES,
		statusField: {
			displayName: 'Answer Status',
			name: 'answeredType',
			type: 'options',
			options: ANSWER_STATUS_OPTIONS,
			default: 'NOANSWER',
			description: 'Which inquiries to watch, by whether you answered them',
		},
		sample: {
			inquiryId: 0,
			productId: 0,
			sellerProductId: 0,
			sellerItemId: 0,
			vendorItemId: 0,
			content: 'Sample question: when will my order ship?',
			inquiryAt: '2026-01-01 09:00:00',
			orderIds: [],
			buyerEmail: '',
			commentDtoList: [],
		},
	}),
	inquiryEvent({
		value: 'callCenterInquiry',
		name: 'New Call Center Inquiry',
		description: 'An inquiry the Coupang contact center passed to you: waiting for your reply (default) or transferred for you to confirm',
		noun: 'call center inquiries',
		list: CALL_CENTER_INQUIRIES,
		statusField: {
			displayName: 'Status',
			name: 'counselingStatus',
			type: 'options',
			options: CALL_CENTER_STATUS_OPTIONS,
			default: 'NO_ANSWER',
			description: 'Which call center inquiries to watch',
		},
		sample: {
			inquiryId: 0,
			csPartnerCounselingStatus: 'requestAnswer',
			inquiryStatus: 'progress',
			vendorItemId: [0],
			itemName: 'Sample item',
			content: 'Sample inquiry passed on by the contact center',
			answeredAt: null,
			replies: [{ answerId: 0, parentAnswerId: 0, partnerTransferStatus: 'requestAnswer', partnerTransferCompleteReason: 'NONE', answerType: 'csAgent', needAnswer: true, receptionistName: 'Coupang', receptionist: '', replyAt: '2026-01-01 09:05:00', content: 'Please answer the customer.' }],
			inquiryAt: '2026-01-01 09:00:00',
			buyerEmail: '',
			buyerPhone: '',
			orderId: 0,
			orderDate: '2026-01-01 08:00:00',
			receiptCategory: 'Sample category',
			saleStartedAt: '',
			saleEndedAt: '',
		},
	}),
	// Orders (issue 14)
	orderEvent,
];
