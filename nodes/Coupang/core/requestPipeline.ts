/**
 * The one request pipeline of the node and the trigger: a shared per-vendor pace plus retries.
 *
 * Pure: the clock, the sleep and the random source are injected (`PipelineDeps`), so unit tests run on a fake
 * clock and node code passes n8n-workflow's `sleep` (n8n's lint forbids timer globals in nodes/).
 *
 * Pace. Coupang's gateway throttles at about 10 requests per second per seller and counts, like the sandbox, the
 * requests that arrive within any sliding second. A `Pacer` lets at most `requestsPerSecond` request STARTS happen
 * within any window of `windowMs` (default 1000 ms): a start at time t is allowed only when the N-th most recent
 * start is at least `windowMs` before t. Retries take a start like any request. Callers queue in order (first
 * come, first served), and a start is recorded at the moment it is granted, measured with the same clock, so
 * a late wake-up can never squeeze more starts into a window. By default starts are also spread evenly
 * (`spacing: 'even'`, at least floor(windowMs/N) ms apart; 0 above 1000/s): the gateway counts ARRIVALS, and with bursts of N spaced exactly
 * one window apart a few milliseconds of network jitter put more than N arrivals into one of its windows
 * (measured in bench/pacing.bench.ts: bursts of 8 at 4 callers drew 429s from a 10/s limit; evenly spaced starts
 * drew none). `spacing: 'burst'` keeps only the window rule. One pacer per key (`pacerKey`: base URL + vendor)
 * lives in a module-level registry, so every execution of every workflow of the same seller shares it.
 *
 * Retries. 429, 408, 500, 502, 503, 504 and network failures (ECONNRESET / socket hang up, ETIMEDOUT,
 * ECONNABORTED timeouts, ECONNREFUSED, EAI_AGAIN, EPIPE, undici socket errors…) are retried up to `maxTries`
 * tries in all, after exponential backoff with full jitter (random in [0, min(maxDelayMs, baseDelayMs·2^(k−1))]).
 * A `Retry-After` header (seconds or HTTP date) is a floor for that wait; longer than `maxRetryAfterMs` → no
 * retry. A 429 also holds the whole pacer for the Retry-After time (1 s when absent), so concurrent callers of the
 * same seller back off together instead of each burning a try.
 *
 * Writes (`isWrite`: replies, confirms) are retried only when the failure proves the request was not applied:
 * - 429: the gateway refused it before the endpoint (Coupang's "Too many requests");
 * - 408: the server says it did not receive the whole request;
 * - ECONNREFUSED, EAI_AGAIN and connect timeouts (UND_ERR_CONNECT_TIMEOUT): nothing was sent.
 * Not retried for writes: 500/502/504, ECONNRESET/socket hang up, ETIMEDOUT, ECONNABORTED (response timeouts)
 * and — decision — 503 as well, whatever its body: a gateway's 503 page or `{code:503,"Service Unavailable"}`
 * does not say whether the backend received the reply before the gateway gave up, and answering a customer
 * twice is worse than one failed item the user can check and resend. The final error says so.
 *
 * Non-retryable failures (400, 401, 403, 404, other 4xx, ENOTFOUND = wrong host, cancelled executions, errors
 * without an HTTP status or network code) fail at once: the original error is rethrown untouched, so the
 * caller's Coupang-aware error handling sees exactly what n8n threw. When a retryable failure ends the run
 * (tries used up, write not retried, Retry-After too long) a `CoupangRequestError` is thrown instead: it names
 * the tries, keeps the HTTP status (`httpCode`, as n8n's NodeApiError does) and Coupang's message, and keeps
 * the last error as `cause`.
 *
 * Error shapes, read from n8n-core 2.41 (`httpRequestWithAuthentication`, used by `makeRoutingRequest` through
 * routing-node's `rawRoutingRequest`): every failure is a `NodeApiError` whose `cause` is the AxiosError;
 * `httpCode` is the status as a string ('429') or, without an answer, the network code ('ECONNRESET',
 * 'ECONNABORTED' for axios timeouts); the AxiosError has `response.status`, `response.headers` (AxiosHeaders,
 * with `get`) and `response.data` (the parsed JSON, or the raw text), or `code` and a `cause` with the socket
 * error's code. `helpers.httpRequest` throws the AxiosError itself. Plain errors with `code`, `statusCode`,
 * `response.statusCode` and plain-object headers are read too.
 */

