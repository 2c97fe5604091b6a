// Waybill upload (INSTRUCT → DEPARTURE) and update (shipped → DEPARTURE): one result per box inside the HTTP 200,
// with the resultCode and retryRequired of R19's table (delivery-api/ko/invoice-upload-processing,
// invoice-update-processing; EN-360033793014, EN-360034320653).

import { INVALID_VENDOR_MESSAGE, SandboxApiError } from '../errors';
import { COURIERS, validWaybill, type OrderBox, type OrderStatus } from './model';
import type { OrderStore } from './orderStore';
import { batchResponseCode, bodyBoolean, bodyId, bodyText, type BoxResult } from './requestBodies';

export type InvoiceMode = 'upload' | 'update';

const UPDATABLE: readonly OrderStatus[] = ['DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING'];
const DUPLICATE_WINDOW_MS = 183 * 24 * 3600 * 1000;
const RETRY: Record<string, boolean> = {
	NOT_FOUND_SHIPMENT_BOX: false,
	INVALID_STATUS: false,
	DUPLICATE_INVOICE_NUMBER: true,
	INVALID_INVOICE_NUMBER: true,
	ORDER_DELIVERY_CANCELED: false,
	ORDER_DELIVERY_PARTIAL_STOP_REQUESTED: true,
	ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL: true,
	NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD: false,
	NOT_FOUND_VENDOR_ITEM: false,
	NOT_ALLOW_VENDOR_DIRECT: false,
	IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY: false,
	NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM: false,
};

export interface InvoiceDto {
	shipmentBoxId: number;
	orderId: number;
	vendorItemId: number;
	deliveryCompanyCode: string;
	invoiceNumber: string;
	splitShipping: boolean;
	preSplitShipped: boolean;
	estimatedShippingDate: string;
}

export interface InvoiceData {
	responseCode: 0 | 1 | 99;
	responseMessage: 'SUCCESS' | 'PARTIAL_ERROR' | 'FAILED';
	responseList: BoxResult[];
}

function readDto(raw: unknown, index: number): InvoiceDto {
	const at = `orderSheetInvoiceApplyDtos[${index}]`;
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SandboxApiError(400, `${at} must be an object.`);
	const dto = raw as Record<string, unknown>;
	const deliveryCompanyCode = bodyText(dto.deliveryCompanyCode, `${at}.deliveryCompanyCode`);
	if (!COURIERS[deliveryCompanyCode]) throw new SandboxApiError(400, `Invalid deliveryCompanyCode [${deliveryCompanyCode}].`);
	return {
		shipmentBoxId: bodyId(dto.shipmentBoxId, `${at}.shipmentBoxId`),
		orderId: bodyId(dto.orderId, `${at}.orderId`),
		vendorItemId: bodyId(dto.vendorItemId, `${at}.vendorItemId`),
		deliveryCompanyCode,
		invoiceNumber: bodyText(dto.invoiceNumber ?? '', `${at}.invoiceNumber`, true),
		splitShipping: bodyBoolean(dto.splitShipping ?? false, `${at}.splitShipping`),
		preSplitShipped: bodyBoolean(dto.preSplitShipped ?? false, `${at}.preSplitShipped`),
		estimatedShippingDate: bodyText(dto.estimatedShippingDate ?? '', `${at}.estimatedShippingDate`, true),
	};
}

/** The body's dtos: the table says Object, every example sends an array; both are taken. */
export function readInvoiceBody(body: Record<string, unknown>, vendorId: string): InvoiceDto[] {
	if (body.vendorId !== vendorId) throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
	const raw = body.orderSheetInvoiceApplyDtos;
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	if (list.length === 0) throw new SandboxApiError(400, 'orderSheetInvoiceApplyDtos must not be empty.');
	return list.map(readDto);
}

/** Another recipient's box already carries this waybill number (within about 6 months). */
function duplicateOf(store: OrderStore, box: OrderBox, invoiceNumber: string, nowMs: number): boolean {
	const recipient = (other: OrderBox): string => `${other.receiver.name}|${other.receiver.addr1}|${other.receiver.addr2}`;
	return store.all.some(
		(other) =>
			other !== box &&
			other.invoiceNumber === invoiceNumber &&
			recipient(other) !== recipient(box) &&
			nowMs - (other.items[0]?.invoiceNumberUploadAtMs ?? nowMs) <= DUPLICATE_WINDOW_MS,
	);
}

