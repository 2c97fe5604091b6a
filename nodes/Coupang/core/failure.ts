/**
 * The one reader of a failed request: what n8n's HTTP helpers (or a plain client) threw, taken apart into HTTP
 * status, network code, Retry-After and Coupang's message. The retry policy (./retry.ts) and the hints a seller
 * reads (./hints.ts) both decide from what this returns.
 *
 * Shapes read (n8n-core 2.41): a NodeApiError whose `cause` is the AxiosError; `httpCode` is the status as a string
 * ('429') or, without an answer, the network code ('ECONNRESET'); the AxiosError has `response.status`,
 * `response.headers` (AxiosHeaders, with `get`) and `response.data` (parsed JSON, or the raw text), or `code` and a
 * `cause` with the socket error's code. Plain errors with `code`, `statusCode`, `response.statusCode`, `response.body`
 * and plain-object headers are read too.
 */

export interface CoupangFailure {
	/** HTTP status, when there was an answer. */
	status?: number;
	/** Network error code (ECONNRESET, ETIMEDOUT, …) when there was none. */
	networkCode?: string;
	/** The wait a Retry-After header asked for, in ms. */
	retryAfterMs?: number;
	/** Coupang's own message, a description of the body that came back, or the innermost error's message. */
	message: string;
	/** The message came from the answer's body. */
	messageFromBody: boolean;
	/** The request was cancelled (execution stopped), not failed. */
	cancelled: boolean;
}

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose | undefined {
	return typeof value === 'object' && value !== null ? (value as Loose) : undefined;
}

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

/** Describes a body that is not the JSON object Coupang sends (empty, HTML, truncated). */
export function describeUnexpectedBody(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'Coupang answered with an empty body';
	if (typeof body === 'string') {
		if (/access denied/i.test(body)) return 'Access Denied';
		if (/^\s*</.test(body)) return 'Coupang answered with an HTML page instead of JSON';
		return `Coupang answered with something that is not JSON: ${body.slice(0, 80)}`;
	}
	return 'Coupang answered with an unexpected body';
}

function parseBody(body: unknown): unknown {
	if (typeof Buffer !== 'undefined' && Buffer.isBuffer(body)) return parseBody(body.toString('utf8'));
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/** Coupang's message in an error answer: `message` of its JSON, else what the page says. */
function messageFromBody(body: unknown): string | undefined {
	const parsed = parseBody(body);
	if (typeof parsed === 'string') {
		if (parsed.trim() === '') return describeUnexpectedBody(parsed);
		if (/access denied/i.test(parsed)) return 'Access Denied';
		const text = parsed.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		// A gateway page often says the same in its <title> and <h1>: say it once.
		const repeated = /^(.+) \1$/.exec(text);
		return text === '' ? undefined : (repeated ? repeated[1] : text).slice(0, 120);
	}
	const record = asRecord(parsed);
	if (!record) return undefined;
	const message = record.message ?? record.errorMessage ?? record.error;
	return typeof message === 'string' && message.trim() !== '' ? message.trim() : undefined;
}

function isCancel(level: Loose): boolean {
	return level.code === 'ERR_CANCELED' || level.name === 'CanceledError' || level.name === 'AbortError';
}

/** Reads a failed request, whatever threw it. `now` dates a Retry-After given as an HTTP date. */
export function readFailure(error: unknown, now: number = Date.now()): CoupangFailure {
	const chain = errorChain(error);
	let status: number | undefined;
	let networkCode: string | undefined;
	let retryAfterMs: number | undefined;
	let bodyMessage: string | undefined;
	for (const level of chain) {
		const response = asRecord(level.response);
		status ??= toStatus(response?.status) ?? toStatus(response?.statusCode) ?? toStatus(level.httpCode) ?? toStatus(level.statusCode);
		networkCode ??= toNetworkCode(level.code) ?? toNetworkCode(level.httpCode) ?? toNetworkCode(level.errno);
		retryAfterMs ??= parseRetryAfter(headerValue(response?.headers, 'retry-after') ?? headerValue(level.headers, 'retry-after'), now);
		if (response && ('data' in response || 'body' in response)) bodyMessage ??= messageFromBody(response.data ?? response.body);
	}
	// undici reports a dropped socket as TypeError('terminated').
	if (!networkCode && chain.some((level) => level.name === 'TypeError' && level.message === 'terminated')) networkCode = 'UND_ERR_SOCKET';
	const innermost = [...chain].reverse().find((level) => typeof level.message === 'string' && level.message !== '')?.message;
	const failure: CoupangFailure = {
		message: bodyMessage ?? (typeof innermost === 'string' ? innermost : String(error)),
		messageFromBody: bodyMessage !== undefined,
		cancelled: chain.some(isCancel),
	};
	if (status !== undefined) failure.status = status;
	if (networkCode !== undefined) failure.networkCode = networkCode;
	if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
	return failure;
}

/** What a seller reads as the failure: Coupang's message, or that no answer came. */
export function failureText(failure: CoupangFailure): string {
	if (!failure.messageFromBody && failure.status === undefined && failure.networkCode !== undefined) {
		return `No answer from Coupang (${failure.networkCode})`;
	}
	return failure.message;
}

/**
 * Coupang's message when a 2xx answer still reports a failure (`"code": "ERROR"`, as seller_api answers and the
 * gateway's error bodies carry); undefined for an answer that is data.
 */
export function refusalInAnswer(body: Record<string, unknown>): string | undefined {
	if (typeof body.code !== 'string' || body.code.trim().toUpperCase() !== 'ERROR') return undefined;
	return typeof body.message === 'string' && body.message.trim() !== '' ? body.message.trim() : 'ERROR';
}
