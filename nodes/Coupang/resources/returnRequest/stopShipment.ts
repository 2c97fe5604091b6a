import { checkedWriteResult, idValue } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { cancelCountField, readCancelCount, receiptIdField } from './fields';
import { cancelCountOf, sendReturnAction } from './writes';

export const stopShipment = defineOperation({
	value: 'stopShipment',
	name: 'Stop Shipment',
	description: 'Confirm you stopped a shipment the customer cancelled (the goods did not leave)',
	action: 'Stop the shipment of a cancelled order',
	fields: [receiptIdField, cancelCountField, singleRequestOptions],
	read(parameters) {
		return { receiptId: parameters.id('receiptId', 'Receipt ID'), cancelCount: readCancelCount(parameters) };
	},
	async run(client, { receiptId, cancelCount }) {
		const count = await cancelCountOf(client, receiptId, cancelCount);
		const body = await sendReturnAction(client, receiptId, 'stoppedShipment', { cancelCount: count });
		return [checkedWriteResult(client, 'stopShipment', { receiptId: idValue(receiptId), cancelCount: count }, body)];
	},
});
