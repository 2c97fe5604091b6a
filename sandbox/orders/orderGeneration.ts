// Deterministic, realistic-looking purchase orders: Korean customers, 1-3 items per box, statuses that follow the
// order's age, a delivery history from ACCEPT to the current status, waybills of real courier codes.

import type { ProductItem } from '../productItems/model';
import type { Prng } from '../prng';
import { IdSequence, OTHER_VENDOR_ID, SEEDED_PERIOD_DAYS } from '../seeding';
import { DAY_MS, formatKoreaDate, startOfKoreaDay } from '../time';
import { COURIERS, type OrderBox, type OrderHistoryEntry, type OrderItem, type OrderStatus } from './model';
import { randomCustomer, type Customer } from './people';

const REFERS = ['아이폰앱', '안드로이드앱', 'PC웹', '모바일웹'];
const MESSAGES = ['문 앞', '직접 받고 부재 시 문 앞', '경비실에 맡겨 주세요', '배송 전 연락 바랍니다', null];
const SEEDED_COURIERS = ['CJGLS', 'CJGLS', 'HANJIN', 'HYUNDAI', 'KGB', 'EPOST', 'KDEXP'];
/** The statuses a box passes through to reach each status. */
const FLOW: Record<OrderStatus, OrderStatus[]> = {
	ACCEPT: ['ACCEPT'],
	INSTRUCT: ['ACCEPT', 'INSTRUCT'],
	DEPARTURE: ['ACCEPT', 'INSTRUCT', 'DEPARTURE'],
	DELIVERING: ['ACCEPT', 'INSTRUCT', 'DEPARTURE', 'DELIVERING'],
	FINAL_DELIVERY: ['ACCEPT', 'INSTRUCT', 'DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY'],
	NONE_TRACKING: ['ACCEPT', 'INSTRUCT', 'NONE_TRACKING'],
};

export interface OrderIds {
	shipmentBox: IdSequence;
	order: IdSequence;
}

export function newOrderIds(): OrderIds {
	return { shipmentBox: new IdSequence(6_425_389_700_000, 9_973), order: new IdSequence(22_000_015_000_000, 99_991) };
}

export interface OrderDraft {
	orderedAtMs: number;
	vendorId: string;
	/** Default: from the order's age. */
	status?: OrderStatus;
	/** Items per box (default 1-3). */
	itemCount?: number;
	/** Boxes of the order (default 1, sometimes 2). */
	boxCount?: number;
}

/** The status an order of this age has reached. */
export function statusForAge(prng: Prng, ageMs: number): OrderStatus {
	const roll = prng.next();
	if (ageMs < DAY_MS) return roll < 0.6 ? 'ACCEPT' : 'INSTRUCT';
	if (ageMs < 3 * DAY_MS) return roll < 0.15 ? 'ACCEPT' : roll < 0.45 ? 'INSTRUCT' : roll < 0.75 ? 'DEPARTURE' : 'DELIVERING';
	if (ageMs < 6 * DAY_MS) return roll < 0.3 ? 'DELIVERING' : roll < 0.9 ? 'FINAL_DELIVERY' : 'NONE_TRACKING';
	return roll < 0.9 ? 'FINAL_DELIVERY' : 'NONE_TRACKING';
}

/** The history from ACCEPT at `orderedAtMs` to `status`, spread up to `nowMs`, whole seconds. */
export function historyTo(prng: Prng, status: OrderStatus, orderedAtMs: number, nowMs: number): OrderHistoryEntry[] {
	const flow = FLOW[status];
	const span = Math.max(0, nowMs - orderedAtMs);
	let at = orderedAtMs;
	return flow.map((step, index) => {
		if (index > 0) at = Math.min(nowMs, at + Math.floor((span / flow.length) * (0.3 + 0.6 * prng.next()) / 1000) * 1000);
		return { status: step, atMs: at };
	});
}

