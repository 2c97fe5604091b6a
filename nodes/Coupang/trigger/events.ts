/**
 * What the Coupang Trigger can watch, in the order of their fields. A new event is one more entry in TRIGGER_EVENTS:
 * its filter fields, how one Korea-day window of its records is fetched, the record's ID and time fields (the
 * trigger's state keys by them, core/newItems.ts), its Simplified output and a sample for Fetch Test Event.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE, ORDER_STATUSES } from '../core/coupangFacts';
import { addDaysToCoupangDate, type KoreaDays, koreaDaysAsWallClock } from '../core/dates';
import { checkOneOf } from '../core/input';
import type { CoupangClient } from '../transport/client';
import { exchangeStatusField, readExchangeStatus } from '../resources/exchangeRequest/fields';
import { listExchanges } from '../resources/exchangeRequest/list';
import { simplifyExchangeRequest } from '../resources/exchangeRequest/simplify';
import { ANSWER_STATUS_OPTIONS, CALL_CENTER_STATUS_OPTIONS } from '../resources/fields';
import { CALL_CENTER_INQUIRIES, type InquiryList, listInquiryWindow, PRODUCT_INQUIRIES } from '../resources/inquiryLists';
import { ORDER_STATUS_OPTIONS } from '../resources/order/fields';
import { listOrderDays } from '../resources/order/orderLists';
import type { Simplify } from '../resources/output';
import type { Parameters } from '../resources/parameters';
import { readReturnQuery, returnFilterFields } from '../resources/returnRequest/fields';
import { listReturns } from '../resources/returnRequest/list';
import { simplifyReturnRequest } from '../resources/returnRequest/simplify';
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
	orderEvent,
		returnRequestEvent(),
	exchangeRequestEvent(),
];

/*
 * Returns and exchanges: which time field, and why.
 *
 * core/newItems.ts emits a fetched record when its time is >= the poll's `from`, and remembers its ID while that
 * time is within the overlap. Coupang's return and exchange lists select records by `createdAtFrom`/`createdAtTo`,
 * i.e. by the record's own `createdAt` (the receipt's creation, "취소(반품) 접수시간"; the exchange's creation); the
 * sandbox filters on the same instant. So the time field is `createdAt`, the very time the list filters by:
 * - a record whose createdAt lies in [from, now] is inside the Korea days the poll reads, so it is fetched and,
 *   unless its ID is remembered, emitted: nothing between two polls is lost, and one that shows up late in the list
 *   (up to the 30-minute overlap after its createdAt) is still caught;
 * - createdAt never changes, so the ID is remembered for exactly as long as a later poll can read the record again
 *   with a time >= its `from`: it is emitted once.
 * An earlier time (an item's or the order's creation) could lie before `from` while the record is listed: lost. A
 * later, moving one (`modifiedAt`, which changes with every status change) would bring an old record back with a new
 * time after its ID was forgotten: emitted twice. The status filter is Coupang's status at the poll: a request that
 * changed status before any poll saw it is not emitted for the old status.
 */
function returnRequestEvent(): TriggerEvent {
	return {
		value: 'returnRequest',
		name: 'New Return/Cancel Request',
		description: 'A return, stop-shipment request or cancellation of one of your orders (default: both kinds of new return requests)',
		noun: 'return or cancellation requests',
		fields: returnFilterFields('REQUESTED'),
		watch(parameters) {
			const query = readReturnQuery(parameters);
			return {
				scope: ['returnRequest', query.cancelType, query.status ?? ''].join('|'),
				// By minute: one answer per window, and `searchType` is sent, which every reading of the docs accepts.
				fetchWindow: async (client, window, signal) =>
					await listReturns(client, query, { by: 'minute', range: koreaDaysAsWallClock(window) }, { pageSize: MAX_PAGE_SIZE.returnRequests }, signal),
			};
		},
		idField: 'receiptId',
		timeField: 'createdAt',
		simplify: simplifyReturnRequest,
		sample: {
			receiptId: 0,
			orderId: 0,
			paymentId: 0,
			receiptType: 'RETURN',
			receiptStatus: 'RETURNS_UNCHECKED',
			createdAt: '2026-01-01T09:00:00',
			modifiedAt: '2026-01-01T09:00:00',
			requesterName: '홍*동',
			cancelReasonCategory1: '고객변심',
			cancelReasonCategory2: '단순변심(사유없음)',
			cancelReason: 'Sample return request',
			cancelCountSum: 1,
			returnDeliveryId: 0,
			returnDeliveryType: '연동택배',
			releaseStopStatus: '비대상',
			enclosePrice: 0,
			faultByType: 'CUSTOMER',
			preRefund: false,
			completeConfirmType: 'UNDEFINED',
			completeConfirmDate: '',
			returnItems: [{ vendorItemPackageId: 0, vendorItemPackageName: 'Sample item', vendorItemId: 0, vendorItemName: 'Sample item', cancelCount: 1, purchaseCount: 1, shipmentBoxId: 0, sellerProductId: 0, sellerProductName: 'Sample item' }],
			returnDeliveryDtos: [],
			reasonCode: 'CHANGEMIND',
			reasonCodeText: '필요 없어짐 (단순 변심)',
		},
	};
}

function exchangeRequestEvent(): TriggerEvent {
	return {
		value: 'exchangeRequest',
		name: 'New Exchange Request',
		description: 'A customer asks to exchange an item of one of your orders',
		noun: 'exchange requests',
		fields: [exchangeStatusField('ALL')],
		watch(parameters) {
			const status = readExchangeStatus(parameters);
			return {
				scope: ['exchangeRequest', status].join('|'),
				fetchWindow: async (client, window, signal) =>
					await listExchanges(client, status, koreaDaysAsWallClock(window), { pageSize: MAX_PAGE_SIZE.exchangeRequests }, signal),
			};
		},
		idField: 'exchangeId',
		timeField: 'createdAt',
		simplify: simplifyExchangeRequest,
		sample: {
			exchangeId: 0,
			orderId: 0,
			vendorId: '',
			orderDeliveryStatusCode: 'FINAL_DELIVERY',
			exchangeStatus: 'RECEIPT',
			referType: 'WEB_MOBILE',
			faultType: 'CUSTOMER',
			exchangeAmount: 0,
			reason: null,
			reasonCode: 'WRONGSIZECOL',
			reasonCodeText: '사이즈/색상 교환',
			reasonEtcDetail: 'Sample exchange request',
			cancelReason: null,
			createdByType: 'CUSTOMER',
			createdAt: '2026-01-01T09:00:00',
			modifiedByType: 'CUSTOMER',
			modifiedAt: '2026-01-01T09:00:00',
			exchangeItemDtoV1s: [{ exchangeItemId: 0, orderItemId: 0, targetItemId: 0, targetItemName: 'Sample item', quantity: 1, originalShipmentBoxId: 0 }],
			deliveryInvoiceGroupDtos: [],
			deliveryStatus: 'BeforeDirection',
			collectStatus: 'BeforeDirection',
			collectCompleteDate: null,
			returnDeliveryDtos: [],
			rejectable: true,
			deliveryInvoiceModifiable: false,
			successable: false,
		},
	};
}
