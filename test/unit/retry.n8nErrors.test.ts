/**
 * The classifier and the retry loop against the errors n8n 2.41 really throws: requests go through n8n-core's
 * `httpRequestWithAuthentication` (what routing-node's `rawRoutingRequest` calls for `makeRoutingRequest`, and
 * what the trigger calls) to a tiny local server that answers 429 with Retry-After, 5xx, drops the socket, or
 * is too slow.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { httpRequestWithAuthentication } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication';
import { sleep, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { Pacer } from '../../nodes/Coupang/core/pace';
import { classifyRequestError, CoupangRequestError, sendWithRetries, type PipelineDeps } from '../../nodes/Coupang/core/retry';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const json = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
	response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
	response.end(JSON.stringify(body));
};

const routes: Record<string, Handler> = {
	'/ok': (_request, response) => json(response, 200, { code: 200, message: 'OK', data: [] }),
	'/429-seconds': (_request, response) => json(response, 429, { code: 429, message: 'Too many requests', transactionId: 't1' }, { 'Retry-After': '2' }),
	'/429-date': (_request, response) =>
		json(response, 429, { code: 429, message: 'Too many requests', transactionId: 't2' }, { 'Retry-After': new Date(Date.now() + 7000).toUTCString() }),
	'/503-json': (_request, response) => json(response, 503, { code: 503, message: 'Service Unavailable', transactionId: 't3' }),
	'/503-html': (_request, response) => {
		response.writeHead(503, { 'Content-Type': 'text/html' });
		response.end('<html><head><title>503</title></head><body><h1>Service Unavailable</h1></body></html>');
	},
	'/500': (_request, response) => json(response, 500, { code: 500, message: 'Internal Server Error', transactionId: 't4' }),
	'/504': (_request, response) => json(response, 504, { code: 504, message: 'Gateway Timeout', transactionId: 't5' }),
	'/400': (_request, response) => json(response, 400, { code: 400, message: 'Invalid vendor ID', transactionId: 't6' }),
	'/401': (_request, response) => json(response, 401, { code: 401, message: 'Invalid signature.', transactionId: 't7' }),
	'/404': (_request, response) => json(response, 404, { code: 404, message: 'Inquiry not found', transactionId: 't8' }),
	'/drop': (request) => request.socket.destroy(),
	'/slow': (_request, response) => {
		setTimeout(() => json(response, 200, {}), 1500).unref();
	},
};

let server: http.Server;
let baseUrl: string;
let refusedUrl: string;
/** Per path: how many requests arrived, and a script of statuses for /flaky-… paths. */
const arrivals = new Map<string, number>();
const flakyScripts = new Map<string, number[]>();

