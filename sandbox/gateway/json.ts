// JSON in and out: request bodies, Coupang's error answer `{code, message, transactionId}` and other replies.

import { SandboxApiError } from '../errors';
import type { Reply } from '../server';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, contentType: JSON_CONTENT_TYPE, body: JSON.stringify(body), headers };
}

export function errorReply(status: number, message: string, transactionId: string, headers?: Record<string, string>): Reply {
	return jsonReply(status, { code: status, message, transactionId }, headers);
}

/** A request body: empty → {}, otherwise it must be a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> {
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new SandboxApiError(400, 'Request body is not valid JSON.');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SandboxApiError(400, 'Request body must be a JSON object.');
	return parsed as Record<string, unknown>;
}
