/**
 * The Simplified output of a return or cancellation receipt (fact sheet 8.2): what it is, what the seller has to do,
 * its items and reason, with ISO twins of Korea times. The requester's phone number (a safe number) and address are
 * left out.
 */
import type { IDataObject } from 'n8n-workflow';

import { withIso } from '../../core/records';

type Records = IDataObject[];

const list = (value: unknown): Records => (Array.isArray(value) ? (value as Records) : []);

/**
 * What the seller has to do (fact sheet 9.3-9.6): stop shipment (a stop-shipment request, or a return whose shipping
 * decision is open — then Mark Already Shipped if it left), confirm receipt (the return is on its way), approve (the
 * goods arrived and were confirmed), or nothing.
 */
function returnToDo(record: IDataObject): string | null {
	const status = record.receiptStatus;
	if (status === 'RELEASE_STOP_UNCHECKED' || (status === 'RETURNS_UNCHECKED' && record.releaseStopStatus === '미처리')) return 'stopShipment';
	if (status === 'RETURNS_UNCHECKED') return 'confirmReceipt';
	if (status === 'VENDOR_WAREHOUSE_CONFIRM') return 'approve';
	return null;
}

export function simplifyReturnRequest(record: IDataObject): IDataObject {
	const items = list(record.returnItems);
	const waybills = list(record.returnDeliveryDtos).filter((dto) => dto.deliveryInvoiceNo !== undefined && dto.deliveryInvoiceNo !== null && dto.deliveryInvoiceNo !== '');
	return {
		receiptId: record.receiptId,
		orderId: record.orderId,
		type: record.receiptType,
		status: record.receiptStatus,
		toDo: record.receiptType === 'CANCEL' ? null : returnToDo(record),
		...withIso('createdAt', record.createdAt),
		...withIso('modifiedAt', record.modifiedAt),
		cancelCount: record.cancelCountSum,
		items: items.map((item) => `${String(item.vendorItemName ?? item.sellerProductName ?? item.vendorItemId)} ×${String(item.cancelCount)}`).join('; '),
		vendorItemIds: items.map((item) => item.vendorItemId),
		shipmentBoxIds: [...new Set(items.map((item) => item.shipmentBoxId))],
		reasonCode: record.reasonCode ?? null,
		reason: record.reasonCodeText ?? null,
		reasonCategory: [record.cancelReasonCategory1, record.cancelReasonCategory2].filter((part) => typeof part === 'string' && part !== '').join(' / ') || null,
		customerComment: record.cancelReason === '' ? null : (record.cancelReason ?? null),
		faultBy: record.faultByType ?? null,
		releaseStopStatus: record.releaseStopStatus ?? null,
		returnDeliveryType: record.returnDeliveryType === '' ? null : (record.returnDeliveryType ?? null),
		pickupWaybills: waybills.map((dto) => `${String(dto.deliveryCompanyCode)} ${String(dto.deliveryInvoiceNo)}`),
		requesterName: record.requesterName ?? null,
		preRefund: record.preRefund ?? null,
		completeConfirmType: record.completeConfirmType ?? null,
		...withIso('completeConfirmDate', record.completeConfirmDate === '' ? null : record.completeConfirmDate),
	};
}
