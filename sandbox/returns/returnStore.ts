// Live return and cancellation receipts (all vendors), newest first: the list, the single lookup, and receipts
// added by tests or control calls. The seller's writes are in returnWrites.ts.

import { SandboxApiError } from '../errors';
import type { OrderBox } from '../orders/model';
import type { ClaimBoxSpec, OrderStore } from '../orders/orderStore';
import { pageAfterToken, type CreatedWindow } from '../orders/window';
import { checkCount, OTHER_VENDOR_ID, type DataContext } from '../seeding';
import { parseKoreaDateTime } from '../time';
import { RECEIPT_STATUSES, STATUS_CODES, type ReceiptType, type ReturnRequest, type StatusCode } from './model';
import { buildReturn, newReturnIds, RETURN_KINDS, SEEDED_KINDS, type ReturnKind } from './returnGeneration';

export interface ReturnListQuery {
	window: CreatedWindow;
	cancelType: ReceiptType;
	status?: StatusCode;
	orderId?: number;
	/** null: everything in one answer (minute lists). */
	page: { nextToken: string | null; maxPerPage: number } | null;
}

export interface AddReturnsInput {
	count?: number;
	receiptStatus?: string;
	receiptType?: string;
	/** `yyyy-MM-ddTHH:mm:ss` Korea time; default now. */
	createdAt?: string;
	shipmentBoxId?: number;
	quickRefund?: boolean;
	vendorId?: string;
}

function matchesStatus(request: ReturnRequest, status: StatusCode | undefined): boolean {
	if (status === undefined) return true;
	// A stop-shipment request also counts as a return receipt (fact sheet 9.1).
	if (status === 'UC' && request.receiptStatus === 'RELEASE_STOP_UNCHECKED') return true;
	return request.receiptStatus === STATUS_CODES[status];
}

function kindOf(receiptType: string | undefined, receiptStatus: string | undefined): ReturnKind {
	if (receiptType !== undefined && receiptType !== 'RETURN' && receiptType !== 'CANCEL') throw new SandboxApiError(400, 'receiptType must be RETURN or CANCEL.');
	if (receiptType === 'CANCEL') return 'cancel';
	if (receiptStatus === undefined) return 'returnUnchecked';
	const kind = (Object.keys(RETURN_KINDS) as ReturnKind[]).find((name) => name !== 'cancel' && RETURN_KINDS[name].receiptStatus === receiptStatus);
	if (!kind) throw new SandboxApiError(400, `receiptStatus must be one of ${RECEIPT_STATUSES.join(', ')}.`);
	return kind;
}

export class ReturnStore {
	/** All vendors, newest first (receiptId descending). */
	all: ReturnRequest[] = [];
	byId = new Map<number, ReturnRequest>();
	private ids = newReturnIds();

	constructor(
		private readonly context: DataContext,
		readonly orders: OrderStore,
	) {}

	reseed(count: number, nowMs: number): void {
		this.ids = newReturnIds();
		this.all = [];
		this.byId = new Map();
		const kinds = Array.from({ length: count }, (_, index) => SEEDED_KINDS[index % SEEDED_KINDS.length]);
		const specs = kinds.map((kind, index) => this.boxSpec(kind, index % 9 === 8 ? OTHER_VENDOR_ID : this.context.vendorId));
		this.orders.claimBoxes(specs, nowMs).forEach((box, index) => this.insert(this.receiptOn(box, kinds[index], nowMs, undefined)));
	}

	/** The box a receipt of this kind needs: in the kind's status, no stop request or refund waiting. */
	private boxSpec(kind: ReturnKind, vendorId: string): ClaimBoxSpec {
		const recent = kind === 'cancel' || kind === 'stopRequest';
		return {
			vendorId,
			status: RETURN_KINDS[kind].boxStatus,
			maxDaysBack: recent ? 1 : 10,
			accepts: (box) => !box.stopRequested && box.items.every((item) => item.holdCountForCancel === 0),
		};
	}

