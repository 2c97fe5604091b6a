// The gateway answers one request. /__sandbox/... goes to the control routes (never logged); every other
// request runs Coupang's pipeline: blocks (rate limit, access denied) → faults → route → authentication →
// endpoint → body spoilers, and is recorded in the request log.

import { SandboxApiError } from '../errors';
import type { Exchange, ExchangeHandler, Reply } from '../server';
import { callerVendor, verifySignedRequest } from './auth';
import { accessDeniedPage, TOO_MANY_REQUESTS_MESSAGE } from './faults';
import { errorReply, GATEWAY_ERROR_CODE, JSON_CONTENT_TYPE, jsonReply, parseJsonObject } from './json';
import type { RequestLogEntry } from './requestLog';
import { findControlRoute, matchApiRoute, type ApiResult, type ApiRoute, type ControlRoute } from './routeTable';
import type { SandboxState } from './sandboxState';
import type { BlockKind } from './throttle';

export interface GatewayRoutes {
	api: readonly ApiRoute[];
	control: readonly ControlRoute[];
}

function isControlPath(path: string): boolean {
	return path === '/__sandbox' || path.startsWith('/__sandbox/');
}

export class Gateway implements ExchangeHandler {
	private transactionCounter = 0;

	constructor(
		private readonly state: SandboxState,
		private readonly routes: GatewayRoutes,
		private readonly log: (line: string) => void,
	) {}

	async handle(exchange: Exchange): Promise<void> {
		if (isControlPath(exchange.path)) exchange.send(this.answerControl(exchange));
		else await this.handleApi(exchange);
	}

	replyToError(caught: unknown): Reply {
		if (caught instanceof SandboxApiError) return errorReply(caught.status, GATEWAY_ERROR_CODE, caught.message, this.nextTransactionId());
		this.log(`sandbox internal error: ${caught instanceof Error ? caught.message : String(caught)}`);
		return errorReply(500, GATEWAY_ERROR_CODE, 'Internal Server Error', this.nextTransactionId());
	}

	private nextTransactionId(): string {
		this.transactionCounter += 1;
		return `sandbox-${this.state.clock.nowMs().toString(36)}-${this.transactionCounter}`;
	}

	private answerControl({ method, path, body }: Exchange): Reply {
		const parsed = method === 'POST' ? parseJsonObject(body) : {};
		const route = findControlRoute(this.routes.control, method, path);
		if (!route) return jsonReply(404, { code: 404, message: `Unknown sandbox control route: ${method} ${path}` });
		return jsonReply(200, route.handle({ body: parsed, state: this.state }));
	}

	/** Latency, then the answer (or a dropped connection); logs every call and counts failures towards blocks. */
	private async handleApi(exchange: Exchange): Promise<void> {
		const { method, path, query, remoteAddress } = exchange;
		const { accounts, clock, faults, requestLog } = this.state;
		const entry: RequestLogEntry = { at: new Date(clock.nowMs()).toISOString(), method, path, query, status: 0, remoteAddress };
		const transactionId = this.nextTransactionId();
		if (faults.config.latencyMs > 0) await exchange.wait(faults.config.latencyMs);
		if (exchange.stopping()) {
			exchange.drop();
			return;
		}
		const caller = callerVendor(exchange.headers.authorization, accounts);
		const reply = this.answer(exchange, caller, entry, transactionId);
		if (reply !== 'drop') entry.status = reply.status;
		requestLog.record(entry);
		if (reply === 'drop') {
			exchange.drop();
			return;
		}
		if (caller !== undefined) faults.answered(caller, reply.status, clock.nowMs());
		exchange.send(reply);
	}

	/** A block of the calling vendor, else the faults that hit before authentication, else the API's answer. */
	private answer(exchange: Exchange, caller: string | undefined, entry: RequestLogEntry, transactionId: string): Reply | 'drop' {
		const { clock, faults } = this.state;
		const block = caller === undefined ? undefined : faults.blocked(caller, clock.nowMs());
		if (block !== undefined) {
			entry.blocked = block;
			entry.vendorId = caller;
			return this.blockReply(block, exchange.path, transactionId);
		}
		const fault = faults.beforeAuth(exchange.path, transactionId);
		if (fault.kind === 'drop') return 'drop';
		if (fault.kind === 'respond') return { status: fault.status, contentType: fault.contentType, body: fault.body, headers: fault.headers };
		return this.answerApi(exchange, entry, transactionId);
	}

	/** 429 JSON (Retry-After only when configured) or the 403 "Access Denied" page. */
	private blockReply(block: BlockKind, path: string, transactionId: string): Reply {
		if (block === '403') return { status: 403, contentType: 'text/html', body: accessDeniedPage(path, transactionId) };
		const retryAfter = this.state.faults.config.rateLimitRetryAfterSeconds;
		return errorReply(429, GATEWAY_ERROR_CODE, TOO_MANY_REQUESTS_MESSAGE, transactionId, retryAfter === null ? undefined : { 'Retry-After': String(retryAfter) });
	}

	/** Route, authentication and endpoint: the gateway's refusals carry code "ERROR", the endpoint's the reading's code. */
	private answerApi(exchange: Exchange, entry: RequestLogEntry, transactionId: string): Reply {
		const { method, path, query, headers } = exchange;
		const { accounts, clock, readings, store } = this.state;
		const refuse = (status: number, message: string, extra?: Record<string, string>): Reply => errorReply(status, GATEWAY_ERROR_CODE, message, transactionId, extra);
		const match = matchApiRoute(this.routes.api, method, path);
		if (match.kind === 'notFound') return refuse(404, `No such API: ${method} ${path}`);
		if (match.kind === 'wrongMethod') return refuse(405, `Request method '${method}' not supported`, { Allow: match.allowed.join(', ') });
		const auth = verifySignedRequest({ method, path, query, authorization: headers.authorization }, accounts, clock.nowMs());
		if (!auth.ok) return refuse(auth.status, auth.message);
		entry.vendorId = auth.vendorId;
		let result: ApiResult;
		try {
			const body = method === 'GET' || match.route.anyJsonBody ? {} : parseJsonObject(exchange.body);
			const request = { method, params: match.params, query: new URLSearchParams(query), body, rawBody: exchange.body, vendorId: auth.vendorId, store, readings: readings.current };
			result = match.route.handle(request);
		} catch (caught) {
			if (!(caught instanceof SandboxApiError)) throw caught;
			const code = readings.current.endpointErrorCode === 'ERROR' ? GATEWAY_ERROR_CODE : caught.status;
			return errorReply(caught.status, code, caught.message, transactionId);
		}
		return this.spoiled(result);
	}

	/** The endpoint's answer as JSON; the emptyBody and malformedJson faults spoil 2xx bodies. */
	private spoiled(result: ApiResult): Reply {
		const text = JSON.stringify(result.body);
		const success = result.status >= 200 && result.status < 300;
		let body = text;
		if (success && this.state.faults.config.emptyBody) body = '';
		else if (success && this.state.faults.config.malformedJson) body = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
		return { status: result.status, contentType: JSON_CONTENT_TYPE, body };
	}
}
