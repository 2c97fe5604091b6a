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
const VENDOR_ITEMS = '/v2/providers/seller_api/apis/api/v1/marketplace/vendor-items';

/** The state changes of a return receipt (fact sheet 9.3-9.6). */
export type ReturnAction = 'receiveConfirmation' | 'approval' | 'stoppedShipment' | 'completedShipment';
/** The state changes of an exchange request (fact sheet 10.2-10.4). */
export type ExchangeAction = 'receiveConfirmation' | 'rejection' | 'invoices';

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
	// Returns, exchanges and product items. The v4 return paths stay valid beside the current v6/v5 pages and keep
	// their format (fact sheet 1.4, notice KO-48314250583705); product items have no vendorId in the path.
	returnRequests: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/returnRequests`,
	returnRequest: (vendorId: string, receiptId: string) => `${OPENAPI_V4}/${vendorId}/returnRequests/${receiptId}`,
	returnRequestAction: (vendorId: string, receiptId: string, action: ReturnAction) => `${OPENAPI_V4}/${vendorId}/returnRequests/${receiptId}/${action}`,
	exchangeRequests: (vendorId: string) => `${OPENAPI_V4}/${vendorId}/exchangeRequests`,
	exchangeRequestAction: (vendorId: string, exchangeId: string, action: ExchangeAction) => `${OPENAPI_V4}/${vendorId}/exchangeRequests/${exchangeId}/${action}`,
	vendorItemInventory: (vendorItemId: string) => `${VENDOR_ITEMS}/${vendorItemId}/inventories`,
	vendorItemPrice: (vendorItemId: string, price: number) => `${VENDOR_ITEMS}/${vendorItemId}/prices/${price}`,
	vendorItemQuantity: (vendorItemId: string, quantity: number) => `${VENDOR_ITEMS}/${vendorItemId}/quantities/${quantity}`,
	vendorItemSales: (vendorItemId: string, action: 'stop' | 'resume') => `${VENDOR_ITEMS}/${vendorItemId}/sales/${action}`,
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
	/** returnRequests: maxPerPage "default = 50" (R19); no maximum documented, so no more than the default. */
	returnRequests: 50,
	/** exchangeRequests: maxPerPage default 10 (R19), maximum not documented; 50 as the return list's default. */
	exchangeRequests: 50,
} as const;

/** Exchange list pages when the user sets none: Coupang's documented default (its maximum is not documented). */
export const DEFAULT_EXCHANGE_PAGE_SIZE = 10;

/** Coupang accepts an inquiry period when inquiryEndAt - inquiryStartAt <= 7 days (both dates inclusive). */
export const MAX_INQUIRY_PERIOD_DAYS = 7;
/** Coupang accepts a product time frame when createdAtTo - createdAtFrom <= 10 minutes. */
export const MAX_PRODUCT_TIME_FRAME_MINUTES = 10;

/**
 * Return/cancellation lists: createdAtFrom..createdAtTo at most 31 days, by day or by minute ("최대 31일", R19; the
 * day example 07-01..07-31 counts both ends).
 */
export const MAX_RETURN_PERIOD_DAYS = 31;
/** Exchange lists: createdAtFrom..createdAtTo (to the second) at most 7 days (R19). */
export const MAX_EXCHANGE_PERIOD_DAYS = 7;
/** Sale prices change in steps of 10 won ("Min unit of input is 10 won", EN-360034156273). */
export const SALE_PRICE_STEP_WON = 10;

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
