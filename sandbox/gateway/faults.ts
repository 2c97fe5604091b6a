// Fault injection and Coupang's blocks: rate-limit and access-denied blocks, gateway errors, latency, broken
// bodies, dropped connections.

import { Prng } from '../prng';
import { Throttle, type BlockKind, type ThrottleSettings } from './throttle';

export interface FailNextRule {
	/** HTTP status to answer with; 0 drops the connection without an answer. */
	status: number;
	/** How many of the next requests get this answer (default 1). */
	count?: number;
	message?: string;
	/**
	 * 'json' (default): the gateway's error JSON `{code: "ERROR", message, transactionId}` (with a 2xx status: a
	 * success that is a refusal); 'codeError': an endpoint's refusal `{code: "ERROR", message, data: null}`;
	 * 'html': a gateway HTML page; 'drop': destroy the socket.
	 */
	body?: 'json' | 'codeError' | 'html' | 'drop';
	/** Sent as Retry-After (none by default: Coupang documents none). */
	retryAfterSeconds?: number;
}

export interface FaultConfig extends ThrottleSettings {
	/** 429 answers carry this Retry-After; null (default) = none, as Coupang documents none. */
	rateLimitRetryAfterSeconds: number | null;
	/** Share (0..1) of requests answered with a random 500/502/503/504, JSON or HTML body. */
	errorRate: number;
	/** Added delay before answering. */
	latencyMs: number;
	/** Every request gets Akamai's 403 "Access Denied" HTML page. */
	accessDenied: boolean;
	/** Successful answers are sent as truncated JSON. */
	malformedJson: boolean;
	/** Successful answers are sent with an empty body. */
	emptyBody: boolean;
	/** Share (0..1) of requests whose socket is destroyed without an answer. */
	dropConnectionRate: number;
	/** Deterministic: the next requests fail in this order. */
	failNext: FailNextRule[];
	/** Seed of the random choices (errorRate, dropConnectionRate, error kinds). */
	seed: number;
}

/** Coupang's documented limit: more than 10 calls per second per vendor are refused. */
export const COUPANG_RATE_LIMIT_PER_SECOND = 10;
/** Default length of a block ("lifted within minutes to tens of minutes"). */
export const DEFAULT_BLOCK_MS = 5 * 60 * 1000;

export function defaultFaults(): FaultConfig {
	return {
		rateLimitPerSecond: null,
		rateLimitBlockMs: DEFAULT_BLOCK_MS,
		rateLimitRetryAfterSeconds: null,
		accessDeniedAfterFailures: null,
		accessDeniedBlockMs: DEFAULT_BLOCK_MS,
		errorRate: 0,
		latencyMs: 0,
		accessDenied: false,
		malformedJson: false,
		emptyBody: false,
		dropConnectionRate: 0,
		failNext: [],
		seed: 7,
	};
}

/** Keys whose change resets the blocks and counters. */
const THROTTLE_KEYS = ['rateLimitPerSecond', 'rateLimitBlockMs', 'accessDeniedAfterFailures', 'accessDeniedBlockMs'] as const;

function checkNumber(value: unknown, name: string, min: number, max: number, integer = false): number {
	if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
		throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
	}
	return value;
}

function checkLimitOrNull(value: unknown, name: string): number | null {
	if (value === null) return null;
	return checkNumber(value, name, 1, 1_000_000, true);
}

function checkFailNext(rules: unknown): FailNextRule[] {
	if (!Array.isArray(rules)) throw new Error('failNext must be an array of { status, count? }');
	return rules.map((rule: FailNextRule) => {
		if (typeof rule !== 'object' || rule === null || !Number.isInteger(rule.status) || (rule.status !== 0 && (rule.status < 100 || rule.status > 599))) {
			throw new Error('failNext entries need a status (100-599, or 0 to drop the connection)');
		}
		if (rule.body !== undefined && !['json', 'codeError', 'html', 'drop'].includes(rule.body)) throw new Error('failNext body must be json, codeError, html or drop');
		const count = rule.count ?? 1;
		if (!Number.isInteger(count) || count < 1) throw new Error('failNext count must be a positive integer');
		return { ...rule, count };
	});
}

/** What setFaults takes: any part of FaultConfig; `rateLimitPerSecond: true` is Coupang's 10. */
export type FaultSettings = Partial<Omit<FaultConfig, 'rateLimitPerSecond'>> & { rateLimitPerSecond?: number | null | true };

