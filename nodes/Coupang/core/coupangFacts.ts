/**
 * What Coupang documents, in one place: endpoints, page sizes, query windows, the vendor-ID pattern and the
 * pace. Sources: the endpoint docs and fact sheets in ../shared/coupang-api (each fact there names its URL).
 */

export const COUPANG_DEFAULT_BASE_URL = 'https://api-gateway.coupang.com';

/** Seller codes look like A00012345: the letter A and 8 digits. */
export const VENDOR_ID_PATTERN = /^A\d{8}$/;

/**
 * Requests per second per seller. Coupang throttles above 10 per vendor ID; we default to 8 and allow at most 9:
 * the pace spaces request starts, but network jitter bunches arrivals (measured: 9 in one second at a pace of 8,
 * and occasional 429s at a pace of 10 against a 10/s gateway).
 */
export const PACE = { default: 8, max: 9, coupangLimit: 10 } as const;

/**
 * How long a seller is held after Coupang throttles it (seconds; the credential's Throttle Hold). Coupang lifts a
 * 429 block "within minutes to tens of minutes" once the rate is back in range and sends no Retry-After.
 */
export const THROTTLE_HOLD_SECONDS = { default: 300, min: 60, max: 3600 } as const;

const OPENAPI_V4 = '/v2/providers/openapi/apis/api/v4/vendors';
const OPENAPI_V5 = '/v2/providers/openapi/apis/api/v5/vendors';
const SELLER_PRODUCTS = '/v2/providers/seller_api/apis/api/v1/marketplace/seller-products';

/**
 * Endpoint paths. Arguments are validated before they get here (vendor IDs match VENDOR_ID_PATTERN, other IDs
 * are digits), so nothing needs encoding; the credential test passes an n8n expression as the vendor ID.
 */
export const PATHS = {
	productInquiries: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/onlineInquiries`,
	productInquiryReplies: (vendorId: string, inquiryId: string) => `${OPENAPI_V4}/${vendorId}/onlineInquiries/${inquiryId}/replies`,
	callCenterInquiries: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/callCenterInquiries`,
	callCenterInquiry: (inquiryId: string) => `${OPENAPI_V5}/callCenterInquiries/${inquiryId}`,
	callCenterInquiryReplies: (vendorId: string, inquiryId: string) => `${OPENAPI_V4}/${vendorId}/callCenterInquiries/${inquiryId}/replies`,
	callCenterInquiryConfirms: (vendorId: string, inquiryId: string) => `${OPENAPI_V4}/${vendorId}/callCenterInquiries/${inquiryId}/confirms`,
	productsByTimeFrame: () => `${SELLER_PRODUCTS}/time-frame`,
	productStatusHistory: (sellerProductId: string) => `${SELLER_PRODUCTS}/${sellerProductId}/histories`,
	// Orders (ordersheets): v4, the version the fact sheet marks COMPLETE (orders-and-claims.md 1.4, 3-7).
	orderSheets: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/ordersheets`,
	orderSheet: (vendorId: string, shipmentBoxId: string) => `${OPENAPI_V4}/${vendorId}/ordersheets/${shipmentBoxId}`,
	orderSheetsOfOrder: (vendorId: string, orderId: string) => `${OPENAPI_V4}/${vendorId}/${orderId}/ordersheets`,
	orderDeliveryHistory: (vendorId: string, shipmentBoxId: string) => `${OPENAPI_V4}/${vendorId}/ordersheets/${shipmentBoxId}/history`,
	orderAcknowledgement: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/ordersheets/acknowledgement`,
	orderInvoices: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/orders/invoices`,
	orderInvoiceUpdates: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/orders/updateInvoices`,
} as const;

/** Largest page each list accepts. */
export const MAX_PAGE_SIZE = {
	/** onlineInquiries: pageSize, "Default: 10; Maximum: 50". */
	productInquiries: 50,
	/** callCenterInquiries: pageSize, "Default: 10; Maximum: 30". */
	callCenterInquiries: 30,
	/** histories: maxPerPage, "Default value: 10"; no maximum documented, 50 keeps pages modest. */
	statusHistory: 50,
	/** ordersheets: maxPerPage, "default 50; at most 50 per page". */
	orders: 50,
} as const;

/** Coupang accepts an inquiry period when inquiryEndAt - inquiryStartAt <= 7 days (both dates inclusive). */
export const MAX_INQUIRY_PERIOD_DAYS = 7;
/** Coupang accepts a product time frame when createdAtTo - createdAtFrom <= 10 minutes. */
export const MAX_PRODUCT_TIME_FRAME_MINUTES = 10;

/** Coupang's dates are Korea time: Asia/Seoul, UTC+9, no daylight saving time since 1988. */
export const COUPANG_TIME_ZONE = 'Asia/Seoul';
export const KOREA_OFFSET_MINUTES = 9 * 60;

/* ------------------------------------------------------------------ orders (orders-and-claims.md 2-7, 11) */

