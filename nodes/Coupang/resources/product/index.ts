import type { ResourceDescription } from '../operation';
import { getManyByCreationTime } from './getManyByCreationTime';
import { getStatusHistory } from './getStatusHistory';

export const product: ResourceDescription = {
	name: 'Product',
	value: 'product',
	description: 'Products you registered',
	operations: [getManyByCreationTime, getStatusHistory],
	defaultOperation: 'getManyByCreationTime',
};
