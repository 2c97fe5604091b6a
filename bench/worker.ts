/**
 * Child processes for benches whose memory must not mix: each variant runs in its own Node process (tsx, with
 * --expose-gc), talks to the parent over IPC, and the parent (which runs the sandbox) reads the sandbox's request
 * log between the child's steps.
 */
import { spawn } from 'child_process';

export interface MemoryPeaks {
	/** process.resourceUsage().maxRSS at the end: the process's lifetime peak (imports and warm-up included), MiB. */
	maxRssMiB: number;
	/** Highest sampled RSS during the measured runs minus RSS just before them (after a GC), MiB. */
	rssDeltaMiB: number;
	/** Highest sampled heapUsed during the measured runs minus heapUsed just before them (after a GC), MiB. */
	heapDeltaMiB: number;
}

const MIB = 1024 * 1024;

/** Samples process.memoryUsage() every `intervalMs` from start() to stop(). */
export class MemorySampler {
	private rssBefore = 0;
	private heapBefore = 0;
	private rssPeak = 0;
	private heapPeak = 0;
	private timer: NodeJS.Timeout | undefined;

	start(intervalMs = 2): void {
		(globalThis as { gc?: () => void }).gc?.();
		const before = process.memoryUsage();
		this.rssBefore = this.rssPeak = before.rss;
		this.heapBefore = this.heapPeak = before.heapUsed;
		this.timer = setInterval(() => this.sample(), intervalMs);
	}

	sample(): void {
		const usage = process.memoryUsage();
		this.rssPeak = Math.max(this.rssPeak, usage.rss);
		this.heapPeak = Math.max(this.heapPeak, usage.heapUsed);
	}

	stop(): MemoryPeaks {
		this.sample();
		clearInterval(this.timer);
		return {
			maxRssMiB: (process.resourceUsage().maxRSS * 1024) / MIB,
			rssDeltaMiB: (this.rssPeak - this.rssBefore) / MIB,
			heapDeltaMiB: (this.heapPeak - this.heapBefore) / MIB,
		};
	}
}

/** In the child: the config the parent passed. */
export function workerConfig<T>(): T {
	const raw = process.env.BENCH_WORKER_CONFIG;
	if (raw === undefined) throw new Error('not started by runWorker');
	return JSON.parse(raw) as T;
}

/** In the child: sends `message` to the parent and waits for its answer. */
export async function askParent<T = unknown>(message: object): Promise<T> {
	if (!process.send) throw new Error('no IPC channel to the parent');
	const send = process.send.bind(process);
	return await new Promise<T>((resolve) => {
		process.once('message', (reply) => resolve(reply as T));
		send(message);
	});
}

/**
 * In the parent: runs `script` (a .ts file) in a child with `config`; answers each message with `handle`'s result.
 * Rejects when the child exits non-zero or outlives `timeoutMs` (then it is killed).
 */
export async function runWorker<Config>(
	script: string,
	config: Config,
	handle: (message: Record<string, unknown>) => unknown,
	timeoutMs = 180_000,
): Promise<void> {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		env: { ...process.env, BENCH_WORKER_CONFIG: JSON.stringify(config) },
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	child.on('message', (message) => {
		void Promise.resolve(handle(message as Record<string, unknown>)).then((reply) => {
			if (child.connected) child.send((reply ?? {}) as object);
		});
	});
	try {
		await new Promise<void>((resolve, reject) => {
			child.on('error', reject);
			child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${signal ?? code}`))));
		});
	} finally {
		clearTimeout(timer);
	}
}
