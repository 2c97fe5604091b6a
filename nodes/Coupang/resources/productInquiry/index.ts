import type { ResourceDescription } from '../operation';
import { getMany } from './getMany';
import { reply } from './reply';

export const productInquiry: ResourceDescription = {
	name: 'Product Inquiry',
	value: 'productInquiry',
	description: 'Customer questions about your products',
	operations: [getMany, reply],
	defaultOperation: 'getMany',
};