function buildItem(prng: Prng, item: ProductItem, orderedAtMs: number): OrderItem {
	const hasCoupon = prng.chance(0.25);
	return {
		vendorItemId: item.vendorItemId,
		productId: item.productId,
		sellerProductId: item.sellerProductId,
		sellerProductName: item.sellerProductName,
		sellerProductItemName: item.itemName,
		orderedCount: prng.int(1, 3),
		cancelCount: 0,
		holdCountForCancel: 0,
		salesPrice: item.salePrice,
		discountPrice: hasCoupon ? Math.round((item.salePrice * 0.1) / 10) * 10 : null,
		externalVendorSkuCode: item.externalVendorSkuCode,
		etcInfoValues: prng.chance(0.2) ? ['선물포장 요청'] : [],
		estimatedShippingDate: formatKoreaDate(orderedAtMs + 2 * DAY_MS),
		invoiceNumberUploadAtMs: null,
		confirmAtMs: null,
		deliveryChargeTypeName: '무료',
	};
}

/** A waybill number of a length the courier accepts. */
export function randomWaybill(prng: Prng, courierCode: string): string {
	const digits = COURIERS[courierCode]?.digits;
	const length = digits === undefined || digits === 'any' ? 12 : prng.pick(digits);
	let text = String(prng.int(1, 9));
	while (text.length < length) text += String(prng.int(0, 9));
	return text;
}

/** Waybill, transit and delivery facts of a box that reached its status through `history`. */
function applyShipping(prng: Prng, box: OrderBox, nowMs: number): void {
	const at = (status: OrderStatus): number | null => box.history.find((entry) => entry.status === status)?.atMs ?? null;
	const shippedAt = at('DEPARTURE') ?? at('NONE_TRACKING');
	if (shippedAt === null) return;
	box.deliveryCompanyCode = box.status === 'NONE_TRACKING' ? 'DIRECT' : prng.pick(SEEDED_COURIERS);
	box.invoiceNumber = randomWaybill(prng, box.deliveryCompanyCode);
	box.inTransitAtMs = at('DELIVERING');
	box.deliveredAtMs = at('FINAL_DELIVERY');
	for (const item of box.items) {
		item.invoiceNumberUploadAtMs = shippedAt;
		if (box.deliveredAtMs !== null && box.deliveredAtMs + 7 * DAY_MS <= nowMs) item.confirmAtMs = box.deliveredAtMs + 7 * DAY_MS;
	}
}

/** What a box holds when the sandbox has no product items at all (productItems: 0). */
const FALLBACK_ITEM: ProductItem = {
	vendorItemId: 3_242_596_358,
	vendorId: '',
	sellerProductId: 80_240_831,
	productId: 31_846_051,
	sellerProductName: '제주 삼다수 2L',
	itemName: '6개',
	externalVendorSkuCode: '170816368810',
	salePrice: 5900,
	amountInStock: 0,
	onSale: true,
	deleted: false,
	stoppedByMonitoring: false,
};

function pickItems(prng: Prng, catalog: readonly ProductItem[], count: number): ProductItem[] {
	if (catalog.length === 0) return [FALLBACK_ITEM];
	const chosen = new Map<number, ProductItem>();
	for (let tries = 0; chosen.size < Math.min(count, catalog.length) && tries < 20; tries++) {
		const item = prng.pick(catalog);
		chosen.set(item.vendorItemId, item);
	}
	return [...chosen.values()];
}

interface BoxContext {
	orderId: number;
	customer: Customer;
	refer: string;
	nowMs: number;
}

