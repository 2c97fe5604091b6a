/** Fields several operations share. The resource builder (./operation.ts) adds each field's displayOptions. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Parameters } from './parameters';

/** Product inquiries: `answeredType` (node filter and trigger). */
export const ANSWER_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All', value: 'ALL' },
	{ name: 'Answered', value: 'ANSWERED' },
	{ name: 'Not Answered', value: 'NOANSWER' },
];

/** Call-center inquiries: `partnerCounselingStatus` (node filter and trigger). */
export const CALL_CENTER_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All', value: 'NONE' },
	{ name: 'Answered', value: 'ANSWER', description: 'Answered, by you or by Coupang' },
	{
		name: 'Transferred, Not Yet Confirmed',
		value: 'TRANSFER',
		description: 'The contact center transferred it to you: to do, Confirm (Coupang closes it after 24 hours)',
	},
	{
		name: 'Waiting for Your Reply',
		value: 'NO_ANSWER',
		description: 'The contact center asked you for an answer: to do, Reply (Coupang closes it after 24 hours)',
	},
];

const extendedTimeoutOption: INodeProperties = {
	displayName: 'Extended Timeout (Ms)',
	name: 'extendedTimeout',
	type: 'number',
	default: 90000,
	typeOptions: { minValue: 1000, numberPrecision: 0 },
	description:
		'Sends X-EXTENDED-TIMEOUT so Coupang waits longer for heavy lists (Coupang suggests it, with 90000, when a query answers "Read timed out")',
};

function pageSizeOption(maxPageSize: number): INodeProperties {
	return {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		default: maxPageSize,
		typeOptions: { minValue: 1, maxValue: maxPageSize, numberPrecision: 0 },
		description: `How many results to ask Coupang for per request (1 to ${maxPageSize}). The largest size needs the fewest requests.`,
	};
}

function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** Return All, Limit and the list Options (Page Size when the list has pages, Extended Timeout). */
export function listFields(maxPageSize?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		optionsCollection(maxPageSize === undefined ? [extendedTimeoutOption] : [pageSizeOption(maxPageSize), extendedTimeoutOption]),
	];
}

/** Options of single requests (get, reply, confirm). */
export const singleRequestOptions: INodeProperties = optionsCollection([extendedTimeoutOption]);

export function periodFields(what: string): INodeProperties[] {
	const hint =
		"Interpreted in the workflow's time zone and sent to Coupang as a Korea-time (Asia/Seoul) date. Without Return All the period may span at most 7 days; with Return All a longer period is fetched in 7-day windows.";
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: `First day of ${what} to include. Leave empty to search by Option ID only. ${hint}`,
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: `Last day of ${what} to include (inclusive), read the same way as Start Date`,
		},
	];
}

/** Option ID (vendorItemId) filter of the inquiry lists (doc rules a/b/c). */
export function optionIdField(what: string): INodeProperties {
	return {
		displayName: 'Option ID',
		name: 'vendorItemId',
		type: 'string',
		default: '',
		placeholder: '4855652221',
		description: `Only ${what} about this option (vendorItemId). Needed when no period is given; with a period, both filters apply.`,
	};
}

/** The optional filters of a list, in one collection (read as `filters.<name>`). */
export function filtersField(filters: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters };
}

/** The two fields every reply sends: the answer and who wrote it (read with `readReply`). */
export function replyFields(contentDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 4 },
			description: contentDescription,
		},
		{
			displayName: 'Reply By (Wing User ID)',
			name: 'replyBy',
			type: 'string',
			default: '',
			description: "The Wing login ID of the person answering. Leave empty to use the credential's Default Wing User ID.",
		},
	];
}

/** The inquiry a reply answers, and the reply fields, checked. */
export function readReply(parameters: Parameters): { inquiryId: string; content: string; replyBy: string } {
	return {
		inquiryId: parameters.id('inquiryId', 'Inquiry ID'),
		content: parameters.requiredText('content', 'Content'),
		// Empty: the credential's Default Wing User ID (checked with it, before any request).
		replyBy: parameters.text('replyBy'),
	};
}

export const REPLY_BY = 'Reply By (Wing User ID)';
export const CONFIRM_BY = 'Confirm By (Wing User ID)';