/** Validates a partial fault configuration (from the HTTP control surface or in-process callers). */
export function validateFaults(partial: FaultSettings): Partial<FaultConfig> {
	const result: Partial<FaultConfig> = {};
	const limit = partial.rateLimitPerSecond;
	if (limit !== undefined) result.rateLimitPerSecond = limit === true ? COUPANG_RATE_LIMIT_PER_SECOND : checkLimitOrNull(limit, 'rateLimitPerSecond');
	if (partial.accessDeniedAfterFailures !== undefined) result.accessDeniedAfterFailures = checkLimitOrNull(partial.accessDeniedAfterFailures, 'accessDeniedAfterFailures');
	for (const name of ['rateLimitBlockMs', 'accessDeniedBlockMs'] as const) {
		if (partial[name] !== undefined) result[name] = checkNumber(partial[name], name, 0, 24 * 3600 * 1000);
	}
	const retryAfter = partial.rateLimitRetryAfterSeconds;
	if (retryAfter !== undefined) result.rateLimitRetryAfterSeconds = retryAfter === null ? null : checkNumber(retryAfter, 'rateLimitRetryAfterSeconds', 0, 86_400, true);
	if (partial.errorRate !== undefined) result.errorRate = checkNumber(partial.errorRate, 'errorRate', 0, 1);
	if (partial.dropConnectionRate !== undefined) result.dropConnectionRate = checkNumber(partial.dropConnectionRate, 'dropConnectionRate', 0, 1);
	if (partial.latencyMs !== undefined) result.latencyMs = checkNumber(partial.latencyMs, 'latencyMs', 0, 120_000);
	for (const flag of ['accessDenied', 'malformedJson', 'emptyBody'] as const) {
		if (partial[flag] === undefined) continue;
		if (typeof partial[flag] !== 'boolean') throw new Error(`${flag} must be a boolean`);
		result[flag] = partial[flag];
	}
	if (partial.failNext !== undefined) result.failNext = checkFailNext(partial.failNext);
	if (partial.seed !== undefined) result.seed = checkNumber(partial.seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
	return result;
}

export type FaultDecision =
	| { kind: 'none' }
	| { kind: 'drop' }
	| { kind: 'respond'; status: number; contentType: string; body: string; headers: Record<string, string> };

const GATEWAY_ERROR_TEXT: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
	429: 'Too Many Requests',
	403: 'Forbidden',
};

export const TOO_MANY_REQUESTS_MESSAGE = GATEWAY_ERROR_TEXT[429];

const JSON_TYPE = 'application/json;charset=UTF-8';

export function accessDeniedPage(path: string, reference: string): string {
	const escapedUrl = `http://api-gateway.coupang.com${path}`.replace(/[:/.\-]/g, (char) => `&#${char.charCodeAt(0)};`);
	return (
		'<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n' +
		`You don't have permission to access "${escapedUrl}" on this server.<P>\n` +
		`Reference&#32;&#35;${reference}\n</BODY>\n</HTML>\n`
	);
}

function gatewayHtml(status: number): string {
	const text = GATEWAY_ERROR_TEXT[status] ?? 'Error';
	return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** The answer of one failNext rule. */
function failNextAnswer(rule: FailNextRule, path: string, transactionId: string): FaultDecision {
	if (rule.status === 0 || rule.body === 'drop') return { kind: 'drop' };
	const headers: Record<string, string> = rule.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(rule.retryAfterSeconds) };
	if (rule.body === 'html') {
		const html = rule.status === 403 ? accessDeniedPage(path, transactionId) : gatewayHtml(rule.status);
		return { kind: 'respond', status: rule.status, contentType: 'text/html', body: html, headers };
	}
	const message = rule.message ?? GATEWAY_ERROR_TEXT[rule.status] ?? 'Injected failure';
	const body = rule.body === 'codeError' ? { code: 'ERROR', message, data: null } : { code: 'ERROR', message, transactionId };
	return { kind: 'respond', status: rule.status, contentType: JSON_TYPE, body: JSON.stringify(body), headers };
}

export class FaultEngine {
	config: FaultConfig = defaultFaults();
	private prng = new Prng(this.config.seed);
	private readonly throttle = new Throttle();

	set(partial: FaultSettings): void {
		const valid = validateFaults(partial);
		this.config = { ...this.config, ...valid };
		if (valid.seed !== undefined) this.prng = new Prng(valid.seed);
		if (THROTTLE_KEYS.some((key) => valid[key] !== undefined)) this.throttle.clear();
	}

	clear(): void {
		this.config = defaultFaults();
		this.prng = new Prng(this.config.seed);
		this.throttle.clear();
	}

	/** The block a call of `vendorId` runs into or starts (see throttle.ts); undefined: it goes on. */
	blocked(vendorId: string, nowMs: number): BlockKind | undefined {
		return this.throttle.admit(vendorId, nowMs, this.config);
	}

	/** Counts a failed answer towards the access-denied block. */
	answered(vendorId: string, status: number, nowMs: number): void {
		this.throttle.answered(vendorId, status, nowMs, this.config);
	}

	/** Faults that hit before authentication, in order: failNext, dropped connection, access denied, random 5xx. */
	beforeAuth(path: string, transactionId: string): FaultDecision {
		const rule = this.config.failNext[0];
		if (rule) {
			const remaining = (rule.count ?? 1) - 1;
			this.config.failNext = remaining <= 0 ? this.config.failNext.slice(1) : [{ ...rule, count: remaining }, ...this.config.failNext.slice(1)];
			return failNextAnswer(rule, path, transactionId);
		}
		if (this.config.dropConnectionRate > 0 && this.prng.next() < this.config.dropConnectionRate) return { kind: 'drop' };
		if (this.config.accessDenied) {
			return { kind: 'respond', status: 403, contentType: 'text/html', body: accessDeniedPage(path, transactionId), headers: {} };
		}
		if (this.config.errorRate > 0 && this.prng.next() < this.config.errorRate) {
			const status = this.prng.pick([500, 502, 503, 504]);
			if (this.prng.chance(0.5)) return { kind: 'respond', status, contentType: 'text/html', body: gatewayHtml(status), headers: {} };
			const body = JSON.stringify({ code: 'ERROR', message: GATEWAY_ERROR_TEXT[status], transactionId });
			return { kind: 'respond', status, contentType: JSON_TYPE, body, headers: {} };
		}
		return { kind: 'none' };
	}
}
