// Coupang's JSON for exchange requests (R19 exchange-api/ko/lookup-change-request-list sample, fact sheet 8.3).
// Labels repeat the codes, as the sample's do.

import { formatKoreaLocalDateTime } from '../time';
import { collectComplete } from './exchangeStore';
import type { ExchangeRequest } from './model';

export type ExchangeJson = Record<string, unknown> & { exchangeId: number; orderId: number; exchangeStatus: string; collectStatus: string };

const local = (ms: number | null): string | null => (ms === null ? null : formatKoreaLocalDateTime(ms));

function itemsJson(exchange: ExchangeRequest): Array<Record<string, unknown>> {
	return exchange.items.map((item) => ({
		exchangeItemId: item.exchangeItemId,
		orderItemId: item.vendorItemId,
		orderItemUnitPrice: item.unitPrice,
		orderItemName: null,
		orderPackageId: null,
		orderPackageName: null,
		targetItemId: item.vendorItemId,
		targetItemUnitPrice: item.unitPrice,
		targetItemName: item.itemName,
		targetPackageId: -1,
		targetPackageName: '',
		quantity: item.quantity,
		orderItemDeliveryComplete: null,
		orderItemReturnComplete: null,
		targetItemDeliveryComplete: null,
		createdAt: local(exchange.createdAtMs),
		modifiedAt: local(exchange.createdAtMs),
		originalShipmentBoxId: item.originalShipmentBoxId,
	}));
}

function addressJson(exchange: ExchangeRequest): Record<string, unknown> {
	const a = exchange.address;
	return {
		exchangeAddressId: a.exchangeAddressId,
		returnCustomerName: a.customerName,
		returnAddressZipCode: a.zipCode,
		returnAddress: a.address,
		returnAddressDetail: a.addressDetail,
		returnPhone: null,
		returnMobile: a.mobile,
		returnMemo: null,
		deliveryCustomerName: a.customerName,
		deliveryAddressZipCode: a.zipCode,
		deliveryAddress: a.address,
		deliveryAddressDetail: a.addressDetail,
		deliveryPhone: null,
		deliveryMobile: a.mobile,
		deliveryMemo: null,
		createdAt: local(exchange.createdAtMs),
		modifiedAt: local(exchange.createdAtMs),
		exchangeId: exchange.exchangeId,
	};
}

function deliveryGroupsJson(exchange: ExchangeRequest): Array<Record<string, unknown>> {
	return exchange.redelivery.map((box) => ({
		shipmentBoxId: box.shipmentBoxId,
		boxPrice: 0,
		orderId: exchange.orderId,
		orderType: 'EXCHANGE',
		customerType: 'CUSTOMER',
		bundleType: 'SINGLE',
		extraMessage: '',
		shippingDeliveryType: 'EXCHANGE_DELIVERY',
		deliveryInvoiceDtos: box.invoice === null ? [] : [invoiceJson(exchange, box.invoice)],
	}));
}

function invoiceJson(exchange: ExchangeRequest, invoice: NonNullable<ExchangeRequest['redelivery'][number]['invoice']>): Record<string, unknown> {
	const [item] = exchange.items;
	return {
		invoiceNumber: invoice.invoiceNumber,
		estimatedDeliveryDate: '',
		deliveredDate: exchange.deliveryStatus === 'CompleteDelivery' ? local(exchange.modifiedAtMs) : '',
		statusModifiedAt: local(invoice.uploadedAtMs),
		invoiceNumberUploadDate: local(invoice.uploadedAtMs),
		statusCode: exchange.deliveryStatus === 'CompleteDelivery' ? 'FINAL_DELIVERY' : 'DEPARTURE',
		deliverCode: invoice.deliverCode,
		isMainShipmentInvoice: true,
		parcelType: 'NORMAL',
		invoiceVendorItemDtos: item ? [{ vendorItemId: item.vendorItemId, quantity: item.quantity, hasAdditionalItem: false, promiseDeliveryDate: '', estimatedShippingDate: '' }] : [],
	};
}

function collectJson(exchange: ExchangeRequest, collectStatus: string): Record<string, unknown> {
	const collected = collectStatus === 'CompleteCollect';
	return {
		returnType: 'EXCHANGE_RETURN',
		expectedReturnDate: local(exchange.createdAtMs + 3 * 86_400_000),
		returndeliveryItemDtos: exchange.items.map((item) => ({
			vendorItemId: item.vendorItemId,
			statusCode: collected ? 'RETURN_COLLECT_OK' : 'RETURN_SEND_READY',
			returnCount: collected ? item.quantity : null,
			releaseStatus: 'RELEASED',
			count: item.quantity,
			confirmType: null,
			collectStatus: 'RETURN',
		})),
	};
}

export function toExchangeJson(exchange: ExchangeRequest, nowMs: number): ExchangeJson {
	const collectStatus = collectComplete(exchange, nowMs) ? 'CompleteCollect' : exchange.collectStatus === 'CompleteCollect' ? 'Collecting' : exchange.collectStatus;
	const open = exchange.exchangeStatus === 'RECEIPT' || exchange.exchangeStatus === 'PROGRESS';
	const shipped = exchange.redelivery.some((box) => box.invoice !== null);
	return {
		exchangeId: exchange.exchangeId,
		orderId: exchange.orderId,
		vendorId: exchange.vendorId,
		orderDeliveryStatusCode: exchange.orderDeliveryStatusCode,
		exchangeStatus: exchange.exchangeStatus,
		referType: exchange.referType,
		faultType: exchange.faultType,
		exchangeAmount: 0,
		reason: null,
		reasonCode: exchange.reasonCode,
		reasonCodeText: exchange.reasonCodeText,
		reasonEtcDetail: exchange.reasonEtcDetail,
		cancelReason: null,
		createdByType: exchange.createdByType,
		createdAt: local(exchange.createdAtMs),
		modifiedByType: exchange.modifiedByType,
		modifiedAt: local(exchange.modifiedAtMs),
		exchangeItemDtoV1s: itemsJson(exchange),
		exchangeAddressDtoV1: addressJson(exchange),
		deliveryInvoiceGroupDtos: deliveryGroupsJson(exchange),
		deliveryStatus: exchange.deliveryStatus,
		collectStatus,
		collectCompleteDate: collectStatus === 'CompleteCollect' ? local(exchange.collectCompleteAtMs) : null,
		collectInformationsDto: collectJson(exchange, collectStatus),
		returnDeliveryDtos: [{ ...exchange.returnDelivery }],
		orderDeliveryStatusLabel: exchange.orderDeliveryStatusCode,
		exchangeStatusLabel: exchange.exchangeStatus,
		referTypeLabel: exchange.referType,
		faultTypeLabel: exchange.faultType,
		createdByTypeLabel: exchange.createdByType,
		rejectable: open && !shipped,
		modifiedByTypeLabel: exchange.modifiedByType,
		deliveryInvoiceModifiable: open && collectStatus === 'CompleteCollect',
		successable: false,
	};
}

/** The control surface's view: the record as the list shows it now, plus the reject code. */
export function toExchangeDump(exchange: ExchangeRequest, nowMs: number): Record<string, unknown> {
	return { ...toExchangeJson(exchange, nowMs), exchangeRejectCode: exchange.rejectCode };
}
