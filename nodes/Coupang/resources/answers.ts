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
 * whom (`done`), and Coupang's own answer (writes answer `{"code":"200","message":"OK"}` without data), with its
 * `resultCode`/`resultMessage` where the answer has them.
 */
export function writeResult(operation: string, done: IDataObject, body: IDataObject): IDataObject {
	const answer = writeAnswer(body);
	const result = answer.resultCode === undefined ? {} : { resultCode: answer.resultCode, resultMessage: answer.resultMessage ?? null };
	return { success: true, operation, ...done, coupangCode: answer.code ?? null, coupangMessage: answer.message ?? null, ...result };
}

/**
 * `writeResult` for the writes whose answer carries `data.resultCode` (SUCCESS or FAIL: stop shipment, already
 * shipped, exchange rejection and waybill): a resultCode other than SUCCESS inside an HTTP 200 is Coupang saying the
 * change was not made, so the item fails with Coupang's resultMessage instead of reporting success.
 */
export function checkedWriteResult(client: CoupangClient, operation: string, done: IDataObject, body: IDataObject): IDataObject {
	const { resultCode, resultMessage } = writeAnswer(body);
	if (resultCode !== undefined && resultCode !== null && String(resultCode).trim().toUpperCase() !== 'SUCCESS') {
		throw client.failedResult(String(resultCode), typeof resultMessage === 'string' && resultMessage !== '' ? resultMessage : String(resultCode), body);
	}
	return writeResult(operation, done, body);
}

/**
 * `code`, `message`, `resultCode` and `resultMessage` of a write's answer: at the top with the result in `data` (the
 * tables), or all inside `data` (completedShipment's examples, fact sheet 9.6).
 */
function writeAnswer(body: IDataObject): { code?: unknown; message?: unknown; resultCode?: unknown; resultMessage?: unknown } {
	const data = typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) ? (body.data as IDataObject) : {};
	return {
		code: body.code ?? data.code,
		message: body.message ?? data.message,
		resultCode: data.resultCode,
		resultMessage: data.resultMessage,
	};
}
