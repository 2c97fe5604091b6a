// Coupang's JSON for purchase orders and their delivery history. v4 (R19 samples): plain won, Korea local times;
// v5 (TX copies of KO-360033919573 / KO-360033792854): Money objects, ISO-8601 with offset, E.164-style phones,
// the orderer's e-mail always "" (KO-35420918786329).

import { formatKoreaDateTime, formatIsoWithOffset, formatKoreaLocalDateTime } from '../time';
import { COURIERS, ORDER_STATUS_LABELS, type OrderBox, type OrderItem } from './model';

export type OrderWireVersion = 'v4' | 'v5';

export interface Money {
	currencyCode: 'KRW';
	units: number;
	nanos: 0;
}

export interface OrderHistoryJson {
	shipmentBoxId: number;
	details: Array<{ deliveryStatus: string; deliveryStatusDesc: string; updatedAt: string }>;
}

/** The shape every version shares; money and times are numbers/strings (v4) or Money/ISO strings (v5). */
export type OrderSheetJson = Record<string, unknown> & { shipmentBoxId: number; orderId: number; status: string; orderItems: Array<Record<string, unknown>> };

function money(units: number): Money {
	return { currencyCode: 'KRW', units, nanos: 0 };
}

/** Formats for one version: amounts, date-times (v4 `yyyy-MM-ddTHH:mm:ss` or `yyyy-MM-dd HH:mm:ss`), phones. */
function formatsOf(version: OrderWireVersion, micros: number) {
	const v5 = version === 'v5';
	return {
		amount: (won: number): number | Money => (v5 ? money(won) : won),
		localT: (ms: number | null): string => (ms === null ? '' : v5 ? formatIsoWithOffset(ms, micros) : formatKoreaLocalDateTime(ms)),
		spaced: (ms: number | null): string => (ms === null ? '' : v5 ? formatIsoWithOffset(ms, micros) : formatKoreaDateTime(ms)),
		phone: (safeNumber: string): string => (v5 ? `+82${safeNumber.slice(1).replace(/-/g, '')}` : safeNumber),
	};
}

function itemJson(item: OrderItem, version: OrderWireVersion, micros: number): Record<string, unknown> {
	const f = formatsOf(version, micros);
	const shippingCount = version === 'v4' ? item.orderedCount - item.cancelCount : item.orderedCount;
	const discount = item.discountPrice ?? 0;
	const coupons = version === 'v5' ? { instantCouponDiscount: money(discount), downloadableCouponDiscount: money(0), coupangDiscount: money(0) } : {};
	return {
		vendorItemPackageId: 0,
		vendorItemPackageName: item.sellerProductName,
		productId: item.productId,
		vendorItemId: item.vendorItemId,
		vendorItemName: `${item.sellerProductName}, ${item.sellerProductItemName}`,
		shippingCount,
		salesPrice: f.amount(item.salesPrice),
		orderPrice: f.amount(item.salesPrice * shippingCount),
		discountPrice: version === 'v5' ? money(discount) : item.discountPrice,
		...coupons,
		externalVendorSkuCode: item.externalVendorSkuCode,
		etcInfoHeader: null,
		etcInfoValue: null,
		etcInfoValues: item.etcInfoValues,
		sellerProductId: item.sellerProductId,
		sellerProductName: item.sellerProductName,
		sellerProductItemName: item.sellerProductItemName,
		firstSellerProductItemName: item.sellerProductItemName,
		cancelCount: item.cancelCount,
		holdCountForCancel: item.holdCountForCancel,
		estimatedShippingDate: item.estimatedShippingDate,
		plannedShippingDate: '',
		invoiceNumberUploadDate: f.localT(item.invoiceNumberUploadAtMs),
		extraProperties: {},
		pricingBadge: false,
		usedProduct: false,
		confirmDate: f.spaced(item.confirmAtMs),
		deliveryChargeTypeName: item.deliveryChargeTypeName,
		canceled: item.cancelCount >= item.orderedCount,
	};
}

export function toOrderSheetJson(box: OrderBox, version: OrderWireVersion = 'v4'): OrderSheetJson {
	const f = formatsOf(version, box.micros);
	const v5Extras = version === 'v5' ? { shipmentType: 'THIRD_PARTY', isCod: false, extraProperties: { sameDayShipping: 'false', cutOffTimeHour: '0' } } : {};
	return {
		shipmentBoxId: box.shipmentBoxId,
		orderId: box.orderId,
		orderedAt: f.localT(box.orderedAtMs),
		orderer: { name: box.orderer.name, email: version === 'v5' ? '' : box.orderer.email, safeNumber: f.phone(box.orderer.safeNumber), ordererNumber: null },
		paidAt: f.localT(box.paidAtMs),
		status: box.status,
		shippingPrice: f.amount(box.shippingPrice),
		remotePrice: box.remoteArea ? f.amount(3000) : null,
		remoteArea: box.remoteArea,
		parcelPrintMessage: box.parcelPrintMessage,
		splitShipping: box.splitShipping,
		ableSplitShipping: box.ableSplitShipping,
		receiver: { ...box.receiver, safeNumber: f.phone(box.receiver.safeNumber), receiverNumber: null },
		orderItems: box.items.map((item) => itemJson(item, version, box.micros)),
		overseaShippingInfoDto: { personalCustomsClearanceCode: '', ordererSsn: '', ordererPhoneNumber: '' },
		deliveryCompanyName: box.deliveryCompanyCode === null ? '' : (COURIERS[box.deliveryCompanyCode]?.name ?? box.deliveryCompanyCode),
		invoiceNumber: box.invoiceNumber ?? '',
		inTrasitDateTime: f.spaced(box.inTransitAtMs),
		deliveredDate: f.spaced(box.deliveredAtMs),
		refer: box.refer,
		...v5Extras,
	};
}

/** The delivery history, newest first (R19 sample, EN-360033792934). */
export function toOrderHistoryJson(box: OrderBox, version: OrderWireVersion = 'v4'): OrderHistoryJson {
	const f = formatsOf(version, box.micros);
	const details = box.history
		.slice()
		.reverse()
		.map((entry) => ({ deliveryStatus: entry.status, deliveryStatusDesc: ORDER_STATUS_LABELS[entry.status], updatedAt: f.localT(entry.atMs) }));
	return { shipmentBoxId: box.shipmentBoxId, details };
}

/** The control surface's view: the v4 record plus the vendor, the courier code and why it left the lists. */
export function toOrderDump(box: OrderBox): Record<string, unknown> {
	return {
		vendorId: box.vendorId,
		deliveryCompanyCode: box.deliveryCompanyCode,
		closedBy: box.closedBy,
		stopRequested: box.stopRequested,
		...toOrderSheetJson(box, 'v4'),
		history: toOrderHistoryJson(box).details,
	};
}