export interface PipelineOptions {
	/** Pace per seller; default 8 (Coupang allows about 10). */
	requestsPerSecond?: number;
	/** Tries in all, the first included; default 5. */
	maxTries?: number;
	/** First backoff ceiling; default 500 ms. */
	baseDelayMs?: number;
	/** Largest backoff ceiling; default 8000 ms. */
	maxDelayMs?: number;
	/** Longest Retry-After that is waited for; longer → fail now. Default 60 000 ms. */
	maxRetryAfterMs?: number;
	/** The request changes data (replies, confirms): see the write rules above. */
	isWrite?: boolean;
	/** Stops retrying (and waiting) once aborted, e.g. n8n's execution cancel signal. */
	abortSignal?: AbortSignal;
}

export interface PipelineDeps {
	/** Milliseconds, e.g. `Date.now`. */
	now: () => number;
	/** Resolves after about `ms` milliseconds (n8n-workflow's `sleep` in node code). */
	sleep: (ms: number) => Promise<void>;
	/** Uniform in [0, 1), e.g. `Math.random`. */
	random: () => number;
}

export const DEFAULT_REQUESTS_PER_SECOND = 8;
export const DEFAULT_MAX_TRIES = 5;
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 8000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/** How long the pacer holds everyone after a 429 without Retry-After. */
export const DEFAULT_RATE_LIMIT_HOLD_MS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Pace

/** Sliding-window pace: at most `limit` starts within any `windowMs`, first come first served. */
export interface PacerOptions {
	/** Length of the sliding window; default 1000 ms. */
	windowMs?: number;
	/**
	 * 'even' (default): also at least floor(windowMs/N) ms between starts (whole ms: it never needs a clock finer
	 * than ms, and at very high rates it is 0). 'burst': N may start at once. The window rule holds either way.
	 */
	spacing?: 'even' | 'burst';
}

export class Pacer {
	private limit: number;
	private readonly windowMs: number;
	private readonly spacing: 'even' | 'burst';
	/** Times of the most recent granted starts, ascending; at most `limit` are kept. */
	private starts: number[] = [];
	/** Nobody starts before this time (set after a 429). */
	private heldUntil = Number.NEGATIVE_INFINITY;
	/** Tail of the queue of waiting callers. */
	private queue: Promise<void> = Promise.resolve();
	private waiting = 0;
	/** Latest clock reading, to notice a clock that jumped backwards. */
	private lastSeen = Number.NEGATIVE_INFINITY;

	constructor(
		requestsPerSecond: number,
		private readonly deps: Pick<PipelineDeps, 'now' | 'sleep'>,
		options: PacerOptions = {},
	) {
		this.limit = checkRate(requestsPerSecond);
		const windowMs = options.windowMs ?? 1000;
		if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
		this.windowMs = windowMs;
		this.spacing = options.spacing ?? 'even';
	}

	get requestsPerSecond(): number {
		return this.limit;
	}

	/** Callers queued or waiting for a start right now. */
	get pending(): number {
		return this.waiting;
	}

	/** Changes the pace; takes effect for the next start that is granted. */
	setRequestsPerSecond(requestsPerSecond: number): void {
		this.limit = checkRate(requestsPerSecond);
	}

	/** No start is granted before `time` (a later hold wins over an earlier one). */
	holdUntil(time: number): void {
		if (time > this.heldUntil) this.heldUntil = time;
	}

	/** Resolves when this caller may start its request; the start is counted at that moment. */
	async acquire(): Promise<void> {
		this.waiting++;
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		try {
			await turn;
		} finally {
			this.waiting--;
		}
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const now = this.deps.now();
			// A clock that jumped backwards: move what we remember by the same amount, keeping its spacing, so
			// nobody waits for the old timeline and the window still holds in the new one.
			if (now < this.lastSeen) {
				const jump = this.lastSeen - now;
				this.starts = this.starts.map((start) => start - jump);
				this.heldUntil -= jump;
			}
			this.lastSeen = now;
			const readyAt = Math.max(this.heldUntil, this.windowFreeAt(), this.evenSpacingFreeAt());
			if (readyAt <= now) {
				this.starts.push(now);
				if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
				return;
			}
			await this.deps.sleep(Math.ceil(readyAt - now));
		}
	}

	/** Earliest start that keeps the even spacing after the latest start. */
	private evenSpacingFreeAt(): number {
		if (this.spacing !== 'even' || this.starts.length === 0) return Number.NEGATIVE_INFINITY;
		return this.starts[this.starts.length - 1] + Math.floor(this.windowMs / this.limit);
	}

	/** Earliest time at which one more start keeps every window at `limit` starts or fewer. */
	private windowFreeAt(): number {
		if (this.starts.length < this.limit) return Number.NEGATIVE_INFINITY;
		return this.starts[this.starts.length - this.limit] + this.windowMs;
	}
}

