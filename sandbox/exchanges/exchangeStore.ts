// Live exchange requests (all vendors), oldest first: the list, the seller's receipt confirmation, rejection and
// exchange waybill (fact sheet 10.1-10.4), and requests added by tests or control calls.

import { SandboxApiError } from '../errors';
import { COURIERS, validWaybill, type OrderBox } from '../orders/model';
import type { ClaimBoxSpec, OrderStore } from '../orders/orderStore';
import { bodyId, bodyText, checkBodyMatchesPath, checkBodyVendor } from '../orders/requestBodies';
import { pageAfterToken, type CreatedWindow } from '../orders/window';
import { checkCount, OTHER_VENDOR_ID, type DataContext } from '../seeding';
import { parseKoreaDateTime } from '../time';
import { buildExchange, EXCHANGE_STAGES, newExchangeIds, SEEDED_STAGES, type ExchangeStage } from './exchangeGeneration';
import type { ExchangeRequest, ExchangeStatus } from './model';

export const COLLECT_DELAY_MS = 10 * 60 * 1000;

export interface ExchangeListQuery {
	window: CreatedWindow;
	status?: ExchangeStatus;
	orderId?: number;
	nextToken: string | null;
	maxPerPage: number;
}

export interface AddExchangesInput {
	count?: number;
	stage?: string;
	/** `yyyy-MM-ddTHH:mm:ss` Korea time; default now. */
	createdAt?: string;
	shipmentBoxId?: number;
	vendorId?: string;
}

export interface ExchangeWrite {
	vendorId: string;
	exchangeId: number;
	nowMs: number;
}

function open(exchange: ExchangeRequest): boolean {
	return exchange.exchangeStatus === 'RECEIPT' || exchange.exchangeStatus === 'PROGRESS';
}

/** Whether the pickup has completed by `nowMs` (the receipt confirmation completes it, maybe 10 minutes later). */
export function collectComplete(exchange: ExchangeRequest, nowMs: number): boolean {
	return exchange.collectCompleteAtMs !== null && exchange.collectCompleteAtMs <= nowMs;
}

export class ExchangeStore {
	/** All vendors, by exchangeId ascending. */
	all: ExchangeRequest[] = [];
	byId = new Map<number, ExchangeRequest>();
	private ids = newExchangeIds();

	constructor(
		private readonly context: DataContext,
		readonly orders: OrderStore,
	) {}

	reseed(count: number, nowMs: number): void {
		this.ids = newExchangeIds();
		this.all = [];
		this.byId = new Map();
		const specs = Array.from({ length: count }, (_, index) => this.boxSpec(index % 9 === 7 ? OTHER_VENDOR_ID : this.context.vendorId));
		this.orders.claimBoxes(specs, nowMs).forEach((box, index) => this.insert(this.exchangeOn(box, SEEDED_STAGES[index % SEEDED_STAGES.length], nowMs, undefined)));
	}

	/** Exchanges go on delivered boxes with nothing cancelled or returned. */
	private boxSpec(vendorId: string): ClaimBoxSpec {
		return { vendorId, status: 'FINAL_DELIVERY', maxDaysBack: 10, accepts: (box) => box.items.every((item) => item.cancelCount === 0) };
	}

	private exchangeOn(box: OrderBox, stage: ExchangeStage, nowMs: number, createdAtMs: number | undefined): ExchangeRequest {
		const delivered = box.deliveredAtMs ?? box.orderedAtMs;
		const at = createdAtMs ?? Math.floor((delivered + (nowMs - delivered) * this.context.prng.next()) / 1000) * 1000;
		const redeliveryBoxId = ['confirmed', 'shipped', 'success'].includes(stage) ? this.orders.nextShipmentBoxId() : 0;
		return buildExchange(this.context.prng, this.ids, { box, stage, createdAtMs: at, redeliveryBoxId }, nowMs);
	}

	private insert(exchange: ExchangeRequest): void {
		let index = this.all.length;
		while (index > 0 && this.all[index - 1].exchangeId > exchange.exchangeId) index--;
		this.all.splice(index, 0, exchange);
		this.byId.set(exchange.exchangeId, exchange);
	}

	list(vendorId: string, query: ExchangeListQuery): { exchanges: ExchangeRequest[]; nextToken: string } {
		const { fromMs, toMs } = query.window;
		const matches = this.all.filter(
			(exchange) =>
				exchange.vendorId === vendorId &&
				exchange.createdAtMs >= fromMs &&
				exchange.createdAtMs <= toMs &&
				(query.status === undefined || exchange.exchangeStatus === query.status) &&
				(query.orderId === undefined || exchange.orderId === query.orderId),
		);
		const { page, nextToken } = pageAfterToken(matches, (exchange) => exchange.exchangeId, query.nextToken, query.maxPerPage);
		return { exchanges: page, nextToken };
	}

	/** The vendor's exchange, after the body checks every write shares. */
	private writable(write: ExchangeWrite, body: Record<string, unknown>): ExchangeRequest {
		checkBodyVendor(body, write.vendorId, this.orders.readings.values);
		checkBodyMatchesPath(body, 'exchangeId', write.exchangeId);
		const exchange = this.byId.get(write.exchangeId);
		if (!exchange || exchange.vendorId !== write.vendorId) throw new SandboxApiError(404, `exchangeId (${write.exchangeId}) is not found.`);
		return exchange;
	}

