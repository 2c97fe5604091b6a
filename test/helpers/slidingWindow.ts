/**
 * The busiest window of `windowMs` among event times, counted as the sandbox's rate limit counts: the events in
 * (t − windowMs, t] for each event time t. Shared by the pipeline unit tests, the fault tests and the benchmarks.
 */
export function busiestWindow(times: number[], windowMs = 1000): { count: number; endsAt: number | undefined } {
	const sorted = [...times].sort((a, b) => a - b);
	let count = 0;
	let endsAt: number | undefined;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[first] <= sorted[last] - windowMs) first++;
		if (last - first + 1 > count) {
			count = last - first + 1;
			endsAt = sorted[last];
		}
	}
	return { count, endsAt };
}

/** How many events the busiest window of `windowMs` holds. */
export function maxInAnyWindow(times: number[], windowMs = 1000): number {
	return busiestWindow(times, windowMs).count;
}
