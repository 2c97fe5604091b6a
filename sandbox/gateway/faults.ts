// Fault injection: rate limits, gateway errors, latency, broken bodies, dropped connections.

import { Prng } from '../prng';

export interface FailNextRule {
	/** HTTP status to answer with; 0 drops the connection without an answer. */
	status: number;
	/** How many of the next requests get this answer (default 1). */
	count?: number;
	message?: string;
	/** 'json' (default): Coupang error JSON; 'html': a gateway HTML page; 'drop': destroy the socket. */
	body?: 'json' | 'html' | 'drop';
	/** Sent as Retry-After (429 defaults to 1). */
	retryAfterSeconds?: number;
}

export interface FaultConfig {
	/** More than N requests of a vendor within any 1 s → 429. null = off. */
	rateLimitPerSecond: number | null;
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

export function defaultFaults(): FaultConfig {
	return {
		rateLimitPerSecond: null,
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

function checkShare(value: unknown, name: string): number {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${name} must be a number from 0 to 1`);
	return value;
}

/** Validates a partial fault configuration (from the HTTP control surface or in-process callers). */
export function validateFaults(partial: Partial<FaultConfig>): Partial<FaultConfig> {
	const result: Partial<FaultConfig> = {};
	if (partial.rateLimitPerSecond !== undefined) {
		const limit = partial.rateLimitPerSecond;
		if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new Error('rateLimitPerSecond must be a positive integer or null');
		result.rateLimitPerSecond = limit;
	}
	if (partial.errorRate !== undefined) result.errorRate = checkShare(partial.errorRate, 'errorRate');
	if (partial.dropConnectionRate !== undefined) result.dropConnectionRate = checkShare(partial.dropConnectionRate, 'dropConnectionRate');
	if (partial.latencyMs !== undefined) {
		if (typeof partial.latencyMs !== 'number' || !(partial.latencyMs >= 0 && partial.latencyMs <= 120_000)) {
			throw new Error('latencyMs must be a number from 0 to 120000');
		}
		result.latencyMs = partial.latencyMs;
	}
	for (const flag of ['accessDenied', 'malformedJson', 'emptyBody'] as const) {
		if (partial[flag] !== undefined) {
			if (typeof partial[flag] !== 'boolean') throw new Error(`${flag} must be a boolean`);
			result[flag] = partial[flag];
		}
	}
	if (partial.failNext !== undefined) {
		if (!Array.isArray(partial.failNext)) throw new Error('failNext must be an array of { status, count? }');
		result.failNext = partial.failNext.map((rule) => {
			if (typeof rule !== 'object' || rule === null || !Number.isInteger(rule.status) || (rule.status !== 0 && (rule.status < 100 || rule.status > 599))) {
				throw new Error('failNext entries need a status (100-599, or 0 to drop the connection)');
			}
			const count = rule.count ?? 1;
			if (!Number.isInteger(count) || count < 1) throw new Error('failNext count must be a positive integer');
			return { ...rule, count };
		});
	}
	if (partial.seed !== undefined) {
		if (!Number.isInteger(partial.seed)) throw new Error('seed must be an integer');
		result.seed = partial.seed;
	}
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
	429: 'Too many requests',
	403: 'Forbidden',
};

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

export class FaultEngine {
	config: FaultConfig = defaultFaults();
	private prng = new Prng(this.config.seed);
	private readonly recentByVendor = new Map<string, number[]>();

	set(partial: Partial<FaultConfig>): void {
		const valid = validateFaults(partial);
		this.config = { ...this.config, ...valid };
		if (valid.seed !== undefined) this.prng = new Prng(valid.seed);
		if (valid.rateLimitPerSecond !== undefined) this.recentByVendor.clear();
	}

	clear(): void {
		this.config = defaultFaults();
		this.prng = new Prng(this.config.seed);
		this.recentByVendor.clear();
	}

	/** Faults that hit before authentication, in order: failNext, dropped connection, access denied, random 5xx. */
	beforeAuth(path: string, transactionId: string): FaultDecision {
		const rule = this.config.failNext[0];
		if (rule) {
			const remaining = (rule.count ?? 1) - 1;
			if (remaining <= 0) this.config.failNext = this.config.failNext.slice(1);
			else this.config.failNext = [{ ...rule, count: remaining }, ...this.config.failNext.slice(1)];
			if (rule.status === 0 || rule.body === 'drop') return { kind: 'drop' };
			const headers: Record<string, string> = {};
			const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 ? 1 : undefined);
			if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
			if (rule.body === 'html') {
				const html = rule.status === 403 ? accessDeniedPage(path, transactionId) : gatewayHtml(rule.status);
				return { kind: 'respond', status: rule.status, contentType: 'text/html', body: html, headers };
			}
			const message = rule.message ?? GATEWAY_ERROR_TEXT[rule.status] ?? 'Injected failure';
			return { kind: 'respond', status: rule.status, contentType: 'application/json;charset=UTF-8', body: JSON.stringify({ code: rule.status, message, transactionId }), headers };
		}
		if (this.config.dropConnectionRate > 0 && this.prng.next() < this.config.dropConnectionRate) return { kind: 'drop' };
		if (this.config.accessDenied) {
			return { kind: 'respond', status: 403, contentType: 'text/html', body: accessDeniedPage(path, transactionId), headers: {} };
		}
		if (this.config.errorRate > 0 && this.prng.next() < this.config.errorRate) {
			const status = this.prng.pick([500, 502, 503, 504]);
			if (this.prng.chance(0.5)) return { kind: 'respond', status, contentType: 'text/html', body: gatewayHtml(status), headers: {} };
			return {
				kind: 'respond',
				status,
				contentType: 'application/json;charset=UTF-8',
				body: JSON.stringify({ code: status, message: GATEWAY_ERROR_TEXT[status], transactionId }),
				headers: {},
			};
		}
		return { kind: 'none' };
	}

	/** Sliding 1-second window per vendor; only admitted requests count. True when this request must get 429. */
	rateLimited(vendorId: string, nowMs: number): boolean {
		const limit = this.config.rateLimitPerSecond;
		if (limit === null) return false;
		const recent = (this.recentByVendor.get(vendorId) ?? []).filter((at) => at > nowMs - 1000 && at <= nowMs);
		if (recent.length >= limit) {
			this.recentByVendor.set(vendorId, recent);
			return true;
		}
		recent.push(nowMs);
		this.recentByVendor.set(vendorId, recent);
		return false;
	}
}
