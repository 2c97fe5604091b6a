import fc from 'fast-check';

import { getPacer, Pacer, PacerRegistry, pacerKey, resetSharedPacers, SellerHeldError } from '../../nodes/Coupang/core/pace';
import { FakeClock } from '../helpers/fakeClock';
import { maxInAnyWindow as maxStartsInAnyWindow } from '../helpers/slidingWindow';

describe('pacer', () => {
	it.each([
		['burst' as const, 249_000],
		['even' as const, 249_875],
	])('never lets more than N starts into any sliding second over thousands of sequential requests (%s)', async (spacing, expectedSpan) => {
		const clock = new FakeClock();
		const pacer = new Pacer(8, clock, { spacing });
		const starts: number[] = [];
		await clock.run(
			(async () => {
				for (let index = 0; index < 2000; index++) {
					await pacer.acquire();
					starts.push(clock.now());
				}
			})(),
		);
		expect(maxStartsInAnyWindow(starts)).toBe(8);
		for (let index = 8; index < starts.length; index++) expect(starts[index] - starts[index - 8]).toBeGreaterThanOrEqual(1000);
		// Not slower than needed: bursts of 8 → 249 full seconds after the first burst; even → 1999 × 125 ms.
		expect(starts[starts.length - 1] - starts[0]).toBe(expectedSpan);
		if (spacing === 'even') for (let index = 1; index < starts.length; index++) expect(starts[index] - starts[index - 1]).toBe(125);
	});

	it('shares one pace between concurrent callers, in arrival order, with requests that take time', async () => {
		const clock = new FakeClock();
		const pacer = new Pacer(10, clock);
		const starts: Array<{ at: number; worker: number; index: number }> = [];
		const worker = async (id: number): Promise<void> => {
			for (let index = 0; index < 60; index++) {
				await pacer.acquire();
				starts.push({ at: clock.now(), worker: id, index });
				await clock.sleep(37 + ((id * 53 + index * 17) % 400));
			}
		};
		await clock.run(Promise.all(Array.from({ length: 25 }, async (_, id) => await worker(id))));
		expect(starts).toHaveLength(1500);
		expect(maxStartsInAnyWindow(starts.map((start) => start.at))).toBe(10);
		// 1500 starts at 10 per second need at least 149 s, and a shared FIFO pace gets close to that.
		const span = starts[starts.length - 1].at - starts[0].at;
		expect(span).toBeGreaterThanOrEqual(149_000);
		expect(span).toBeLessThan(152_000);
	});

	it('keeps the window for random rates, bursts and durations (property)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom<'even' | 'burst'>('even', 'burst'),
				fc.integer({ min: 1, max: 12 }),
				fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1500 })), { minLength: 1, maxLength: 60 }),
				async (spacing, rate, requests) => {
					const clock = new FakeClock(0);
					const pacer = new Pacer(rate, clock, { spacing });
					const starts: number[] = [];
					const all = requests.map(async ([arrivesAt, durationMs]) => {
						await clock.sleep(arrivesAt);
						await pacer.acquire();
						starts.push(clock.now());
						await clock.sleep(durationMs);
					});
					await clock.run(Promise.all(all));
					expect(starts).toHaveLength(requests.length);
					expect(maxStartsInAnyWindow(starts)).toBeLessThanOrEqual(rate);
				},
			),
			{ numRuns: 200 },
		);
	});

	it('lets a burst of N start at once, then waits for the window', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(3, clock, { spacing: 'burst' });
		const starts: number[] = [];
		await clock.run(
			Promise.all(
				Array.from({ length: 7 }, async () => {
					await pacer.acquire();
					starts.push(clock.now());
				}),
			),
		);
		expect(starts).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
	});

	it('by default spreads starts evenly (floor(windowMs/N) apart), the window still exact', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(3, clock);
		const starts: number[] = [];
		await clock.run(
			Promise.all(
				Array.from({ length: 7 }, async () => {
					await pacer.acquire();
					starts.push(clock.now());
				}),
			),
		);
		expect(starts).toEqual([0, 333, 666, 1000, 1333, 1666, 2000]);
	});

	it('even spacing never waits at rates above 1000/s, so a clock that stands still cannot stall it', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(1_000_000, clock);
		await clock.run(Promise.all(Array.from({ length: 500 }, async () => await pacer.acquire())));
		expect(clock.sleeps).toEqual([]);
	});

	it('even spacing restarts from a late caller instead of letting a backlog burst', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(4, clock);
		const starts: number[] = [];
		const arriveAt = async (time: number): Promise<void> => {
			await clock.sleep(time);
			await pacer.acquire();
			starts.push(clock.now());
		};
		await clock.run(Promise.all([arriveAt(0), arriveAt(5000), arriveAt(5000), arriveAt(5100)]));
		expect(starts).toEqual([0, 5000, 5250, 5500]);
	});

	it('a caller arriving 1 ms before the window frees waits that millisecond (the window is (t − 1000, t])', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(2, clock, { spacing: 'burst' });
		const starts: number[] = [];
		const arriveAt = async (time: number): Promise<void> => {
			await clock.sleep(time);
			await pacer.acquire();
			starts.push(clock.now());
		};
		await clock.run(Promise.all([arriveAt(0), arriveAt(400), arriveAt(999), arriveAt(1399)]));
		expect(starts).toEqual([0, 400, 1000, 1400]);
	});

	it('holds every caller after holdUntil', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(5, clock);
		pacer.holdUntil(2500);
		pacer.holdUntil(1000); // an earlier hold does not shorten a later one
		const starts: number[] = [];
		await clock.run(
			Promise.all(
				[0, 1].map(async () => {
					await pacer.acquire();
					starts.push(clock.now());
				}),
			),
		);
		expect(starts).toEqual([2500, 2700]);
	});

	it('does not stall when the clock jumps backwards, and keeps the window in the new timeline', async () => {
		const clock = new FakeClock(10_000);
		const pacer = new Pacer(2, clock, { spacing: 'burst' });
		const starts: number[] = [];
		const acquireAndRecord = async (): Promise<void> => {
			await pacer.acquire();
			starts.push(clock.now());
		};
		await clock.run(Promise.all([acquireAndRecord(), acquireAndRecord()]));
		clock.set(5_000); // NTP moved the clock back 5 s
		await clock.run(Promise.all([acquireAndRecord(), acquireAndRecord(), acquireAndRecord()]));
		expect(starts).toEqual([10_000, 10_000, 6_000, 6_000, 7_000]);
	});

	it('changes rate when asked and refuses nonsense rates', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(1, clock, { spacing: 'burst' });
		pacer.setRequestsPerSecond(4);
		const starts: number[] = [];
		await clock.run(
			Promise.all(
				Array.from({ length: 5 }, async () => {
					await pacer.acquire();
					starts.push(clock.now());
				}),
			),
		);
		expect(starts).toEqual([0, 0, 0, 0, 1000]);
		expect(() => new Pacer(0, clock)).toThrow(RangeError);
		expect(() => new Pacer(2.5, clock)).toThrow(RangeError);
		expect(() => pacer.setRequestsPerSecond(Number.NaN)).toThrow(RangeError);
	});

	it('registry: one pacer per key, shared across callers; a new rate updates the shared pacer', () => {
		const clock = new FakeClock(0);
		const registry = new PacerRegistry();
		const first = registry.get('a', 8, clock);
		expect(registry.get('a', 8, clock)).toBe(first);
		expect(registry.get('b', 8, clock)).not.toBe(first);
		expect(registry.get('a', 5, clock)).toBe(first);
		expect(first.requestsPerSecond).toBe(5);
		expect(registry.size).toBe(2);

		resetSharedPacers();
		const shared = getPacer('k', 8, clock);
		expect(getPacer('k', 8, clock)).toBe(shared);
		resetSharedPacers();
		expect(getPacer('k', 8, clock)).not.toBe(shared);
	});

	it('keys by base URL and vendor (the unit Coupang counts), falling back to the access key', () => {
		expect(pacerKey('https://api-gateway.coupang.com/', 'A00012345', 'ak-1')).toBe(pacerKey('HTTPS://api-gateway.coupang.com', 'A00012345', 'ak-2'));
		expect(pacerKey('https://api-gateway.coupang.com', 'A00012345')).not.toBe(pacerKey('http://127.0.0.1:8090', 'A00012345'));
		expect(pacerKey('https://api-gateway.coupang.com', 'A1')).not.toBe(pacerKey('https://api-gateway.coupang.com', 'A2'));
		expect(pacerKey('https://x', '', 'ak-1')).not.toBe(pacerKey('https://x', '', 'ak-2'));
	});
});