	/** RECEIPT/PROGRESS, not yet confirmed → PROGRESS with a re-delivery box; the pickup completes now or in 10 minutes. */
	confirmReceipt(write: ExchangeWrite, body: Record<string, unknown>): ExchangeRequest {
		const exchange = this.writable(write, body);
		if (!open(exchange) || exchange.receiptConfirmedAtMs !== null) {
			throw new SandboxApiError(400, `exchangeId ${exchange.exchangeId} cannot be confirmed: it is ${exchange.exchangeStatus}${exchange.receiptConfirmedAtMs === null ? '' : ' and already confirmed'}.`);
		}
		const delay = this.orders.readings.values.exchangeCollectDelay === 'tenMinutes' ? COLLECT_DELAY_MS : 0;
		Object.assign(exchange, { exchangeStatus: 'PROGRESS', modifiedByType: 'VENDOR', modifiedAtMs: write.nowMs, receiptConfirmedAtMs: write.nowMs });
		exchange.collectCompleteAtMs = write.nowMs + delay;
		exchange.redelivery.push({ shipmentBoxId: this.orders.nextShipmentBoxId(), invoice: null });
		return exchange;
	}

	/** SOLDOUT or WITHDRAW, while the exchange is open and nothing was shipped again. */
	reject(write: ExchangeWrite, body: Record<string, unknown>): ExchangeRequest {
		const exchange = this.writable(write, body);
		const code = body.exchangeRejectCode;
		if (code !== 'SOLDOUT' && code !== 'WITHDRAW') throw new SandboxApiError(400, 'exchangeRejectCode must be SOLDOUT or WITHDRAW.');
		if (!open(exchange) || exchange.redelivery.some((box) => box.invoice !== null)) {
			throw new SandboxApiError(400, `exchangeId ${exchange.exchangeId} cannot be rejected: it is ${exchange.exchangeStatus}.`);
		}
		Object.assign(exchange, { exchangeStatus: 'REJECT', rejectCode: code, modifiedByType: 'VENDOR', modifiedAtMs: write.nowMs });
		return exchange;
	}

	/** One waybill per re-delivery box; needs the confirmation and collectStatus CompleteCollect. */
	uploadInvoices(write: ExchangeWrite, entries: Array<Record<string, unknown>>): ExchangeRequest {
		const checked = entries.map((entry) => ({ exchange: this.writable(write, entry), entry }));
		const exchange = checked[0].exchange;
		if (!open(exchange) || exchange.receiptConfirmedAtMs === null) {
			throw new SandboxApiError(400, `exchangeId ${exchange.exchangeId} has no confirmed receipt: confirm the receipt first.`);
		}
		if (!collectComplete(exchange, write.nowMs)) throw new SandboxApiError(400, `collectStatus of exchangeId ${exchange.exchangeId} is not CompleteCollect yet.`);
		const waybills = checked.map(({ entry }) => this.readWaybill(exchange, entry));
		for (const { box, deliverCode, invoiceNumber } of waybills) box.invoice = { deliverCode, invoiceNumber, uploadedAtMs: write.nowMs };
		Object.assign(exchange, { deliveryStatus: 'CompleteDirection', modifiedByType: 'VENDOR', modifiedAtMs: write.nowMs });
		return exchange;
	}

	private readWaybill(exchange: ExchangeRequest, entry: Record<string, unknown>) {
		const shipmentBoxId = bodyId(entry.shipmentBoxId, 'shipmentBoxId');
		const box = exchange.redelivery.find((candidate) => candidate.shipmentBoxId === shipmentBoxId);
		if (!box) throw new SandboxApiError(400, `shipmentBoxId ${shipmentBoxId} is not the re-delivery box of exchangeId ${exchange.exchangeId}.`);
		const deliverCode = bodyText(entry.goodsDeliveryCode, 'goodsDeliveryCode');
		const invoiceNumber = bodyText(entry.invoiceNumber, 'invoiceNumber');
		if (!COURIERS[deliverCode]) throw new SandboxApiError(400, `Invalid goodsDeliveryCode [${deliverCode}].`);
		if (!validWaybill(deliverCode, invoiceNumber)) throw new SandboxApiError(400, `Invalid invoiceNumber [${invoiceNumber}] for ${deliverCode}.`);
		return { box, deliverCode, invoiceNumber };
	}

	add(input: AddExchangesInput = {}): ExchangeRequest[] {
		const count = checkCount(input.count);
		const stage = (input.stage ?? 'received') as ExchangeStage;
		if (!EXCHANGE_STAGES.includes(stage)) throw new SandboxApiError(400, `stage must be one of ${EXCHANGE_STAGES.join(', ')}.`);
		const createdAtMs = input.createdAt === undefined ? Math.floor(this.context.clock() / 1000) * 1000 : parseKoreaDateTime(input.createdAt, 'T');
		if (createdAtMs === null) throw new SandboxApiError(400, 'createdAt must be yyyy-MM-ddTHH:mm:ss (Korea time).');
		const vendorId = input.vendorId ?? this.context.vendorId;
		const created: ExchangeRequest[] = [];
		for (let i = 0; i < count; i++) {
			const box = input.shipmentBoxId === undefined ? this.orders.newBoxFor(this.boxSpec(vendorId), createdAtMs) : this.orders.getBox(vendorId, input.shipmentBoxId);
			const exchange = this.exchangeOn(box, stage, Math.max(createdAtMs, this.context.clock()), createdAtMs);
			this.insert(exchange);
			created.push(exchange);
		}
		return created;
	}
}
