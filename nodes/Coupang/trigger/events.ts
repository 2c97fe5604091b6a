/** What the Coupang Trigger can watch, in the order of their fields. A new event is added to TRIGGER_EVENTS. */
import type { INodeProperties } from 'n8n-workflow';

import { ANSWER_STATUS_OPTIONS, CALL_CENTER_STATUS_OPTIONS } from '../resources/fields';
import { CALL_CENTER_INQUIRIES, type InquiryList, PRODUCT_INQUIRIES } from '../resources/inquiryLists';

export interface TriggerEvent {
	value: string;
	name: string;
	description: string;
	/** Plural noun for messages. */
	noun: string;
	list: InquiryList;
	/** The status filter of this event; its value goes into the list's status query. */
	statusField: INodeProperties;
}

export const TRIGGER_EVENTS: TriggerEvent[] = [
	{
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
	},
	{
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
	},
];
