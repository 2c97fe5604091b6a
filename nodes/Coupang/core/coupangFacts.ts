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
} as const;

/** Largest page each list accepts. */
export const MAX_PAGE_SIZE = {
	/** onlineInquiries: pageSize, "Default: 10; Maximum: 50". */
	productInquiries: 50,
	/** callCenterInquiries: pageSize, "Default: 10; Maximum: 30". */
	callCenterInquiries: 30,
	/** histories: maxPerPage, "Default value: 10"; no maximum documented, 50 keeps pages modest. */
	statusHistory: 50,
} as const;

/** Coupang accepts an inquiry period when inquiryEndAt - inquiryStartAt <= 7 days (both dates inclusive). */
export const MAX_INQUIRY_PERIOD_DAYS = 7;
/** Coupang accepts a product time frame when createdAtTo - createdAtFrom <= 10 minutes. */
export const MAX_PRODUCT_TIME_FRAME_MINUTES = 10;

/** Coupang's dates are Korea time: Asia/Seoul, UTC+9, no daylight saving time since 1988. */
export const COUPANG_TIME_ZONE = 'Asia/Seoul';
export const KOREA_OFFSET_MINUTES = 9 * 60;
