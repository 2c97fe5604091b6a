/** Reading Coupang's JSON answers. */
import type { IDataObject } from 'n8n-workflow';

import type { CoupangClient } from '../transport/client';

/** `data` of an answer as a list of records: none when Coupang sends no data, an error when it is not a list. */
export function dataList(client: CoupangClient, body: IDataObject): IDataObject[] {
	if (body.data === undefined || body.data === null) return [];
	if (!Array.isArray(body.data)) throw client.unexpectedAnswer('has no list at data', body);
	return body.data as IDataObject[];
}

/** An ID as a JSON number when it is one exactly (Coupang's records carry numbers), else as the digits. */
export function idValue(digits: string): number | string {
	const number = Number(digits);
	return Number.isSafeInteger(number) ? number : digits;
}

/**
 * The output item of a write, for the next node: that it succeeded, what was done to which record with what and by
 * whom (`done`), and Coupang's own answer (writes answer `{"code":"200","message":"OK"}` without data).
 */
export function writeResult(operation: string, done: IDataObject, body: IDataObject): IDataObject {
	return { success: true, operation, ...done, coupangCode: body.code ?? null, coupangMessage: body.message ?? null };
}
