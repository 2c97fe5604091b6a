/**
 * Coupang's per-box results of order writes (acknowledgement, waybills): `data.responseList` inside an HTTP 200, one
 * entry per box with `succeed`, `resultCode`, `resultMessage` and `retryRequired` (fact sheet 5, 6.1).
 */
import type { IDataObject } from 'n8n-workflow';

import type { CoupangClient } from '../../transport/client';
import { idValue } from '../answers';

/** The `data` object of a write answer: an object (samples) or a one-element array (R19's invoice table). */
function dataObject(client: CoupangClient, body: IDataObject): IDataObject {
	const data = Array.isArray(body.data) ? (body.data as unknown[])[0] : body.data;
	if (typeof data !== 'object' || data === null || !Array.isArray((data as IDataObject).responseList)) {
		throw client.unexpectedAnswer('has no per-box results (data.responseList); check the boxes in Wing before sending again', body);
	}
	return data as IDataObject;
}

/**
 * Each requested box's entry of `responseList`. Entries are matched by ID; an ID above 2^53 arrives rounded by JSON
 * parsing, so it is matched by its rounded value, and among equal ones in the order of the request (the order of
 * Coupang's answer in every sample).
 */
export function boxEntries(client: CoupangClient, body: IDataObject, ids: string[]): Map<string, IDataObject> {
	const unused = [...(dataObject(client, body).responseList as IDataObject[])];
	const entries = new Map<string, IDataObject>();
	for (const id of ids) {
		const exact = Number.isSafeInteger(Number(id));
		const index = unused.findIndex((entry) => String(entry.shipmentBoxId) === id || (!exact && Number(entry.shipmentBoxId) === Number(id)));
		if (index !== -1) entries.set(id, unused.splice(index, 1)[0]);
	}
	return entries;
}

/** The output item of one box: whether Coupang applied the write to it, and Coupang's own words. */
export function boxResult(operation: string, shipmentBoxId: string, entry: IDataObject | undefined, body: IDataObject | undefined, done: IDataObject = {}): IDataObject {
	return {
		success: entry?.succeed === true,
		operation,
		shipmentBoxId: idValue(shipmentBoxId),
		...done,
		resultCode: entry?.resultCode ?? null,
		resultMessage: entry ? (entry.resultMessage ?? null) : "Coupang's answer has no result for this box: check it in Wing",
		retryRequired: entry?.retryRequired === true,
		coupangCode: body?.code ?? null,
		coupangMessage: body?.message ?? null,
	};
}
