import { checkedWriteResult, idValue } from '../answers';
import { readWaybill, waybillFields } from '../courierFields';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { receiptIdField } from './fields';
import { sendReturnAction } from './writes';

const WAYBILL = { courier: 'deliveryCompanyCode', invoiceNumber: 'invoiceNumber' };

export const markAlreadyShipped = defineOperation({
	value: 'markAlreadyShipped',
	name: 'Mark Already Shipped',
	description: 'Answer a stop-shipment request: the goods already left, with this waybill (the return follows)',
	action: 'Mark a cancelled order as already shipped',
	fields: [receiptIdField, ...waybillFields(WAYBILL, 'the shipment'), singleRequestOptions],
	read(parameters) {
		return { receiptId: parameters.id('receiptId', 'Receipt ID'), ...readWaybill(parameters, WAYBILL) };
	},
	async run(client, { receiptId, courier, invoiceNumber }) {
		const body = await sendReturnAction(client, receiptId, 'completedShipment', { deliveryCompanyCode: courier, invoiceNumber });
		return [checkedWriteResult(client, 'markAlreadyShipped', { receiptId: idValue(receiptId), deliveryCompanyCode: courier, invoiceNumber }, body)];
	},
});
