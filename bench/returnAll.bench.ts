/**
 * Return All of N product inquiries (default 10 000) from the sandbox, all inside one ≤ 7-day period (one
 * window): the Coupang node through n8n-core's WorkflowExecute → RoutingNode, against a bare loop of signed `fetch`
 * calls for the same pages (same queries, page size 50, HMAC with node:crypto), in the same run. Each variant runs
 * in its own child process (bench/returnAll.worker.ts) so memory figures do not mix; the sandbox runs in this
 * process and its request log gives the request counts.
 *   A. bare signed-fetch loop (baseline)
 *   B. node, pace lifted (NODE_PIPELINE_OPTIONS.requestsPerSecond = 1 000 000): the node's own overhead
 *   C. node at the credential's default pace (8 requests/s), sandbox limit 10/s: what a user waits
 *
 *   npm run bench -- returnAll        (BENCH_RETURN_ALL_ITEMS=10000, BENCH_RETURN_ALL_RUNS=5, BENCH_RETURN_ALL_PACED=1)
 */
import { join } from 'path';

import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../sandbox';
import type { ReturnAllWorkerConfig } from './returnAll.worker';
import { seedProductInquiryPeriod } from './seeds';
import { formatTable, median } from './util';
import { runWorker, type MemoryPeaks } from './worker';

const PAGE_SIZE = 50;

interface VariantResult {
	name: string;
	runs: Array<{ ms: number; items: number; requests: RequestLogEntry[] }>;
	memory: MemoryPeaks;
}

export interface ReturnAllBenchResult {
	items: number;
	period: string;
	variants: VariantResult[];
	/** Node and bare sent exactly the same list of queries. */
	sameQueries: boolean;
}

async function runVariant(sandbox: RunningSandbox, name: string, config: ReturnAllWorkerConfig): Promise<VariantResult> {
	const runs: VariantResult['runs'] = [];
	let memory: MemoryPeaks | undefined;
	await runWorker(join(__dirname, 'returnAll.worker.ts'), config, (message) => {
		if (message.type === 'start') sandbox.clearRequestLog();
		if (message.type === 'end') runs.push({ ms: Number(message.ms), items: Number(message.items), requests: sandbox.requestLog() });
		if (message.type === 'memory') memory = message.memory as MemoryPeaks;
		return { ok: true };
	});
	if (!memory || runs.length !== config.runs) throw new Error(`returnAll bench: ${name} did not finish`);
	return { name, runs, memory };
}

export async function runReturnAllBench(total = 10_000, runs = 5, includePaced = true): Promise<ReturnAllBenchResult> {
	const sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0 });
	try {
		const { startDay, endDay } = seedProductInquiryPeriod(sandbox, total);
		const account = { url: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, vendorId: sandbox.vendorId };
		const base = { runs, account, startDay, endDay, pageSize: PAGE_SIZE, paced: false };
		const variants = [
			await runVariant(sandbox, 'A. bare signed-fetch loop (baseline)', { ...base, variant: 'bare' }),
			await runVariant(sandbox, 'B. node via n8n-core, pace lifted', { ...base, variant: 'node' }),
		];
		if (includePaced) {
			sandbox.setFaults({ rateLimitPerSecond: 10 });
			await new Promise((resolve) => setTimeout(resolve, 1100)); // an empty sliding second
			variants.push(await runVariant(sandbox, 'C. node via n8n-core, default pace 8/s (limit 10/s)', { ...base, variant: 'node', paced: true, runs: 1 }));
		}
		const queries = (variant: VariantResult): string => variant.runs[0].requests.map((entry) => `${entry.path}?${entry.query}`).join('\n');
		return { items: total, period: `${startDay}..${endDay}`, variants, sameQueries: variants.every((variant) => queries(variant) === queries(variants[0])) };
	} finally {
		await sandbox.stop();
	}
}

export function printReturnAllBench(result: ReturnAllBenchResult): void {
	const expectedRequests = Math.ceil(result.items / PAGE_SIZE);
	const [baseline] = result.variants;
	const baselineMs = median(baseline.runs.map((run) => run.ms));
	console.log(
		`\nReturn All: ${result.items} product inquiries in one period (${result.period}, one window), page size ${PAGE_SIZE}; ` +
			`median of the runs; each variant in its own child process; baseline measured in this run`,
	);
	console.log(
		formatTable(
			['variant', 'runs', 'ms (median)', 'vs A', 'requests/run', `vs ⌈N/${PAGE_SIZE}⌉=${expectedRequests}`, 'items', '429s', 'maxRSS MiB', 'RSS Δ MiB', 'heap Δ MiB'],
			result.variants.map((variant) => {
				const ms = median(variant.runs.map((run) => run.ms));
				const requests = Math.max(...variant.runs.map((run) => run.requests.length));
				const items = variant.runs.map((run) => run.items);
				return [
					variant.name,
					String(variant.runs.length),
					ms.toFixed(0),
					`${(ms / baselineMs).toFixed(2)}×`,
					String(requests),
					`${(requests / expectedRequests).toFixed(2)}×`,
					items.every((count) => count === items[0]) ? String(items[0]) : items.join('/'),
					String(variant.runs.reduce((sum, run) => sum + run.requests.filter((entry) => entry.status === 429).length, 0)),
					variant.memory.maxRssMiB.toFixed(0),
					variant.memory.rssDeltaMiB.toFixed(1),
					variant.memory.heapDeltaMiB.toFixed(1),
				];
			}),
		),
	);
	const allItems = result.variants.every((variant) => variant.runs.every((run) => run.items === result.items));
	console.log(
		`Items returned == N in every run: ${allItems ? 'yes' : 'NO'}; node and bare sent the same queries: ${result.sameQueries ? 'yes' : 'NO'}. ` +
			`At 8/s, ${expectedRequests} requests take at least ${((expectedRequests - 1) / 8).toFixed(1)} s. ` +
			'maxRSS = process peak incl. imports (n8n-core for B/C); Δ = peak during the timed runs minus just before (after GC).',
	);
	if (!allItems || !result.sameQueries) process.exitCode = 1;
}

if (require.main === module) {
	void runReturnAllBench(Number(process.env.BENCH_RETURN_ALL_ITEMS ?? 10_000), Number(process.env.BENCH_RETURN_ALL_RUNS ?? 5), process.env.BENCH_RETURN_ALL_PACED !== '0').then(printReturnAllBench);
}
