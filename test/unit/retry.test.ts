import fc from 'fast-check';

import { parseRetryAfter } from '../../nodes/Coupang/core/failure';
import { Pacer, SellerHeldError } from '../../nodes/Coupang/core/pace';
import {
	backoffCeilingMs,
	classifyRequestError,
	CoupangRequestError,
	retryDelayMs,
	sendWithRetries,
	type PipelineDeps,
} from '../../nodes/Coupang/core/retry';
import { FakeClock } from '../helpers/fakeClock';
import { maxInAnyWindow as maxStartsInAnyWindow } from '../helpers/slidingWindow';

/** Error shaped like n8n 2.41's NodeApiError around an AxiosError with an answer. */
function httpError(status: number, message: string, headers: Record<string, string> = {}): Error {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		name: 'AxiosError',
		isAxiosError: true,
		code: status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST',
		response: { status, headers, data: { code: status, message, transactionId: 'tx-1' } },
	});
	return Object.assign(new Error('The service failed'), { name: 'NodeApiError', httpCode: String(status), cause: axiosError });
}

/** Error shaped like n8n 2.41's NodeApiError around an AxiosError without an answer. */
function networkError(code: string, message = 'socket hang up'): Error {
	const socketError = Object.assign(new Error(message), { code });
	const axiosError = Object.assign(new Error(message), { name: 'AxiosError', isAxiosError: true, code, cause: socketError });
	return Object.assign(new Error('The connection failed'), { name: 'NodeApiError', httpCode: code, cause: axiosError });
}

/** Retry tests look at backoff timings: a pace that only keeps the window (8 per second) stays out of the way. */
function burstPacer(clock: FakeClock): Pacer {
	return new Pacer(8, clock, { spacing: 'burst' });
}

function depsOf(clock: FakeClock, random: () => number = () => 0.5): PipelineDeps {
	return { now: clock.now, sleep: clock.sleep, random };
}

/** A `send` that answers with the scripted failures first, then `ok`, and records when each try started. */
function scriptedSend(clock: FakeClock, failures: unknown[], durationMs = 0) {
	const starts: number[] = [];
	const send = async (): Promise<string> => {
		starts.push(clock.now());
		if (durationMs > 0) await clock.sleep(durationMs);
		const failure = failures[starts.length - 1];
		if (failure !== undefined) throw failure;
		return 'ok';
	};
	return { send, starts };
}

describe('backoff', () => {
	it('grows exponentially from the base and is capped', () => {
		expect([1, 2, 3, 4, 5, 6, 40].map((tryNumber) => backoffCeilingMs(tryNumber, 500, 8000))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
	});

	it('full jitter stays within [0, ceiling] and a Retry-After is a floor (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 12 }),
				fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
				fc.integer({ min: 1, max: 2000 }),
				fc.integer({ min: 1, max: 20000 }),
				fc.option(fc.integer({ min: 0, max: 60000 }), { nil: undefined }),
				(tryNumber, randomValue, base, cap, retryAfter) => {
					const delay = retryDelayMs(tryNumber, () => randomValue, base, cap, retryAfter);
					const ceiling = backoffCeilingMs(tryNumber, base, cap);
					expect(delay).toBeGreaterThanOrEqual(retryAfter ?? 0);
					expect(delay).toBeLessThanOrEqual(Math.max(ceiling, retryAfter ?? 0));
					if (retryAfter === undefined) expect(delay).toBe(Math.floor(randomValue * ceiling));
				},
			),
		);
	});

	it('uses the random source: the same try gets different waits', () => {
		expect(retryDelayMs(3, () => 0, 500, 8000)).toBe(0);
		expect(retryDelayMs(3, () => 0.25, 500, 8000)).toBe(500);
		expect(retryDelayMs(3, () => 0.999, 500, 8000)).toBe(1998);
	});
});

