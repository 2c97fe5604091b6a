/**
 * A loopback TCP proxy that adds network latency, for benches and tests: `startLatencyProxy({ targetPort,
 * oneWayDelayMs })` listens on 127.0.0.1 (port 0 = a free port) and relays to 127.0.0.1:targetPort.
 *
 * Model (pure latency, unlimited bandwidth): every chunk, either way, is delivered `oneWayDelayMs` after it arrived,
 * in order, so a request/response round trip costs 2 × oneWayDelayMs (the RTT). A NEW connection carries no data
 * for `handshakeRoundTrips` extra round trips (default 1, standing in for TLS 1.3's handshake; TCP's own SYN round
 * trip is not modelled, so a real new HTTPS connection costs at least one round trip more). An end (FIN) travels
 * like data; a reset from one side resets the other after the delay. Counts connections and bytes; `stop()` closes
 * everything at once.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LatencyProxyOptions {
	targetPort: number;
	targetHost?: string;
	/** Added to every chunk in each direction; the round trip is twice this. Default 0. */
	oneWayDelayMs?: number;
	/** Extra round trips before a new connection carries data. Default 1. */
	handshakeRoundTrips?: number;
	/** Port to listen on; 0 (default) = a free port. */
	port?: number;
}

export interface LatencyProxyStats {
	/** Connections accepted since start (each paid the handshake). */
	connections: number;
	/** Connections not yet closed on both sides. */
	open: number;
	/** Bytes received from clients (relayed to the target). */
	bytesToTarget: number;
	/** Bytes received from the target (relayed to clients). */
	bytesFromTarget: number;
}

export interface LatencyProxy {
	url: string;
	port: number;
	oneWayDelayMs: number;
	/** 2 × oneWayDelayMs. */
	rttMs: number;
	/** A copy of the counters. */
	stats(): LatencyProxyStats;
	stop(): Promise<void>;
}

type Item = Buffer | 'end' | 'reset';

/** One direction of a connection: items leave in arrival order, each `delayMs` after max(arrival, opensAt). */
class DelayedPipe {
	private readonly queue: Array<{ at: number; item: Item }> = [];
	private timer: NodeJS.Timeout | undefined;
	private waitingForDrain = false;

	constructor(
		private readonly from: Socket,
		private readonly to: Socket,
		private readonly delayMs: number,
		private readonly opensAt: number,
	) {}

	push(item: Item): void {
		this.queue.push({ at: Math.max(performance.now(), this.opensAt) + this.delayMs, item });
		if (this.queue.length === 1) this.flush();
	}

	cancel(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.queue.length = 0;
	}

	private flush(): void {
		this.timer = undefined;
		while (this.queue.length > 0 && this.queue[0].at <= performance.now()) this.deliver(this.queue.shift()!.item);
		if (this.queue.length > 0) this.timer = setTimeout(() => this.flush(), Math.ceil(this.queue[0].at - performance.now()));
	}

	private deliver(item: Item): void {
		if (this.to.destroyed) return;
		if (item === 'reset') this.to.resetAndDestroy();
		else if (item === 'end') this.to.end();
		else if (!this.to.write(item) && !this.waitingForDrain) {
			// Backpressure: stop reading the source until the other side drained.
			this.waitingForDrain = true;
			this.from.pause();
			this.to.once('drain', () => {
				this.waitingForDrain = false;
				this.from.resume();
			});
		}
	}
}

interface Relay {
	client: Socket;
	target: Socket;
	pipes: DelayedPipe[];
}

class LatencyProxyServer {
	private readonly relays = new Set<Relay>();
	private readonly counts: LatencyProxyStats = { connections: 0, open: 0, bytesToTarget: 0, bytesFromTarget: 0 };
	readonly server: Server;

	constructor(private readonly options: Required<LatencyProxyOptions>) {
		this.server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => this.accept(client));
	}

	stats(): LatencyProxyStats {
		return { ...this.counts, open: this.relays.size };
	}

	async stop(): Promise<void> {
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		for (const relay of this.relays) this.close(relay);
		await closed;
	}

	private accept(client: Socket): void {
		const { targetHost, targetPort, oneWayDelayMs, handshakeRoundTrips } = this.options;
		this.counts.connections++;
		const target = connect({ host: targetHost, port: targetPort, allowHalfOpen: true, noDelay: true });
		const opensAt = performance.now() + handshakeRoundTrips * 2 * oneWayDelayMs;
		const up = new DelayedPipe(client, target, oneWayDelayMs, opensAt);
		const down = new DelayedPipe(target, client, oneWayDelayMs, 0);
		const relay: Relay = { client, target, pipes: [up, down] };
		this.relays.add(relay);
		this.wire(client, up, (bytes) => (this.counts.bytesToTarget += bytes));
		this.wire(target, down, (bytes) => (this.counts.bytesFromTarget += bytes));
		const closedOne = (): void => {
			if (client.destroyed && target.destroyed) this.close(relay);
		};
		client.on('close', closedOne);
		target.on('close', closedOne);
	}

	/** Data, end and errors of `source` go into `pipe`, towards the other side. */
	private wire(source: Socket, pipe: DelayedPipe, count: (bytes: number) => void): void {
		source.on('data', (chunk: Buffer) => {
			count(chunk.length);
			pipe.push(chunk);
		});
		source.on('end', () => pipe.push('end'));
		source.on('error', () => pipe.push('reset'));
		// Both sides ended: nothing more can flow, free the socket.
		source.on('finish', () => source.readableEnded && source.destroy());
		source.on('end', () => source.writableFinished && source.destroy());
	}

	private close(relay: Relay): void {
		for (const pipe of relay.pipes) pipe.cancel();
		relay.client.destroy();
		relay.target.destroy();
		this.relays.delete(relay);
	}
}

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
	const settings: Required<LatencyProxyOptions> = { targetHost: '127.0.0.1', oneWayDelayMs: 0, handshakeRoundTrips: 1, port: 0, ...options };
	if (!(settings.oneWayDelayMs >= 0) || !(settings.handshakeRoundTrips >= 0)) throw new Error('latency proxy: delays must be ≥ 0');
	const proxy = new LatencyProxyServer(settings);
	await new Promise<void>((resolve, reject) => {
		proxy.server.once('error', reject);
		proxy.server.listen(settings.port, '127.0.0.1', () => resolve());
	});
	const address = proxy.server.address();
	const port = typeof address === 'object' && address !== null ? address.port : settings.port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		oneWayDelayMs: settings.oneWayDelayMs,
		rttMs: 2 * settings.oneWayDelayMs,
		stats: () => proxy.stats(),
		stop: () => proxy.stop(),
	};
}
