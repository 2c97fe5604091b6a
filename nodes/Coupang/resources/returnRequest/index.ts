import type { ResourceDescription } from '../operation';
import { approve } from './approve';
import { confirmReceipt } from './confirmReceipt';
import { get } from './get';
import { getMany } from './getMany';
import { markAlreadyShipped } from './markAlreadyShipped';
import { stopShipment } from './stopShipment';

export const returnRequest: ResourceDescription = {
	name: 'Return / Cancel Request',
	value: 'returnRequest',
	description: 'Returns, stop-shipment requests and cancellations of your orders',
	operations: [approve, confirmReceipt, get, getMany, markAlreadyShipped, stopShipment],
	defaultOperation: 'getMany',
};
