// Exchange requests as the sandbox holds them (fact sheet 8.3, R19 exchange-api/ko/lookup-change-request-list).

export const EXCHANGE_STATUSES = ['RECEIPT', 'PROGRESS', 'SUCCESS', 'REJECT', 'CANCEL'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

export type CollectStatus = 'BeforeDirection' | 'CompleteDirection' | 'Delivering' | 'CompleteCollect' | 'Collecting' | 'NoneData';
export type RedeliveryStatus = 'BeforeDirection' | 'CompleteDirection' | 'Delivering' | 'CompleteDelivery' | 'NoneData';

export interface ExchangeItem {
	exchangeItemId: number;
	vendorItemId: number;
	unitPrice: number;
	itemName: string;
	quantity: number;
	originalShipmentBoxId: number;
}

export interface ExchangeAddress {
	exchangeAddressId: number;
	customerName: string;
	zipCode: string;
	address: string;
	addressDetail: string;
	mobile: string;
}

/** A re-delivery box, made by the receipt confirmation; it carries the exchange waybill. */
export interface RedeliveryBox {
	shipmentBoxId: number;
	invoice: { deliverCode: string; invoiceNumber: string; uploadedAtMs: number } | null;
}

export interface ExchangeRequest {
	exchangeId: number;
	orderId: number;
	vendorId: string;
	orderDeliveryStatusCode: string;
	exchangeStatus: ExchangeStatus;
	referType: 'VENDOR' | 'CS_CENTER' | 'WEB_PC' | 'WEB_MOBILE';
	faultType: 'COUPANG' | 'VENDOR' | 'CUSTOMER' | 'WMS' | 'GENERAL';
	reasonCode: string;
	reasonCodeText: string;
	reasonEtcDetail: string;
	createdByType: 'CUSTOMER' | 'COUNSELOR';
	createdAtMs: number;
	modifiedByType: 'CUSTOMER' | 'COUNSELOR' | 'VENDOR' | 'TRACKING';
	modifiedAtMs: number;
	items: ExchangeItem[];
	address: ExchangeAddress;
	redelivery: RedeliveryBox[];
	deliveryStatus: RedeliveryStatus;
	collectStatus: CollectStatus;
	/** When the pickup completed (or will, with the 10-minute reading): set by the receipt confirmation. */
	collectCompleteAtMs: number | null;
	receiptConfirmedAtMs: number | null;
	returnDelivery: { deliveryCompanyCode: string; deliveryInvoiceNo: string };
	rejectCode: 'SOLDOUT' | 'WITHDRAW' | null;
}
