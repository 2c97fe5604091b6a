/** The n8n errors the node and the trigger throw: Coupang's failures (NodeApiError) and bad input (NodeOperationError). */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeUnexpectedBody, failureText, readFailure } from '../core/failure';
import { type HeldSituation, hintFor, localTime, throttleNotice } from '../core/hints';
import { CoupangInputError } from '../core/input';
import type { SellerHeldError, ThrottleHold } from '../core/pace';
import { CoupangRequestError } from '../core/retry';

/**
 * A Coupang failure as NodeApiError: Coupang's message and the HTTP status in the message; as description, after
 * retries, how many tries were made and why no further one, then the doc's "how to resolve".
 */
export function coupangApiError(node: INode, error: unknown, itemIndex?: number, held?: { hold: ThrottleHold; zone: string }): NodeApiError {
	const failure = readFailure(error);
	const text = failureText(failure);
	const status = failure.status;
	const tries = error instanceof CoupangRequestError ? ` after ${error.tries} ${error.tries === 1 ? 'try' : 'tries'}` : '';
	const message = `Coupang: ${text}${status ? ` (HTTP ${status})` : ''}${tries}`;
	const holdNote = held ? `No request of this seller leaves this n8n process before ${localTime(held.hold.until, held.zone)}.` : undefined;
	const description = [error instanceof CoupangRequestError ? error.description : undefined, hintFor(failure), holdNote]
		.filter((part): part is string => part !== undefined && part !== '')
		.join(' ');
	return keptMessageError(node, { message: text, status: status ?? null }, { message, description: description || undefined, httpCode: status ? String(status) : undefined, itemIndex });
}

/**
 * NodeApiError with our message kept: NodeApiError swaps a message that mentions a network code (ECONNRESET,
 * ETIMEDOUT, …) for n8n's generic advice ("You can retry the request immediately…"), wrong for a write that was
 * deliberately not retried.
 */
function keptMessageError(node: INode, body: unknown, options: { message: string; description?: string; httpCode?: string; itemIndex?: number }): NodeApiError {
	const apiError = new NodeApiError(node, body as JsonObject, options);
	apiError.message = options.message;
	return apiError;
}

/** A request stopped by a throttle hold: since when, until when, and what the seller should do. */
export function sellerHeldError(node: INode, error: SellerHeldError, zone: string, situation: HeldSituation, itemIndex?: number): NodeApiError {
	const notice = throttleNotice(error.hold, error.now, zone, situation);
	return keptMessageError(node, { message: notice.message, status: error.hold.status }, {
		message: `Coupang: ${notice.message}`,
		description: notice.description,
		httpCode: String(error.hold.status),
		itemIndex,
	});
}

/** A 2xx answer whose `code` is "ERROR": Coupang refused, with its message and the doc's hint. */
export function refusedAnswerError(node: INode, message: string, body: unknown, itemIndex?: number): NodeApiError {
	return keptMessageError(node, body, { message: `Coupang: ${message} (code ERROR)`, description: hintFor({ message }), itemIndex });
}

/** A 2xx answer whose `resultCode` is not SUCCESS: Coupang answered, but did not make the change. */
export function failedResultError(node: INode, resultCode: string, resultMessage: string, body: unknown, itemIndex?: number): NodeApiError {
	const hint = hintFor({ message: resultMessage });
	return keptMessageError(node, body, {
		message: `Coupang: ${resultMessage} (resultCode ${resultCode})`,
		description: ['Coupang answered HTTP 200 but reports that the change was not made.', hint].filter((part) => part !== undefined).join(' '),
		itemIndex,
	});
}

/** A 2xx answer without the JSON object Coupang sends (empty, truncated, HTML). */
export function unexpectedBodyError(node: INode, body: unknown, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { message: describeUnexpectedBody(body) } as JsonObject, {
		message: `Coupang: ${describeUnexpectedBody(body)}`,
		description: 'The gateway answered without the JSON body Coupang sends. Try again; if it persists, check the Base URL in the credential.',
		itemIndex,
	});
}

/** Bad input as NodeOperationError (the message names field, value and rule); anything else unchanged. */
export function asNodeInputError(node: INode, error: unknown, itemIndex?: number): unknown {
	return error instanceof CoupangInputError ? new NodeOperationError(node, error.message, { itemIndex }) : error;
}

/** A 2xx JSON answer without what Coupang documents (a list, an ID, a timestamp). */
export function unexpectedAnswerError(node: INode, what: string, body: unknown, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, (typeof body === 'object' && body !== null ? body : { body }) as JsonObject, {
		message: `Coupang's answer ${what}`,
		itemIndex,
	});
}
