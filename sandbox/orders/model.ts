// Purchase orders (ordersheets) as the sandbox holds them: one OrderBox per shipmentBoxId. Instants are epoch
// milliseconds; the wire format formats them (v4 local Korea time, v5 ISO-8601 with offset).

export const ORDER_STATUSES = ['ACCEPT', 'INSTRUCT', 'DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Korean labels of the delivery history (R19 lookup-delivery-modify-history, EN-360033792934). */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
	ACCEPT: '결제완료',
	INSTRUCT: '상품준비중',
	DEPARTURE: '배송지시',
	DELIVERING: '배송중',
	FINAL_DELIVERY: '배송완료',
	NONE_TRACKING: '업체 직접 배송',
};

export interface OrderParty {
	/** Masked, e.g. 신*희. */
	name: string;
	/** Masked safe number, e.g. 0503-****-5464. */
	safeNumber: string;
}

export interface OrderReceiver extends OrderParty {
	addr1: string;
	addr2: string;
	postCode: string;
}

export interface OrderItem {
	vendorItemId: number;
	productId: number;
	sellerProductId: number;
	sellerProductName: string;
	sellerProductItemName: string;
	/** Units ordered; the wire's v4 shippingCount excludes cancelled units (R19). */
	orderedCount: number;
	cancelCount: number;
	holdCountForCancel: number;
	salesPrice: number;
	/** Instant coupon discount in won, null without one. */
	discountPrice: number | null;
	externalVendorSkuCode: string;
	etcInfoValues: string[];
	estimatedShippingDate: string;
	invoiceNumberUploadAtMs: number | null;
	confirmAtMs: number | null;
	deliveryChargeTypeName: '유료' | '무료';
}

export interface OrderHistoryEntry {
	status: OrderStatus;
	atMs: number;
}

/** Why a box left the PO lists: cancelled, or its return completed. */
export type OrderClosure = 'cancelled' | 'returned' | null;

export interface OrderBox {
	shipmentBoxId: number;
	orderId: number;
	vendorId: string;
	orderedAtMs: number;
	paidAtMs: number;
	status: OrderStatus;
	orderer: OrderParty & { email: string };
	receiver: OrderReceiver;
	shippingPrice: number;
	remoteArea: boolean;
	parcelPrintMessage: string | null;
	splitShipping: boolean;
	ableSplitShipping: boolean;
	items: OrderItem[];
	deliveryCompanyCode: string | null;
	invoiceNumber: string | null;
	inTransitAtMs: number | null;
	deliveredAtMs: number | null;
	refer: string;
	/** Oldest first; the history endpoint lists newest first. */
	history: OrderHistoryEntry[];
	closedBy: OrderClosure;
	/** A stop-shipment request (return receipt RELEASE_STOP_UNCHECKED) waits on this box. */
	stopRequested: boolean;
	/** Deterministic sub-millisecond digits for the v5 ISO-8601 form. */
	micros: number;
}

/** Courier codes (R19 distribution-center-api/ko/lookup-delivery-code; KO-360034156033) with waybill digit counts. */
export const COURIERS: Record<string, { name: string; digits: readonly number[] | 'any' }> = {
	HYUNDAI: { name: '롯데택배', digits: [10, 12, 13] },
	KGB: { name: '로젠택배', digits: [10, 11] },
	EPOST: { name: '우체국', digits: [13] },
	HANJIN: { name: '한진택배', digits: [10, 12] },
	CJGLS: { name: 'CJ 대한통운', digits: [10, 12] },
	KDEXP: { name: '경동택배', digits: [8, 9, 10, 11, 12, 13, 14, 15, 16] },
	DIRECT: { name: '업체직송', digits: 'any' },
	ILYANG: { name: '일양택배', digits: [8, 9, 10, 11, 12, 13, 14, 15, 16] },
	CHUNIL: { name: '천일택배', digits: [11] },
	DAESIN: { name: '대신택배', digits: [13] },
	CVS: { name: 'CVS택배', digits: [10, 12] },
	HDEXP: { name: '합동택배', digits: [8, 9, 10, 11, 12, 13, 14, 15, 16] },
	DHL: { name: 'DHL', digits: [10, 13, 20] },
	UPS: { name: 'UPS', digits: [9, 18] },
	KGBPS: { name: 'KGB택배', digits: 'any' },
	AJOU: { name: '아주택배', digits: 'any' },
	CSLOGIS: { name: 'SC로지스', digits: 'any' },
	FEDEX: { name: 'FEDEX', digits: 'any' },
	REGISTPOST: { name: '우편등기', digits: 'any' },
	COUPANG: { name: '쿠팡자체배송', digits: 'any' },
	EMS: { name: '우체국 EMS', digits: 'any' },
	NHLOGIS: { name: '농협택배', digits: 'any' },
	SEBANG: { name: '세방택배', digits: 'any' },
};

/** A waybill number the courier accepts: digits of one of its lengths (DIRECT and unlisted lengths: any digits). */
export function validWaybill(courierCode: string, invoiceNumber: string): boolean {
	const courier = COURIERS[courierCode];
	if (!courier || !/^\d{1,30}$/.test(invoiceNumber)) return false;
	return courier.digits === 'any' || courier.digits.includes(invoiceNumber.length);
}
