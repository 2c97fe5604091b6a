/**
 * Retries of one request, with the policy in one table (RETRY_POLICY): which failures get another try, and which
 * of those prove that a write (reply, confirm) was not applied, so that it may be sent again. Backoff is
 * exponential with full jitter; a Retry-After is a floor, and a 429 holds the seller's pacer for everyone.
 *
 * Pure: clock, sleep and random source are injected.
 */
import { readFailure, type CoupangFailure } from './failure';
import { type Clock, getPacer, type Pacer } from './pace';
import { PACE } from './coupangFacts';

export interface PipelineOptions {
	/** Pace per seller; default PACE.default. */
	requestsPerSecond?: number;
	/** Tries in all, the first included; default 5. */
	maxTries?: number;
	/** First backoff ceiling; default 500 ms. */
	baseDelayMs?: number;
	/** Largest backoff ceiling; default 8000 ms. */
	maxDelayMs?: number;
	/** Longest Retry-After that is waited for; longer → fail now. Default 60 000 ms. */
	maxRetryAfterMs?: number;
	/** The request changes data: retried only when RETRY_POLICY says the failure proves nothing was applied. */
	isWrite?: boolean;
	/** Stops retrying (and waiting) once aborted, e.g. n8n's execution cancel signal. */
	abortSignal?: AbortSignal;
}

export interface PipelineDeps extends Clock {
	/** Uniform in [0, 1), e.g. `Math.random`. */
	random: () => number;
}

export const DEFAULT_MAX_TRIES = 5;
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 8000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** How long the pacer holds everyone after a 429 without Retry-After. */
export const DEFAULT_RATE_LIMIT_HOLD_MS = 1000;

interface RetryRule {
	/** Another try may help (reads). */
	retry: boolean;
	/** The failure proves the request was not applied, so a write may be sent again. */
	notApplied: boolean;
}

const READ_ONLY: RetryRule = { retry: true, notApplied: false };
const NOT_APPLIED: RetryRule = { retry: true, notApplied: true };

/**
 * Failures worth another try; anything else (400, 401, 403, 404, ENOTFOUND, cancels, errors without a status or
 * network code) fails at once. A 503 is not proof for a write: a gateway's 503 does not say whether the backend got
 * the reply before it gave up, and answering a customer twice is worse than one failed item to check and resend.
 */
export const RETRY_POLICY: { statuses: Record<number, RetryRule>; networkCodes: Record<string, RetryRule> } = {
	statuses: {
		408: NOT_APPLIED, // the server did not receive the whole request
		429: NOT_APPLIED, // the gateway refused it before the endpoint
		500: READ_ONLY,
		502: READ_ONLY,
		503: READ_ONLY,
		504: READ_ONLY,
	},
	networkCodes: {
		ECONNREFUSED: NOT_APPLIED, // nothing was sent
		EAI_AGAIN: NOT_APPLIED, // DNS said "try again": nothing was sent
		UND_ERR_CONNECT_TIMEOUT: NOT_APPLIED, // never connected
		ECONNRESET: READ_ONLY,
		ETIMEDOUT: READ_ONLY,
		ECONNABORTED: READ_ONLY, // axios response timeout
		EPIPE: READ_ONLY,
		EHOSTUNREACH: READ_ONLY,
		ENETUNREACH: READ_ONLY,
		ENETDOWN: READ_ONLY,
		UND_ERR_SOCKET: READ_ONLY,
		UND_ERR_HEADERS_TIMEOUT: READ_ONLY,
		UND_ERR_BODY_TIMEOUT: READ_ONLY,
	},
};

function ruleFor(failure: CoupangFailure): RetryRule | undefined {
	if (failure.cancelled) return undefined;
	if (failure.status !== undefined) return RETRY_POLICY.statuses[failure.status];
	if (failure.networkCode !== undefined) return RETRY_POLICY.networkCodes[failure.networkCode];
	return undefined;
}

export interface RequestErrorClassification {
	/** Worth another try (for a read). */
	retryable: boolean;
	/** Provably not applied, so a write may be retried too. */
	writeSafe: boolean;
	status?: number;
	networkCode?: string;
	/** Wait asked for by a Retry-After header, in ms from `now`. */
	retryAfterMs?: number;
	/** "HTTP 429: Too many requests", "ECONNRESET: socket hang up". */
	description: string;
	/** Coupang's (or the error's) own message, without status. */
	message: string;
}

/** The failure as read by ./failure.ts, with the policy's decision. */
export function classifyRequestError(error: unknown, now: number = Date.now()): RequestErrorClassification {
	const failure = readFailure(error, now);
	const rule = ruleFor(failure);
	const { status, networkCode, retryAfterMs, message } = failure;
	const description = status !== undefined ? `HTTP ${status}: ${message}` : networkCode !== undefined ? `${networkCode}: ${message}` : message;
	return {
		retryable: rule?.retry ?? false,
		writeSafe: rule?.notApplied ?? false,
		...(status !== undefined ? { status } : {}),
		...(networkCode !== undefined ? { networkCode } : {}),
		...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
		description,
		message,
	};
}

/** The final error of a retryable failure: how many tries, the last status and Coupang's message. */
export class CoupangRequestError extends Error {
	readonly tries: number;
	/** Last HTTP status (number) when there was one. */
	readonly status?: number;
	/** The status as n8n's NodeApiError keeps it (string), or the network code; read by n8n when it wraps. */
	readonly httpCode: string | null;
	readonly networkCode?: string;
	/** Coupang's own message of the last answer. */
	readonly coupangMessage: string;
	readonly description: string;
	/** Why no further try was made. */
	readonly stopReason: 'tries-exhausted' | 'write-not-retried' | 'retry-after-too-long' | 'aborted' | 'not-retryable';

