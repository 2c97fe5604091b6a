// Deterministic return and cancellation receipts on the sandbox's orders: stop-shipment requests on boxes in
// preparation, returns of delivered boxes at every stage, cancellations of paid orders.

import type { OrderBox, OrderStatus } from '../orders/model';
import { randomCustomer } from '../orders/people';
import type { Prng } from '../prng';
import { IdSequence } from '../seeding';
import type { ReceiptStatus, ReceiptType, ReleaseStopStatus, ReturnRequest } from './model';

/** What kind of receipt, and the box status it needs. */
export const RETURN_KINDS = {
	stopRequest: { receiptType: 'RETURN', receiptStatus: 'RELEASE_STOP_UNCHECKED', boxStatus: 'INSTRUCT' },
	returnUnchecked: { receiptType: 'RETURN', receiptStatus: 'RETURNS_UNCHECKED', boxStatus: 'FINAL_DELIVERY' },
	warehouse: { receiptType: 'RETURN', receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM', boxStatus: 'FINAL_DELIVERY' },
	coupangCheck: { receiptType: 'RETURN', receiptStatus: 'REQUEST_COUPANG_CHECK', boxStatus: 'FINAL_DELIVERY' },
	completed: { receiptType: 'RETURN', receiptStatus: 'RETURNS_COMPLETED', boxStatus: 'FINAL_DELIVERY' },
	cancel: { receiptType: 'CANCEL', receiptStatus: 'RETURNS_COMPLETED', boxStatus: 'ACCEPT' },
} as const satisfies Record<string, { receiptType: ReceiptType; receiptStatus: ReceiptStatus; boxStatus: OrderStatus }>;
export type ReturnKind = keyof typeof RETURN_KINDS;

/** The seeded mix, in order: every kind appears once in the first six. */
export const SEEDED_KINDS: readonly ReturnKind[] = ['returnUnchecked', 'stopRequest', 'warehouse', 'completed', 'cancel', 'coupangCheck', 'returnUnchecked', 'warehouse'];

const REASONS = [
	{ code: 'CHANGEMIND', text: '필요 없어짐 (단순 변심)', category1: '고객변심', category2: '단순변심(사유없음)', fault: 'CUSTOMER' },
	{ code: 'DEFECT', text: '상품 결함/기능에 이상이 있음', category1: '상품불량', category2: '사용중 제품결함', fault: 'VENDOR' },
	{ code: 'DIFFERENTOPT', text: '색상/ 사이즈가 기대와 다름', category1: '고객변심', category2: '색상/사이즈 불만', fault: 'CUSTOMER' },
	{ code: 'WRONGDELIVERY', text: '다른 상품이 배송됨', category1: '오배송', category2: '상품 오배송', fault: 'VENDOR' },
	{ code: 'REORDER', text: '다른 상품 추가 후 재주문 예정', category1: '고객변심', category2: '주문실수', fault: 'CUSTOMER' },
] as const;

const CUSTOMER_TEXTS = ['', '사이즈가 맞지 않아요', '단 이틀 사용했는데 작동하지 않습니다', '주문을 잘못했어요', ''];

export interface ReturnIds {
	receipt: IdSequence;
	returnDelivery: IdSequence;
}

export function newReturnIds(): ReturnIds {
	return { receipt: new IdSequence(350_229_600, 997), returnDelivery: new IdSequence(20_234_000, 97) };
}

function releaseStopStatusOf(kind: ReturnKind): ReleaseStopStatus {
	return kind === 'stopRequest' ? '미처리' : '비대상';
}

/** One receipt for all of the box's items (a stop request or cancellation) or its first items (a return). */
export function buildReturn(prng: Prng, ids: ReturnIds, box: OrderBox, kind: ReturnKind, createdAtMs: number, nowMs: number): ReturnRequest {
	const spec = RETURN_KINDS[kind];
	const reason = kind === 'stopRequest' || kind === 'cancel' ? REASONS[kind === 'cancel' ? 0 : 4] : prng.pick(REASONS);
	const requester = randomCustomer(prng);
	const partial = spec.receiptType === 'RETURN' && kind !== 'stopRequest' && box.items.length > 1 && prng.chance(0.4);
	const items = (partial ? box.items.slice(0, 1) : box.items).map((item) => ({
		vendorItemId: item.vendorItemId,
		vendorItemName: `${item.sellerProductName}, ${item.sellerProductItemName}`,
		purchaseCount: item.orderedCount,
		cancelCount: item.orderedCount - item.cancelCount,
		shipmentBoxId: box.shipmentBoxId,
		sellerProductId: item.sellerProductId,
		sellerProductName: item.sellerProductName,
	}));
	const pickedUp = kind === 'warehouse' || kind === 'coupangCheck' || kind === 'completed';
	const done = spec.receiptStatus === 'RETURNS_COMPLETED';
	const modifiedAtMs = done || pickedUp ? Math.min(nowMs, createdAtMs + prng.int(3_600, 3 * 86_400) * 1000) : createdAtMs;
	const total = items.reduce((sum, item) => sum + item.cancelCount * (box.items.find((entry) => entry.vendorItemId === item.vendorItemId)?.salesPrice ?? 0), 0);
	return {
		receiptId: ids.receipt.next(prng),
		orderId: box.orderId,
		paymentId: box.orderId + 700_000 + prng.int(0, 99_999),
		vendorId: box.vendorId,
		receiptType: spec.receiptType,
		receiptStatus: spec.receiptStatus,
		createdAtMs,
		modifiedAtMs,
		requesterName: box.receiver.name,
		requesterPhoneNumber: requester.safeNumber,
		requesterAddress: box.receiver.addr1,
		requesterAddressDetail: box.receiver.addr2,
		requesterZipCode: box.receiver.postCode,
		reasonCode: reason.code,
		reasonCodeText: reason.text,
		cancelReasonCategory1: reason.category1,
		cancelReasonCategory2: reason.category2,
		cancelReason: prng.pick(CUSTOMER_TEXTS),
		returnDeliveryId: ids.returnDelivery.next(prng),
		returnDeliveryType: spec.receiptType === 'CANCEL' ? '' : prng.pick(['연동택배', '연동택배', '수기관리']),
		releaseStopStatus: releaseStopStatusOf(kind),
		enclosePrice: 0,
		faultByType: reason.fault,
		preRefund: false,
		completeConfirmType: done ? 'VENDOR_CONFIRM' : 'UNDEFINED',
		completeConfirmAtMs: done ? modifiedAtMs : null,
		items,
		returnDeliveryDtos: spec.receiptType === 'CANCEL' || kind === 'stopRequest' ? [] : [{ deliveryCompanyCode: 'CJGLS', deliveryInvoiceNo: pickedUp ? `8408${prng.int(10_000_000, 99_999_999)}` : '' }],
		quickRefund: total < 100_000 && prng.chance(0.5),
	};
}