function checkRate(requestsPerSecond: number): number {
	if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1)) {
		throw new RangeError(`requestsPerSecond must be a whole number of at least 1, got ${requestsPerSecond}`);
	}
	return requestsPerSecond;
}

/** A registry of pacers by key; the module keeps one (`getPacer`), tests make their own. */
export class PacerRegistry {
	private readonly pacers = new Map<string, Pacer>();

	/**
	 * The pacer of `key`, created on first use with these deps. A later call with another rate changes the
	 * shared pacer's rate (the latest configuration wins): one seller never gets two independent paces.
	 */
	get(key: string, requestsPerSecond: number, deps: Pick<PipelineDeps, 'now' | 'sleep'>): Pacer {
		const existing = this.pacers.get(key);
		if (existing) {
			if (existing.requestsPerSecond !== requestsPerSecond) existing.setRequestsPerSecond(requestsPerSecond);
			return existing;
		}
		const pacer = new Pacer(requestsPerSecond, deps);
		this.pacers.set(key, pacer);
		return pacer;
	}

	get size(): number {
		return this.pacers.size;
	}

	clear(): void {
		this.pacers.clear();
	}
}

const sharedPacers = new PacerRegistry();

/** The module-wide pacer of a seller (see `pacerKey`), shared by the node and the trigger. */
export function getPacer(key: string, requestsPerSecond: number, deps: Pick<PipelineDeps, 'now' | 'sleep'>): Pacer {
	return sharedPacers.get(key, requestsPerSecond, deps);
}

/** Test helper: forgets every shared pacer. */
export function resetSharedPacers(): void {
	sharedPacers.clear();
}

/**
 * Key of a seller's pace: Coupang counts requests per vendor, so two credentials of the same vendor (or the
 * node and the trigger) share one pace. Falls back to the access key when no vendor ID is known. No secrets.
 */
