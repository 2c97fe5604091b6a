/**
 * Pacing against the sandbox's sliding-second rate limit (10 requests/s per vendor, like Coupang's gateway):
 * 144 signed GETs of the product-inquiry list
 *   A. bare signed-fetch loop (baseline: no pace, no retries), measured in the same run;
 *   B. the request pipeline (nodes/Coupang/core/pace.ts and retry.ts): shared pace 8/s + retries, one caller;
 *   C. the same pipeline with 4 concurrent callers sharing the seller's pacer;
 *   D. retries without a pace (pacer at 1000/s) — what retries alone cost.
 * The sandbox blocks a vendor after more than 10 calls in a sliding second, as Coupang does, for BLOCK_MS (scaled down
 * from minutes; each call during the block extends it); the pipeline then holds the seller for HOLD_MS. Each scenario
 * starts with no block.
 * Reports, from the sandbox's own request log: successes, 429s, requests sent, most requests the gateway saw
 * within any sliding second, and ratios to the baseline.
 *
 *   npm run bench -- pacing        (BENCH_REQUESTS=144, BENCH_RATE_LIMIT=10, BENCH_PACE=8)
 */
import { formatKoreaDay } from './koreaDay';
import { buildSignedUrl, signRequest } from '../nodes/Coupang/core/signing';
import { Pacer } from '../nodes/Coupang/core/pace';
import { sendWithRetries, type PipelineDeps } from '../nodes/Coupang/core/retry';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { formatTable, maxInAnyWindow } from './util';

interface ScenarioResult {
	name: string;
	elapsedMs: number;
	ok: number;
	failed: number;
	sent: number;
	rateLimited: number;
	maxAdmittedPerSecond: number;
	maxSentPerSecond: number;
}

const realDeps: PipelineDeps = {
	now: () => Date.now(),
	sleep: async (ms) => await new Promise((resolve) => setTimeout(resolve, ms)),
	random: () => Math.random(),
};

function requestUrl(sandbox: RunningSandbox, index: number): { url: string; path: string; query: string } {
	const today = formatKoreaDay(sandbox.now());
	const weekAgo = formatKoreaDay(new Date(sandbox.now().getTime() - 6 * 86_400_000));
	return buildSignedUrl(sandbox.url, `/v2/providers/openapi/apis/api/v4/vendors/${sandbox.vendorId}/onlineInquiries`, {
		vendorId: sandbox.vendorId,
		inquiryStartAt: weekAgo,
		inquiryEndAt: today,
		answeredType: 'ALL',
		pageSize: 10,
		pageNum: (index % 5) + 1,
	});
}

/** One signed GET; non-2xx throws an error shaped like an HTTP client's (status, headers, parsed body). */
async function signedFetch(sandbox: RunningSandbox, index: number): Promise<unknown> {
	const target = requestUrl(sandbox, index);
	const { authorization } = signRequest({ method: 'GET', path: target.path, query: target.query, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, now: new Date() });
	const response = await fetch(target.url, { headers: { Authorization: authorization, 'X-Requested-By': sandbox.vendorId } });
	const text = await response.text();
	let data: unknown = text;
	try {
		data = JSON.parse(text) as unknown;
	} catch {
		// keep the text
	}
	if (!response.ok) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), { response: { status: response.status, headers: response.headers, data } });
	}
	return data;
}

const BLOCK_MS = 1_000;
const HOLD_MS = 1_500;

/** A fresh gateway for the next scenario: no block, an empty sliding second, an empty log. */
async function settleWindow(sandbox: RunningSandbox, rateLimit: number): Promise<void> {
	sandbox.clearFaults();
	sandbox.setFaults({ rateLimitPerSecond: rateLimit, rateLimitBlockMs: BLOCK_MS });
	await new Promise((resolve) => setTimeout(resolve, 1100));
	sandbox.clearRequestLog();
}

function summarise(name: string, sandbox: RunningSandbox, elapsedMs: number, ok: number, failed: number): ScenarioResult {
	const log = sandbox.requestLog().filter((entry) => entry.path.includes('/onlineInquiries'));
	const times = (entries: typeof log): number[] => entries.map((entry) => Date.parse(entry.at));
	return {
		name,
		elapsedMs,
		ok,
		failed,
		sent: log.length,
		rateLimited: log.filter((entry) => entry.status === 429).length,
		maxAdmittedPerSecond: maxInAnyWindow(times(log.filter((entry) => entry.status !== 429))),
		maxSentPerSecond: maxInAnyWindow(times(log)),
	};
}

