/**
 * What the Coupang Trigger can watch, in the order of their fields. A new event is one more entry in TRIGGER_EVENTS:
 * its filter fields, how one Korea-day window of its records is fetched, the record's ID and time fields (the
 * trigger's state keys by them, core/newItems.ts), its Simplified output and a sample for Fetch Test Event.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { KoreaDays } from '../core/dates';
import type { CoupangClient } from '../transport/client';
import { ANSWER_STATUS_OPTIONS, CALL_CENTER_STATUS_OPTIONS } from '../resources/fields';
import { CALL_CENTER_INQUIRIES, type InquiryList, listInquiryWindow, PRODUCT_INQUIRIES } from '../resources/inquiryLists';
import type { Simplify } from '../resources/output';
import type { Parameters } from '../resources/parameters';

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
];
