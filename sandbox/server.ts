// HTTP plumbing: listen on 127.0.0.1, read the body, send answers, track sockets and delays so stop() is prompt.
// What to answer is the handler's business (the gateway).

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { SandboxApiError } from './errors';

const MAX_BODY_BYTES = 1024 * 1024;

export interface Reply {
	status: number;
	contentType: string;
	body: string;
	headers?: Record<string, string>;
}

/** One request and the ways to answer it. */
export interface Exchange {
	method: string;
	/** Path exactly as in the request line. */
	path: string;
	/** Raw query exactly as in the request line, without '?'; '' when none. */
	query: string;
	headers: IncomingHttpHeaders;
	body: string;
	/** The client's address as the gateway sees it (a proxy's, when the request came through one). */
	remoteAddress: string | undefined;
	send(reply: Reply): void;
	/** Destroys the connection without an answer. */
	drop(): void;
	/** A delay that stop() cancels: the request then never goes on. */
	wait(ms: number): Promise<void>;
	/** True once stop() has begun. */
	stopping(): boolean;
}

export interface ExchangeHandler {
	handle(exchange: Exchange): Promise<void>;
	/** The answer when reading or handling a request threw (body too large, a bug). */
	replyToError(caught: unknown): Reply;
}

export interface RunningServer {
	port: number;
	stop(): Promise<void>;
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

function send(response: ServerResponse, reply: Reply): void {
	const body = Buffer.from(reply.body, 'utf8');
	response.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Content-Length': body.length, ...(reply.headers ?? {}) });
	response.end(body);
}

class SandboxServer {
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private stopping = false;
	private readonly server = createServer((request, response) => void this.serve(request, response));

	constructor(private readonly handler: ExchangeHandler) {
		this.server.keepAliveTimeout = 5_000;
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	async listen(port: number): Promise<number> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		const address = this.server.address();
		return typeof address === 'object' && address !== null ? address.port : port;
	}

	async stop(): Promise<void> {
		this.stopping = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const method = (request.method ?? 'GET').toUpperCase();
		const rawUrl = request.url ?? '/';
		const questionMark = rawUrl.indexOf('?');
		const path = questionMark === -1 ? rawUrl : rawUrl.slice(0, questionMark);
		const query = questionMark === -1 ? '' : rawUrl.slice(questionMark + 1);
		try {
			const body = await readBody(request);
			await this.handler.handle({
				method,
				path,
				query,
				headers: request.headers,
				body,
				remoteAddress: request.socket.remoteAddress,
				send: (reply) => send(response, reply),
				drop: () => request.socket.destroy(),
				wait: (ms) => this.wait(ms),
				stopping: () => this.stopping,
			});
		} catch (caught) {
			if (response.headersSent || response.destroyed) return;
			send(response, this.handler.replyToError(caught));
		}
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}
}

/** Listens on 127.0.0.1:`port` (0 = a free port). */
export async function serveHttp(port: number, handler: ExchangeHandler): Promise<RunningServer> {
	const server = new SandboxServer(handler);
	const boundPort = await server.listen(port);
	return { port: boundPort, stop: () => server.stop() };
}
