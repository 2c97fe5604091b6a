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
	/** Most requests in flight at once (granted and not yet released); default unlimited. */
	maxInFlight?: number;
}

/** Coupang throttled this seller (429, or a 403 block page): nothing of it is sent before `until`. */
export interface ThrottleHold {
	/** When the first refusal of this hold came. */
	since: number;
	until: number;
	/** The HTTP status that started it. */
	status: number;
}

/** A start refused because the seller is held for longer than the caller can wait. Nothing was sent. */
export class SellerHeldError extends Error {
	constructor(
		readonly hold: ThrottleHold,
		readonly now: number,
		/** This request itself was refused (429) before the hold stopped it: a write was not applied. */
		readonly afterRefusal = false,
	) {
		super(`Coupang throttled this seller (HTTP ${hold.status}); requests resume in ${Math.ceil((hold.until - now) / 1000)} s`);
		this.name = 'SellerHeldError';
	}
}

export interface AcquireOptions {
	/** Longest throttle hold this caller waits out; a longer one throws SellerHeldError at once. Default: any. */
	maxHoldWaitMs?: number;
	/** Passed on to SellerHeldError: this request was refused by the throttle before. */
	afterRefusal?: boolean;
	/** Once aborted, the caller gives up its place (RequestCancelledError) instead of starting. */
	signal?: AbortSignal;
}

/** A start given up because its signal aborted (the execution stopped, or a sibling request failed). */
export class RequestCancelledError extends Error {
	constructor() {
		super('Request cancelled before it was sent');
		this.name = 'RequestCancelledError';
	}
}

/** Given back by `acquire`: call it when the request has its answer (or failed), after reporting a throttle. */
export type Release = () => void;

export class Pacer {
	private limit: number;
	private readonly windowMs: number;
	private readonly spacing: 'even' | 'burst';
	private readonly maxInFlight: number;
	/** Times of the most recent granted starts, ascending; at most `limit` are kept. */
	private starts: number[] = [];
	/** Nobody starts before this time. */
	private heldUntil = Number.NEGATIVE_INFINITY;
	/** The current throttle; kept after `until` until a probe got through. */
	private throttle: ThrottleHold | undefined;
	/** After a throttle hold, one request goes alone (the probe); the others wait for its answer. */
	private probeNext = false;
	private probe: Promise<void> | undefined;
	private inFlight = 0;
	private slotFreed: Array<() => void> = [];
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
		this.maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
	}

	get requestsPerSecond(): number {
		return this.limit;
	}

	/** Callers queued or waiting for a start right now. */
	get pending(): number {
		return this.waiting;
	}

	/** The throttle hold in force (or awaiting its probe), if any. */
	get hold(): ThrottleHold | undefined {
		return this.throttle;
	}

	/** Changes the pace; takes effect for the next start that is granted. */
	setRequestsPerSecond(requestsPerSecond: number): void {
		this.limit = checkRate(requestsPerSecond);
	}

	/** No start is granted before `time` (a later hold wins over an earlier one). */
	holdUntil(time: number): void {
		if (time > this.heldUntil) this.heldUntil = time;
	}

	/**
	 * Coupang throttled this seller at `now`: hold everyone for `holdMs`. A hold is only ever lengthened, and the
	 * first request after it goes alone, so at most one request per process meets a block that is still on.
	 */
	throttled(status: number, now: number, holdMs: number): ThrottleHold {
		const until = Math.max(now + holdMs, this.throttle?.until ?? Number.NEGATIVE_INFINITY);
		this.throttle = { since: this.throttle?.since ?? now, until, status: this.throttle?.status ?? status };
		this.holdUntil(until);
		this.probeNext = true;
		return this.throttle;
	}

	/**
	 * Resolves when this caller may start its request; the start is counted at that moment. A caller that cannot
	 * wait out the hold in force is refused at once, not after its turn in the queue.
	 */
	async acquire(options: AcquireOptions = {}): Promise<Release> {
		this.refuseIfHeldTooLong(options);
		this.waiting++;
		const turn = this.queue.then(async () => await this.waitForSlot(options));
		this.queue = turn.then(
			() => undefined,
			() => undefined,
		);
		try {
			return await turn;
		} finally {
			this.waiting--;
		}
	}

	private refuseIfHeldTooLong(options: AcquireOptions): number {
		const now = this.readClock();
		const throttle = this.throttle;
		if (throttle && now < throttle.until && throttle.until - now > (options.maxHoldWaitMs ?? Number.POSITIVE_INFINITY)) {
			throw new SellerHeldError(throttle, now, options.afterRefusal);
		}
		return now;
	}

	private async waitForSlot(options: AcquireOptions): Promise<Release> {
		for (;;) {
			if (options.signal?.aborted) throw new RequestCancelledError();
			const now = this.refuseIfHeldTooLong(options);
			if (this.probe) {
				await this.probe;
				continue;
			}
			if (this.inFlight >= this.maxInFlight) {
				await new Promise<void>((resolve) => this.slotFreed.push(resolve));
				continue;
			}
			const readyAt = Math.max(this.heldUntil, this.windowFreeAt(), this.evenSpacingFreeAt());
			if (readyAt <= now) return this.grant(now);
			await this.deps.sleep(Math.ceil(readyAt - now));
		}
	}

	private grant(now: number): Release {
		this.starts.push(now);
		if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
		this.inFlight++;
		let endProbe: (() => void) | undefined;
		if (this.probeNext) {
			this.probeNext = false;
			this.probe = new Promise<void>((resolve) => (endProbe = resolve));
		}
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.slotFreed.shift()?.();
			if (endProbe) {
				this.probe = undefined;
				// The probe got an answer that did not throttle again: the hold is over.
				if (!this.probeNext) this.throttle = undefined;
				endProbe();
			}
		};
	}

	/** Now; a clock that jumped backwards moves what we remember by the same amount, keeping its spacing. */
	private readClock(): number {
		const now = this.deps.now();
		if (now < this.lastSeen) {
			const jump = this.lastSeen - now;
			this.starts = this.starts.map((start) => start - jump);
			this.heldUntil -= jump;
			if (this.throttle) this.throttle = { ...this.throttle, since: this.throttle.since - jump, until: this.throttle.until - jump };
		}
		this.lastSeen = now;
		return now;
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
	get(key: string, requestsPerSecond: number, deps: Clock, options: Pick<PacerOptions, 'maxInFlight'> = {}): Pacer {
		const existing = this.pacers.get(key);
		if (existing) {
			if (existing.requestsPerSecond !== requestsPerSecond) existing.setRequestsPerSecond(requestsPerSecond);
			return existing;
		}
		const pacer = new Pacer(requestsPerSecond, deps, options);
		this.pacers.set(key, pacer);
		return pacer;
	}

	peek(key: string): Pacer | undefined {
		return this.pacers.get(key);
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
export function getPacer(key: string, requestsPerSecond: number, deps: Clock, options: Pick<PacerOptions, 'maxInFlight'> = {}): Pacer {
	return sharedPacers.get(key, requestsPerSecond, deps, options);
}

/** The throttle hold of a seller in this process, if any. */
export function heldSeller(key: string): ThrottleHold | undefined {
	return sharedPacers.peek(key)?.hold;
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
