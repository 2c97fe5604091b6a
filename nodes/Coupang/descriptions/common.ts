import type { INodeProperties } from 'n8n-workflow';

/** Shared field builders for the resource descriptions. */

export const VENDOR_PATH = '/v2/providers/openapi/apis/api/v4/vendors/{{$credentials.vendorId}}';
export const SELLER_PRODUCTS_PATH = '/v2/providers/seller_api/apis/api/v1/marketplace/seller-products';

export function showFor(resource: string, operations: string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations } };
}

export function returnAllAndLimit(resource: string, operation: string, maxPageSize: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(resource, [operation]),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: showFor(resource, [operation]),
			options: [pageSizeOption(maxPageSize), extendedTimeoutOption],
		},
	];
}

export function pageSizeOption(maxPageSize: number): INodeProperties {
	return {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		default: maxPageSize,
		description: `How many results to ask Coupang for per request (1 to ${maxPageSize}). The largest size needs the fewest requests.`,
	};
}

export const extendedTimeoutOption: INodeProperties = {
	displayName: 'Extended Timeout (Ms)',
	name: 'extendedTimeout',
	type: 'number',
	default: 60000,
	typeOptions: { minValue: 1000 },
	description:
		'Sends X-EXTENDED-TIMEOUT so Coupang waits longer for heavy lists (Coupang suggests it when a query answers "Read timed out")',
};

export function singleOptions(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(resource, operations),
		options: [extendedTimeoutOption],
	};
}

export function periodFields(resource: string, operation: string, what: string): INodeProperties[] {
	const hint =
		"Interpreted in the workflow's time zone and sent to Coupang as a Korea-time (Asia/Seoul) date. Without Return All the period may span at most 7 days; with Return All a longer period is fetched in 7-day windows.";
	return [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: `First day of ${what} to include. Leave empty to search by Option ID only. ${hint}`,
			displayOptions: showFor(resource, [operation]),
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Last day of , to include (inclusive). ,.',
			displayOptions: showFor(resource, [operation]),
		},
	];
}

export function inquiryIdField(resource: string, operations: string[], placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Inquiry ID',
		name: 'inquiryId',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
		displayOptions: showFor(resource, operations),
	};
}

/** The two fields every reply sends in its body: the answer and who wrote it. */
export function replyFields(resource: string, contentDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 4 },
			description: contentDescription,
			displayOptions: showFor(resource, ['reply']),
			routing: { send: { type: 'body', property: 'content' } },
		},
		{
			displayName: 'Reply By (Wing User ID)',
			name: 'replyBy',
			type: 'string',
			required: true,
			default: '',
			description: 'The Wing login ID of the person answering',
			displayOptions: showFor(resource, ['reply']),
			routing: { send: { type: 'body', property: 'replyBy' } },
		},
	];
}

/** Option ID (vendorItemId) filter of the inquiry lists (doc rules a/b/c). */
export function optionIdField(resource: string, what: string): INodeProperties {
	return {
		displayName: 'Option ID',
		name: 'vendorItemId',
		type: 'string',
		default: '',
		placeholder: '4855652221',
		description: `Only ${what} about this option (vendorItemId). Needed when no period is given; with a period, both filters apply.`,
		displayOptions: showFor(resource, ['getMany']),
	};
}