	/** A receipt on `box`, created after the box reached its status, with its effect on the box. */
	private receiptOn(box: OrderBox, kind: ReturnKind, nowMs: number, createdAtMs: number | undefined): ReturnRequest {
		const anchor = box.history[box.history.length - 1]?.atMs ?? box.orderedAtMs;
		const at = createdAtMs ?? Math.floor((anchor + (nowMs - anchor) * this.context.prng.next()) / 1000) * 1000;
		const request = buildReturn(this.context.prng, this.ids, box, kind, Math.max(at, box.orderedAtMs), nowMs);
		if (kind === 'stopRequest') box.stopRequested = true;
		if (request.receiptStatus === 'RETURNS_COMPLETED') this.settleOnBox(request, kind === 'cancel' ? 'cancelled' : 'returned');
		return request;
	}

	/** The receipt's units leave the box; a box with nothing left leaves the PO lists. */
	settleOnBox(request: ReturnRequest, closure: 'cancelled' | 'returned'): void {
		const box = this.orders.byBoxId.get(request.items[0]?.shipmentBoxId ?? -1);
		if (!box) return;
		for (const returned of request.items) {
			const item = box.items.find((entry) => entry.vendorItemId === returned.vendorItemId);
			if (item) item.cancelCount = Math.min(item.orderedCount, item.cancelCount + returned.cancelCount);
		}
		box.stopRequested = false;
		if (box.items.every((item) => item.cancelCount >= item.orderedCount)) box.closedBy = closure;
	}

	private insert(request: ReturnRequest): void {
		let index = 0;
		while (index < this.all.length && this.all[index].receiptId > request.receiptId) index++;
		this.all.splice(index, 0, request);
		this.byId.set(request.receiptId, request);
	}

	list(vendorId: string, query: ReturnListQuery): { requests: ReturnRequest[]; nextToken: string } {
		const { fromMs, toMs } = query.window;
		const matches = this.all.filter(
			(request) =>
				request.vendorId === vendorId &&
				request.receiptType === query.cancelType &&
				request.createdAtMs >= fromMs &&
				request.createdAtMs <= toMs &&
				matchesStatus(request, query.status) &&
				(query.orderId === undefined || request.orderId === query.orderId),
		);
		if (query.page === null) return { requests: matches, nextToken: '' };
		const { page, nextToken } = pageAfterToken(matches, (request) => request.receiptId, query.page.nextToken, query.page.maxPerPage, true);
		return { requests: page, nextToken };
	}

	/** The vendor's return receipt; cancellation receipts are not served here (KO-360034562353). */
	getFor(vendorId: string, receiptId: number): ReturnRequest {
		const request = this.byId.get(receiptId);
		if (!request || request.receiptType === 'CANCEL') throw new SandboxApiError(400, `cannot find the Receipt. receiptId : ${receiptId}`);
		if (request.vendorId !== vendorId) throw new SandboxApiError(400, `receiptId ${receiptId} doesn't belong to the vendorId ${vendorId}`);
		return request;
	}

	add(input: AddReturnsInput = {}): ReturnRequest[] {
		const count = checkCount(input.count);
		const kind = kindOf(input.receiptType, input.receiptStatus);
		const createdAtMs = input.createdAt === undefined ? Math.floor(this.context.clock() / 1000) * 1000 : parseKoreaDateTime(input.createdAt, 'T');
		if (createdAtMs === null) throw new SandboxApiError(400, 'createdAt must be yyyy-MM-ddTHH:mm:ss (Korea time).');
		const vendorId = input.vendorId ?? this.context.vendorId;
		const created: ReturnRequest[] = [];
		for (let i = 0; i < count; i++) {
			const nowMs = Math.max(createdAtMs, this.context.clock());
			const box = input.shipmentBoxId === undefined ? this.orders.newBoxFor(this.boxSpec(kind, vendorId), createdAtMs) : this.orders.getBox(vendorId, input.shipmentBoxId);
			const request = this.receiptOn(box, kind, nowMs, createdAtMs);
			if (input.quickRefund !== undefined) request.quickRefund = input.quickRefund;
			this.insert(request);
			created.push(request);
		}
		return created;
	}
}
