// Deterministic exchange requests on delivered boxes, at every stage: received, being collected, confirmed (with
// a re-delivery box), shipped again, completed, rejected and withdrawn.

import type { OrderBox } from '../orders/model';
import type { Prng } from '../prng';
import { IdSequence } from '../seeding';
import type { ExchangeRequest, ExchangeStatus } from './model';

export const EXCHANGE_STAGES = ['received', 'collecting', 'confirmed', 'shipped', 'success', 'rejected', 'withdrawn'] as const;
export type ExchangeStage = (typeof EXCHANGE_STAGES)[number];

/** The seeded mix, in order: every stage appears once in the first seven. */
export const SEEDED_STAGES: readonly ExchangeStage[] = ['collecting', 'received', 'confirmed', 'shipped', 'success', 'rejected', 'withdrawn', 'collecting'];

const STAGE_STATUS: Record<ExchangeStage, ExchangeStatus> = {
	received: 'RECEIPT',
	collecting: 'PROGRESS',
	confirmed: 'PROGRESS',
	shipped: 'PROGRESS',
	success: 'SUCCESS',
	rejected: 'REJECT',
	withdrawn: 'CANCEL',
};

const REASONS = [
	{ code: 'DIFFERENTOPT', text: '색상/ 사이즈가 기대와 다름', fault: 'CUSTOMER' },
	{ code: 'DEFECT', text: '상품 결함/기능에 이상이 있음', fault: 'VENDOR' },
	{ code: 'WRONGSIZECOL', text: '사이즈 또는 색상 잘못 선택', fault: 'CUSTOMER' },
	{ code: 'DAMAGED', text: '배송 중 파손', fault: 'VENDOR' },
	{ code: 'COMPOMISS', text: '상품의 구성품, 부속품이 제대로 들어있지 않음', fault: 'VENDOR' },
] as const;

const DETAILS = ['베이지색 주문했는데 브라운이 왔습니다', '한 치수 큰 걸로 바꿔 주세요', '포장이 찢어져 왔어요', '부속품이 빠져 있어요'];

export interface ExchangeIds {
	exchange: IdSequence;
	exchangeItem: IdSequence;
	address: IdSequence;
}

export function newExchangeIds(): ExchangeIds {
	return { exchange: new IdSequence(101_268_900, 997), exchangeItem: new IdSequence(1_765_100, 7), address: new IdSequence(1_691_700, 7) };
}

export interface ExchangeDraft {
	box: OrderBox;
	stage: ExchangeStage;
	createdAtMs: number;
	/** The re-delivery box ID, for the stages after the receipt confirmation. */
	redeliveryBoxId: number;
}

function redeliveryOf(prng: Prng, draft: ExchangeDraft, confirmedAtMs: number): ExchangeRequest['redelivery'] {
	if (!['confirmed', 'shipped', 'success'].includes(draft.stage)) return [];
	const shipped = draft.stage !== 'confirmed';
	const invoice = shipped ? { deliverCode: 'CJGLS', invoiceNumber: String(prng.int(340_000_000_000, 349_999_999_999)), uploadedAtMs: confirmedAtMs } : null;
	return [{ shipmentBoxId: draft.redeliveryBoxId, invoice }];
}

export function buildExchange(prng: Prng, ids: ExchangeIds, draft: ExchangeDraft, nowMs: number): ExchangeRequest {
	const { box, stage, createdAtMs } = draft;
	const reason = prng.pick(REASONS);
	const item = box.items[0];
	const confirmed = stage === 'confirmed' || stage === 'shipped' || stage === 'success';
	const confirmedAtMs = Math.min(nowMs, createdAtMs + prng.int(3_600, 2 * 86_400) * 1000);
	const modifiedAtMs = stage === 'received' ? createdAtMs : confirmedAtMs;
	const exchangeId = ids.exchange.next(prng);
	return {
		exchangeId,
		orderId: box.orderId,
		vendorId: box.vendorId,
		orderDeliveryStatusCode: box.status,
		exchangeStatus: STAGE_STATUS[stage],
		referType: prng.pick(['WEB_MOBILE', 'WEB_PC', 'CS_CENTER'] as const),
		faultType: reason.fault,
		reasonCode: reason.code,
		reasonCodeText: reason.text,
		reasonEtcDetail: prng.pick(DETAILS),
		createdByType: 'CUSTOMER',
		createdAtMs,
		modifiedByType: stage === 'received' ? 'CUSTOMER' : stage === 'rejected' ? 'VENDOR' : 'TRACKING',
		modifiedAtMs,
		items: [
			{
				exchangeItemId: ids.exchangeItem.next(prng),
				vendorItemId: item.vendorItemId,
				unitPrice: item.salesPrice,
				itemName: `${item.sellerProductName}, ${item.sellerProductItemName}`,
				quantity: 1,
				originalShipmentBoxId: box.shipmentBoxId,
			},
		],
		address: {
			exchangeAddressId: ids.address.next(prng),
			customerName: box.receiver.name,
			zipCode: box.receiver.postCode,
			address: box.receiver.addr1,
			addressDetail: box.receiver.addr2,
			mobile: '010-****-****',
		},
		redelivery: redeliveryOf(prng, draft, confirmedAtMs),
		deliveryStatus: stage === 'success' ? 'CompleteDelivery' : stage === 'shipped' ? 'CompleteDirection' : 'BeforeDirection',
		collectStatus: confirmed ? 'CompleteCollect' : stage === 'collecting' ? 'Collecting' : 'BeforeDirection',
		collectCompleteAtMs: confirmed ? confirmedAtMs : null,
		receiptConfirmedAtMs: confirmed ? confirmedAtMs : null,
		returnDelivery: { deliveryCompanyCode: 'CJGLS', deliveryInvoiceNo: stage === 'received' ? '' : String(prng.int(840_000_000_000, 849_999_999_999)) },
		rejectCode: stage === 'rejected' ? prng.pick(['SOLDOUT', 'WITHDRAW'] as const) : null,
	};
}
