// Return and cancellation requests (receipts) as the sandbox holds them (fact sheet 8.2, R19 return-api).

export const RECEIPT_STATUSES = ['RELEASE_STOP_UNCHECKED', 'RETURNS_UNCHECKED', 'VENDOR_WAREHOUSE_CONFIRM', 'REQUEST_COUPANG_CHECK', 'RETURNS_COMPLETED'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** The list's `status` codes (R19): RU, UC, CC, PR. VENDOR_WAREHOUSE_CONFIRM has none. */
export const STATUS_CODES = { RU: 'RELEASE_STOP_UNCHECKED', UC: 'RETURNS_UNCHECKED', CC: 'RETURNS_COMPLETED', PR: 'REQUEST_COUPANG_CHECK' } as const;
export type StatusCode = keyof typeof STATUS_CODES;

export type ReceiptType = 'RETURN' | 'CANCEL';

/** releaseStopStatus values (R19): 미처리, 처리(이미출고), 처리(출고중지), 자동처리(이미출고), 비대상. */
export type ReleaseStopStatus = '미처리' | '처리(이미출고)' | '처리(출고중지)' | '자동처리(이미출고)' | '비대상';

export interface ReturnItem {
	vendorItemId: number;
	vendorItemName: string;
	purchaseCount: number;
	cancelCount: number;
	shipmentBoxId: number;
	sellerProductId: number;
	sellerProductName: string;
}

export interface ReturnRequest {
	receiptId: number;
	orderId: number;
	paymentId: number;
	vendorId: string;
	receiptType: ReceiptType;
	receiptStatus: ReceiptStatus;
	createdAtMs: number;
	modifiedAtMs: number;
	requesterName: string;
	requesterPhoneNumber: string;
	requesterAddress: string;
	requesterAddressDetail: string;
	requesterZipCode: string;
	reasonCode: string;
	reasonCodeText: string;
	cancelReasonCategory1: string;
	cancelReasonCategory2: string;
	cancelReason: string;
	returnDeliveryId: number;
	returnDeliveryType: string;
	releaseStopStatus: ReleaseStopStatus;
	enclosePrice: number;
	faultByType: 'COUPANG' | 'VENDOR' | 'CUSTOMER' | 'WMS' | 'GENERAL';
	preRefund: boolean;
	completeConfirmType: 'VENDOR_CONFIRM' | 'UNDEFINED' | 'CS_CONFIRM' | 'CS_LOSS_CONFIRM';
	completeConfirmAtMs: number | null;
	items: ReturnItem[];
	returnDeliveryDtos: Array<{ deliveryCompanyCode: string; deliveryInvoiceNo: string | null }>;
	/** Quick refund (price under 100 000 won, normal delivery): receipt confirmation completes the return. */
	quickRefund: boolean;
}

export function cancelCountSum(request: ReturnRequest): number {
	return request.items.reduce((sum, item) => sum + item.cancelCount, 0);
}
