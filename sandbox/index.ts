// A local fake of Coupang's API gateway for our endpoints: strict authentication, validation and error texts,
// deterministic data, a control surface under /__sandbox/ and fault injection.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { matchRoute } from './api';
import { verifySignedRequest, type SandboxAccount } from './auth';
import { SandboxApiError } from './errors';
import { FaultEngine, type FaultConfig } from './faults';
import { DEFAULT_SIZES, SandboxStore } from './store';
import type { CallCenterKind } from './generate';
import type { CallCenterInquiry, DataSizes } from './types';

export { SandboxStore } from './store';
export type { FaultConfig, FailNextRule } from './faults';
export * from './types';
export type {
	CallCenterInquiryJson,
	ProductInquiryJson,
	ProductJson,
	ProductHistoryJson,
	AddProductInquiriesInput,
	AddCallCenterInquiriesInput,
	AddProductsInput,
} from './store';

export const DEFAULT_SANDBOX_PORT = 8090;
export const DEFAULT_ACCESS_KEY = 'sandbox-access-key';
export const DEFAULT_SECRET_KEY = 'sandbox-secret-key';
export const DEFAULT_VENDOR_ID = 'A00012345';
const MAX_LOG_ENTRIES = 200_000;
const MAX_BODY_BYTES = 1024 * 1024;

export interface SandboxOptions {
	/** 0 = random free port (tests); default 8090. */
	port?: number;
	accessKey?: string;
	secretKey?: string;
	vendorId?: string;
	/** Deterministic data: same seed → same data. */
	seed?: number;
	productInquiries?: number;
	callCenterInquiries?: number;
	products?: number;
	/** Initial server clock (default: real clock). Seeded data is spread over the 30 days before it. */
	now?: Date;
	/** Optional logger; never receives secrets. */
	log?: (line: string) => void;
}

export interface RequestLogEntry {
	at: string;
	method: string;
	path: string;
	query: string;
	/** 0 when the connection was dropped without an answer. */
	status: number;
	vendorId?: string;
	/** The client's address as the gateway sees it (a proxy's, when the request came through one). */
	remoteAddress?: string;
}

export interface RunningSandbox {
	url: string;
	port: number;
	accessKey: string;
	secretKey: string;
	vendorId: string;
	store: SandboxStore;
	requestLog(): RequestLogEntry[];
	clearRequestLog(): void;
	setFaults(faults: Partial<FaultConfig>): void;
	clearFaults(): void;
	/** null = follow the real clock; otherwise a fixed offset from Date.now(). */
	setClock(now: Date | null): void;
	now(): Date;
	stop(): Promise<void>;
}

interface Reply {
	status: number;
	contentType: string;
	body: string;
	headers?: Record<string, string>;
}

function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body), headers };
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new SandboxApiError(413, 'Request body too large'));
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseJsonObject(text: string): Record<string, unknown> {
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new SandboxApiError(400, 'Request body is not valid JSON.');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SandboxApiError(400, 'Request body must be a JSON object.');
	return parsed as Record<string, unknown>;
}

function optionalNumber(value: unknown, name: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new SandboxApiError(400, `${name} must be a number.`);
	return value;
}

function optionalString(value: unknown, name: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SandboxApiError(400, `${name} must be a string.`);
	return value;
}