/** Order (PO) statuses, in the order a box passes them; exactly one per list call. */
export const ORDER_STATUSES = ['ACCEPT', 'INSTRUCT', 'DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * PO list by day: "max 31 days" (R19: 07-01 to 07-31 is accepted; v5: "range should less than31"), so Start and End
 * Date may lie 30 days apart (31 Korea days, both included). Whether 31 days apart is accepted is silent.
 */
export const MAX_ORDER_PERIOD_DAYS = 31;
/** PO list by minute: "24시간 이상 조회 시 에러" (an error from 24 hours on). */
export const MAX_ORDER_MINUTE_RANGE_HOURS = 24;
/** Acknowledgement: "Request up to 50 at a time". */
export const MAX_ACKNOWLEDGEMENT_BOXES = 50;

/**
 * Courier codes (`deliveryCompanyCode`) in use: R19's list without the merged or closed ones (KOREX, DONGBU, INNOGIS,
 * IQS), with the waybill lengths (digits) of the current page KO-360034156033 where it gives them. `DIRECT`: any digits.
 */
export const COURIERS: ReadonlyArray<{ code: string; name: string; digits?: readonly number[] }> = [
	{ code: 'CJGLS', name: 'CJ Logistics (CJ대한통운)', digits: [10, 12] },
	{ code: 'HYUNDAI', name: 'Lotte Global Logistics (롯데택배)', digits: [10, 12, 13] },
	{ code: 'HANJIN', name: 'Hanjin (한진택배)', digits: [10, 12] },
	{ code: 'KGB', name: 'Logen (로젠택배)', digits: [10, 11] },
	{ code: 'EPOST', name: 'Korea Post (우체국)', digits: [13] },
	{ code: 'KDEXP', name: 'Kyungdong (경동택배)', digits: [8, 9, 10, 11, 12, 13, 14, 15, 16] },
	{ code: 'ILYANG', name: 'Ilyang Logis (일양택배)', digits: [8, 9, 10, 11, 12, 13, 14, 15, 16] },
	{ code: 'CHUNIL', name: 'Chunil (천일택배)', digits: [11] },
	{ code: 'DAESIN', name: 'Daesin (대신택배)', digits: [13] },
	{ code: 'CVS', name: 'CVSnet (CVS택배)', digits: [10, 12] },
	{ code: 'HDEXP', name: 'Hapdong (합동택배)', digits: [8, 9, 10, 11, 12, 13, 14, 15, 16] },
	{ code: 'DHL', name: 'DHL', digits: [10, 13, 20] },
	{ code: 'UPS', name: 'UPS', digits: [9, 18] },
	{ code: 'DIRECT', name: 'Own Delivery, No Tracking (업체직송)' },
	{ code: 'KGBPS', name: 'KGB (KGB택배)' },
	{ code: 'AJOU', name: 'Ajou (아주택배)' },
	{ code: 'CSLOGIS', name: 'SC Logis (SC로지스)' },
	{ code: 'FEDEX', name: 'FedEx' },
	{ code: 'REGISTPOST', name: 'Registered Mail (우편등기)' },
	{ code: 'COUPANG', name: 'Coupang Own Delivery (쿠팡자체배송)' },
	{ code: 'EMS', name: 'Korea Post EMS (우체국 EMS)' },
	{ code: 'TNT', name: 'TNT' },
	{ code: 'USPS', name: 'USPS' },
	{ code: 'IPARCEL', name: 'i-parcel' },
	{ code: 'GSMNTON', name: 'GSM NtoN' },
	{ code: 'SWGEXP', name: 'Sungwon Global (성원글로벌)' },
	{ code: 'PANTOS', name: 'Pantos (범한판토스)' },
	{ code: 'ACIEXPRESS', name: 'ACI Express' },
	{ code: 'DAEWOON', name: 'Daewoon Global (대운글로벌)' },
	{ code: 'AIRBOY', name: 'Airboy Express (에어보이익스프레스)' },
	{ code: 'KGLNET', name: 'KGL Networks (KGL네트웍스)' },
	{ code: 'KUNYOUNG', name: 'Kunyoung (건영택배)' },
	{ code: 'SLX', name: 'SLX (SLX택배)' },
	{ code: 'HONAM', name: 'Honam (호남택배)' },
	{ code: 'LINEEXPRESS', name: 'Line Express' },
	{ code: 'TWOFASTEXP', name: '2FastExpress' },
	{ code: 'ECMS', name: 'ECMS Express (ECMS익스프레스)' },
	{ code: 'SELC', name: 'Samsung Direct (삼성직배송)' },
	{ code: 'WONDERS', name: 'Wonders Quick (원더스퀵)' },
	{ code: 'YONGMA', name: 'Yongma Logis (용마로지스)' },
	{ code: 'SEBANG', name: 'Sebang (세방택배)' },
	{ code: 'NHLOGIS', name: 'NongHyup (농협택배)' },
	{ code: 'LOTTEGLOBAL', name: 'Lotte Global (롯데글로벌)' },
	{ code: 'GSIEXPRESS', name: 'GSI Express (GSI익스프레스)' },
	{ code: 'EFS', name: 'EFS' },
	{ code: 'DHLGLOBALMAIL', name: 'DHL Global Mail' },
];