async function bareLoop(sandbox: RunningSandbox, count: number, rateLimit: number): Promise<ScenarioResult> {
	await settleWindow(sandbox, rateLimit);
	let ok = 0;
	let failed = 0;
	const started = Date.now();
	for (let index = 0; index < count; index++) {
		try {
			await signedFetch(sandbox, index);
			ok++;
		} catch {
			failed++;
		}
	}
	return summarise('A. bare signed-fetch loop (baseline)', sandbox, Date.now() - started, ok, failed);
}

async function pipelineRun(sandbox: RunningSandbox, name: string, count: number, callers: number, requestsPerSecond: number, rateLimit: number): Promise<ScenarioResult> {
	await settleWindow(sandbox, rateLimit);
	const pacer = new Pacer(requestsPerSecond, realDeps);
	let next = 0;
	let ok = 0;
	let failed = 0;
	const started = Date.now();
	await Promise.all(
		Array.from({ length: callers }, async () => {
			for (let index = next++; index < count; index = next++) {
				try {
					await sendWithRetries(async () => await signedFetch(sandbox, index), { maxTries: 5, holdMs: HOLD_MS }, realDeps, pacer);
					ok++;
				} catch {
					failed++;
				}
			}
		}),
	);
	return summarise(name, sandbox, Date.now() - started, ok, failed);
}

export async function runPacingBench(count = 144, rateLimit = 10, pace = 8): Promise<ScenarioResult[]> {
	const sandbox = await startSandbox({ port: 0, productInquiries: 200 });
	try {
		const results = [await bareLoop(sandbox, count, rateLimit)];
		results.push(await pipelineRun(sandbox, `B. pipeline, pace ${pace}/s, 1 caller`, count, 1, pace, rateLimit));
		results.push(await pipelineRun(sandbox, `C. pipeline, pace ${pace}/s, 4 callers`, count, 4, pace, rateLimit));
		results.push(await pipelineRun(sandbox, 'D. retries and holds only (pace 1000/s), 1 caller', count, 1, 1000, rateLimit));
		return results;
	} finally {
		await sandbox.stop();
	}
}

export function printPacingBench(results: ScenarioResult[], count: number, rateLimit: number): void {
	const [baseline] = results;
	const okPerSecond = (result: ScenarioResult): number => (result.ok * 1000) / result.elapsedMs;
	console.log(`\nPacing: ${count} signed GETs against the sandbox (rate limit ${rateLimit}/s per vendor, sliding second); baseline measured in this run`);
	console.log(
		formatTable(
			['scenario', 'elapsed s', 'ok', 'failed', 'sent', '429s', 'max/s seen', 'max/s admitted', 'ok/s', 'time vs A', 'ok/s vs A', 'sent vs A'],
			results.map((result) => [
				result.name,
				(result.elapsedMs / 1000).toFixed(2),
				String(result.ok),
				String(result.failed),
				String(result.sent),
				String(result.rateLimited),
				String(result.maxSentPerSecond),
				String(result.maxAdmittedPerSecond),
				okPerSecond(result).toFixed(2),
				`${(result.elapsedMs / baseline.elapsedMs).toFixed(1)}×`,
				`${(okPerSecond(result) / okPerSecond(baseline)).toFixed(2)}×`,
				`${(result.sent / baseline.sent).toFixed(2)}×`,
			]),
		),
	);
	const floorSeconds = Math.max(0, count - rateLimit) / rateLimit;
	console.log(
		`The baseline finishes in ${(baseline.elapsedMs / 1000).toFixed(2)} s but only ${baseline.ok}/${count} succeed; getting all ${count} through a ` +
			`${rateLimit}/s gateway takes at least ${floorSeconds.toFixed(1)} s. "max/s seen" is the gateway's count of arrivals in any sliding second.`,
	);
}

if (require.main === module) {
	const count = Number(process.env.BENCH_REQUESTS ?? 144);
	const rateLimit = Number(process.env.BENCH_RATE_LIMIT ?? 10);
	const pace = Number(process.env.BENCH_PACE ?? 8);
	void runPacingBench(count, rateLimit, pace).then((results) => printPacingBench(results, count, rateLimit));
}
