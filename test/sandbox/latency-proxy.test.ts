// The benches' latency proxy (bench/latencyProxy.ts): bytes relayed in order and counted, one connection per
// keep-alive client, a handshake round trip per new connection, the delay applied (lower bounds only: timers never
// fire early, but a loaded machine makes them late), and a clean stop.
import { Agent, createServer as createHttpServer, get, type Server as HttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import { startLatencyProxy } from '../../bench/latencyProxy';

/** Timers may fire up to about a millisecond before the nominal time (ms rounding). */
const SLACK_MS = 2;

async function listen<T extends Server | HttpServer>(server: T): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const address = server.address();
	return typeof address === 'object' && address !== null ? address.port : 0;
}

async function close(server: Server | HttpServer): Promise<void> {
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** GET / through `agent` (false = a new connection); the body and the elapsed ms. */
async function timedGet(port: number, agent: Agent | false): Promise<{ body: string; ms: number }> {
	const started = performance.now();
	const body = await new Promise<string>((resolve, reject) => {
		get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => resolve(text));
		}).on('error', reject);
	});
	return { body, ms: performance.now() - started };
}

/** Resolves when `socket` has received `length` bytes, or closed. */
async function receive(socket: Socket, length: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	return await new Promise<Buffer>((resolve) => {
		socket.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			size += chunk.length;
			if (size >= length) resolve(Buffer.concat(chunks));
		});
		socket.on('close', () => resolve(Buffer.concat(chunks)));
	});
}

describe('latency proxy (bench/latencyProxy.ts)', () => {
	let http: HttpServer;
	let httpPort: number;
	const sockets = new Set<Socket>();

	beforeAll(async () => {
		http = createHttpServer((_request, response) => response.end('ok'));
		http.keepAliveTimeout = 5_000;
		http.on('connection', (socket: Socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		httpPort = await listen(http);
	});

	afterAll(async () => {
		http.closeAllConnections();
		await close(http);
	});

	it('relays bytes both ways in order and counts them and the connection', async () => {
		const echo = createServer((socket) => socket.pipe(socket));
		const proxy = await startLatencyProxy({ targetPort: await listen(echo), oneWayDelayMs: 3 });
		try {
			const client = connect({ host: '127.0.0.1', port: proxy.port });
			const parts = Array.from({ length: 200 }, (_, index) => Buffer.alloc(1 + ((index * 37) % 500), index % 256));
			const sent = Buffer.concat(parts);
			const echoed = receive(client, sent.length);
			for (const part of parts) {
				client.write(part);
				if (parts.indexOf(part) % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
			}
			expect((await echoed).equals(sent)).toBe(true);
			client.destroy();
			expect(proxy.stats()).toMatchObject({ connections: 1, bytesToTarget: sent.length, bytesFromTarget: sent.length });
		} finally {
			await proxy.stop();
			await close(echo);
		}
	});

	it('keep-alive requests share one connection: the first pays the handshake and a round trip, the others a round trip', async () => {
		const proxy = await startLatencyProxy({ targetPort: httpPort, oneWayDelayMs: 25 });
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		try {
			const results = [];
			for (let index = 0; index < 4; index++) results.push(await timedGet(proxy.port, agent));
			expect(results.map((result) => result.body)).toEqual(['ok', 'ok', 'ok', 'ok']);
			expect(proxy.stats().connections).toBe(1);
			expect(results[0].ms).toBeGreaterThanOrEqual(2 * proxy.rttMs - 2 * SLACK_MS);
			for (const result of results.slice(1)) expect(result.ms).toBeGreaterThanOrEqual(proxy.rttMs - SLACK_MS);
		} finally {
			agent.destroy();
			await proxy.stop();
		}
	});

	it('a new connection per request (as n8n sends) pays the handshake every time; handshakeRoundTrips sets its cost', async () => {
		const proxy = await startLatencyProxy({ targetPort: httpPort, oneWayDelayMs: 20, handshakeRoundTrips: 2 });
		try {
			const results = [];
			for (let index = 0; index < 3; index++) results.push(await timedGet(proxy.port, false));
			expect(proxy.stats().connections).toBe(3);
			for (const result of results) expect(result.ms).toBeGreaterThanOrEqual(3 * proxy.rttMs - 2 * SLACK_MS);
			// Each one closes (the end travels both ways) and the proxy lets go of it.
			while (proxy.stats().open > 0) await new Promise((resolve) => setTimeout(resolve, 10));
		} finally {
			await proxy.stop();
		}
	});

	it('with no delay it only relays', async () => {
		const proxy = await startLatencyProxy({ targetPort: httpPort });
		try {
			expect(proxy.rttMs).toBe(0);
			expect((await timedGet(proxy.port, false)).body).toBe('ok');
			expect(proxy.stats()).toMatchObject({ connections: 1 });
		} finally {
			await proxy.stop();
		}
	});

	it("passes on a target's dropped connection (no answer) after the delay, as the sandbox's drop fault needs", async () => {
		const dropping = createHttpServer((request) => request.socket.destroy());
		const proxy = await startLatencyProxy({ targetPort: await listen(dropping), oneWayDelayMs: 10 });
		try {
			const started = performance.now();
			const outcome = await timedGet(proxy.port, false).then(
				() => 'answered',
				(error: NodeJS.ErrnoException) => error.code,
			);
			expect(outcome).toBe('ECONNRESET'); // Node's "socket hang up"
			expect(performance.now() - started).toBeGreaterThanOrEqual(2 * proxy.rttMs - 2 * SLACK_MS);
			while (proxy.stats().open > 0) await new Promise((resolve) => setTimeout(resolve, 10));
		} finally {
			await proxy.stop();
			await close(dropping);
		}
	});

	it('closes connections whose target refuses, and stop() closes open ones and frees the port', async () => {
		const refusing = createServer();
		const refusedPort = await listen(refusing);
		await close(refusing);
		const broken = await startLatencyProxy({ targetPort: refusedPort, oneWayDelayMs: 5 });
		const failed = await timedGet(broken.port, false).then(
			() => 'answered',
			() => 'failed',
		);
		expect(failed).toBe('failed');
		await broken.stop();

		const proxy = await startLatencyProxy({ targetPort: httpPort, oneWayDelayMs: 5 });
		const agent = new Agent({ keepAlive: true });
		await timedGet(proxy.port, agent); // leaves an idle keep-alive connection
		expect(proxy.stats().open).toBe(1);
		const clientClosed = new Promise<void>((resolve) => Object.values(agent.freeSockets).flat()[0]?.on('close', () => resolve()));
		await proxy.stop();
		await clientClosed;
		expect(proxy.stats().open).toBe(0);
		agent.destroy();
		const reuse = createServer();
		await new Promise<void>((resolve, reject) => reuse.once('error', reject).listen(proxy.port, '127.0.0.1', () => resolve()));
		await close(reuse);
	});
});
