/** Coupang's documented limits (../shared/coupang-api). */
export const MAX_PAGE_SIZE = {
	/** onlineInquiries: pageSize, "Default: 10; Maximum: 50". */
	productInquiries: 50,
	/** callCenterInquiries: pageSize, "Default: 10; Maximum: 30". */
	callCenterInquiries: 30,
	/** time-frame answers the whole range at once. */
	products: 0,
	/** histories: maxPerPage, "Default value: 10"; no maximum documented, 50 keeps pages modest. */
	statusHistory: 50,
} as const;
