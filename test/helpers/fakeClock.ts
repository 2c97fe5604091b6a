/**
 * A deterministic virtual clock for the request pipeline: `sleep` registers a timer, `run` lets promises settle
 * and then jumps straight to the next timer, so thousands of paced requests take milliseconds of real time.
 */
export class FakeClock {
	private time: number;
	private sequence = 0;
	private timers: Array<{ at: number; sequence: number; resolve: () => void }> = [];
	/** Every sleep asked for, in order (ms). */
	readonly sleeps: number[] = [];

	constructor(start = 1_750_000_000_000) {
		this.time = start;
	}

	readonly now = (): number => this.time;

	readonly sleep = async (ms: number): Promise<void> => {
		this.sleeps.push(ms);
		await new Promise<void>((resolve) => {
			this.timers.push({ at: this.time + Math.max(0, ms), sequence: this.sequence++, resolve });
		});
	};

	/** Moves the clock without firing timers (e.g. a clock that jumps backwards). */
	set(time: number): void {
		this.time = time;
	}

	get pendingTimers(): number {
		return this.timers.length;
	}

	/** Lets every pending promise callback run (setImmediate runs after the microtask queue is empty). */
	async settle(): Promise<void> {
		await new Promise<void>((resolve) => setImmediate(resolve));
	}

	/** Runs virtual time until `work` settles; fails if it can never settle (no timers left). */
	async run<T>(work: Promise<T>, maxSteps = 1_000_000): Promise<T> {
		let done = false;
		const tracked = work.finally(() => {
			done = true;
		});
		tracked.catch(() => undefined);
		for (let step = 0; step < maxSteps; step++) {
			await this.settle();
			if (done) return await tracked;
			if (this.timers.length === 0) throw new Error('FakeClock: work is stuck with no timer pending');
			this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
			const next = this.timers[0];
			this.time = Math.max(this.time, next.at);
			const due = this.timers.filter((timer) => timer.at <= this.time);
			this.timers = this.timers.filter((timer) => timer.at > this.time);
			for (const timer of due) timer.resolve();
		}
		throw new Error('FakeClock: too many steps');
	}
}
