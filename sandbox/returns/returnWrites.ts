// The seller's writes on return receipts, with the status moves of the fact sheet (9.3-9.6, section 15):
// receipt confirmation, approval, stop shipment (출고중지완료) and already shipped (이미출고).

import { SandboxApiError } from '../errors';
import { COURIERS, validWaybill } from '../orders/model';
import type { OrderReadingValues } from '../orders/readings';
import { bodyId, bodyText, checkBodyMatchesPath, checkBodyVendor } from '../orders/requestBodies';
import { cancelCountSum, type ReturnRequest } from './model';
import type { ReturnStore } from './returnStore';

export const CANCEL_COUNT_MISMATCH_MESSAGE = '[INTERNAL_SERVER_ERROR] 취소반품접수수량과 cancelCount가 일치하지 않습니다.';
export const ALREADY_RETURNED_MESSAGE = 'Product is already returned.';

export interface ReturnWrite {
	store: ReturnStore;
	vendorId: string;
	receiptId: number;
	body: Record<string, unknown>;
	nowMs: number;
}

/** The receipt after the checks every write shares: body vendor and receiptId, ownership. */
function receiptFor(write: ReturnWrite, readings: OrderReadingValues): ReturnRequest {
	checkBodyVendor(write.body, write.vendorId, readings);
	checkBodyMatchesPath(write.body, 'receiptId', write.receiptId);
	return write.store.getFor(write.vendorId, write.receiptId);
}

function wrongState(request: ReturnRequest, needs: string): SandboxApiError {
	return new SandboxApiError(400, `receiptId ${request.receiptId} is ${request.receiptStatus}; this needs ${needs}.`);
}

function complete(write: ReturnWrite, request: ReturnRequest, closure: 'cancelled' | 'returned'): void {
	request.receiptStatus = 'RETURNS_COMPLETED';
	request.completeConfirmType = 'VENDOR_CONFIRM';
	request.completeConfirmAtMs = write.nowMs;
	request.modifiedAtMs = write.nowMs;
	write.store.settleOnBox(request, closure);
}

/** RETURNS_UNCHECKED → VENDOR_WAREHOUSE_CONFIRM, or straight to RETURNS_COMPLETED for a quick refund. */
export function confirmReceipt(write: ReturnWrite): void {
	const request = receiptFor(write, write.store.orders.readings.values);
	if (request.receiptStatus !== 'RETURNS_UNCHECKED') throw wrongState(request, 'RETURNS_UNCHECKED');
	if (request.quickRefund) {
		complete(write, request, 'returned');
		return;
	}
	request.receiptStatus = 'VENDOR_WAREHOUSE_CONFIRM';
	request.modifiedAtMs = write.nowMs;
}

function checkCancelCount(write: ReturnWrite, request: ReturnRequest, required: boolean): void {
	const raw = write.body.cancelCount;
	if (raw === undefined || raw === null) {
		if (required) throw new SandboxApiError(400, 'cancelCount must be a number, got [].');
		return;
	}
	if (bodyId(raw, 'cancelCount') !== cancelCountSum(request)) throw new SandboxApiError(400, CANCEL_COUNT_MISMATCH_MESSAGE);
}

/** VENDOR_WAREHOUSE_CONFIRM → RETURNS_COMPLETED; cancelCount is required and must be the receipt's total. */
export function approveReturn(write: ReturnWrite): void {
	const request = receiptFor(write, write.store.orders.readings.values);
	if (request.receiptStatus !== 'VENDOR_WAREHOUSE_CONFIRM') {
		throw new SandboxApiError(400, `There is no history of the warehouse receipt confirmation for receiptId ${request.receiptId}.`);
	}
	checkCancelCount(write, request, true);
	complete(write, request, 'returned');
}

/** A stop-shipment decision is open: RELEASE_STOP_UNCHECKED, or RETURNS_UNCHECKED not yet released (미처리). */
function stopDecisionOpen(request: ReturnRequest): boolean {
	return request.receiptStatus === 'RELEASE_STOP_UNCHECKED' || (request.receiptStatus === 'RETURNS_UNCHECKED' && request.releaseStopStatus === '미처리');
}

/** 출고중지완료: the goods stay; the receipt completes and its units are cancelled on the box. */
export function stopShipment(write: ReturnWrite): void {
	const request = receiptFor(write, write.store.orders.readings.values);
	if (!stopDecisionOpen(request)) throw new SandboxApiError(400, ALREADY_RETURNED_MESSAGE);
	checkCancelCount(write, request, write.store.orders.readings.values.bodyVendorId === 'required');
	request.releaseStopStatus = '처리(출고중지)';
	complete(write, request, 'cancelled');
}

/** 이미출고: the goods left with this waybill; the receipt becomes a return waiting for the goods. */
export function markAlreadyShipped(write: ReturnWrite): void {
	const request = receiptFor(write, write.store.orders.readings.values);
	const courier = bodyText(write.body.deliveryCompanyCode, 'deliveryCompanyCode');
	const invoiceNumber = bodyText(write.body.invoiceNumber, 'invoiceNumber');
	if (!COURIERS[courier]) throw new SandboxApiError(400, `Invalid deliveryCompanyCode [${courier}].`);
	if (!validWaybill(courier, invoiceNumber)) throw new SandboxApiError(400, `Invalid invoiceNumber [${invoiceNumber}] for ${courier}.`);
	if (!stopDecisionOpen(request)) throw new SandboxApiError(400, ALREADY_RETURNED_MESSAGE);
	request.releaseStopStatus = '처리(이미출고)';
	request.receiptStatus = 'RETURNS_UNCHECKED';
	request.modifiedAtMs = write.nowMs;
	const box = write.store.orders.byBoxId.get(request.items[0]?.shipmentBoxId ?? -1);
	if (!box) return;
	box.stopRequested = false;
	if (box.status !== 'INSTRUCT') return;
	[box.deliveryCompanyCode, box.invoiceNumber] = [courier, invoiceNumber];
	for (const item of box.items) item.invoiceNumberUploadAtMs = write.nowMs;
	write.store.orders.moveTo(box, 'DEPARTURE', write.nowMs);
}
