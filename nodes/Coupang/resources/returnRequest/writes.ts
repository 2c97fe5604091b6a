/**
 * The state changes of a return receipt (fact sheet 9.3-9.6). Coupang's pages show "PATCH PUT" for each (1.3): the
 * node sends PUT, the later addition that current clients send. Bodies carry the seller's vendorId and the receipt ID
 * as a JSON number (a digit string only beyond 2^53).
 */
import type { IDataObject } from 'n8n-workflow';

import { type ReturnAction, PATHS } from '../../core/coupangFacts';
import type { CoupangClient } from '../../transport/client';
import { checkedWriteResult, idValue } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation, type OperationDescription } from '../operation';
import { cancelCountField, readCancelCount, receiptIdField } from './fields';
import { getReturn } from './list';

export async function sendReturnAction(client: CoupangClient, receiptId: string, action: ReturnAction, fields: IDataObject = {}): Promise<IDataObject> {
	return await client.request({
		method: 'PUT',
		path: PATHS.returnRequestAction(client.vendorId, receiptId, action),
		body: { vendorId: client.vendorId, receiptId: idValue(receiptId), ...fields },
		write: true,
	});
}

/**
 * The count Coupang requires for approval and stop shipment: the receipt's total quantity (cancelCountSum, or the sum
 * of its items' cancelCount), read from the receipt when the user left it empty.
 */
export async function cancelCountOf(client: CoupangClient, receiptId: string, given: number | undefined): Promise<number> {
	if (given !== undefined) return given;
	const [receipt] = await getReturn(client, receiptId);
	if (receipt === undefined) throw client.unexpectedAnswer(`has no receipt ${receiptId}`, receipt);
	const sum = receipt.cancelCountSum;
	if (typeof sum === 'number' && Number.isSafeInteger(sum)) return sum;
	const items = Array.isArray(receipt.returnItems) ? (receipt.returnItems as IDataObject[]) : [];
	const total = items.reduce((count, item) => count + Number(item.cancelCount), 0);
	if (!Number.isSafeInteger(total) || total < 1) throw client.unexpectedAnswer(`has no cancel count for receipt ${receiptId}`, receipt);
	return total;
}

/**
 * Approve and Stop Shipment: a receipt and the count Coupang requires (read from the receipt when left empty). Stop
 * Shipment answers a resultCode (SUCCESS/FAIL, fact sheet 9.5), approval none; a FAIL fails the item.
 */
export function countedReturnOperation(operation: { value: string; name: string; description: string; action: string; returnAction: 'approval' | 'stoppedShipment' }): OperationDescription {
	return defineOperation({
		value: operation.value,
		name: operation.name,
		description: operation.description,
		action: operation.action,
		fields: [receiptIdField, cancelCountField, singleRequestOptions],
		read(parameters) {
			return { receiptId: parameters.id('receiptId', 'Receipt ID'), cancelCount: readCancelCount(parameters) };
		},
		async run(client, { receiptId, cancelCount }) {
			const count = await cancelCountOf(client, receiptId, cancelCount);
			const body = await sendReturnAction(client, receiptId, operation.returnAction, { cancelCount: count });
			return [checkedWriteResult(client, operation.value, { receiptId: idValue(receiptId), cancelCount: count }, body)];
		},
	});
}
