import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../core/limits';
import {
	paginateInquiries,
	prepareProductInquiryQuery,
	prepareProductInquiryReply,
	sendOnce,
} from '../requestHandlers';
import { inquiryIdField, optionIdField, periodFields, replyFields, returnAllAndLimit, showFor, singleOptions, VENDOR_PATH } from './common';
import { ANSWER_STATUS_OPTIONS } from './statusOptions';

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
						url: `=${VENDOR_PATH}/onlineInquiries/{{String($parameter.inquiryId).trim()}}/replies`,
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
		options: ANSWER_STATUS_OPTIONS,
		default: 'ALL',
		description: 'Which questions to list, by whether you have answered them',
		displayOptions: showFor(resource, ['getMany']),
		routing: { send: { type: 'query', property: 'answeredType' } },
	},
	...periodFields(resource, 'getMany', 'questions'),
	optionIdField(resource, 'questions'),
	...returnAllAndLimit(resource, 'getMany', MAX_PAGE_SIZE.productInquiries),
	inquiryIdField(resource, ['reply'], '39352323', 'The question to answer (inquiryId from Get Many or the trigger)'),
	...replyFields(resource, 'The answer the customer will see'),
	singleOptions(resource, ['reply']),
];
