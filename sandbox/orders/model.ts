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
	// The rest of R19's code list (distribution-center-api/ko/lookup-delivery-code; fact sheet 11), merged or closed
	// couriers (KOREX, DONGBU, INNOGIS, IQS) left out like above; no waybill lengths are documented for them.
	TNT: { name: 'TNT', digits: 'any' },
	USPS: { name: 'USPS', digits: 'any' },
	IPARCEL: { name: 'i-parcel', digits: 'any' },
	GSMNTON: { name: 'GSM NtoN', digits: 'any' },
	SWGEXP: { name: '성원글로벌', digits: 'any' },
	PANTOS: { name: '범한판토스', digits: 'any' },
	ACIEXPRESS: { name: 'ACI Express', digits: 'any' },
	DAEWOON: { name: '대운글로벌', digits: 'any' },
	AIRBOY: { name: '에어보이익스프레스', digits: 'any' },
	KGLNET: { name: 'KGL네트웍스', digits: 'any' },
	KUNYOUNG: { name: '건영택배', digits: 'any' },
	SLX: { name: 'SLX택배', digits: 'any' },
	HONAM: { name: '호남택배', digits: 'any' },
	LINEEXPRESS: { name: 'LineExpress', digits: 'any' },
	TWOFASTEXP: { name: '2FastsExpress', digits: 'any' },
	ECMS: { name: 'ECMS익스프레스', digits: 'any' },
	SELC: { name: '삼성직배송', digits: 'any' },
	WONDERS: { name: '원더스퀵', digits: 'any' },
	YONGMA: { name: '용마로지스', digits: 'any' },
	LOTTEGLOBAL: { name: '롯데글로벌', digits: 'any' },
	GSIEXPRESS: { name: 'GSI익스프레스', digits: 'any' },
	EFS: { name: 'EFS', digits: 'any' },
	DHLGLOBALMAIL: { name: 'DHL GlobalMail', digits: 'any' },
};

/** A waybill number the courier accepts: digits of one of its lengths (DIRECT and unlisted lengths: any digits). */
export function validWaybill(courierCode: string, invoiceNumber: string): boolean {
	const courier = COURIERS[courierCode];
	if (!courier || !/^\d{1,30}$/.test(invoiceNumber)) return false;
	return courier.digits === 'any' || courier.digits.includes(invoiceNumber.length);
}
