/** The Coupang node's resources. A new resource is added to RESOURCES. */
import type { INodeProperties } from 'n8n-workflow';

import { callCenterInquiry } from './callCenterInquiry';
import { type ResourceDescription, resourceProperties } from './operation';
import { product } from './product';
import { productInquiry } from './productInquiry';
// Returns, exchanges and product items (claims).
import { exchangeRequest } from './exchangeRequest';
import { productItem } from './productItem';
import { returnRequest } from './returnRequest';

const RESOURCES: ResourceDescription[] = [
	productInquiry,
	callCenterInquiry,
	product,
	// Returns, exchanges and product items (claims).
	returnRequest,
	exchangeRequest,
	productItem,
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
