import type { ResourceDescription } from '../operation';
import { confirmReceipt } from './confirmReceipt';
import { getMany } from './getMany';
import { reject } from './reject';
import { uploadInvoice } from './uploadInvoice';

export const exchangeRequest: ResourceDescription = {
	name: 'Exchange Request',
	value: 'exchangeRequest',
	description: 'Customers’ requests to exchange an item',
	operations: [confirmReceipt, getMany, reject, uploadInvoice],
	defaultOperation: 'getMany',
};
