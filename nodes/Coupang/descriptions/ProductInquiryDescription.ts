import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../core/limits';
import {
	paginateInquiries,
	prepareProductInquiryQuery,
	prepareProductInquiryReply,
	sendOnce,
} from '../requestHandlers';
import { periodFields, returnAllAndLimit, showFor, singleOptions, VENDOR_PATH } from './common';

const resource = 'productInquiry';

export const productInquiryOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List customer questions about your products',
				action: 'Get many product inquiries',
				routing: {
					request: {
						method: 'GET',
						url: `=${VENDOR_PATH}/onlineInquiries`,
						qs: { vendorId: '={{$credentials.vendorId}}' },
					},
					send: { preSend: [prepareProductInquiryQuery], paginate: true },
					operations: { pagination: paginateInquiries(MAX_PAGE_SIZE.productInquiries, 'inquiryId') },
				},
			},
			{
				name: 'Reply',
				value: 'reply',
				description: "Answer a customer's question about a product",
				action: 'Reply to a product inquiry',
				routing: {
					request: {
						method: 'POST',
						url: `=${VENDOR_PATH}/onlineInquiries/{{$parameter.inquiryId}}/replies`,
						body: { vendorId: '={{$credentials.vendorId}}' },
					},
					send: { preSend: [prepareProductInquiryReply], paginate: true },
					operations: { pagination: sendOnce({ write: true }) },
				},
			},
		],
		default: 'getMany',
	},
];

export const productInquiryFields: INodeProperties[] = [
	{
		displayName: 'Answer Status',
		name: 'answerStatus',
		type: 'options',
		options: [
			{ name: 'All', value: 'ALL' },
			{ name: 'Answered', value: 'ANSWERED' },
			{ name: 'Not Answered', value: 'NOANSWER' },
		],
		default: 'ALL',
		description: 'Which questions to list, by whether you have answered them',
		displayOptions: showFor(resource, ['getMany']),
		routing: { send: { type: 'query', property: 'answeredType' } },
	},
	...periodFields(resource, 'getMany', 'questions'),
	{
		displayName: 'Option ID',
		name: 'vendorItemId',
		type: 'string',
		default: '',
		placeholder: '4855652221',
		description:
			'Only questions about this option (vendorItemId). Needed when no period is given; with a period, both filters apply.',
		displayOptions: showFor(resource, ['getMany']),
	},
	...returnAllAndLimit(resource, 'getMany', MAX_PAGE_SIZE.productInquiries),
	{
		displayName: 'Inquiry ID',
		name: 'inquiryId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '39352323',
		description: 'The question to answer (inquiryId from Get Many or the trigger)',
		displayOptions: showFor(resource, ['reply']),
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The answer the customer will see',
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
	singleOptions(resource, ['reply']),
];
