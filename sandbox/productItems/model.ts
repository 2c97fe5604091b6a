// Product items (options, vendor items) as the sandbox holds them: stock, price and sale state per vendorItemId.

export interface ProductItem {
	vendorItemId: number;
	vendorId: string;
	sellerProductId: number;
	productId: number;
	sellerProductName: string;
	/** The option's own name; vendorItemName = sellerProductName + ", " + itemName. */
	itemName: string;
	externalVendorSkuCode: string;
	/** Won; Coupang takes prices in steps of 10 won. */
	salePrice: number;
	amountInStock: number;
	onSale: boolean;
	/** A deleted option: quantity changes are refused. */
	deleted: boolean;
	/** Stopped by Coupang's monitoring: a seller cannot resume it. */
	stoppedByMonitoring: boolean;
}
