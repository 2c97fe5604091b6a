// Live product items (all vendors): inventory lookup, price, quantity and sale-state changes, additions.
// Texts: sandbox/productItems/SOURCES.md; the ones no source shows are marked "sandbox wording" in README.md.

import { SandboxApiError } from '../errors';
import { checkCount, type DataContext } from '../seeding';
import { buildProductOptions, generateProductItems, newProductItemIds } from './itemGeneration';
import type { ProductItem } from './model';

export const PRICE_RANGE_MESSAGE = (id: number): string =>
	`가격변경에 실패했습니다. [옵션ID[${id}] : 판매가 변경이 불가능합니다. 변경전 판매가의 최대 50% 인하/최대 100%인상까지 변경가능합니다.]`;
export const PRICE_UNIT_MESSAGE = (id: number): string => `가격변경에 실패했습니다. [옵션ID[${id}] : 판매가는 10원 단위로 입력해 주세요.]`;
export const QUANTITY_INVALID_MESSAGE = 'Invalid inventory quantity.';
export const QUANTITY_DELETED_MESSAGE = (id: number): string => `Failed to change inventory. [Option ID[${id}] : It is not possible to change deleted product.]`;
const DELETED_PRICE_MESSAGE = (id: number): string => `가격변경에 실패했습니다. [옵션ID[${id}] : 삭제된 상품은 변경할 수 없습니다.]`;
const DELETED_SALE_MESSAGE = (id: number): string => `판매 재개에 실패했습니다. [옵션ID[${id}] : 삭제된 상품은 변경할 수 없습니다.]`;
export const MONITORING_STOP_MESSAGE = (id: number): string =>
	`판매 재개에 실패했습니다. [옵션ID[${id}] : 모니터링에 의해 판매중지된 옵션은 판매를 재개할 수 없습니다.]`;

/** What each operation says about an option it cannot find (another vendor's counts as unknown). */
const NOT_FOUND: Record<'inventory' | 'price' | 'quantity' | 'sale', (id: number) => string> = {
	inventory: (id) => `The entered ID is invalid. [vendorItemId=${id}]`,
	price: (id) => `Failed to change the price. [vendoritemid ${id} not found]`,
	quantity: (id) => `Failed to change the inventory. [vendoritemid ${id} not found]`,
	sale: (id) => `Failed to change the sale status. [vendoritemid ${id} not found]`,
};

export interface AddProductItemsInput {
	count?: number;
	salePrice?: number;
	amountInStock?: number;
	onSale?: boolean;
	vendorId?: string;
}

export class ProductItemStore {
	/** All vendors, by vendorItemId ascending. */
	all: ProductItem[] = [];
	byId = new Map<number, ProductItem>();
	private ids = newProductItemIds();

	constructor(private readonly context: DataContext) {}

	reseed(count: number): void {
		this.ids = newProductItemIds();
		this.all = generateProductItems(this.context.prng, this.ids, this.context.vendorId, count);
		this.byId = new Map(this.all.map((item) => [item.vendorItemId, item]));
	}

	/** The vendor's option, or 400 with the operation's "not found" text. */
	getFor(vendorId: string, vendorItemId: number, operation: keyof typeof NOT_FOUND): ProductItem {
		const item = this.byId.get(vendorItemId);
		if (!item || item.vendorId !== vendorId) throw new SandboxApiError(400, NOT_FOUND[operation](vendorItemId));
		return item;
	}

	/** The vendor's options that orders can buy. */
	sellable(vendorId: string): ProductItem[] {
		return this.all.filter((item) => item.vendorId === vendorId && !item.deleted);
	}

	updatePrice(vendorId: string, vendorItemId: number, rawPrice: string, force: boolean): ProductItem {
		const item = this.getFor(vendorId, vendorItemId, 'price');
		if (!/^\d{1,10}$/.test(rawPrice)) throw new SandboxApiError(400, `Invalid format price : ${rawPrice}`);
		const price = Number(rawPrice);
		if (price < 10 || price % 10 !== 0) throw new SandboxApiError(400, PRICE_UNIT_MESSAGE(vendorItemId));
		if (item.deleted) throw new SandboxApiError(400, DELETED_PRICE_MESSAGE(vendorItemId));
		if (!force && (price < item.salePrice * 0.5 || price > item.salePrice * 2)) throw new SandboxApiError(400, PRICE_RANGE_MESSAGE(vendorItemId));
		item.salePrice = price;
		return item;
	}

	updateQuantity(vendorId: string, vendorItemId: number, rawQuantity: string): ProductItem {
		const item = this.getFor(vendorId, vendorItemId, 'quantity');
		if (!/^\d{1,6}$/.test(rawQuantity)) throw new SandboxApiError(400, QUANTITY_INVALID_MESSAGE);
		if (item.deleted) throw new SandboxApiError(400, QUANTITY_DELETED_MESSAGE(vendorItemId));
		item.amountInStock = Number(rawQuantity);
		return item;
	}

	/** Stopping a stopped option succeeds again (3P); resuming needs an option Coupang did not stop. */
	setOnSale(vendorId: string, vendorItemId: number, onSale: boolean): ProductItem {
		const item = this.getFor(vendorId, vendorItemId, 'sale');
		if (onSale && item.deleted) throw new SandboxApiError(400, DELETED_SALE_MESSAGE(vendorItemId));
		if (onSale && item.stoppedByMonitoring) throw new SandboxApiError(400, MONITORING_STOP_MESSAGE(vendorItemId));
		item.onSale = onSale;
		return item;
	}

	/** Adds one product with `count` options. */
	add(input: AddProductItemsInput = {}): ProductItem[] {
		const count = checkCount(input.count);
		if (input.salePrice !== undefined && (!Number.isInteger(input.salePrice) || input.salePrice < 10 || input.salePrice % 10 !== 0)) {
			throw new SandboxApiError(400, 'salePrice must be a positive multiple of 10.');
		}
		if (input.amountInStock !== undefined && (!Number.isInteger(input.amountInStock) || input.amountInStock < 0)) {
			throw new SandboxApiError(400, 'amountInStock must be a whole number from 0.');
		}
		const draft = { vendorId: input.vendorId ?? this.context.vendorId, salePrice: input.salePrice, amountInStock: input.amountInStock, onSale: input.onSale };
		const created = buildProductOptions(this.context.prng, this.ids, draft, count);
		for (const item of created) {
			this.all.push(item);
			this.byId.set(item.vendorItemId, item);
		}
		return created;
	}
}
