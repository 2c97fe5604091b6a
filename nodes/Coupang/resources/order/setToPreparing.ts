import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { MAX_ACKNOWLEDGEMENT_BOXES, PATHS } from '../../core/coupangFacts';
import { type BatchTicket, SharedBatches } from '../../core/batches';
import { checkIdList } from '../../core/input';
import { idValue } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { boxEntries, boxResult } from './boxResults';

const OPERATION = 'setToPreparing';

/**
 * The acknowledgement calls of every run of the node in this process. A run's batch closes on the next macrotask
 * (n8n's `sleep(0)`): RoutingNode has started all of the run's items by then (core/batches.ts). With the node's
 * Request Options → Batching, n8n waits between groups of items; each group then makes its own calls.
 */
const batches = new SharedBatches<IDataObject>(
	MAX_ACKNOWLEDGEMENT_BOXES,
	(close) => void sleep(0).then(close),
	(id) => boxResult(OPERATION, id, undefined, undefined),
);

interface Input {
	shipmentBoxIds: string[];
	ticket?: BatchTicket<IDataObject>;
}

/**
 * The error of an item whose call failed; when others of its boxes were in a call Coupang answered (an item of more
 * than 50 boxes), a copy that says what happened to them (the error itself is shared by the call's other items).
 */
function withOtherBoxes(error: unknown, answered: IDataObject[]): unknown {
	if (answered.length === 0 || typeof error !== 'object' || error === null) return error;
	const done = answered.filter((result) => result.success).map((result) => String(result.shipmentBoxId));
	const refused = answered.filter((result) => !result.success).map((result) => `${String(result.shipmentBoxId)} (${String(result.resultCode)})`);
	const note = [done.length ? `set to Preparing: ${done.join(', ')}` : '', refused.length ? `refused: ${refused.join(', ')}` : ''].filter(Boolean).join('; ');
	const { description, message, stack } = error as { description?: string | null; message?: string; stack?: string };
	// `message` and `stack` of an Error are not enumerable: named, so the copy keeps them.
	const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as object, error, { message, stack });
	return Object.assign(copy, { description: `${description ? `${description} ` : ''}Other boxes of this item were in a call Coupang answered: ${note}.` });
}

export const setToPreparing = defineOperation<Input>({
	value: OPERATION,
	name: 'Set to Preparing',
	description: 'Acknowledge paid orders (ACCEPT → INSTRUCT): one output item per shipment box, with its own result',
	action: 'Set orders to preparing',
	fields: [
		{
			displayName: 'Shipment Box IDs',
			name: 'shipmentBoxIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '6425389700001, 6425389709974',
			description:
				'One shipment box ID, several separated by commas, or an expression giving them (e.g. the shipmentBoxId of each input item). The boxes of all input items are sent together, up to 50 per request.',
		},
		singleRequestOptions,
	],
	read(parameters) {
		return { shipmentBoxIds: checkIdList(parameters.raw('shipmentBoxIds'), 'Shipment Box IDs') };
	},
	join(input, runKey) {
		return { ...input, ticket: batches.join(runKey, input.shipmentBoxIds) };
	},
	leave(input) {
		input.ticket?.leave();
	},
	async run(client, { ticket }) {
		const acknowledge = async (ids: string[]): Promise<Map<string, IDataObject>> => {
			const body = await client.request({
				method: 'PUT',
				path: PATHS.orderAcknowledgement(client.vendorId),
				body: { vendorId: client.vendorId, shipmentBoxIds: ids.map(idValue) },
				write: true,
			});
			const entries = boxEntries(client, body, ids);
			return new Map(ids.map((id) => [id, boxResult(OPERATION, id, entries.get(id), body)]));
		};
		// `join` gave every item its ticket; the batch sends the boxes of all of the run's items together.
		const outcomes = await (ticket as BatchTicket<IDataObject>).send(acknowledge);
		const failed = outcomes.find((outcome) => 'error' in outcome);
		// A copy per item: two items that name the same box each get their own output item.
		const answered = outcomes.flatMap((outcome) => ('result' in outcome ? [{ ...outcome.result }] : []));
		if (failed && 'error' in failed) throw withOtherBoxes(failed.error, answered);
		return answered;
	},
});