export function pacerKey(baseUrl: string, vendorId: string | undefined, accessKey?: string): string {
	const normalisedBase = baseUrl.trim().replace(/\/+$/, '').toLowerCase();
	const who = vendorId && vendorId.trim() !== '' ? `vendor:${vendorId.trim()}` : `access-key:${accessKey ?? ''}`;
	return `${normalisedBase}|${who}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Error classification

export interface RequestErrorClassification {
	/** Worth another try (for a read). */
	retryable: boolean;
	/** Provably not applied, so a write may be retried too. */
	writeSafe: boolean;
	/** HTTP status when there was an answer. */
	status?: number;
	/** Network error code when there was none (ECONNRESET, ETIMEDOUT, …). */
	networkCode?: string;
	/** Wait asked for by a Retry-After header, in ms from `now`. */
	retryAfterMs?: number;
	/** Coupang's message, or what happened: "HTTP 429: Too many requests", "ECONNRESET: socket hang up". */
	description: string;
	/** Coupang's (or the error's) own message, without status. */
	message: string;
}

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose | undefined {
	return typeof value === 'object' && value !== null ? (value as Loose) : undefined;
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const WRITE_SAFE_STATUSES = new Set([408, 429]);
/** Failures after which the request may have reached Coupang. */
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ECONNREFUSED',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);
/** Failures before anything was sent: connection refused, DNS answered "try again", connect timeout. */
const WRITE_SAFE_NETWORK_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const NETWORK_CODE_PATTERN = /^(E[A-Z0-9_]+|UND_ERR_[A-Z_]+)$/;
/** Axios' own codes that look like network codes but are not (they come with a status or a cancel). */
const NOT_NETWORK_CODES = new Set(['ERR_BAD_REQUEST', 'ERR_BAD_RESPONSE', 'ERR_CANCELED', 'ERR_NETWORK']);

function toStatus(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : NaN;
	return Number.isInteger(number) && number >= 100 && number <= 599 ? number : undefined;
}

function toNetworkCode(value: unknown): string | undefined {
	return typeof value === 'string' && NETWORK_CODE_PATTERN.test(value) && !NOT_NETWORK_CODES.has(value) ? value : undefined;
}

/** The error, its causes and wrapped errors, outermost first (cycle-safe, bounded). */
function errorChain(error: unknown): Loose[] {
	const chain: Loose[] = [];
	const seen = new Set<unknown>();
	const pending: unknown[] = [error];
	while (pending.length > 0 && chain.length < 20) {
		const record = asRecord(pending.shift());
		if (!record || seen.has(record)) continue;
		seen.add(record);
		chain.push(record);
		for (const key of ['cause', 'error', 'reason']) if (asRecord(record[key])) pending.push(record[key]);
	}
	return chain;
}

function headerValue(headers: unknown, name: string): string | undefined {
	const record = asRecord(headers);
	if (!record) return undefined;
	if (typeof record.get === 'function') {
		const value: unknown = (record.get as (header: string) => unknown).call(headers, name);
		if (typeof value === 'string') return value;
		if (typeof value === 'number') return String(value);
	}
	for (const [key, value] of Object.entries(record)) {
		if (key.toLowerCase() !== name) continue;
		const first: unknown = Array.isArray(value) ? value[0] : value;
		if (typeof first === 'string') return first;
		if (typeof first === 'number') return String(first);
	}
	return undefined;
}

/** Retry-After as milliseconds from `now`: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) {
		const ms = Number(trimmed) * 1000;
		return Number.isSafeInteger(ms) ? ms : undefined;
	}
	if (!/[a-z]/i.test(trimmed)) return undefined;
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function messageFromBody(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body) as unknown;
		} catch {
			const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
			return text === '' ? undefined : text.slice(0, 120);
		}
	}
	const record = asRecord(parsed);
	if (!record) return undefined;
	const message = record.message ?? record.errorMessage;
	return typeof message === 'string' && message.trim() !== '' ? message.trim() : undefined;
}

/**
 * Reads status, network code, Retry-After and Coupang's message out of what n8n's helpers (or a plain client)
 * threw, and decides whether another try may help and whether a write may be sent again.
 */
export function classifyRequestError(error: unknown, now: number = Date.now()): RequestErrorClassification {
	const chain = errorChain(error);
	let status: number | undefined;
	let networkCode: string | undefined;
	let retryAfterMs: number | undefined;
	let bodyMessage: string | undefined;
	let cancelled = false;
	for (const level of chain) {
		const response = asRecord(level.response);
		status ??= toStatus(response?.status) ?? toStatus(response?.statusCode) ?? toStatus(level.httpCode) ?? toStatus(level.statusCode);
		networkCode ??= toNetworkCode(level.code) ?? toNetworkCode(level.httpCode) ?? toNetworkCode(level.errno);
		retryAfterMs ??= parseRetryAfter(headerValue(response?.headers, 'retry-after') ?? headerValue(level.headers, 'retry-after'), now);
		if (response) bodyMessage ??= messageFromBody(response.data ?? response.body);
		if (level.code === 'ERR_CANCELED' || level.name === 'CanceledError' || level.name === 'AbortError') cancelled = true;
	}
	// undici reports a dropped socket as TypeError('terminated').
	if (!networkCode && chain.some((level) => level.name === 'TypeError' && level.message === 'terminated')) networkCode = 'UND_ERR_SOCKET';

	const innermostMessage = [...chain].reverse().find((level) => typeof level.message === 'string' && level.message !== '')?.message;
	const message = bodyMessage ?? (typeof innermostMessage === 'string' ? innermostMessage : String(error));

	let retryable = false;
	let writeSafe = false;
	if (cancelled) {
		retryable = false;
	} else if (status !== undefined) {
		retryable = RETRYABLE_STATUSES.has(status);
		writeSafe = WRITE_SAFE_STATUSES.has(status);
	} else if (networkCode !== undefined) {
		retryable = RETRYABLE_NETWORK_CODES.has(networkCode);
		writeSafe = WRITE_SAFE_NETWORK_CODES.has(networkCode);
	}

	const description =
		status !== undefined
			? `HTTP ${status}: ${message}`
			: networkCode !== undefined
				? `${networkCode}: ${message}`
				: message;
	return {
		retryable,
		writeSafe,
		...(status !== undefined ? { status } : {}),
		...(networkCode !== undefined ? { networkCode } : {}),
		...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
		description,
		message,
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Retries

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
		// Decided outside the catch: the caller turns these into NodeApiError with its node (n8n's lint rule).
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
	const pacer = getPacer(key, options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND, deps);
	return await sendWithRetries(send, options, deps, pacer);
}
