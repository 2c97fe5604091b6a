// JSON in and out: request bodies ("Could not read JSON" as Coupang's reply docs), error answers
// `{code, message, transactionId}` and other replies.

import { SandboxApiError } from '../errors';
import type { Reply } from '../server';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, contentType: JSON_CONTENT_TYPE, body: JSON.stringify(body), headers };
}

/** `code` of the gateway's own refusals (authentication, throttling, routing): a string, not the status. */
export const GATEWAY_ERROR_CODE = 'ERROR';

export function errorReply(status: number, code: number | string, message: string, transactionId: string, headers?: Record<string, string>): Reply {
	return jsonReply(status, { code, message, transactionId }, headers);
}

/** A request body: empty → {}, otherwise it must be a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new SandboxApiError(400, `Could not read JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SandboxApiError(400, 'Could not read JSON: the body must be a JSON object.');
	return parsed as Record<string, unknown>;
}