function optionalBoolean(value: unknown, name: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw new SandboxApiError(400, `${name} must be a boolean.`);
	return value;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
	const account: SandboxAccount = {
		accessKey: opts.accessKey ?? DEFAULT_ACCESS_KEY,
		secretKey: opts.secretKey ?? DEFAULT_SECRET_KEY,
		vendorId: opts.vendorId ?? DEFAULT_VENDOR_ID,
	};
	const log = opts.log ?? ((): void => undefined);
	let clockOffsetMs = opts.now ? opts.now.getTime() - Date.now() : 0;
	const nowMs = (): number => Date.now() + clockOffsetMs;
	const initialSizes: DataSizes = {
		seed: opts.seed ?? DEFAULT_SIZES.seed,
		productInquiries: opts.productInquiries ?? DEFAULT_SIZES.productInquiries,
		callCenterInquiries: opts.callCenterInquiries ?? DEFAULT_SIZES.callCenterInquiries,
		products: opts.products ?? DEFAULT_SIZES.products,
	};
	const store = new SandboxStore(account.vendorId, nowMs, initialSizes);
	const faults = new FaultEngine();
	let requestLog: RequestLogEntry[] = [];
	let transactionCounter = 0;
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let stopping = false;

	const nextTransactionId = (): string => {
		transactionCounter += 1;
		return `sandbox-${nowMs().toString(36)}-${transactionCounter}`;
	};

	const record = (entry: RequestLogEntry): void => {
		requestLog.push(entry);
		if (requestLog.length > MAX_LOG_ENTRIES) requestLog = requestLog.slice(requestLog.length - MAX_LOG_ENTRIES / 2);
		log(`${entry.method} ${entry.path}${entry.query === '' ? '' : '?' + entry.query} -> ${entry.status === 0 ? 'dropped' : entry.status}`);
	};

	const send = (response: ServerResponse, reply: Reply): void => {
		const body = Buffer.from(reply.body, 'utf8');
		response.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Content-Length': body.length, ...(reply.headers ?? {}) });
		response.end(body);
	};

	const delay = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	const callCenterDump = (inquiry: CallCenterInquiry): Record<string, unknown> => ({ vendorId: inquiry.vendorId, ...store.toCallCenterInquiryJson(inquiry, 'v4') });

	const handleControl = async (method: string, path: string, bodyText: string): Promise<Reply> => {
		const body = method === 'POST' ? parseJsonObject(bodyText) : {};
		const route = `${method} ${path}`;
		switch (route) {
			case 'POST /__sandbox/reset': {
				if (body.now !== undefined) {
					const text = optionalString(body.now, 'now');
					const parsed = text === undefined ? Number.NaN : Date.parse(text);
					if (body.now !== null && Number.isNaN(parsed)) throw new SandboxApiError(400, '"now" must be an ISO date-time string or null.');
					sandbox.setClock(body.now === null ? null : new Date(parsed));
				}
				store.reseed({
					seed: optionalNumber(body.seed, 'seed') ?? initialSizes.seed,
					productInquiries: optionalNumber(body.productInquiries, 'productInquiries') ?? initialSizes.productInquiries,
					callCenterInquiries: optionalNumber(body.callCenterInquiries, 'callCenterInquiries') ?? initialSizes.callCenterInquiries,
					products: optionalNumber(body.products, 'products') ?? initialSizes.products,
				});
				requestLog = [];
				faults.clear();
				return json(200, { ok: true, sizes: store.sizes, counts: store.counts() });
			}
			case 'GET /__sandbox/clock':
				return json(200, { now: new Date(nowMs()).toISOString(), followsRealClock: clockOffsetMs === 0 });
			case 'POST /__sandbox/clock': {
				if (!('now' in body)) throw new SandboxApiError(400, 'Body needs "now": an ISO date-time string or null.');
				if (body.now === null) {
					sandbox.setClock(null);
				} else {
					const text = optionalString(body.now, 'now');
					const parsed = text === undefined ? Number.NaN : Date.parse(text);
					if (Number.isNaN(parsed)) throw new SandboxApiError(400, '"now" must be an ISO date-time string or null.');
					sandbox.setClock(new Date(parsed));
				}
				return json(200, { now: new Date(nowMs()).toISOString(), followsRealClock: clockOffsetMs === 0 });
			}
			case 'POST /__sandbox/product-inquiries': {
				const created = store.addProductInquiries({
					count: optionalNumber(body.count, 'count'),
					inquiryAt: optionalString(body.inquiryAt, 'inquiryAt'),
					vendorItemId: optionalNumber(body.vendorItemId, 'vendorItemId'),
					content: optionalString(body.content, 'content'),
					answered: optionalBoolean(body.answered, 'answered'),
				});
				return json(200, { created: created.map((inquiry) => store.toProductInquiryJson(inquiry)) });
			}
			case 'GET /__sandbox/product-inquiries':
				return json(200, store.productInquiries.map((inquiry) => store.toProductInquiryJson(inquiry)));
			case 'POST /__sandbox/call-center-inquiries': {
				const kind = optionalString(body.kind, 'kind');
				if (kind !== undefined && !['waiting', 'vendorAnswered', 'csOnly', 'fresh'].includes(kind)) {
					throw new SandboxApiError(400, 'kind must be one of waiting, vendorAnswered, csOnly, fresh.');
				}
				const created = store.addCallCenterInquiries({
					count: optionalNumber(body.count, 'count'),
					inquiryAt: optionalString(body.inquiryAt, 'inquiryAt'),
					transferred: optionalBoolean(body.transferred, 'transferred'),
					kind: kind as CallCenterKind | undefined,
					vendorItemId: optionalNumber(body.vendorItemId, 'vendorItemId'),
					orderId: optionalNumber(body.orderId, 'orderId'),
					content: optionalString(body.content, 'content'),
					vendorId: optionalString(body.vendorId, 'vendorId'),
				});
				return json(200, { created: created.map(callCenterDump) });
			}
			case 'GET /__sandbox/call-center-inquiries':
				return json(200, store.callCenterInquiries.map(callCenterDump));
			case 'POST /__sandbox/products': {
				const created = store.addProducts({
					count: optionalNumber(body.count, 'count'),
					createdAt: optionalString(body.createdAt, 'createdAt'),
					longHistory: optionalBoolean(body.longHistory, 'longHistory'),
					vendorId: optionalString(body.vendorId, 'vendorId'),
				});
				return json(200, { created: created.map((product) => store.toProductJson(product)) });
			}
			case 'GET /__sandbox/products':
				return json(
					200,
					store.products.map((product) => ({
						...store.toProductJson(product),
						histories: product.histories.slice().reverse().map((entry) => store.toProductHistoryJson(entry)),
					})),
				);
			case 'GET /__sandbox/requests':
				return json(200, requestLog);
			case 'DELETE /__sandbox/requests':
				requestLog = [];
				return json(200, { ok: true });
			case 'GET /__sandbox/faults':
				return json(200, faults.config);
			case 'POST /__sandbox/faults':
				try {
					faults.set(body as Partial<FaultConfig>);
				} catch (error) {
					throw new SandboxApiError(400, error instanceof Error ? error.message : 'Invalid fault configuration');
				}
				return json(200, faults.config);
			case 'DELETE /__sandbox/faults':
				faults.clear();
				return json(200, faults.config);
			case 'GET /__sandbox/state':
				return json(200, {
					vendorId: account.vendorId,
					now: new Date(nowMs()).toISOString(),
					sizes: store.sizes,
					counts: store.counts(),
					requests: requestLog.length,
					faults: faults.config,
				});
			default:
				return json(404, { code: 404, message: `Unknown sandbox control route: ${route}` });
		}
	};

	const handleApi = async (request: IncomingMessage, response: ServerResponse, method: string, path: string, query: string, bodyText: string): Promise<void> => {
		const entry: RequestLogEntry = { at: new Date(nowMs()).toISOString(), method, path, query, status: 0, remoteAddress: request.socket.remoteAddress };
		const transactionId = nextTransactionId();
		const finish = (reply: Reply): void => {
			entry.status = reply.status;
			record(entry);
			send(response, reply);
		};
		if (faults.config.latencyMs > 0) await delay(faults.config.latencyMs);
		if (stopping) {
			request.socket.destroy();
			return;
		}
		const fault = faults.beforeAuth(path, transactionId);
		if (fault.kind === 'drop') {
			record(entry);
			request.socket.destroy();
			return;
		}
		if (fault.kind === 'respond') {
			finish({ status: fault.status, contentType: fault.contentType, body: fault.body, headers: fault.headers });
			return;
		}
		const error = (status: number, message: string, headers?: Record<string, string>): Reply => json(status, { code: status, message, transactionId }, headers);
		const match = matchRoute(method, path);
		if (match.kind === 'notFound') {
			finish(error(404, `No such API: ${method} ${path}`));
			return;
		}
		if (match.kind === 'wrongMethod') {
			finish(error(405, `Request method '${method}' not supported`, { Allow: match.allowed.join(', ') }));
			return;
		}
		const auth = verifySignedRequest(
			{
				method,
				path,
				query,
				authorization: request.headers.authorization,
				requestedBy: typeof request.headers['x-requested-by'] === 'string' ? request.headers['x-requested-by'] : undefined,
			},
			account,
			nowMs(),
		);
		if (!auth.ok) {
			finish(error(auth.status, auth.message));
			return;
		}
		entry.vendorId = auth.vendorId;
		if (faults.rateLimited(auth.vendorId, nowMs())) {
			finish(error(429, 'Too many requests', { 'Retry-After': '1' }));
			return;
		}
		let result;
		try {
			const body = method === 'POST' ? parseJsonObject(bodyText) : {};
			result = match.route.handle({ method, params: match.params, query: new URLSearchParams(query), body, vendorId: auth.vendorId, store });
		} catch (caught) {
			if (caught instanceof SandboxApiError) {
				finish(error(caught.status, caught.message));
				return;
			}
			throw caught;
		}
		const text = JSON.stringify(result.body);
		if (result.status >= 200 && result.status < 300 && faults.config.emptyBody) {
			finish({ status: result.status, contentType: 'application/json;charset=UTF-8', body: '' });
		} else if (result.status >= 200 && result.status < 300 && faults.config.malformedJson) {
			finish({ status: result.status, contentType: 'application/json;charset=UTF-8', body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) });
		} else {
			finish({ status: result.status, contentType: 'application/json;charset=UTF-8', body: text });
		}
	};

	const server = createServer((request, response) => {
		const method = (request.method ?? 'GET').toUpperCase();
		const rawUrl = request.url ?? '/';
		const questionMark = rawUrl.indexOf('?');
		const path = questionMark === -1 ? rawUrl : rawUrl.slice(0, questionMark);
		const query = questionMark === -1 ? '' : rawUrl.slice(questionMark + 1);
		void (async (): Promise<void> => {
			try {
				const bodyText = await readBody(request);
				if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
					send(response, await handleControl(method, path, bodyText));
				} else {
					await handleApi(request, response, method, path, query, bodyText);
				}
			} catch (caught) {
				if (response.headersSent || response.destroyed) return;
				if (caught instanceof SandboxApiError) {
					send(response, json(caught.status, { code: caught.status, message: caught.message, transactionId: nextTransactionId() }));
				} else {
					log(`sandbox internal error: ${caught instanceof Error ? caught.message : String(caught)}`);
					send(response, json(500, { code: 500, message: 'Internal Server Error', transactionId: nextTransactionId() }));
				}
			}
		})();
	});
	server.keepAliveTimeout = 5_000;
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	const requestedPort = opts.port ?? DEFAULT_SANDBOX_PORT;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(requestedPort, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : requestedPort;

	const sandbox: RunningSandbox = {
		url: `http://127.0.0.1:${port}`,
		port,
		accessKey: account.accessKey,
		secretKey: account.secretKey,
		vendorId: account.vendorId,
		store,
		requestLog: () => requestLog.map((entry) => ({ ...entry })),
		clearRequestLog: () => {
			requestLog = [];
		},
		setFaults: (partial) => faults.set(partial),
		clearFaults: () => faults.clear(),
		setClock: (now) => {
			clockOffsetMs = now === null ? 0 : now.getTime() - Date.now();
		},
		now: () => new Date(nowMs()),
		stop: async () => {
			stopping = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			for (const socket of sockets) socket.destroy();
			await closed;
		},
	};
	return sandbox;
}
