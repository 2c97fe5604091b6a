/**
 * The Simplified output of an exchange request (fact sheet 8.3): status, what the seller has to do, the items, the
 * pickup and re-delivery (with the re-delivery box that Upload Invoice needs), with ISO twins of Korea times. The
 * customer's address and phone numbers (safe numbers) are left out.
 */
import type { IDataObject } from 'n8n-workflow';

import { withIso } from '../../core/records';

type Records = IDataObject[];

const list = (value: unknown): Records => (Array.isArray(value) ? (value as Records) : []);

/**
 * What the seller has to do (fact sheet 10): an open request not yet confirmed → confirm receipt (or reject); confirmed,
 * picked up (collectStatus CompleteCollect) and without an exchange waybill → upload invoice; otherwise nothing.
 */
function exchangeToDo(record: IDataObject, redelivery: Records): string | null {
	if (record.exchangeStatus !== 'RECEIPT' && record.exchangeStatus !== 'PROGRESS') return null;
	if (redelivery.length === 0) return 'confirmReceipt';
	const shipped = redelivery.some((group) => list(group.deliveryInvoiceDtos).length > 0);
	return !shipped && record.collectStatus === 'CompleteCollect' ? 'uploadInvoice' : null;
}

export function simplifyExchangeRequest(record: IDataObject): IDataObject {
	const items = list(record.exchangeItemDtoV1s);
	const redelivery = list(record.deliveryInvoiceGroupDtos);
	const invoices = redelivery.flatMap((group) => list(group.deliveryInvoiceDtos));
	return {
		exchangeId: record.exchangeId,
		orderId: record.orderId,
		status: record.exchangeStatus,
		toDo: exchangeToDo(record, redelivery),
		...withIso('createdAt', record.createdAt),
		...withIso('modifiedAt', record.modifiedAt),
		items: items.map((item) => `${String(item.targetItemName ?? item.orderItemName ?? item.targetItemId)} ×${String(item.quantity)}`).join('; '),
		vendorItemIds: items.map((item) => item.targetItemId ?? item.orderItemId),
		originalShipmentBoxIds: [...new Set(items.map((item) => item.originalShipmentBoxId))],
		reasonCode: record.reasonCode ?? null,
		reason: record.reasonCodeText ?? null,
		customerComment: record.reasonEtcDetail ?? null,
		faultType: record.faultType ?? null,
		createdBy: record.createdByType ?? null,
		orderDeliveryStatus: record.orderDeliveryStatusCode ?? null,
		collectStatus: record.collectStatus ?? null,
		...withIso('collectCompleteDate', record.collectCompleteDate),
		redeliveryShipmentBoxId: redelivery[0]?.shipmentBoxId ?? null,
		redeliveryWaybills: invoices.map((invoice) => `${String(invoice.deliverCode)} ${String(invoice.invoiceNumber)}`),
		deliveryStatus: record.deliveryStatus ?? null,
		rejectable: record.rejectable ?? null,
		invoiceUploadable: record.deliveryInvoiceModifiable ?? null,
	};
}
