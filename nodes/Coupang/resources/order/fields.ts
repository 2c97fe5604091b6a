/** Fields of the Order operations (and the New Order trigger's status). */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OrderStatus } from '../../core/coupangFacts';

/** The order statuses (one per list call), with what each means for the seller. */
export const ORDER_STATUS_OPTIONS: Array<INodePropertyOptions & { value: OrderStatus }> = [
	{ name: 'Paid', value: 'ACCEPT', description: 'Payment complete (결제완료): acknowledge it with Set to Preparing' },
	{ name: 'Preparing', value: 'INSTRUCT', description: 'Acknowledged, being prepared (상품준비중): upload its waybill with Upload Invoice' },
	{ name: 'Shipping Instructed', value: 'DEPARTURE', description: 'Waybill registered (배송지시)' },
	{ name: 'In Transit', value: 'DELIVERING', description: 'On its way, from the courier’s tracking (배송중)' },
	{ name: 'Delivered', value: 'FINAL_DELIVERY', description: 'Delivered (배송완료)' },
	{ name: 'Own Delivery, No Tracking', value: 'NONE_TRACKING', description: 'Delivered by you without tracking (업체 직접 배송)' },
];

/** Readable name of a status, or the code itself. */
export function orderStatusName(status: unknown): string | null {
	if (typeof status !== 'string') return null;
	return ORDER_STATUS_OPTIONS.find((option) => option.value === status)?.name ?? status;
}

export const shipmentBoxIdField: INodeProperties = {
	displayName: 'Shipment Box ID',
	name: 'shipmentBoxId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '6425389700001',
	description: 'The bundled-delivery box of the order (shipmentBoxId from Get Many or the trigger)',
};

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '22000015000001',
	description: "The customer's order (orderId); an order has one or more shipment boxes",
};
