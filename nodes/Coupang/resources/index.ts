/** The Coupang node's resources. A new resource is added to RESOURCES. */
import type { INodeProperties } from 'n8n-workflow';

import { callCenterInquiry } from './callCenterInquiry';
import { type ResourceDescription, resourceProperties } from './operation';
// Orders (issue 14)
import { order } from './order';
import { product } from './product';
import { productInquiry } from './productInquiry';

const RESOURCES: ResourceDescription[] = [
	productInquiry,
	callCenterInquiry,
	product,
	// Orders (issue 14)
	order,
];

/** Resource (listed by name), then per resource its Operation and each operation's fields. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ name, value, description }) => ({ name, value, description })).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'productInquiry',
	},
	...RESOURCES.flatMap(resourceProperties),
];
