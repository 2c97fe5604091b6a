// Deterministic product items (options): a few products with several options each; orders buy these.

import type { Prng } from '../prng';
import { IdSequence, OTHER_VENDOR_ID } from '../seeding';
import type { ProductItem } from './model';

const PRODUCTS: ReadonlyArray<{ name: string; options: readonly string[]; price: number }> = [
	{ name: '스파오(SPAO) 베이직 라운드 티셔츠', options: ['(19)Black, S', '(19)Black, M', '(01)White, L'], price: 12900 },
	{ name: '제주 삼다수 2L', options: ['6개', '12개'], price: 5900 },
	{ name: '곰곰 무농약 바나나 1.2kg', options: ['1봉', '2봉'], price: 4980 },
	{ name: '코멧 3겹 데코 화장지 30m', options: ['30롤, 1팩', '30롤, 2팩'], price: 15900 },
	{ name: '농심 신라면 120g', options: ['5개', '20개', '40개'], price: 4350 },
	{ name: 'LG 코드제로 무선청소기 A9', options: ['아이언그레이'], price: 689000 },
	{ name: '나이키 에어맥스 270', options: ['블랙, 250', '블랙, 260', '화이트, 270'], price: 169000 },
	{ name: '탐사 물티슈 캡형 100매', options: ['10개', '20개'], price: 9900 },
	{ name: '한샘 원목 책상 1200', options: ['내추럴', '월넛'], price: 219000 },
	{ name: '삼성 갤럭시 버즈2 프로', options: ['그라파이트', '화이트'], price: 199000 },
];

export interface ProductItemIds {
	vendorItem: IdSequence;
	sellerProduct: IdSequence;
	product: IdSequence;
}

export function newProductItemIds(): ProductItemIds {
	return { vendorItem: new IdSequence(70_869_886_000, 9_973), sellerProduct: new IdSequence(80_240_000, 997), product: new IdSequence(31_846_000, 311) };
}

export interface ProductItemDraft {
	vendorId: string;
	salePrice?: number;
	amountInStock?: number;
	onSale?: boolean;
}

/** One product's options; prices are multiples of 10 won. */
export function buildProductOptions(prng: Prng, ids: ProductItemIds, draft: ProductItemDraft, optionCount?: number): ProductItem[] {
	const template = prng.pick(PRODUCTS);
	const sellerProductId = ids.sellerProduct.next(prng);
	const productId = ids.product.next(prng);
	const count = optionCount ?? template.options.length;
	const items: ProductItem[] = [];
	for (let i = 0; i < count; i++) {
		const price = draft.salePrice ?? Math.round((template.price * (1 + 0.1 * i)) / 10) * 10;
		items.push({
			vendorItemId: ids.vendorItem.next(prng),
			vendorId: draft.vendorId,
			sellerProductId,
			productId,
			sellerProductName: template.name,
			itemName: template.options[i % template.options.length],
			externalVendorSkuCode: String(prng.int(170_000_000_000, 179_999_999_999)),
			salePrice: price,
			amountInStock: draft.amountInStock ?? (prng.chance(0.15) ? 0 : prng.int(1, 300)),
			onSale: draft.onSale ?? true,
			deleted: false,
			stoppedByMonitoring: false,
		});
	}
	return items;
}

/** `count` options of our vendor and a few of another; some stopped, one deleted, one stopped by monitoring. */
export function generateProductItems(prng: Prng, ids: ProductItemIds, vendorId: string, count: number): ProductItem[] {
	const items: ProductItem[] = [];
	while (items.length < count) {
		const owner = items.length > 0 && items.length % 9 === 4 ? OTHER_VENDOR_ID : vendorId;
		items.push(...buildProductOptions(prng, ids, { vendorId: owner }).slice(0, count - items.length));
	}
	const ours = items.filter((item) => item.vendorId === vendorId);
	for (const [index, item] of ours.entries()) {
		if (index % 7 === 5) item.onSale = false;
	}
	if (ours.length >= 4) {
		Object.assign(ours[ours.length - 1], { onSale: false, deleted: true });
		Object.assign(ours[ours.length - 2], { onSale: false, stoppedByMonitoring: true });
	}
	return items;
}
