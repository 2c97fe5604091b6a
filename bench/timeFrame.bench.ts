/**
 * A 24-hour product time frame through the Coupang node (n8n-core WorkflowExecute → RoutingNode): Get Many by
 * Creation Time with Return All splits it into 145 windows under 10 minutes (core/dates.ts splitTimeFrame), one request each.
 *   A. bare signed-fetch loop over the node's 145 queries (baseline: no pace, no n8n), sandbox unlimited
 *   B. node, pace lifted (NODE_PIPELINE_OPTIONS.requestsPerSecond = 1 000 000), sandbox unlimited
 *   C. node at the credential's default pace (8 requests/s), sandbox rateLimitPerSecond 10: the real behaviour;
 *      must draw zero 429s
 * One process (sandbox and node share it alike in every variant). Median of BENCH_TIME_FRAME_RUNS for A and B.
 *
 *   npm run bench -- timeFrame        (BENCH_TIME_FRAME_RUNS=3)
 */
import { performance } from 'perf_hooks';

import { NODE_PIPELINE_OPTIONS } from '../nodes/Coupang/transport/client';
import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../sandbox';
import { bareSignedGet } from './bareFetch';
import { runCoupangNode } from './n8nNodes';
import { koreaTime, seedProductFrame } from './seeds';
import { formatTable, maxInAnyWindow, median } from './util';

const WINDOWS = 145;

interface Measured {
	name: string;
	ms: number[];
	items: number;
	requests: RequestLogEntry[];
}

export interface TimeFrameBenchResult {
	frame: string;
	productsInFrame: number;
	variants: Measured[];
}

async function timed(sandbox: RunningSandbox, work: () => Promise<number>): Promise<{ ms: number; items: number; requests: RequestLogEntry[] }> {
	sandbox.clearRequestLog();
	const started = performance.now();
	const items = await work();
	const ms = performance.now() - started;
	return { ms, items, requests: sandbox.requestLog() };
}

async function measure(sandbox: RunningSandbox, name: string, runs: number, work: () => Promise<number>): Promise<Measured> {
	const results = [];
	for (let run = 0; run < runs; run++) results.push(await timed(sandbox, work));
	return { name, ms: results.map((result) => result.ms), items: results[0].items, requests: results[0].requests };
}

export async function runTimeFrameBench(runs = 3): Promise<TimeFrameBenchResult> {
	const sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0 });
	const liftedBefore = { ...NODE_PIPELINE_OPTIONS };
	try {
		// A Korea day two days back, one product every 5 minutes (288), plus the midnight that ends the frame.
		const { fromMs, toMs, productsInFrame } = seedProductFrame(sandbox);
		const account = { url: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, vendorId: sandbox.vendorId };
		const parameters = { resource: 'product', operation: 'getManyByCreationTime', createdAtFrom: koreaTime(fromMs), createdAtTo: koreaTime(toMs), returnAll: true };
		const nodeRun = async (): Promise<number> => (await runCoupangNode(account, parameters)).items.length;

		Object.assign(NODE_PIPELINE_OPTIONS, { requestsPerSecond: 1_000_000 });
		await runCoupangNode(account, { ...parameters, createdAtTo: koreaTime(fromMs + 60_000) }); // warm-up, one request
		const unpaced = await measure(sandbox, 'B. node via n8n-core, pace lifted (no limit)', runs, nodeRun);

		const queries = unpaced.requests.map((entry) => ({ path: entry.path, query: entry.query }));
		const bare = await measure(sandbox, 'A. bare signed-fetch loop, same 145 queries (baseline)', runs, async () => {
			let items = 0;
			for (const { path, query } of queries) items += ((await bareSignedGet(account, path, query)) as { data?: unknown[] }).data?.length ?? 0;
			return items;
		});

		for (const key of Object.keys(NODE_PIPELINE_OPTIONS)) delete (NODE_PIPELINE_OPTIONS as Record<string, unknown>)[key];
		Object.assign(NODE_PIPELINE_OPTIONS, liftedBefore);
		sandbox.setFaults({ rateLimitPerSecond: 10 });
		await new Promise((resolve) => setTimeout(resolve, 1100)); // an empty sliding second
		const paced = await measure(sandbox, 'C. node via n8n-core, default pace 8/s (limit 10/s)', 1, nodeRun);
		return { frame: `${koreaTime(fromMs)}..${koreaTime(toMs)} KST`, productsInFrame, variants: [bare, unpaced, paced] };
	} finally {
		for (const key of Object.keys(NODE_PIPELINE_OPTIONS)) delete (NODE_PIPELINE_OPTIONS as Record<string, unknown>)[key];
		Object.assign(NODE_PIPELINE_OPTIONS, liftedBefore);
		await sandbox.stop();
	}
}

export function printTimeFrameBench(result: TimeFrameBenchResult): void {
	const [baseline, unpaced] = result.variants;
	const base = median(baseline.ms);
	console.log(`\nProduct time frame: 24 hours (${result.frame}) = ${WINDOWS} ten-minute windows, ${result.productsInFrame} products; baseline measured in this run`);
	console.log(
		formatTable(
			['variant', 'runs', 'ms (median)', 'vs A', 'vs B', 'requests', `vs ${WINDOWS}`, 'items', '429s', 'max/s seen'],
			result.variants.map((variant) => {
				const ms = median(variant.ms);
				return [
					variant.name,
					String(variant.ms.length),
					ms.toFixed(0),
					`${(ms / base).toFixed(2)}×`,
					`${(ms / median(unpaced.ms)).toFixed(1)}×`,
					String(variant.requests.length),
					`${(variant.requests.length / WINDOWS).toFixed(2)}×`,
					String(variant.items),
					String(variant.requests.filter((entry) => entry.status === 429).length),
					String(maxInAnyWindow(variant.requests.map((entry) => Date.parse(entry.at)))),
				];
			}),
		),
	);
	const paced = result.variants[2];
	const rateLimited = paced.requests.filter((entry) => entry.status === 429).length;
	const ok = rateLimited === 0 && result.variants.every((variant) => variant.items === result.productsInFrame && variant.requests.length === WINDOWS);
	console.log(
		`Paced run against the 10/s limit: ${rateLimited} × 429 (${rateLimited === 0 ? 'none, as required' : 'EXPECTED NONE'}); ` +
			`at 8/s, ${WINDOWS} requests take at least ${((WINDOWS - 1) / 8).toFixed(1)} s.${ok ? '' : ' CHECK FAILED: items or requests differ.'}`,
	);
	if (!ok) process.exitCode = 1;
}

if (require.main === module) void runTimeFrameBench(Number(process.env.BENCH_TIME_FRAME_RUNS ?? 3)).then(printTimeFrameBench);
