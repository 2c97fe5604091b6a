/**
 * The pace of a seller's requests: at most N request starts within any sliding window (default 1 s), first come,
 * first served, shared by every node, trigger and execution of this n8n process (one pacer per `pacerKey`).
 *
 * Coupang's gateway counts the requests that ARRIVE within any sliding second. A start is recorded at the moment it
 * is granted, on the same clock, so a late wake-up cannot squeeze more starts into a window. Starts are also spread
 * evenly by default (at least floor(windowMs/N) ms apart): with bursts of N spaced one window apart, a few ms of
 * network jitter put more than N arrivals into one of the gateway's windows (bench/pacing.bench.ts).
 *
 * Pure: the clock and the sleep are injected (node code passes n8n-workflow's `sleep`).
 */

export interface Clock {
	/** Milliseconds, e.g. `Date.now`. */
	now: () => number;
	/** Resolves after about `ms` milliseconds. */
	sleep: (ms: number) => Promise<void>;
}


/** Sliding-window pace: at most `limit` starts within any `windowMs`, first come first served. */
export interface PacerOptions {
	/** Length of the sliding window; default 1000 ms. */
	windowMs?: number;
	/**
	 * 'even' (default): also at least floor(windowMs/N) ms between starts (whole ms: it never needs a clock finer
	 * than ms, and at very high rates it is 0). 'burst': N may start at once. The window rule holds either way.
	 */
	spacing?: 'even' | 'burst';
}

export class Pacer {
	private limit: number;
	private readonly windowMs: number;
	private readonly spacing: 'even' | 'burst';
	/** Times of the most recent granted starts, ascending; at most `limit` are kept. */
	private starts: number[] = [];
	/** Nobody starts before this time (set after a 429). */
	private heldUntil = Number.NEGATIVE_INFINITY;
	/** Tail of the queue of waiting callers. */
	private queue: Promise<void> = Promise.resolve();
	private waiting = 0;
	/** Latest clock reading, to notice a clock that jumped backwards. */
	private lastSeen = Number.NEGATIVE_INFINITY;

	constructor(
		requestsPerSecond: number,
		private readonly deps: Clock,
		options: PacerOptions = {},
	) {
		this.limit = checkRate(requestsPerSecond);
		const windowMs = options.windowMs ?? 1000;
		if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
		this.windowMs = windowMs;
		this.spacing = options.spacing ?? 'even';
	}

	get requestsPerSecond(): number {
		return this.limit;
	}

	/** Callers queued or waiting for a start right now. */
	get pending(): number {
		return this.waiting;
	}

	/** Changes the pace; takes effect for the next start that is granted. */
	setRequestsPerSecond(requestsPerSecond: number): void {
		this.limit = checkRate(requestsPerSecond);
	}

	/** No start is granted before `time` (a later hold wins over an earlier one). */
	holdUntil(time: number): void {
		if (time > this.heldUntil) this.heldUntil = time;
	}

	/** Resolves when this caller may start its request; the start is counted at that moment. */
	async acquire(): Promise<void> {
		this.waiting++;
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.catch(() => undefined);
		try {
			await turn;
		} finally {
			this.waiting--;
		}
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const now = this.deps.now();
			// A clock that jumped backwards: move what we remember by the same amount, keeping its spacing, so
			// nobody waits for the old timeline and the window still holds in the new one.
			if (now < this.lastSeen) {
				const jump = this.lastSeen - now;
				this.starts = this.starts.map((start) => start - jump);
				this.heldUntil -= jump;
			}
			this.lastSeen = now;
			const readyAt = Math.max(this.heldUntil, this.windowFreeAt(), this.evenSpacingFreeAt());
			if (readyAt <= now) {
				this.starts.push(now);
				if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
				return;
			}
			await this.deps.sleep(Math.ceil(readyAt - now));
		}
	}

	/** Earliest start that keeps the even spacing after the latest start. */
	private evenSpacingFreeAt(): number {
		if (this.spacing !== 'even' || this.starts.length === 0) return Number.NEGATIVE_INFINITY;
		return this.starts[this.starts.length - 1] + Math.floor(this.windowMs / this.limit);
	}

	/** Earliest time at which one more start keeps every window at `limit` starts or fewer. */
	private windowFreeAt(): number {
		if (this.starts.length < this.limit) return Number.NEGATIVE_INFINITY;
		return this.starts[this.starts.length - this.limit] + this.windowMs;
	}
}

function checkRate(requestsPerSecond: number): number {
	if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1)) {
		throw new RangeError(`requestsPerSecond must be a whole number of at least 1, got ${requestsPerSecond}`);
	}
	return requestsPerSecond;
}

/** A registry of pacers by key; the module keeps one (`getPacer`), tests make their own. */
export class PacerRegistry {
	private readonly pacers = new Map<string, Pacer>();

	/**
	 * The pacer of `key`, created on first use with these deps. A later call with another rate changes the
	 * shared pacer's rate (the latest configuration wins): one seller never gets two independent paces.
	 */
	get(key: string, requestsPerSecond: number, deps: Clock): Pacer {
		const existing = this.pacers.get(key);
		if (existing) {
			if (existing.requestsPerSecond !== requestsPerSecond) existing.setRequestsPerSecond(requestsPerSecond);
			return existing;
		}
		const pacer = new Pacer(requestsPerSecond, deps);
		this.pacers.set(key, pacer);
		return pacer;
	}

	get size(): number {
		return this.pacers.size;
	}

	clear(): void {
		this.pacers.clear();
	}
}

const sharedPacers = new PacerRegistry();

/** The module-wide pacer of a seller (see `pacerKey`), shared by the node and the trigger. */
export function getPacer(key: string, requestsPerSecond: number, deps: Clock): Pacer {
	return sharedPacers.get(key, requestsPerSecond, deps);
}

/** Test helper: forgets every shared pacer. */
export function resetSharedPacers(): void {
	sharedPacers.clear();
}

/**
 * Key of a seller's pace: Coupang counts requests per vendor, so two credentials of the same vendor (or the
 * node and the trigger) share one pace. Falls back to the access key when no vendor ID is known. No secrets.
 */
export function pacerKey(baseUrl: string, vendorId: string | undefined, accessKey?: string): string {
	const normalisedBase = baseUrl.trim().replace(/\/+$/, '').toLowerCase();
	const who = vendorId && vendorId.trim() !== '' ? `vendor:${vendorId.trim()}` : `access-key:${accessKey ?? ''}`;
	return `${normalisedBase}|${who}`;
}
