import { PATHS } from '../../core/coupangFacts';
import { checkedWriteResult, idValue } from '../answers';
import { readWaybill, waybillFields } from '../courierFields';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { exchangeIdField } from './fields';

const WAYBILL = { courier: 'goodsDeliveryCode', invoiceNumber: 'invoiceNumber' };

export const uploadInvoice = defineOperation({
	value: 'uploadInvoice',
	name: 'Upload Invoice',
	description: 'Send the waybill of the exchange item, on the re-delivery box Confirm Receipt created',
	action: 'Upload the waybill of an exchange',
	fields: [
		exchangeIdField,
		{
			displayName: 'Re-Delivery Shipment Box ID',
			name: 'shipmentBoxId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '642538970006401429',
			description:
				'The new box of the exchange (Simplified: redeliveryShipmentBoxId; Raw: deliveryInvoiceGroupDtos[0].shipmentBoxId), not the original order box',
		},
		...waybillFields(WAYBILL, 'the exchange item'),
		singleRequestOptions,
	],
	read(parameters) {
		return {
			exchangeId: parameters.id('exchangeId', 'Exchange ID'),
			shipmentBoxId: parameters.id('shipmentBoxId', 'Re-Delivery Shipment Box ID'),
			...readWaybill(parameters, WAYBILL),
		};
	},
	async run(client, { exchangeId, shipmentBoxId, courier, invoiceNumber }) {
		const entry = { exchangeId: idValue(exchangeId), vendorId: client.vendorId, shipmentBoxId: idValue(shipmentBoxId), goodsDeliveryCode: courier, invoiceNumber };
		// The table types the body as one object; every example (R19 and the current English page) sends a JSON array
		// of such objects, and the fact sheet reads the same conflict for order waybills (6.1: "typed Object but sent as
		// array"). The examples are what Coupang showed working, so the node sends an array of one. IDs go as numbers,
		// the table's type (the examples write them as strings); a digit string only beyond 2^53.
		const body = await client.request({ method: 'POST', path: PATHS.exchangeRequestAction(client.vendorId, exchangeId, 'invoices'), body: [entry], write: true });
		return [checkedWriteResult(client, 'uploadInvoice', { exchangeId: entry.exchangeId, shipmentBoxId: entry.shipmentBoxId, goodsDeliveryCode: courier, invoiceNumber }, body)];
	},
});
