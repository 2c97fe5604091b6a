/**
 * Retries of one request, with the policy in one table (RETRY_POLICY): which failures get another try, which of
 * those prove that a write (reply, confirm) was not applied, so that it may be sent again, and which mean Coupang
 * throttles the seller. Backoff is exponential with full jitter, a Retry-After is a floor. A throttle (429, or a 403
 * block page) holds the seller's pacer for everyone for `holdMs` (longer if Retry-After says so): the request waits
 * the hold out when it can afford to (`maxHoldWaitMs`), else fails at once with SellerHeldError.
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
	/** How long a throttle holds the seller (Retry-After may lengthen it); default DEFAULT_THROTTLE_HOLD_MS. */
	holdMs?: number;
	/** Longest hold this request waits out before its start; a longer one fails it at once. Default: any. */
	maxHoldWaitMs?: number;
	/** Most requests of the seller in flight at once (a new pacer only). */
	maxInFlight?: number;
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
/** How long a throttle holds a seller by default: Coupang lifts a block "within minutes to tens of minutes". */
export const DEFAULT_THROTTLE_HOLD_MS = 300_000;

interface RetryRule {
	/** Another try may help (reads). */
	retry: boolean;
	/** The failure proves the request was not applied, so a write may be sent again. */
	notApplied: boolean;
	/** Coupang throttles the seller: every request of it holds (core/pace.ts). */
	holdsSeller?: boolean;
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
		// More than 10 calls per second: blocked for minutes; the gateway refused it before the endpoint. After the hold.
		429: { retry: true, notApplied: true, holdsSeller: true },
		// An IP not registered, or a temporary block after many failed calls: Coupang asks not to keep calling.
		403: { retry: false, notApplied: false, holdsSeller: true },
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
	/** Coupang throttles the seller (429, 403): hold every request of it. */
	holdsSeller?: boolean;
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
		...(rule?.holdsSeller ? { holdsSeller: true } : {}),
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
				'Not retried: this request changes data and Coupang may already have applied it. Check in Coupang Wing whether it was applied before sending it again.',
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
	if (!(chosen >= (integer ? 1 : 0)) || (integer && !Number.isInteger(chosen)) || (value !== undefined && !Number.isFinite(value))) {
		throw new RangeError(`${name} must be ${integer ? 'a whole number of at least 1' : 'zero or more'}, got ${chosen}`);
	}
	return chosen;
}

interface RetrySettings {
	maxTries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	maxRetryAfterMs: number;
	holdMs: number;
	maxHoldWaitMs: number;
}

function retrySettings(options: PipelineOptions): RetrySettings {
	return {
		maxTries: positive(options.maxTries, DEFAULT_MAX_TRIES, 'maxTries', true),
		baseDelayMs: positive(options.baseDelayMs, DEFAULT_BASE_DELAY_MS, 'baseDelayMs'),
		maxDelayMs: positive(options.maxDelayMs, DEFAULT_MAX_DELAY_MS, 'maxDelayMs'),
		maxRetryAfterMs: positive(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS, 'maxRetryAfterMs'),
		holdMs: positive(options.holdMs, DEFAULT_THROTTLE_HOLD_MS, 'holdMs'),
		maxHoldWaitMs: positive(options.maxHoldWaitMs, Number.POSITIVE_INFINITY, 'maxHoldWaitMs'),
	};
}

/** Why a failed try is the last one, or undefined when another try may follow. */
function stopReasonAfter(
	classification: RequestErrorClassification,
	tryNumber: number,
	options: PipelineOptions,
	settings: RetrySettings,
): CoupangRequestError['stopReason'] | undefined {
	if (options.isWrite === true && !classification.writeSafe) return 'write-not-retried';
	if (options.abortSignal?.aborted) return 'aborted';
	if (tryNumber >= settings.maxTries) return 'tries-exhausted';
	// A throttle's Retry-After only lengthens the hold, which the next start waits out (or refuses).
	if (!classification.holdsSeller && (classification.retryAfterMs ?? 0) > settings.maxRetryAfterMs) return 'retry-after-too-long';
	return undefined;
}

/**
 * Sends through the pacer, retrying as described at the top of this file. `send` must build a fresh request
 * each time (the signature is date-stamped). Resolves with the first success. A start refused by a throttle hold
 * throws SellerHeldError (`afterRefusal` when this request itself was refused before).
 */
export async function sendWithRetries<T>(send: () => Promise<T>, options: PipelineOptions, deps: PipelineDeps, pacer: Pacer): Promise<T> {
	const settings = retrySettings(options);
	let refused = false;
	for (let tryNumber = 1; ; tryNumber++) {
		const release = await pacer.acquire({ maxHoldWaitMs: settings.maxHoldWaitMs, afterRefusal: refused, signal: options.abortSignal });
		let failure: unknown;
		try {
			const result = await send();
			release();
			return result;
		} catch (error) {
			failure = error;
		}
		const classification = classifyRequestError(failure, deps.now());
		if (classification.holdsSeller) {
			pacer.throttled(classification.status ?? 429, deps.now(), Math.max(settings.holdMs, classification.retryAfterMs ?? 0));
			refused = true;
		}
		release();
		if (!classification.retryable) {
			if (tryNumber === 1) throw failure;
			throw new CoupangRequestError(failure, classification, tryNumber, 'not-retryable', settings.maxRetryAfterMs);
		}
		const stopReason = stopReasonAfter(classification, tryNumber, options, settings);
		if (stopReason) throw new CoupangRequestError(failure, classification, tryNumber, stopReason, settings.maxRetryAfterMs);
		// A throttle's wait is its hold, taken at the next start; other failures back off.
		const delay = classification.holdsSeller
			? 0
			: retryDelayMs(tryNumber, deps.random, settings.baseDelayMs, settings.maxDelayMs, classification.retryAfterMs);
		if (delay > 0) await deps.sleep(delay);
		if (options.abortSignal?.aborted) throw new CoupangRequestError(failure, classification, tryNumber, 'aborted', settings.maxRetryAfterMs);
	}
}

/** Pace + retries in one call, with the shared pacer of `key`. */
export async function sendThroughPacedPipeline<T>(
	key: string,
	send: () => Promise<T>,
	options: PipelineOptions,
	deps: PipelineDeps,
): Promise<T> {
	const pacer = getPacer(key, options.requestsPerSecond ?? PACE.default, deps, { maxInFlight: options.maxInFlight });
	return await sendWithRetries(send, options, deps, pacer);
}
