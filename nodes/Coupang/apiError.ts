import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeUnexpectedBody, hintFor, readCoupangFailure } from './core/errors';
import { CoupangRequestError } from './core/requestPipeline';

/**
 * What the node and the trigger throw when Coupang fails: NodeApiError with Coupang's own message and the HTTP
 * status in the message, and as description the doc's "how to resolve" hint plus, after retries, how many tries
 * were made and why no further one.
 */
export function coupangApiError(node: INode, error: unknown, itemIndex?: number): NodeApiError {
	const failure = readCoupangFailure(error);
	const status = failure.status;
	const tries = error instanceof CoupangRequestError ? ` after ${error.tries} ${error.tries === 1 ? 'try' : 'tries'}` : '';
	const message = `Coupang: ${failure.message}${status ? ` (HTTP ${status})` : ''}${tries}`;
	const description = [error instanceof CoupangRequestError ? error.description : undefined, hintFor(failure)]
		.filter((part): part is string => part !== undefined && part !== '')
		.join(' ');
	const apiError = new NodeApiError(node, { message: failure.message, status: status ?? null } as JsonObject, {
		message,
		description: description || undefined,
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
	// NodeApiError swaps a message that mentions a network code (ECONNRESET, ETIMEDOUT, …) for n8n's generic advice
	// ("You can retry the request immediately…"): wrong for a write that was deliberately not retried, and it drops
	// Coupang's wording and the try count. Keep ours.
	apiError.message = message;
	return apiError;
}

/** A 2xx answer without the JSON object Coupang sends (empty, truncated, HTML). */
export function unexpectedBodyError(node: INode, body: unknown, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { message: describeUnexpectedBody(body) } as JsonObject, {
		message: `Coupang: ${describeUnexpectedBody(body)}`,
		description:
			'The gateway answered without the JSON body Coupang sends. Try again; if it persists, check the Base URL in the credential.',
		itemIndex,
	});
}
