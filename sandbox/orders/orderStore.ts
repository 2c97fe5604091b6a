// Live purchase orders (all vendors): the PO lists, single lookups, status moves with their history, and orders
// added by tests or control calls. Acknowledgement and waybills are in acknowledgement.ts and invoices.ts.

import type { ProductItemStore } from '../productItems/productItemStore';
import { SandboxApiError } from '../errors';
import { checkCount, type DataContext } from '../seeding';
import { DAY_MS, parseKoreaDateTime } from '../time';
import { ORDER_STATUSES, type OrderBox, type OrderStatus } from './model';
import { buildOrder, generateOrders, newOrderIds, type OrderDraft } from './orderGeneration';
import type { OrderReadings } from './readings';
import { pageAfterToken, type CreatedWindow } from './window';

export const CANCELLED_OR_RETURNED_MESSAGE = '해당 주문이 취소 또는 반품되었습니다.';

export interface OrderListQuery {
	status: OrderStatus;
	window: CreatedWindow;
	/** null: everything in one answer (minute lists). */
	page: { nextToken: string | null; maxPerPage: number } | null;
}

/** What a seeded claim (return, exchange) needs of its box. */
export interface ClaimBoxSpec {
	vendorId: string;
	status: OrderStatus;
	/** A new box is ordered 1 to this many days before now. */
	maxDaysBack: number;
	/** What else an existing open box must satisfy. */
	accepts: (box: OrderBox) => boolean;
}

export interface AddOrdersInput {
	count?: number;
	/** `yyyy-MM-ddTHH:mm:ss` Korea time; default now. */
	orderedAt?: string;
	status?: string;
	itemCount?: number;
	boxCount?: number;
	vendorId?: string;
}

export class OrderStore {
	/** All vendors, by shipmentBoxId ascending. */
	all: OrderBox[] = [];
	byBoxId = new Map<number, OrderBox>();
	private ids = newOrderIds();

	constructor(
		private readonly context: DataContext,
		private readonly productItems: ProductItemStore,
		readonly readings: OrderReadings,
	) {}

	reseed(count: number, nowMs: number): void {
		this.ids = newOrderIds();
		this.all = generateOrders(this.context.prng, this.ids, this.productItems.all, this.context.vendorId, count, nowMs);
		this.byBoxId = new Map(this.all.map((box) => [box.shipmentBoxId, box]));
	}

	/** The vendor's open boxes in `status` created in the window; token pages by shipmentBoxId. */
	list(vendorId: string, query: OrderListQuery): { boxes: OrderBox[]; nextToken: string } {
		const { fromMs, toMs } = query.window;
		const matches = this.all.filter(
			(box) => box.vendorId === vendorId && box.closedBy === null && box.status === query.status && box.orderedAtMs >= fromMs && box.orderedAtMs <= toMs,
		);
		if (query.page === null) return { boxes: matches, nextToken: '' };
		const { page, nextToken } = pageAfterToken(matches, (box) => box.shipmentBoxId, query.page.nextToken, query.page.maxPerPage);
		return { boxes: page, nextToken };
	}

	/** The vendor's box; unknown and other vendors' boxes → 404. */
	getBox(vendorId: string, shipmentBoxId: number): OrderBox {
		const box = this.byBoxId.get(shipmentBoxId);
		if (!box || box.vendorId !== vendorId) throw new SandboxApiError(404, `shipmentBoxId (${shipmentBoxId}) is not found.`);
		return box;
	}

	/** The single-PO lookup: a cancelled or returned box → 400 (TX, KO-360033792854). */
	getOpenBox(vendorId: string, shipmentBoxId: number): OrderBox {
		const box = this.getBox(vendorId, shipmentBoxId);
		if (box.closedBy !== null) throw new SandboxApiError(400, CANCELLED_OR_RETURNED_MESSAGE);
		return box;
	}

	/** All boxes of an order, whatever their status (3P); unknown → 404. */
	boxesOfOrder(vendorId: string, orderId: number): OrderBox[] {
		const boxes = this.all.filter((box) => box.orderId === orderId && box.vendorId === vendorId);
		if (boxes.length === 0) throw new SandboxApiError(404, `orderId (${orderId}) is not found.`);
		return boxes;
	}

	/** A fresh shipmentBoxId from the same sequence (exchange re-delivery boxes). */
	nextShipmentBoxId(): number {
		return this.ids.shipmentBox.next(this.context.prng);
	}

	/** Moves a box to `status` and records it in the history. */
	moveTo(box: OrderBox, status: OrderStatus, atMs = this.context.clock()): void {
		box.status = status;
		box.history.push({ status, atMs: Math.max(atMs, box.history[box.history.length - 1]?.atMs ?? atMs) });
	}

	/** The boxes seeded claims go on: per spec, an open box of its vendor and status no earlier spec took, else a new one. */
	claimBoxes(specs: readonly ClaimBoxSpec[], nowMs: number): OrderBox[] {
		const taken = new Set<number>();
		return specs.map((spec) => {
			const fits = (box: OrderBox): boolean =>
				box.vendorId === spec.vendorId && box.closedBy === null && box.status === spec.status && !taken.has(box.shipmentBoxId) && spec.accepts(box);
			const box = this.all.find(fits) ?? this.newBoxFor(spec, nowMs);
			taken.add(box.shipmentBoxId);
			return box;
		});
	}

	/** A new one-box order in the spec's status, ordered 1 to `maxDaysBack` days before `nowMs`. */
	newBoxFor(spec: Omit<ClaimBoxSpec, 'accepts'>, nowMs: number): OrderBox {
		const orderedAtMs = Math.floor((nowMs - this.context.prng.int(1, spec.maxDaysBack) * DAY_MS) / 1000) * 1000;
		return this.create({ orderedAtMs, vendorId: spec.vendorId, status: spec.status, boxCount: 1 }, nowMs)[0];
	}

	/** A new order's boxes, kept in shipmentBoxId order; used by control calls and by claims that need a box. */
	create(draft: OrderDraft, nowMs = this.context.clock()): OrderBox[] {
		const catalog = this.productItems.sellable(draft.vendorId);
		const boxes = buildOrder(this.context.prng, this.ids, catalog, draft, Math.max(draft.orderedAtMs, nowMs));
		for (const box of boxes) {
			this.all.push(box);
			this.byBoxId.set(box.shipmentBoxId, box);
		}
		return boxes;
	}

	add(input: AddOrdersInput = {}): OrderBox[] {
		const count = checkCount(input.count);
		const orderedAtMs = input.orderedAt === undefined ? Math.floor(this.context.clock() / 1000) * 1000 : parseKoreaDateTime(input.orderedAt, 'T');
		if (orderedAtMs === null) throw new SandboxApiError(400, 'orderedAt must be yyyy-MM-ddTHH:mm:ss (Korea time).');
		if (input.status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(input.status)) {
			throw new SandboxApiError(400, `status must be one of ${ORDER_STATUSES.join(', ')}.`);
		}
		for (const [name, value] of [['itemCount', input.itemCount], ['boxCount', input.boxCount]] as const) {
			if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 10)) throw new SandboxApiError(400, `${name} must be an integer from 1 to 10.`);
		}
		const draft: OrderDraft = {
			orderedAtMs,
			vendorId: input.vendorId ?? this.context.vendorId,
			status: input.status as OrderStatus | undefined,
			itemCount: input.itemCount,
			boxCount: input.boxCount ?? 1,
		};
		const created: OrderBox[] = [];
		for (let i = 0; i < count; i++) created.push(...this.create(draft));
		return created;
	}
}
