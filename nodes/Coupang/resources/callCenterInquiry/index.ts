import type { ResourceDescription } from '../operation';
import { confirm } from './confirm';
import { get } from './get';
import { getMany } from './getMany';
import { reply } from './reply';

export const callCenterInquiry: ResourceDescription = {
	name: 'Call Center Inquiry',
	value: 'callCenterInquiry',
	description: 'Inquiries from the Coupang contact center',
	operations: [confirm, get, getMany, reply],
	defaultOperation: 'getMany',
};