describe('Retry-After', () => {
	it('reads seconds and HTTP dates, ignores garbage', () => {
		const now = Date.parse('2026-11-24T10:00:00Z');
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter(' 0 ', now)).toBe(0);
		expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('Tue, 24 Nov 2026 09:59:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('-1', now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});
});

describe('classifyRequestError', () => {
	it.each([
		[429, true, true],
		[408, true, true],
		[500, true, false],
		[502, true, false],
		[503, true, false],
		[504, true, false],
		[400, false, false],
		[401, false, false],
		[403, false, false],
		[404, false, false],
		[409, false, false],
	])('HTTP %i: retryable %s, write-safe %s', (status, retryable, writeSafe) => {
		const classification = classifyRequestError(httpError(status, 'Coupang says no'));
		expect(classification).toMatchObject({ status, retryable, writeSafe, message: 'Coupang says no', description: `HTTP ${status}: Coupang says no` });
	});

	it.each([
		['ECONNRESET', true, false],
		['ETIMEDOUT', true, false],
		['ECONNABORTED', true, false],
		['EPIPE', true, false],
		['UND_ERR_SOCKET', true, false],
		['ECONNREFUSED', true, true],
		['EAI_AGAIN', true, true],
		['UND_ERR_CONNECT_TIMEOUT', true, true],
		['ENOTFOUND', false, false],
		['EACCES', false, false],
	])('network %s: retryable %s, write-safe %s', (code, retryable, writeSafe) => {
		const classification = classifyRequestError(networkError(code));
		expect(classification).toMatchObject({ networkCode: code, retryable, writeSafe });
		expect(classification.status).toBeUndefined();
	});

	it('reads plain errors with a code, statusCode, response.statusCode and plain headers', () => {
		expect(classifyRequestError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toMatchObject({ retryable: true, networkCode: 'ECONNRESET' });
		expect(classifyRequestError({ statusCode: 502, message: 'Bad Gateway' })).toMatchObject({ status: 502, retryable: true });
		expect(
			classifyRequestError({ response: { statusCode: 429, headers: { 'Retry-After': ['4'] }, body: '{"code":429,"message":"Too many requests"}' } }, 0),
		).toMatchObject({ status: 429, retryAfterMs: 4000, message: 'Too many requests', writeSafe: true });
	});

	it('reads Retry-After through an AxiosHeaders-like get()', () => {
		const headers = { get: (name: string) => (name === 'retry-after' ? '2' : undefined) };
		expect(classifyRequestError(httpError(429, 'Too many requests', headers as unknown as Record<string, string>)).retryAfterMs).toBe(2000);
	});

	it('turns an HTML gateway page into text and treats cancel and unknown errors as final', () => {
		const htmlError = { response: { status: 503, data: '<html><body><h1>Service Unavailable</h1></body></html>' } };
		expect(classifyRequestError(htmlError)).toMatchObject({ status: 503, message: 'Service Unavailable', retryable: true, writeSafe: false });
		expect(classifyRequestError(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED', name: 'CanceledError' })).retryable).toBe(false);
		expect(classifyRequestError(new Error('rootProperty not found'))).toMatchObject({ retryable: false, description: 'rootProperty not found' });
		expect(classifyRequestError('just a string')).toMatchObject({ retryable: false, description: 'just a string' });
		expect(classifyRequestError(Object.assign(new TypeError('terminated'), {}))).toMatchObject({ networkCode: 'UND_ERR_SOCKET', retryable: true });
	});

	it('does not loop on cyclic causes', () => {
		const error: Record<string, unknown> = { message: 'loop', httpCode: '503' };
		error.cause = error;
		expect(classifyRequestError(error)).toMatchObject({ status: 503, retryable: true });
	});
});

describe('sendWithRetries', () => {
	const fast = { baseDelayMs: 100, maxDelayMs: 1000 };

	it('returns the first success after retryable failures, waiting a jittered backoff in between', async () => {
		const clock = new FakeClock(0);
		const { send, starts } = scriptedSend(clock, [httpError(503, 'Service Unavailable'), networkError('ECONNRESET')]);
		const result = await clock.run(sendWithRetries(send, fast, depsOf(clock, () => 0.5), burstPacer(clock)));
		expect(result).toBe('ok');
		expect(starts).toEqual([0, 50, 150]); // 0.5 × 100, then 0.5 × 200
	});

	it('bounds the tries and names them, the last status and Coupang\'s message in the final error', async () => {
		const clock = new FakeClock(0);
		const failures = Array.from({ length: 10 }, (_, index) => httpError(index < 4 ? 500 : 503, `Service Unavailable #${index + 1}`));
		const { send, starts } = scriptedSend(clock, failures);
		const error = await clock.run(sendWithRetries(send, fast, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
		expect(starts).toHaveLength(5);
		expect(error).toBeInstanceOf(CoupangRequestError);
		const final = error as CoupangRequestError;
		expect(final.message).toBe('Coupang request failed after 5 tries (HTTP 503): Service Unavailable #5');
		expect(final).toMatchObject({ tries: 5, status: 503, httpCode: '503', coupangMessage: 'Service Unavailable #5', stopReason: 'tries-exhausted' });
		expect(final.description).toMatch(/5 tries/);
		expect(final.cause).toBe(failures[4]);
	});

	it('honours maxTries, including 1 (no retry)', async () => {
		for (const maxTries of [1, 2, 7]) {
			const clock = new FakeClock(0);
			const { send, starts } = scriptedSend(clock, Array.from({ length: 10 }, () => networkError('ETIMEDOUT', 'timeout')));
			const error = await clock.run(sendWithRetries(send, { ...fast, maxTries }, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
			expect(starts).toHaveLength(maxTries);
			expect((error as Error).message).toBe(`Coupang request failed after ${maxTries} ${maxTries === 1 ? 'try' : 'tries'} (ETIMEDOUT): timeout`);
		}
	});

	it("a 429's Retry-After lengthens the seller's hold; a 503's Retry-After is a floor for the backoff, even when the jitter is 0", async () => {
		const clock = new FakeClock(Date.parse('2026-11-24T10:00:00Z'));
		const start = clock.now();
		const { send, starts } = scriptedSend(clock, [
			httpError(429, 'Too many requests', { 'retry-after': '3' }),
			httpError(503, 'Service Unavailable', { 'Retry-After': 'Tue, 24 Nov 2026 10:00:05 GMT' }),
		]);
		await clock.run(sendWithRetries(send, { ...fast, holdMs: 1000 }, depsOf(clock, () => 0), burstPacer(clock)));
		expect(starts.map((at) => at - start)).toEqual([0, 3000, 5000]);
	});

	it('a 429 holds the shared pacer, so other callers of the same seller wait too', async () => {
		const clock = new FakeClock(0);
		const pacer = burstPacer(clock);
		const limited = scriptedSend(clock, [httpError(429, 'Too many requests', { 'retry-after': '2' })], 10);
		const other = scriptedSend(clock, []);
		const first = sendWithRetries(limited.send, { ...fast, holdMs: 1000 }, depsOf(clock, () => 0), pacer);
		const second = (async () => {
			await clock.sleep(100);
			return await sendWithRetries(other.send, fast, depsOf(clock, () => 0), pacer);
		})();
		await clock.run(Promise.all([first, second]));
		expect(limited.starts).toEqual([0, 2010]);
		// The first request after the hold goes alone (the probe, 10 ms); the other waits for its answer.
		expect(other.starts).toEqual([2020]);
	});

	it('a 429 without Retry-After holds the seller for holdMs (the credential\'s Throttle Hold), not a second', async () => {
		const clock = new FakeClock(0);
		const { send, starts } = scriptedSend(clock, [httpError(429, 'Too many requests')]);
		const pacer = burstPacer(clock);
		await clock.run(sendWithRetries(send, { ...fast, holdMs: 60_000 }, depsOf(clock, () => 0), pacer));
		expect(starts).toEqual([0, 60_000]);
		expect(pacer.hold).toBeUndefined(); // the probe after the hold got through: the hold is over
		expect(clock.sleeps.filter((ms) => ms > 0 && ms < 60_000)).toEqual([]); // no backoff inside the hold
	});

	it('a hold longer than the caller can wait fails at once, after the one refused request, saying since and until', async () => {
		const clock = new FakeClock(0);
		const { send, starts } = scriptedSend(clock, [httpError(429, 'Too many requests', { 'retry-after': '120' })], 5);
		const error = await clock.run(
			sendWithRetries(send, { ...fast, holdMs: 60_000, maxHoldWaitMs: 30_000 }, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught),
		);
		expect(starts).toEqual([0]);
		expect(error).toBeInstanceOf(SellerHeldError);
		expect(error).toMatchObject({ hold: { since: 5, until: 120_005, status: 429 }, now: 5, afterRefusal: true });
	});

	it('a non-throttle Retry-After longer than maxRetryAfterMs gives up', async () => {
		const clock = new FakeClock(0);
		const { send, starts } = scriptedSend(clock, [httpError(503, 'Service Unavailable', { 'retry-after': '120' })]);
		const error = await clock.run(sendWithRetries(send, { ...fast, maxRetryAfterMs: 60_000 }, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
		expect(starts).toHaveLength(1);
		expect(error).toMatchObject({ stopReason: 'retry-after-too-long', status: 503 });
		expect((error as CoupangRequestError).description).toMatch(/wait 120 s/);
	});

	it('a 403 block page is not retried, and holds the seller for the others', async () => {
		const clock = new FakeClock(0);
		const pacer = burstPacer(clock);
		const denied = Object.assign(new Error('Forbidden'), { response: { status: 403, data: '<HTML><H1>Access Denied</H1></HTML>' } });
		const blocked = scriptedSend(clock, [denied]);
		const error = await clock.run(sendWithRetries(blocked.send, { ...fast, holdMs: 60_000 }, depsOf(clock), pacer).catch((caught: unknown) => caught));
		expect(error).toBe(denied);
		expect(blocked.starts).toEqual([0]);
		expect(pacer.hold).toEqual({ since: 0, until: 60_000, status: 403 });
		const other = scriptedSend(clock, []);
		const held = await clock.run(sendWithRetries(other.send, { ...fast, maxHoldWaitMs: 0 }, depsOf(clock), pacer).catch((caught: unknown) => caught));
		expect(held).toBeInstanceOf(SellerHeldError);
		expect(other.starts).toEqual([]);
	});

	it.each([400, 401, 403, 404])('HTTP %i fails at once with the original error', async (status) => {
		const clock = new FakeClock(0);
		const original = httpError(status, 'Invalid vendor ID');
		const { send, starts } = scriptedSend(clock, [original]);
		const error = await clock.run(sendWithRetries(send, fast, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
		expect(error).toBe(original);
		expect(starts).toHaveLength(1);
		expect(clock.sleeps).toEqual([]);
	});

	it('a final non-retryable answer after retries says how many tries were made', async () => {
		const clock = new FakeClock(0);
		const { send, starts } = scriptedSend(clock, [httpError(502, 'Bad Gateway'), httpError(400, 'Invalid vendor ID')]);
		const error = await clock.run(sendWithRetries(send, fast, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
		expect(starts).toHaveLength(2);
		expect(error).toMatchObject({ message: 'Coupang request failed after 2 tries (HTTP 400): Invalid vendor ID', stopReason: 'not-retryable' });
	});

	describe('writes', () => {
		it.each([
			['503 gateway JSON', httpError(503, 'Service Unavailable')],
			['500', httpError(500, 'Internal Server Error')],
			['502', httpError(502, 'Bad Gateway')],
			['504', httpError(504, 'Gateway Timeout')],
			['socket hang up', networkError('ECONNRESET', 'socket hang up')],
			['response timeout', networkError('ECONNABORTED', 'timeout of 30000ms exceeded')],
			['ETIMEDOUT', networkError('ETIMEDOUT', 'connect ETIMEDOUT')],
		])('are not retried after %s (may have been applied)', async (_label, failure) => {
			const clock = new FakeClock(0);
			const { send, starts } = scriptedSend(clock, [failure]);
			const error = await clock.run(sendWithRetries(send, { ...fast, isWrite: true }, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
			expect(starts).toHaveLength(1);
			expect(error).toBeInstanceOf(CoupangRequestError);
			expect(error).toMatchObject({ tries: 1, stopReason: 'write-not-retried' });
			expect((error as Error).message).toMatch(/^Coupang request failed after 1 try/);
			expect((error as CoupangRequestError).description).toMatch(/may already have applied/);
		});

		it.each([
			['429', httpError(429, 'Too many requests', { 'retry-after': '1' })],
			['connection refused', networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8090')],
			['DNS try again', networkError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN api-gateway.coupang.com')],
		])('are retried after %s (provably not applied)', async (_label, failure) => {
			const clock = new FakeClock(0);
			const { send, starts } = scriptedSend(clock, [failure, failure]);
			const result = await clock.run(sendWithRetries(send, { ...fast, isWrite: true }, depsOf(clock), burstPacer(clock)));
			expect(result).toBe('ok');
			expect(starts).toHaveLength(3);
		});

		it('a write refused with 429 is sent again after the hold, or, when the hold is too long to wait, says it was not applied', async () => {
			const clock = new FakeClock(0);
			const waited = scriptedSend(clock, [httpError(429, 'Too many requests')]);
			await clock.run(sendWithRetries(waited.send, { ...fast, isWrite: true, holdMs: 60_000 }, depsOf(clock), burstPacer(clock)));
			expect(waited.starts).toEqual([0, 60_000]);

			const held = scriptedSend(clock, [httpError(429, 'Too many requests')]);
			const options = { ...fast, isWrite: true, holdMs: 60_000, maxHoldWaitMs: 0 };
			const error = await clock.run(sendWithRetries(held.send, options, depsOf(clock), burstPacer(clock)).catch((caught: unknown) => caught));
			expect(held.starts).toHaveLength(1);
			expect(error).toMatchObject({ name: 'SellerHeldError', afterRefusal: true });
		});

		it('the same 503 is retried for a read', async () => {
			const clock = new FakeClock(0);
			const { send, starts } = scriptedSend(clock, [httpError(503, 'Service Unavailable')]);
			await clock.run(sendWithRetries(send, fast, depsOf(clock), burstPacer(clock)));
			expect(starts).toHaveLength(2);
		});
	});

	it('stops retrying once the abort signal fires', async () => {
		const clock = new FakeClock(0);
		const controller = new AbortController();
		const { send, starts } = scriptedSend(clock, Array.from({ length: 5 }, () => httpError(503, 'Service Unavailable')));
		const work = sendWithRetries(send, { ...fast, abortSignal: controller.signal }, depsOf(clock, () => 0.9), burstPacer(clock)).catch((caught: unknown) => caught);
		await clock.settle();
		controller.abort();
		const error = await clock.run(work);
		expect(starts).toHaveLength(1);
		expect(error).toMatchObject({ stopReason: 'aborted', tries: 1 });
	});

	it('retries count against the pace: many failing callers never exceed N starts per second', async () => {
		const clock = new FakeClock(0);
		const pacer = burstPacer(clock);
		const allStarts: number[] = [];
		const caller = async (id: number): Promise<string> => {
			let tries = 0;
			return await sendWithRetries(
				async () => {
					allStarts.push(clock.now());
					tries++;
					await clock.sleep(20 + (id % 7) * 10);
					if (tries < 3) throw networkError('ECONNRESET');
					return 'ok';
				},
				{ baseDelayMs: 1, maxDelayMs: 5 },
				depsOf(clock, () => 0.3),
				pacer,
			);
		};
		const results = await clock.run(Promise.all(Array.from({ length: 200 }, async (_, id) => await caller(id))));
		expect(results.every((result) => result === 'ok')).toBe(true);
		expect(allStarts).toHaveLength(600);
		expect(maxStartsInAnyWindow(allStarts)).toBeLessThanOrEqual(8);
	});

	it('rejects nonsense options', async () => {
		const clock = new FakeClock(0);
		const pacer = burstPacer(clock);
		await expect(sendWithRetries(async () => 'ok', { maxTries: 0 }, depsOf(clock), pacer)).rejects.toThrow(RangeError);
		await expect(sendWithRetries(async () => 'ok', { baseDelayMs: -1 }, depsOf(clock), pacer)).rejects.toThrow(RangeError);
	});
});
