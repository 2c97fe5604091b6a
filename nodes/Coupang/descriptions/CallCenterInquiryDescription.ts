import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../core/limits';
import {
	paginateInquiries,
	prepareCallCenterInquiryConfirm,
	prepareCallCenterInquiryGet,
	prepareCallCenterInquiryQuery,
	prepareCallCenterInquiryReply,
	sendOnce,
} from '../requestHandlers';
import { inquiryIdField, optionIdField, periodFields, replyFields, returnAllAndLimit, showFor, singleOptions, VENDOR_PATH } from './common';
import { CALL_CENTER_STATUS_OPTIONS } from './statusOptions';

const resource = 'callCenterInquiry';

export const callCenterInquiryOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{
				name: 'Confirm',
				value: 'confirm',
				description: 'Confirm an inquiry the contact center transferred to you',
				action: 'Confirm a transferred call center inquiry',
				routing: {
					request: {
						method: 'POST',
						url: `=${VENDOR_PATH}/callCenterInquiries/{{String($parameter.inquiryId).trim()}}/confirms`,
					},
					send: { preSend: [prepareCallCenterInquiryConfirm], paginate: true },
					operations: { pagination: sendOnce({ write: true }) },
				},
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one contact center inquiry by its ID',
				action: 'Get a call center inquiry',
				routing: {
					request: {
						method: 'GET',
						url: '=/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/{{String($parameter.inquiryId).trim()}}',
					},
					send: { preSend: [prepareCallCenterInquiryGet], paginate: true },
					operations: { pagination: sendOnce({ write: false, dataOnly: true }) },
				},
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List inquiries customers made to the Coupang contact center about your products',
				action: 'Get many call center inquiries',
				routing: {
					request: {
						method: 'GET',
						url: `=${VENDOR_PATH}/callCenterInquiries`,
						qs: { vendorId: '={{$credentials.vendorId}}' },
					},
					send: { preSend: [prepareCallCenterInquiryQuery], paginate: true },
					operations: { pagination: paginateInquiries(MAX_PAGE_SIZE.callCenterInquiries, 'inquiryId') },
				},
			},
			{
				name: 'Reply',
				value: 'reply',
				description: 'Answer an inquiry the contact center transferred to you',
				action: 'Reply to a call center inquiry',
				routing: {
					request: {
						method: 'POST',
						url: `=${VENDOR_PATH}/callCenterInquiries/{{String($parameter.inquiryId).trim()}}/replies`,
						body: { vendorId: '={{$credentials.vendorId}}' },
					},
					send: { preSend: [prepareCallCenterInquiryReply], paginate: true },
					operations: { pagination: sendOnce({ write: true }) },
				},
			},
		],
		default: 'getMany',
	},
];

export const callCenterInquiryFields: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'counselingStatus',
		type: 'options',
		options: CALL_CENTER_STATUS_OPTIONS,
		default: 'NONE',
		description: 'Which inquiries to list (partnerCounselingStatus)',
		displayOptions: showFor(resource, ['getMany']),
		routing: { send: { type: 'query', property: 'partnerCounselingStatus' } },
	},
	...periodFields(resource, 'getMany', 'inquiries'),
	optionIdField(resource, 'inquiries'),
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		description: 'Only inquiries about this order number',
		displayOptions: showFor(resource, ['getMany']),
	},
	...returnAllAndLimit(resource, 'getMany', MAX_PAGE_SIZE.callCenterInquiries),
	inquiryIdField(resource, ['get', 'reply', 'confirm'], '1015668177', 'The contact center inquiry (inquiryId from Get Many or the trigger)'),
	...replyFields(resource, 'Your answer to the contact center'),
	{
		displayName: 'Parent Answer ID',
		name: 'parentAnswerId',
		type: 'string',
		required: true,
		default: '',
		description:
			"The answerId of the contact center's transfer you are answering: the reply in the inquiry's replies whose partnerTransferStatus is requestAnswer",
		displayOptions: showFor(resource, ['reply']),
	},
	{
		displayName: 'Confirm By (Wing User ID)',
		name: 'confirmBy',
		type: 'string',
		required: true,
		default: '',
		description: 'The Wing login ID of the person confirming',
		displayOptions: showFor(resource, ['confirm']),
		routing: { send: { type: 'body', property: 'confirmBy' } },
	},
	singleOptions(resource, ['get', 'reply', 'confirm']),
];
