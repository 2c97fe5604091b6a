// Coupang's JSON for a product item's inventory (R19 lookup-quantity-price-status-by-product; ZH-360033645114).

import type { ProductItem } from './model';

export interface ProductItemInventoryJson {
	/** The option ID under the name the docs' examples give it. */
	sellerItemId: number;
	amountInStock: number;
	salePrice: number;
	onSale: boolean;
}

export function toProductItemInventoryJson(item: ProductItem): ProductItemInventoryJson {
	return { sellerItemId: item.vendorItemId, amountInStock: item.amountInStock, salePrice: item.salePrice, onSale: item.onSale };
}

/** The control surface's view: the inventory plus what identifies and names the option. */
export function toProductItemDump(item: ProductItem): Record<string, unknown> {
	return {
		vendorItemId: item.vendorItemId,
		vendorId: item.vendorId,
		sellerProductId: item.sellerProductId,
		productId: item.productId,
		vendorItemName: `${item.sellerProductName}, ${item.itemName}`,
		...toProductItemInventoryJson(item),
		deleted: item.deleted,
		stoppedByMonitoring: item.stoppedByMonitoring,
	};
}