function buildBox(prng: Prng, ids: OrderIds, catalog: readonly ProductItem[], draft: OrderDraft, context: BoxContext): OrderBox {
	const { customer, nowMs } = context;
	const status = draft.status ?? statusForAge(prng, nowMs - draft.orderedAtMs);
	const items = pickItems(prng, catalog, draft.itemCount ?? prng.int(1, 3)).map((item) => buildItem(prng, item, draft.orderedAtMs));
	const shippingPrice = prng.pick([0, 0, 2500, 3000]);
	for (const item of items) item.deliveryChargeTypeName = shippingPrice > 0 ? '유료' : '무료';
	const box: OrderBox = {
		shipmentBoxId: ids.shipmentBox.next(prng),
		orderId: context.orderId,
		vendorId: draft.vendorId,
		orderedAtMs: draft.orderedAtMs,
		paidAtMs: draft.orderedAtMs,
		status,
		orderer: { name: customer.maskedName, email: customer.maskedEmail, safeNumber: customer.safeNumber },
		receiver: { name: customer.maskedName, safeNumber: customer.safeNumber, addr1: customer.addr1, addr2: customer.addr2, postCode: customer.postCode },
		shippingPrice,
		remoteArea: customer.remoteArea,
		parcelPrintMessage: prng.pick(MESSAGES),
		splitShipping: false,
		ableSplitShipping: items.length > 1,
		items,
		deliveryCompanyCode: null,
		invoiceNumber: null,
		inTransitAtMs: null,
		deliveredAtMs: null,
		refer: context.refer,
		history: historyTo(prng, status, draft.orderedAtMs, Math.max(nowMs, draft.orderedAtMs)),
		closedBy: null,
		stopRequested: false,
		micros: prng.int(0, 999),
	};
	applyShipping(prng, box, nowMs);
	return box;
}

/** One customer order: its boxes (usually one; two boxes share the orderId). */
export function buildOrder(prng: Prng, ids: OrderIds, catalog: readonly ProductItem[], draft: OrderDraft, nowMs: number): OrderBox[] {
	const context: BoxContext = { orderId: ids.order.next(prng), customer: randomCustomer(prng), refer: prng.pick(REFERS), nowMs };
	const boxCount = draft.boxCount ?? (prng.chance(0.1) ? 2 : 1);
	const boxes: OrderBox[] = [];
	for (let i = 0; i < boxCount; i++) boxes.push(buildBox(prng, ids, catalog, draft, context));
	return boxes;
}

/** Order instants over the 30 days before now, denser towards now; some at 00:00:00 and 23:59:59 Korea time. */
export function orderInstants(prng: Prng, count: number, nowMs: number): number[] {
	const instants: number[] = [];
	for (let i = 0; i < count; i++) {
		const u = prng.next();
		let at = nowMs - Math.floor((SEEDED_PERIOD_DAYS * DAY_MS * u * u) / 1000) * 1000;
		const roll = prng.next();
		if (roll < 0.05) at = startOfKoreaDay(at);
		else if (roll < 0.1) at = Math.min(nowMs, startOfKoreaDay(at) + DAY_MS - 1000);
		instants.push(at);
	}
	return instants.sort((a, b) => a - b);
}

/** `count` orders (about 1 in 10 of another vendor); a few ACCEPT boxes wait for a cancellation refund. */
export function generateOrders(prng: Prng, ids: OrderIds, items: readonly ProductItem[], vendorId: string, count: number, nowMs: number): OrderBox[] {
	const boxes: OrderBox[] = [];
	orderInstants(prng, count, nowMs).forEach((orderedAtMs, index) => {
		const owner = index % 10 === 7 ? OTHER_VENDOR_ID : vendorId;
		const catalog = items.filter((item) => item.vendorId === owner && !item.deleted);
		// Some older orders went with the vendor's own delivery, so every status is seeded.
		const status = index % 11 === 2 && nowMs - orderedAtMs >= 3 * DAY_MS ? 'NONE_TRACKING' : undefined;
		boxes.push(...buildOrder(prng, ids, catalog.length > 0 ? catalog : items, { orderedAtMs, vendorId: owner, status }, nowMs));
	});
	boxes
		.filter((box) => box.status === 'ACCEPT' && box.vendorId === vendorId)
		.forEach((box, index) => {
			if (index % 4 === 3) box.items[0].holdCountForCancel = 1;
		});
	return boxes;
}
