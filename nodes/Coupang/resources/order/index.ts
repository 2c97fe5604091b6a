import type { ResourceDescription } from '../operation';
import { get } from './get';
import { getByOrderId } from './getByOrderId';
import { getDeliveryHistory } from './getDeliveryHistory';
import { getMany } from './getMany';
import { updateInvoice, uploadInvoice } from './invoices';
import { setToPreparing } from './setToPreparing';

export const order: ResourceDescription = {
	name: 'Order',
	value: 'order',
	description: 'Orders (shipment boxes): list, look up, acknowledge, register waybills, delivery history',
	operations: [get, getByOrderId, getDeliveryHistory, getMany, setToPreparing, updateInvoice, uploadInvoice],
	defaultOperation: 'getMany',
};
