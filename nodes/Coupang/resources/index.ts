/** The Coupang node's resources. A new resource is added to RESOURCES. */
import type { INodeProperties, NodeHint } from 'n8n-workflow';

import { callCenterInquiry } from './callCenterInquiry';
import { exchangeRequest } from './exchangeRequest';
import { type ResourceDescription, resourceProperties } from './operation';
import { order } from './order';
import { product } from './product';
import { productInquiry } from './productInquiry';
import { productItem } from './productItem';
import { returnRequest } from './returnRequest';

const RESOURCES: ResourceDescription[] = [
	productInquiry,
	callCenterInquiry,
	product,
	order,
	returnRequest,
	exchangeRequest,
	productItem,
];

/** "Get Many: Product Inquiry" for every resource and operation, as the node's subtitle. */
export const nodeSubtitle = `={{ ${JSON.stringify(
	Object.fromEntries(RESOURCES.flatMap((resource) => resource.operations.map(({ option }) => [`${resource.value}:${String(option.value)}`, `${option.name}: ${resource.name}`]))),
)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;

/** Hints in the editor: a reply is published. (n8n shows its own hint when a list stops at its Limit.) */
export const nodeHints: NodeHint[] = [
	{
		message: 'The text you send is published on Coupang: the customer (and, for product questions, other shoppers) read it.',
		type: 'warning',
		location: 'ndv',
		whenToDisplay: 'always',
		displayCondition: '={{ $parameter["operation"] === "reply" }}',
	},
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
