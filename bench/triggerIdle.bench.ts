/**
 * An idle Coupang Trigger poll (nothing new since the last poll): the trigger's poll() through n8n-core's
 * PollContext (mode 'trigger', as n8n's ActiveWorkflows runs it), against the sandbox. Reports requests per poll
 * (from the sandbox's request log; should be 1: today's Korea day, one page) and ms per poll (median), against
 * the bare signed `fetch` of the same page (same path and query) as baseline, measured in the same run.
 * Polls are spaced BENCH_TRIGGER_GAP_MS apart (real polls are a minute apart, so the 8/s pace never waits);
 * the trigger keeps its default pace.
 *
 *   npm run bench -- triggerIdle        (BENCH_TRIGGER_POLLS=20, BENCH_TRIGGER_GAP_MS=200)
 */
import { performance } from 'perf_hooks';

import { startSandbox } from '../sandbox';
import { bareSignedGet } from './bareFetch';
import { pollingTrigger } from './n8nNodes';
import { formatTable, median } from './util';


export interface TriggerIdleBenchResult {
	polls: number;
	gapMs: number;
	inquiriesToday: number;
	pollMs: number[];
	requestsPerPoll: number[];
	emittedPerPoll: number[];
	bareMs: number[];
	staticDataBytes: number;
}

const pause = async (ms: number): Promise<void> => await new Promise((resolve) => setTimeout(resolve, ms));

export async function runTriggerIdleBench(polls = 20, gapMs = 200): Promise<TriggerIdleBenchResult> {
	const sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0 });
	try {
		// Today's page is not empty: 40 inquiries from earlier today (one page of 50), all before activation.
		const startOfTodayMs = Date.parse(`${new Date(sandbox.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+09:00`);
		const earlier = new Date(Math.max(startOfTodayMs, sandbox.now().getTime() - 2 * 3_600_000) + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
		sandbox.store.productInquiries.add({ count: 40, inquiryAt: earlier });
		const trigger = await pollingTrigger(sandbox, { event: 'productInquiry', answeredType: 'ALL' });
		await trigger.poll(); // activation (first poll): state starts now, nothing older is emitted
		await pause(gapMs);
		await trigger.poll(); // warm-up

		const result: TriggerIdleBenchResult = { polls, gapMs, inquiriesToday: 40, pollMs: [], requestsPerPoll: [], emittedPerPoll: [], bareMs: [], staticDataBytes: 0 };
		let lastRequest = { path: '', query: '' };
		for (let index = 0; index < polls; index++) {
			await pause(gapMs);
			sandbox.clearRequestLog();
			const started = performance.now();
			const emitted = await trigger.poll();
			result.pollMs.push(performance.now() - started);
			const log = sandbox.requestLog();
			result.requestsPerPoll.push(log.length);
			result.emittedPerPoll.push(emitted ?? 0);
			lastRequest = { path: log[log.length - 1].path, query: log[log.length - 1].query };
		}
		result.staticDataBytes = trigger.staticDataBytes();

		const account = { url: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, vendorId: sandbox.vendorId };
		await bareSignedGet(account, lastRequest.path, lastRequest.query); // warm-up
		for (let index = 0; index < polls; index++) {
			await pause(gapMs);
			const started = performance.now();
			await bareSignedGet(account, lastRequest.path, lastRequest.query);
			result.bareMs.push(performance.now() - started);
		}
		return result;
	} finally {
		await sandbox.stop();
	}
}

export function printTriggerIdleBench(result: TriggerIdleBenchResult): void {
	const bare = median(result.bareMs);
	const poll = median(result.pollMs);
	console.log(
		`\nIdle trigger poll: ${result.polls} polls ${result.gapMs} ms apart through n8n-core's PollContext, default pace; ` +
			`today's page holds ${result.inquiriesToday} older inquiries; baseline measured in this run`,
	);
	console.log(
		formatTable(
			['variant', 'polls', 'ms/poll (median)', 'max ms', 'vs bare', 'requests/poll', 'emitted'],
			[
				['bare signed fetch of the same page (baseline)', String(result.bareMs.length), bare.toFixed(2), Math.max(...result.bareMs).toFixed(2), '1.00×', '1', '-'],
				[
					'trigger poll() via PollContext',
					String(result.pollMs.length),
					poll.toFixed(2),
					Math.max(...result.pollMs).toFixed(2),
					`${(poll / bare).toFixed(2)}×`,
					[...new Set(result.requestsPerPoll)].join('/'),
					String(result.emittedPerPoll.reduce((sum, count) => sum + count, 0)),
				],
			],
		),
	);
	const ok = result.requestsPerPoll.every((count) => count === 1) && result.emittedPerPoll.every((count) => count === 0);
	console.log(`Every idle poll sent exactly 1 request and emitted nothing: ${ok ? 'yes' : 'NO'}; static data after the polls: ${result.staticDataBytes} bytes.`);
	if (!ok) process.exitCode = 1;
}

if (require.main === module) {
	void runTriggerIdleBench(Number(process.env.BENCH_TRIGGER_POLLS ?? 20), Number(process.env.BENCH_TRIGGER_GAP_MS ?? 200)).then(printTriggerIdleBench);
}
