import type { INodeProperties } from 'n8n-workflow';

import {
	paginateStatusHistory,
	paginateTimeFrame,
	prepareProductTimeFrame,
	prepareStatusHistory,
} from '../requestHandlers';
import { returnAllAndLimit, SELLER_PRODUCTS_PATH, showFor } from './common';
import { MAX_PAGE_SIZE } from '../core/limits';

const resource = 'product';

export const productOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{
				name: 'Get Many by Creation Time',
				value: 'getManyByCreationTime',
				description: 'List the products you registered in a time range',
				action: 'Get many products by creation time',
				routing: {
					request: {
						method: 'GET',
						url: `=${SELLER_PRODUCTS_PATH}/time-frame`,
						qs: { vendorId: '={{$credentials.vendorId}}' },
					},
					send: { preSend: [prepareProductTimeFrame], paginate: true },
					operations: { pagination: paginateTimeFrame },
				},
			},
			{
				name: 'Get Status History',
				value: 'getStatusHistory',
				description: "Get a product's approval and status changes",
				action: 'Get the status history of a product',
				routing: {
					request: {
						method: 'GET',
						url: `=${SELLER_PRODUCTS_PATH}/{{String($parameter.sellerProductId).trim()}}/histories`,
					},
					send: { preSend: [prepareStatusHistory], paginate: true },
					operations: { pagination: paginateStatusHistory },
				},
			},
		],
		default: 'getManyByCreationTime',
	},
];

export const productFields: INodeProperties[] = [
	{
		displayName: 'Created From',
		name: 'createdAtFrom',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"Start of the creation time range, in the workflow's time zone (sent as Korea time). Without Return All the range may span at most 10 minutes; with Return All a longer range is fetched in 10-minute windows.",
		displayOptions: showFor(resource, ['getManyByCreationTime']),
	},
	{
		displayName: 'Created To',
		name: 'createdAtTo',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the creation time range (inclusive)',
		displayOptions: showFor(resource, ['getManyByCreationTime']),
	},
	{
		displayName: 'Seller Product ID',
		name: 'sellerProductId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '786583589',
		description: 'The registered product (sellerProductId)',
		displayOptions: showFor(resource, ['getStatusHistory']),
	},
	...returnAllAndLimit(resource, 'getManyByCreationTime', MAX_PAGE_SIZE.products).map((property) =>
		// The time-frame API has no pages: drop the page size option there.
		property.name === 'options' && property.type === 'collection'
			? { ...property, options: (property.options ?? []).filter((option) => option.name !== 'pageSize') }
			: property,
	),
	...returnAllAndLimit(resource, 'getStatusHistory', MAX_PAGE_SIZE.statusHistory),
];
