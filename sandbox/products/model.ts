// Products as the sandbox holds them. Instants are epoch milliseconds; the wire format formats them.

export interface ProductHistoryEntry {
	createdAtMs: number;
	status: string;
	createdBy: string;
	comment: string;
}

export interface Product {
	sellerProductId: number;
	sellerProductName: string;
	displayCategoryCode: number | null;
	categoryId: number;
	productId: number;
	vendorId: string;
	mdId: string;
	mdName: string;
	saleStartedAtMs: number;
	saleEndedAt: string;
	brand: string | null;
	statusName: string;
	createdAtMs: number;
	/** Oldest first. Responses list newest first. */
	histories: ProductHistoryEntry[];
}

/** An option (vendor item) that product inquiries refer to. */
export interface CatalogItem {
	productId: number;
	sellerProductId: number;
	sellerItemId: number;
	vendorItemId: number;
	itemName: string;
}