/** The resultCode that refuses this box's dtos, or null. */
function refusalCode(store: OrderStore, box: OrderBox, dtos: InvoiceDto[], mode: InvoiceMode, nowMs: number): string | null {
	const [first] = dtos;
	if (dtos.some((dto) => dto.orderId !== box.orderId)) return 'NOT_FOUND_SHIPMENT_BOX';
	if (box.closedBy !== null) return 'ORDER_DELIVERY_CANCELED';
	if (box.stopRequested) return 'ORDER_DELIVERY_PARTIAL_STOP_REQUESTED';
	if (box.items.some((item) => item.holdCountForCancel > 0)) return 'ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL';
	if (mode === 'upload' ? box.status !== 'INSTRUCT' : !UPDATABLE.includes(box.status)) return 'INVALID_STATUS';
	const boxItems = new Set(box.items.map((item) => item.vendorItemId));
	if (dtos.some((dto) => !boxItems.has(dto.vendorItemId))) return 'NOT_FOUND_VENDOR_ITEM';
	if (first.splitShipping) {
		if (box.items.length === 1) return 'NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM';
		if (first.deliveryCompanyCode === 'DIRECT') return 'NOT_ALLOW_VENDOR_DIRECT';
	} else {
		if (box.splitShipping) return 'IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY';
		if (new Set(dtos.map((dto) => dto.vendorItemId)).size < boxItems.size) return 'NOT_FOUND_VENDOR_ITEM';
	}
	const splitWithDate = first.splitShipping && first.invoiceNumber === '' && first.estimatedShippingDate !== '';
	if (!splitWithDate && !validWaybill(first.deliveryCompanyCode, first.invoiceNumber)) return 'INVALID_INVOICE_NUMBER';
	if (first.invoiceNumber !== '' && duplicateOf(store, box, first.invoiceNumber, nowMs)) return store.readings.values.duplicateInvoice;
	return null;
}

function resultMessage(code: string, box: OrderBox | undefined, shipmentBoxId: number): string {
	if (code === 'NOT_FOUND_SHIPMENT_BOX' || !box) return `shipmentBoxId (${shipmentBoxId}) is not found.`;
	if (code === 'INVALID_STATUS') return `배송진행상태가 유효하지 않습니다. [합포장번호 : ${box.shipmentBoxId}] [주문번호 : ${box.orderId}]`;
	return `${code} [합포장번호 : ${box.shipmentBoxId}] [주문번호 : ${box.orderId}]`;
}

/** Writes the waybill on the box and moves it (DIRECT: as the directDelivery reading says). */
function ship(store: OrderStore, box: OrderBox, dtos: InvoiceDto[], mode: InvoiceMode, nowMs: number): void {
	const [first] = dtos;
	const shipped = new Set(dtos.map((dto) => dto.vendorItemId));
	for (const item of box.items) {
		if (shipped.has(item.vendorItemId)) item.invoiceNumberUploadAtMs = nowMs;
		if (shipped.has(item.vendorItemId) && first.invoiceNumber === '') item.estimatedShippingDate = first.estimatedShippingDate;
	}
	box.splitShipping = box.splitShipping || first.splitShipping;
	if (first.invoiceNumber === '') return;
	box.deliveryCompanyCode = first.deliveryCompanyCode;
	box.invoiceNumber = first.invoiceNumber;
	if (mode === 'update') [box.inTransitAtMs, box.deliveredAtMs] = [null, null];
	const direct = first.deliveryCompanyCode === 'DIRECT' && store.readings.values.directDelivery === 'NONE_TRACKING';
	store.moveTo(box, direct ? 'NONE_TRACKING' : 'DEPARTURE', nowMs);
}

export function applyInvoices(store: OrderStore, vendorId: string, dtos: InvoiceDto[], mode: InvoiceMode, nowMs: number): InvoiceData {
	const byBox = new Map<number, InvoiceDto[]>();
	for (const dto of dtos) byBox.set(dto.shipmentBoxId, [...(byBox.get(dto.shipmentBoxId) ?? []), dto]);
	const notFoundRetry = store.readings.values.notFoundBoxRetry === 'true';
	const responseList = [...byBox.entries()].map(([shipmentBoxId, boxDtos]): BoxResult => {
		const found = store.byBoxId.get(shipmentBoxId);
		const box = found && found.vendorId === vendorId ? found : undefined;
		const code = box ? refusalCode(store, box, boxDtos, mode, nowMs) : 'NOT_FOUND_SHIPMENT_BOX';
		if (code === null && box) {
			ship(store, box, boxDtos, mode, nowMs);
			return { shipmentBoxId, succeed: true, resultCode: 'OK', retryRequired: false, resultMessage: null };
		}
		const retryRequired = code === 'NOT_FOUND_SHIPMENT_BOX' ? notFoundRetry : (RETRY[code ?? ''] ?? true);
		return { shipmentBoxId, succeed: false, resultCode: code ?? 'UNDEFINED_ERROR_OCCUR', retryRequired, resultMessage: resultMessage(code ?? '', box, shipmentBoxId) };
	});
	const responseCode = batchResponseCode(responseList);
	const responseMessage = responseCode === 0 ? 'SUCCESS' : responseCode === 1 ? 'PARTIAL_ERROR' : 'FAILED';
	return { responseCode, responseMessage, responseList };
}
