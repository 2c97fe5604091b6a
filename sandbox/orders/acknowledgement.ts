// Acknowledgement ("상품준비중 처리"): ACCEPT boxes move to INSTRUCT; every box gets its own result inside the HTTP
// 200 (R19 delivery-api/ko/product-preparation-processing; EN-360033792994).

import { SandboxApiError } from '../errors';
import type { OrderBox } from './model';
import type { OrderStore } from './orderStore';
import { batchResponseCode, bodyId, checkBodyVendor, type BoxResult } from './requestBodies';

export const MAX_ACKNOWLEDGEMENT_BOXES = 50;
export const CANNOT_CHANGE_STATUS_MESSAGE = '배송상태를 변경할 수 없습니다. 주문내역을 확인해주세요.';

const SUMMARY: Record<0 | 1 | 99, string> = { 0: 'All succeeded.', 1: 'Partial errors.', 99: 'All failed.' };

export interface AcknowledgementData {
	responseKey: number;
	responseCode: 0 | 1 | 99;
	responseMessage: string;
	responseList: BoxResult[];
}

function failure(shipmentBoxId: number, resultCode: string, retryRequired: boolean, resultMessage: string): BoxResult {
	return { shipmentBoxId, succeed: false, resultCode, retryRequired, resultMessage };
}

/** Why this box cannot be acknowledged, or null when it can. */
function refusal(box: OrderBox): BoxResult | null {
	if (box.closedBy !== null) return failure(box.shipmentBoxId, 'ORDER_DELIVERY_CANCELED', false, CANNOT_CHANGE_STATUS_MESSAGE);
	if (box.items.some((item) => item.holdCountForCancel > 0)) {
		return failure(box.shipmentBoxId, 'ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL', true, CANNOT_CHANGE_STATUS_MESSAGE);
	}
	if (box.status !== 'ACCEPT') return failure(box.shipmentBoxId, 'INVALID_STATUS', false, CANNOT_CHANGE_STATUS_MESSAGE);
	return null;
}

function shipmentBoxIds(body: Record<string, unknown>): number[] {
	const raw = body.shipmentBoxIds;
	if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_ACKNOWLEDGEMENT_BOXES) {
		throw new SandboxApiError(400, `shipmentBoxIds must hold 1 to ${MAX_ACKNOWLEDGEMENT_BOXES} shipment box IDs.`);
	}
	return raw.map((value, index) => bodyId(value, `shipmentBoxIds[${index}]`));
}

export function acknowledge(store: OrderStore, vendorId: string, body: Record<string, unknown>, nowMs: number): AcknowledgementData {
	checkBodyVendor(body, vendorId, store.readings.values);
	const ids = shipmentBoxIds(body);
	const notFoundRetry = store.readings.values.notFoundBoxRetry !== 'false';
	const responseList = ids.map((shipmentBoxId): BoxResult => {
		const box = store.byBoxId.get(shipmentBoxId);
		if (!box || box.vendorId !== vendorId) {
			return failure(shipmentBoxId, 'NOT_FOUND_SHIPMENT_BOX', notFoundRetry, `shipmentBoxId (${shipmentBoxId}) is not found.`);
		}
		const refused = refusal(box);
		if (refused) return refused;
		store.moveTo(box, 'INSTRUCT', nowMs);
		return { shipmentBoxId, succeed: true, resultCode: 'OK', retryRequired: false, resultMessage: 'request succeeded.' };
	});
	const responseCode = batchResponseCode(responseList);
	return {
		// A large negative request key, as in the R19 sample (kept a safe integer here).
		responseKey: -(Math.floor(nowMs) * 1000 + (ids[0] % 1000)),
		responseCode,
		responseMessage: `apply instructStatus result - ${SUMMARY[responseCode]}`,
		responseList,
	};
}
