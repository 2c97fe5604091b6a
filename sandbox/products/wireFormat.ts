// Coupang's JSON for products and their status histories.

import { formatKoreaLocalDateTime } from '../time';
import type { Product, ProductHistoryEntry } from './model';

export interface ProductJson {
	sellerProductId: number;
	sellerProductName: string;
	displayCategoryCode: number | null;
	categoryId: number;
	productId: number;
	vendorId: string;
	mdId: string;
	mdName: string;
	saleStartedAt: string;
	saleEndedAt: string;
	brand: string | null;
	statusName: string;
	createdAt: string;
}

export interface ProductHistoryJson {
	createdAt: string;
	status: string;
	createdBy: string;
	comment: string;
}

export function toProductJson(product: Product): ProductJson {
	return {
		sellerProductId: product.sellerProductId,
		sellerProductName: product.sellerProductName,
		displayCategoryCode: product.displayCategoryCode,
		categoryId: product.categoryId,
		productId: product.productId,
		vendorId: product.vendorId,
		mdId: product.mdId,
		mdName: product.mdName,
		saleStartedAt: formatKoreaLocalDateTime(product.saleStartedAtMs),
		saleEndedAt: product.saleEndedAt,
		brand: product.brand,
		statusName: product.statusName,
		createdAt: formatKoreaLocalDateTime(product.createdAtMs),
	};
}

export function toProductHistoryJson(entry: ProductHistoryEntry): ProductHistoryJson {
	return { createdAt: formatKoreaLocalDateTime(entry.createdAtMs), status: entry.status, createdBy: entry.createdBy, comment: entry.comment };
}