	constructor(
		lastError: unknown,
		classification: RequestErrorClassification,
		tries: number,
		stopReason: CoupangRequestError['stopReason'],
		maxRetryAfterMs: number,
	) {
		const triesText = `${tries} ${tries === 1 ? 'try' : 'tries'}`;
		const what = classification.status !== undefined ? `HTTP ${classification.status}` : (classification.networkCode ?? 'no answer');
		super(`Coupang request failed after ${triesText} (${what}): ${classification.message}`, { cause: lastError });
		this.name = 'CoupangRequestError';
		this.tries = tries;
		if (classification.status !== undefined) this.status = classification.status;
		if (classification.networkCode !== undefined) this.networkCode = classification.networkCode;
		this.httpCode = classification.status !== undefined ? String(classification.status) : (classification.networkCode ?? null);
		this.coupangMessage = classification.message;
		this.stopReason = stopReason;
		const reasons: Record<CoupangRequestError['stopReason'], string> = {
			'tries-exhausted': `Gave up after ${triesText}.`,
			'write-not-retried':
				'Not retried: this request changes data and Coupang may already have applied it. Check the inquiry in Coupang Wing before sending it again.',
			'retry-after-too-long': `Not retried: Coupang asked to wait ${Math.ceil((classification.retryAfterMs ?? 0) / 1000)} s, more than the ${Math.ceil(maxRetryAfterMs / 1000)} s this node waits.`,
			aborted: 'Not retried: the execution was cancelled.',
			'not-retryable': `Not retried: ${what} does not get better by trying again.`,
		};
		this.description = reasons[stopReason];
	}
}

/** Backoff ceiling of the wait after try `tryNumber` (1-based): base·2^(k−1), capped. */
export function backoffCeilingMs(tryNumber: number, baseDelayMs: number, maxDelayMs: number): number {
	return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(tryNumber - 1, 30));
}

/** Full jitter: uniform in [0, ceiling]; a Retry-After is a floor. */
export function retryDelayMs(
	tryNumber: number,
	random: () => number,
	baseDelayMs: number,
	maxDelayMs: number,
	retryAfterMs?: number,
): number {
	const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * backoffCeilingMs(tryNumber, baseDelayMs, maxDelayMs));
	return Math.max(jittered, retryAfterMs ?? 0);
}

function positive(value: number | undefined, fallback: number, name: string, integer = false): number {
	const chosen = value ?? fallback;
	if (!(Number.isFinite(chosen) && chosen >= (integer ? 1 : 0)) || (integer && !Number.isInteger(chosen))) {
		throw new RangeError(`${name} must be ${integer ? 'a whole number of at least 1' : 'zero or more'}, got ${chosen}`);
	}
	return chosen;
}

/**
 * Sends through the pacer, retrying as described at the top of this file. `send` must build a fresh request
 * each time (the signature is date-stamped). Resolves with the first success.
 */
export async function sendWithRetries<T>(
	send: () => Promise<T>,
	options: PipelineOptions,
	deps: PipelineDeps,
	pacer: Pacer,
): Promise<T> {
	const maxTries = positive(options.maxTries, DEFAULT_MAX_TRIES, 'maxTries', true);
	const baseDelayMs = positive(options.baseDelayMs, DEFAULT_BASE_DELAY_MS, 'baseDelayMs');
	const maxDelayMs = positive(options.maxDelayMs, DEFAULT_MAX_DELAY_MS, 'maxDelayMs');
	const maxRetryAfterMs = positive(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS, 'maxRetryAfterMs');
	const isWrite = options.isWrite === true;

	for (let tryNumber = 1; ; tryNumber++) {
		await pacer.acquire();
		let failure: unknown;
		try {
			return await send();
		} catch (error) {
			failure = error;
		}
		const classification = classifyRequestError(failure, deps.now());
		if (!classification.retryable) {
			if (tryNumber === 1) throw failure;
			throw new CoupangRequestError(failure, classification, tryNumber, 'not-retryable', maxRetryAfterMs);
		}
		let stopReason: CoupangRequestError['stopReason'] | undefined;
		if (isWrite && !classification.writeSafe) stopReason = 'write-not-retried';
		else if (options.abortSignal?.aborted) stopReason = 'aborted';
		else if (tryNumber >= maxTries) stopReason = 'tries-exhausted';
		else if ((classification.retryAfterMs ?? 0) > maxRetryAfterMs) stopReason = 'retry-after-too-long';
		if (stopReason) throw new CoupangRequestError(failure, classification, tryNumber, stopReason, maxRetryAfterMs);

		if (classification.status === 429) {
			pacer.holdUntil(deps.now() + (classification.retryAfterMs ?? DEFAULT_RATE_LIMIT_HOLD_MS));
		}
		const delay = retryDelayMs(tryNumber, deps.random, baseDelayMs, maxDelayMs, classification.retryAfterMs);
		if (delay > 0) await deps.sleep(delay);
		if (options.abortSignal?.aborted) {
			throw new CoupangRequestError(failure, classification, tryNumber, 'aborted', maxRetryAfterMs);
		}
	}
}

/** Pace + retries in one call, with the shared pacer of `key`. */
export async function sendThroughPacedPipeline<T>(
	key: string,
	send: () => Promise<T>,
	options: PipelineOptions,
	deps: PipelineDeps,
): Promise<T> {
	const pacer = getPacer(key, options.requestsPerSecond ?? PACE.default, deps);
	return await sendWithRetries(send, options, deps, pacer);
}
