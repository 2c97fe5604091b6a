// The gateway answers one request. /__sandbox/... goes to the control routes (never logged); every other
// request runs Coupang's pipeline: faults → route → authentication → rate limit → endpoint → body spoilers,
// and is recorded in the request log.

import { SandboxApiError } from '../errors';
import type { Exchange, ExchangeHandler, Reply } from '../server';
import { verifySignedRequest } from './auth';
import { errorReply, JSON_CONTENT_TYPE, jsonReply, parseJsonObject } from './json';
import type { RequestLogEntry } from './requestLog';
import { findControlRoute, matchApiRoute, type ApiResult, type ApiRoute, type ControlRoute } from './routeTable';
import type { SandboxState } from './sandboxState';

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
		if (caught instanceof SandboxApiError) return errorReply(caught.status, caught.message, this.nextTransactionId());
		this.log(`sandbox internal error: ${caught instanceof Error ? caught.message : String(caught)}`);
		return errorReply(500, 'Internal Server Error', this.nextTransactionId());
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

	/** Latency and the faults that hit before authentication, then the answer; logs what it answered or dropped. */
	private async handleApi(exchange: Exchange): Promise<void> {
		const { method, path, query } = exchange;
		const { clock, faults, requestLog } = this.state;
		const entry: RequestLogEntry = { at: new Date(clock.nowMs()).toISOString(), method, path, query, status: 0 };
		const transactionId = this.nextTransactionId();
		if (faults.config.latencyMs > 0) await exchange.wait(faults.config.latencyMs);
		if (exchange.stopping()) {
			exchange.drop();
			return;
		}
		const fault = faults.beforeAuth(path, transactionId);
		if (fault.kind === 'drop') {
			requestLog.record(entry);
			exchange.drop();
			return;
		}
		const reply =
			fault.kind === 'respond'
				? { status: fault.status, contentType: fault.contentType, body: fault.body, headers: fault.headers }
				: this.answerApi(exchange, entry, transactionId);
		entry.status = reply.status;
		requestLog.record(entry);
		exchange.send(reply);
	}

	/** Route, authentication, rate limit and endpoint; Coupang's error JSON for each refusal. */
	private answerApi(exchange: Exchange, entry: RequestLogEntry, transactionId: string): Reply {
		const { method, path, query, headers } = exchange;
		const { account, clock, faults, store } = this.state;
		const error = (status: number, message: string, extra?: Record<string, string>): Reply => errorReply(status, message, transactionId, extra);
		const match = matchApiRoute(this.routes.api, method, path);
		if (match.kind === 'notFound') return error(404, `No such API: ${method} ${path}`);
		if (match.kind === 'wrongMethod') return error(405, `Request method '${method}' not supported`, { Allow: match.allowed.join(', ') });
		const requestedBy = typeof headers['x-requested-by'] === 'string' ? headers['x-requested-by'] : undefined;
		const auth = verifySignedRequest({ method, path, query, authorization: headers.authorization, requestedBy }, account, clock.nowMs());
		if (!auth.ok) return error(auth.status, auth.message);
		entry.vendorId = auth.vendorId;
		if (faults.rateLimited(auth.vendorId, clock.nowMs())) return error(429, 'Too many requests', { 'Retry-After': '1' });
		let result: ApiResult;
		try {
			const body = method === 'GET' || match.route.anyJsonBody ? {} : parseJsonObject(exchange.body);
			result = match.route.handle({ method, params: match.params, query: new URLSearchParams(query), body, rawBody: exchange.body, vendorId: auth.vendorId, store });
		} catch (caught) {
			if (caught instanceof SandboxApiError) return error(caught.status, caught.message);
			throw caught;
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
