// Coupang's JSON for return and cancellation receipts (v4: R19 return-api samples, EN-360034562353).

import { formatKoreaLocalDateTime } from '../time';
import { cancelCountSum, type ReturnRequest } from './model';

export interface ReturnRequestJson {
	receiptId: number;
	orderId: number;
	paymentId: number;
	receiptType: string;
	receiptStatus: string;
	createdAt: string;
	modifiedAt: string;
	cancelCountSum: number;
	returnItems: Array<Record<string, unknown>>;
	returnDeliveryDtos: Array<{ deliveryCompanyCode: string; deliveryInvoiceNo: string | null }>;
	[field: string]: unknown;
}

export function toReturnRequestJson(request: ReturnRequest): ReturnRequestJson {
	return {
		receiptId: request.receiptId,
		orderId: request.orderId,
		paymentId: request.paymentId,
		receiptType: request.receiptType,
		receiptStatus: request.receiptStatus,
		createdAt: formatKoreaLocalDateTime(request.createdAtMs),
		modifiedAt: formatKoreaLocalDateTime(request.modifiedAtMs),
		requesterName: request.requesterName,
		requesterPhoneNumber: request.requesterPhoneNumber,
		requesterRealPhoneNumber: null,
		requesterAddress: request.requesterAddress,
		requesterAddressDetail: request.requesterAddressDetail,
		requesterZipCode: request.requesterZipCode,
		cancelReasonCategory1: request.cancelReasonCategory1,
		cancelReasonCategory2: request.cancelReasonCategory2,
		cancelReason: request.cancelReason,
		cancelCountSum: cancelCountSum(request),
		returnDeliveryId: request.returnDeliveryId,
		returnDeliveryType: request.returnDeliveryType,
		releaseStopStatus: request.releaseStopStatus,
		enclosePrice: request.enclosePrice,
		faultByType: request.faultByType,
		preRefund: request.preRefund,
		completeConfirmDate: request.completeConfirmAtMs === null ? '' : formatKoreaLocalDateTime(request.completeConfirmAtMs),
		completeConfirmType: request.completeConfirmType,
		returnItems: request.items.map((item) => ({ vendorItemPackageId: 0, vendorItemPackageName: item.sellerProductName, ...item })),
		returnDeliveryDtos: request.returnDeliveryDtos.map((dto) => ({ ...dto })),
		reasonCode: request.reasonCode,
		reasonCodeText: request.reasonCodeText,
	};
}

/** The control surface's view: the record plus the vendor and the sandbox's quick-refund flag. */
export function toReturnDump(request: ReturnRequest): Record<string, unknown> {
	return { vendorId: request.vendorId, quickRefund: request.quickRefund, ...toReturnRequestJson(request) };
}