beforeAll(async () => {
	server = http.createServer((request, response) => {
		const path = (request.url ?? '').split('?')[0];
		arrivals.set(path, (arrivals.get(path) ?? 0) + 1);
		request.resume();
		const script = flakyScripts.get(path);
		if (script) {
			const status = script.shift() ?? 200;
			if (status === 0) request.socket.destroy();
			else if (status === 200) json(response, 200, { code: 200, message: 'OK', data: { path } });
			else json(response, status, { code: status, message: status === 429 ? 'Too many requests' : 'Service Unavailable' }, status === 429 ? { 'Retry-After': '1' } : {});
			return;
		}
		(routes[path] ?? ((_request: http.IncomingMessage, reply: http.ServerResponse) => json(reply, 404, { message: 'no route' })))(request, response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const closed = http.createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/nothing`;
	await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

const node: INode = { id: 'n1', name: 'Coupang', type: 'n8n-nodes-coupang.coupang', typeVersion: 1, position: [0, 0], parameters: {} };

/** Calls n8n-core's httpRequestWithAuthentication like rawRoutingRequest does (returnFullResponse, credentials given). */
async function n8nRequest(url: string, method: 'GET' | 'POST' = 'GET', timeout = 5000): Promise<unknown> {
	const context = { getNode: () => node, helpers: {}, logger: { warn: () => undefined } };
	const additionalData = {
		credentialsHelper: {
			getParentTypes: () => [],
			preAuthentication: async () => undefined,
			authenticate: async (_credentials: unknown, _type: string, options: IHttpRequestOptions) => ({
				...options,
				headers: { ...options.headers, Authorization: 'CEA algorithm=HmacSHA256, access-key=test, signed-date=x, signature=y', 'X-Requested-By': 'A00012345' },
			}),
		},
	};
	const options: IHttpRequestOptions = { url, method, json: true, returnFullResponse: true, timeout, ...(method === 'POST' ? { body: { content: 'Thank you' } } : {}) };
	const call = httpRequestWithAuthentication as unknown as (
		this: unknown,
		credentialsType: string,
		requestOptions: IHttpRequestOptions,
		workflow: unknown,
		node: INode,
		additionalData: unknown,
		additionalCredentialOptions: unknown,
	) => Promise<unknown>;
	return await call.call(context, 'coupangApi', options, {}, node, additionalData, {
		credentialsDecrypted: { id: 'c1', name: 'Coupang', type: 'coupangApi', data: {} },
	});
}

async function thrownBy(work: Promise<unknown>): Promise<unknown> {
	try {
		await work;
	} catch (error) {
		return error;
	}
	throw new Error('expected the request to fail');
}

describe('classifyRequestError on what n8n-core 2.41 throws', () => {
	it('succeeds on 200 (the harness really talks HTTP)', async () => {
		const response = (await n8nRequest(`${baseUrl}/ok`)) as { statusCode: number; body: unknown };
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual({ code: 200, message: 'OK', data: [] });
	});

	it('429 with Retry-After in seconds: NodeApiError(httpCode "429") → retryable, write-safe, 2000 ms', async () => {
		const error = await thrownBy(n8nRequest(`${baseUrl}/429-seconds`));
		expect((error as Error).constructor.name).toBe('NodeApiError');
		expect(classifyRequestError(error)).toEqual({
			retryable: true,
			writeSafe: true,
			holdsSeller: true,
			status: 429,
			retryAfterMs: 2000,
			message: 'Too many requests',
			description: 'HTTP 429: Too many requests',
		});
	});

	it('429 with Retry-After as an HTTP date', async () => {
		const error = await thrownBy(n8nRequest(`${baseUrl}/429-date`));
		const { retryAfterMs } = classifyRequestError(error, Date.now());
		expect(retryAfterMs).toBeGreaterThan(4000);
		expect(retryAfterMs).toBeLessThanOrEqual(7000);
	});

	it.each([
		['/503-json', 503, 'Service Unavailable'],
		['/503-html', 503, '503 Service Unavailable'],
		['/500', 500, 'Internal Server Error'],
		['/504', 504, 'Gateway Timeout'],
	])('%s → retryable for reads, not for writes, with the status and message', async (path, status, message) => {
		const error = await thrownBy(n8nRequest(`${baseUrl}${path}`));
		expect(classifyRequestError(error)).toMatchObject({ retryable: true, writeSafe: false, status, message });
	});

	it.each([
		['/400', 400, 'Invalid vendor ID'],
		['/401', 401, 'Invalid signature.'],
		['/404', 404, 'Inquiry not found'],
	])('%s → not retryable, Coupang message kept', async (path, status, message) => {
		const error = await thrownBy(n8nRequest(`${baseUrl}${path}`));
		expect(classifyRequestError(error)).toMatchObject({ retryable: false, status, message });
	});

	it('a dropped socket (socket hang up, ECONNRESET) → retryable, not write-safe', async () => {
		const error = await thrownBy(n8nRequest(`${baseUrl}/drop`));
		expect((error as { httpCode?: string }).httpCode).toBe('ECONNRESET');
		expect(classifyRequestError(error)).toMatchObject({ retryable: true, writeSafe: false, networkCode: 'ECONNRESET', message: 'socket hang up' });
	});

	it('a timeout (axios ECONNABORTED) → retryable, not write-safe', async () => {
		const error = await thrownBy(n8nRequest(`${baseUrl}/slow`, 'GET', 200));
		expect(classifyRequestError(error)).toMatchObject({ retryable: true, writeSafe: false, networkCode: 'ECONNABORTED' });
	});

	it('connection refused → retryable and write-safe (nothing was sent)', async () => {
		const error = await thrownBy(n8nRequest(refusedUrl));
		expect(classifyRequestError(error)).toMatchObject({ retryable: true, writeSafe: true, networkCode: 'ECONNREFUSED' });
	});
});

describe('sendWithRetries around n8n-core requests (real clock, n8n-workflow sleep)', () => {
	const realDeps: PipelineDeps = { now: () => Date.now(), sleep, random: () => Math.random() };
	const fast = { baseDelayMs: 5, maxDelayMs: 20 };

	it('a read survives 503, a dropped socket and a 429 (Retry-After 1 s), 4 requests in all', async () => {
		flakyScripts.set('/flaky-read', [503, 0, 429, 200]);
		const started = Date.now();
		const response = (await sendWithRetries(async () => await n8nRequest(`${baseUrl}/flaky-read`), { ...fast, holdMs: 1000 }, realDeps, new Pacer(8, realDeps))) as {
			body: { data: { path: string } };
		};
		expect(response.body.data.path).toBe('/flaky-read');
		expect(arrivals.get('/flaky-read')).toBe(4);
		expect(Date.now() - started).toBeGreaterThanOrEqual(990);
	});

	it('a write answered 503 is sent once and fails with the try count, status and Coupang message', async () => {
		flakyScripts.set('/flaky-write', [503, 200]);
		const error = await thrownBy(
			sendWithRetries(async () => await n8nRequest(`${baseUrl}/flaky-write`, 'POST'), { ...fast, isWrite: true }, realDeps, new Pacer(8, realDeps)),
		);
		expect(arrivals.get('/flaky-write')).toBe(1);
		expect(error).toBeInstanceOf(CoupangRequestError);
		expect((error as Error).message).toBe('Coupang request failed after 1 try (HTTP 503): Service Unavailable');
		expect((error as CoupangRequestError).httpCode).toBe('503');
	});

	it('gives up after maxTries with the last status and message', async () => {
		flakyScripts.set('/always-503', [503, 503, 503, 503, 503]);
		const error = await thrownBy(
			sendWithRetries(async () => await n8nRequest(`${baseUrl}/always-503`), { ...fast, maxTries: 3 }, realDeps, new Pacer(8, realDeps)),
		);
		expect(arrivals.get('/always-503')).toBe(3);
		expect((error as Error).message).toBe('Coupang request failed after 3 tries (HTTP 503): Service Unavailable');
	});

	it('400 is not retried and the original NodeApiError comes back', async () => {
		const before = arrivals.get('/400') ?? 0;
		const error = await thrownBy(sendWithRetries(async () => await n8nRequest(`${baseUrl}/400`), fast, realDeps, new Pacer(8, realDeps)));
		expect(arrivals.get('/400')).toBe(before + 1);
		expect((error as Error).constructor.name).toBe('NodeApiError');
		expect((error as { description?: string }).description).toBe('Invalid vendor ID');
	});
});