describe('throttle holds and the in-flight ceiling', () => {
	it('holds every start until the hold ends, and a later throttle only ever lengthens it', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(8, clock, { spacing: 'burst' });
		expect(pacer.throttled(429, 0, 60_000)).toEqual({ since: 0, until: 60_000, status: 429 });
		// A request that was in flight comes back refused too, with a shorter hold: the hold is not shortened.
		expect(pacer.throttled(429, 10, 5_000)).toEqual({ since: 0, until: 60_000, status: 429 });
		expect(pacer.throttled(429, 20, 90_000)).toEqual({ since: 0, until: 90_020, status: 429 });
		const release = await clock.run(pacer.acquire());
		expect(clock.now()).toBe(90_020);
		release();
	});

	it('after a hold the first start goes alone: the others wait for its answer, and are held again if it is refused', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(8, clock, { spacing: 'burst' });
		pacer.throttled(429, 0, 1_000);
		const starts: Array<[string, number]> = [];
		const probe = (async () => {
			const release = await pacer.acquire();
			starts.push(['probe', clock.now()]);
			await clock.sleep(50); // its answer: refused again
			pacer.throttled(429, clock.now(), 1_000);
			release();
		})();
		const others = ['a', 'b', 'c'].map(async (name) => {
			const release = await pacer.acquire();
			starts.push([name, clock.now()]);
			release();
		});
		await clock.run(Promise.all([probe, ...others]));
		// One request met the block that was still on; the others went after the second hold, one probe first.
		expect(starts).toEqual([
			['probe', 1_000],
			['a', 2_050],
			['b', 2_050],
			['c', 2_050],
		]);
		expect(pacer.hold).toBeUndefined();
	});

	it('a caller that cannot wait out the hold gets SellerHeldError at once, nothing started; one that can, waits', async () => {
		const clock = new FakeClock(1_000);
		const pacer = new Pacer(8, clock);
		pacer.throttled(429, 1_000, 300_000);
		const refused = await clock.run(pacer.acquire({ maxHoldWaitMs: 0 }).catch((error: unknown) => error));
		expect(refused).toBeInstanceOf(SellerHeldError);
		expect(refused).toMatchObject({ hold: { since: 1_000, until: 301_000, status: 429 }, now: 1_000, afterRefusal: false });
		expect(clock.now()).toBe(1_000);
		clock.set(250_000);
		const release = await clock.run(pacer.acquire({ maxHoldWaitMs: 60_000 }));
		expect(clock.now()).toBe(301_000);
		release();
	});

	it('never has more than maxInFlight requests granted and unreleased; a release lets the next one start', async () => {
		const clock = new FakeClock(0);
		const pacer = new Pacer(1000, clock, { maxInFlight: 3 });
		let inFlight = 0;
		let most = 0;
		const work = Array.from({ length: 20 }, async (_, index) => {
			const release = await pacer.acquire();
			inFlight++;
			most = Math.max(most, inFlight);
			await clock.sleep(100 + (index % 4) * 37);
			inFlight--;
			release();
		});
		await clock.run(Promise.all(work));
		expect(most).toBe(3);
		expect(inFlight).toBe(0);
	});
});
