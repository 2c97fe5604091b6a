/**
 * Latency: the Coupang node (n8n-core WorkflowExecute → RoutingNode) behind a loopback proxy that adds a round
 * trip (bench/latencyProxy.ts: RTT/2 per chunk each way, plus one extra round trip per new connection, standing in
 * for TLS), at the DEFAULT pace (credential default 8 requests/s) against the sandbox's 10/s limit. Workloads:
 *   returnAll  Return All of N product inquiries in one 7-day period (N/50 pages);
 *   timeFrame  a 24-hour product time frame (Get Many by Creation Time, Return All: one request per window; the
 *              node's own count, read from the request log).
 * Against, in the same run and at the same round trip:
 *   floor  the pace floor: (requests − 1) / pace + one request's latency (median of single signed GETs, each on a
 *          new connection, so handshake included) — no client that keeps the pace can finish sooner;
 *   bare   a bare SEQUENTIAL keep-alive loop: fetch over the node's queries of run 1, in the same order, signed with
 *          node:crypto, starts at least 1/pace apart — the same requests, sequential, keep-alive, never faster than
 *          the pace (unpaced, it would draw 429s from the 10/s gateway at low RTT). fetch's pool keeps its
 *          connections; when requests follow back to back it alternates between two (so 1–2 handshakes a run).
 * Request counts come from the sandbox's request log, connection counts from the proxy. The sandbox and the proxy
 * run in this process, the clients in a child per round trip (bench/latency.worker.ts).
 *
 *   npm run bench -- latency
 *   BENCH_LATENCY_RTTS=0,50,150,300  BENCH_LATENCY_ITEMS=10000  BENCH_LATENCY_HOURS=24  BENCH_LATENCY_RUNS=1
 *   BENCH_LATENCY_WORKLOADS=returnAll,timeFrame  BENCH_LATENCY_HANDSHAKE_RTS=1  BENCH_LATENCY_PROBES=5
 */
import { join } from 'path';

import { PACE } from '../nodes/Coupang/core/coupangFacts';
import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../sandbox';
import type { LatencyWorkerConfig, LatencyWorkload, LoggedQuery } from './latency.worker';
import { startLatencyProxy, type LatencyProxy } from './latencyProxy';
import { koreaTime, seedProductFrame, seedProductInquiryPeriod } from './seeds';
import { formatTable, maxInAnyWindow, median } from './util';
import { runWorker } from './worker';

export interface LatencyBenchOptions {
	rttsMs: number[];
	items: number;
	hours: number;
	runs: number;
	workloads: string[];
	handshakeRoundTrips: number;
	probes: number;
}

export const LATENCY_DEFAULTS: LatencyBenchOptions = {
	rttsMs: [0, 50, 150, 300],
	items: 10_000,
	hours: 24,
	runs: 1,
	workloads: ['returnAll', 'timeFrame'],
	handshakeRoundTrips: 1,
	probes: 5,
};

/** One timed run of one client: its wall time, items, the sandbox's log and the proxy's new connections. */
export interface LatencyRun {
	workload: string;
	variant: 'node' | 'bare';
	rttMs: number;
	ms: number;
	items: number;
	requests: RequestLogEntry[];
	connections: number;
}

interface SeededWorkload extends LatencyWorkload {
	label: string;
	expectedItems: number;
}

export interface LatencyBenchResult {
	options: LatencyBenchOptions;
	pace: number;
	rateLimit: number;
	workloads: SeededWorkload[];
	runs: LatencyRun[];
	/** Single-request latencies on new connections, by `${workload}@${rttMs}`. */
	probes: Record<string, number[]>;
}

function seedWorkloads(sandbox: RunningSandbox, options: LatencyBenchOptions): SeededWorkload[] {
	const all: SeededWorkload[] = [];
	if (options.workloads.includes('returnAll')) {
		const { startDay, endDay } = seedProductInquiryPeriod(sandbox, options.items);
		const period = { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', startDate: `${startDay}T00:00:00`, endDate: `${endDay}T00:00:00` };
		const label = `Return All, ${options.items} product inquiries, one 7-day period`;
		all.push({ key: 'returnAll', label, expectedItems: options.items, parameters: { ...period, returnAll: true }, warmUp: { ...period, returnAll: false, limit: 50 } });
	}
	if (options.workloads.includes('timeFrame')) {
		const { fromMs, toMs, productsInFrame } = seedProductFrame(sandbox, options.hours);
		const frame = { resource: 'product', operation: 'getManyByCreationTime', createdAtFrom: koreaTime(fromMs), returnAll: true };
		const label = `Product time frame of ${options.hours} h, ${productsInFrame} products`;
		all.push({ key: 'timeFrame', label, expectedItems: productsInFrame, parameters: { ...frame, createdAtTo: koreaTime(toMs) }, warmUp: { ...frame, createdAtTo: koreaTime(fromMs + 60_000) } });
	}
	if (all.length === 0) throw new Error('latency bench: BENCH_LATENCY_WORKLOADS names none of returnAll, timeFrame');
	return all;
}

/** The successful requests of a run, in order, once each: what the bare loop replays. */
function successfulQueries(log: RequestLogEntry[]): LoggedQuery[] {
	const byUrl = new Map<string, LoggedQuery>();
	for (const { path, query, status } of log) if (status === 200 && !byUrl.has(`${path}?${query}`)) byUrl.set(`${path}?${query}`, { path, query });
	return [...byUrl.values()];
}

/** Answers the child at one round trip: each 'start' waits for an empty sliding second, each 'end' is recorded. */
function recorder(sandbox: RunningSandbox, proxy: LatencyProxy, result: LatencyBenchResult): (message: Record<string, unknown>) => Promise<object> {
	let connectionsBefore = 0;
	return async (message) => {
		const workload = String(message.workload);
		if (message.type === 'start') {
			await new Promise((resolve) => setTimeout(resolve, 1100));
			sandbox.clearRequestLog();
			connectionsBefore = proxy.stats().connections;
		}
		if (message.type === 'latency') result.probes[`${workload}@${proxy.rttMs}`] = message.ms as number[];
		if (message.type !== 'end') return {};
		const requests = sandbox.requestLog();
		const variant = message.variant === 'bare' ? 'bare' : 'node';
		const connections = proxy.stats().connections - connectionsBefore;
		result.runs.push({ workload, variant, rttMs: proxy.rttMs, ms: Number(message.ms), items: Number(message.items), requests, connections });
		console.log(`  latency: ${workload} ${variant} at ${proxy.rttMs} ms, run ${String(message.run)}: ${(Number(message.ms) / 1000).toFixed(1)} s, ${requests.length} requests, ${connections} connections`);
		return { queries: successfulQueries(requests) };
	};
}

async function measureAtRtt(sandbox: RunningSandbox, rttMs: number, result: LatencyBenchResult): Promise<void> {
	const { options } = result;
	const proxy = await startLatencyProxy({ targetPort: sandbox.port, oneWayDelayMs: rttMs / 2, handshakeRoundTrips: options.handshakeRoundTrips });
	const config: LatencyWorkerConfig = {
		rttMs,
		runs: options.runs,
		pace: result.pace,
		probes: options.probes,
		account: { url: proxy.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, vendorId: sandbox.vendorId },
		directUrl: sandbox.url,
		workloads: result.workloads.map(({ key, parameters, warmUp }) => ({ key, parameters, warmUp })),
	};
	try {
		// Sequential pages at 300 ms and a new connection each: about 0.6 s a request.
		await runWorker(join(__dirname, 'latency.worker.ts'), config, recorder(sandbox, proxy, result), 3_600_000 * options.runs);
	} finally {
		await proxy.stop();
	}
}

export async function runLatencyBench(options: LatencyBenchOptions = LATENCY_DEFAULTS): Promise<LatencyBenchResult> {
	const sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0 });
	try {
		const result: LatencyBenchResult = { options, pace: PACE.default, rateLimit: PACE.coupangLimit, workloads: seedWorkloads(sandbox, options), runs: [], probes: {} };
		sandbox.setFaults({ rateLimitPerSecond: result.rateLimit });
		for (const rttMs of options.rttsMs) await measureAtRtt(sandbox, rttMs, result);
		return result;
	} finally {
		await sandbox.stop();
	}
}

interface LatencyRow {
	workload: SeededWorkload;
	rttMs: number;
	/** Median latency of one request on a new connection. */
	latencyMs: number;
	/** The node's requests per run (median). */
	requests: number;
	floorMs: number;
	node: LatencyRun[];
	bare: LatencyRun[];
}

const medianOf = (runs: LatencyRun[], value: (run: LatencyRun) => number): number => median(runs.map(value));

function rowsOf(result: LatencyBenchResult): LatencyRow[] {
	return result.options.rttsMs.flatMap((rttMs) =>
		result.workloads.map((workload) => {
			const runs = result.runs.filter((run) => run.workload === workload.key && run.rttMs === rttMs);
			const node = runs.filter((run) => run.variant === 'node');
			const requests = medianOf(node, (run) => run.requests.length);
			const latencyMs = median(result.probes[`${workload.key}@${rttMs}`] ?? [Number.NaN]);
			return { workload, rttMs, latencyMs, requests, floorMs: ((requests - 1) / result.pace) * 1000 + latencyMs, node, bare: runs.filter((run) => run.variant === 'bare') };
		}),
	);
}

/** "25.0 [24.9–25.3]": median and range of the runs, seconds. */
function seconds(runs: LatencyRun[]): string {
	const values = runs.map((run) => run.ms / 1000);
	return runs.length === 1 ? values[0].toFixed(1) : `${median(values).toFixed(1)} [${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}]`;
}

const rateLimited = (runs: LatencyRun[]): number => runs.reduce((sum, run) => sum + run.requests.filter((entry) => entry.status === 429).length, 0);
const maxPerSecond = (runs: LatencyRun[]): number => Math.max(...runs.map((run) => maxInAnyWindow(run.requests.map((entry) => Date.parse(entry.at)))));
const counts = (runs: LatencyRun[], value: (run: LatencyRun) => number): string => [...new Set(runs.map(value))].join('/');

function rowCells(row: LatencyRow): string[] {
	const nodeMs = medianOf(row.node, (run) => run.ms);
	const bareMs = medianOf(row.bare, (run) => run.ms);
	return [
		row.workload.key,
		String(row.rttMs),
		row.latencyMs.toFixed(0),
		`${counts(row.node, (run) => run.requests.length)} / ${counts(row.bare, (run) => run.requests.length)}`,
		`${counts(row.node, (run) => run.connections)} / ${counts(row.bare, (run) => run.connections)}`,
		(row.floorMs / 1000).toFixed(1),
		seconds(row.node),
		`${(nodeMs / row.floorMs).toFixed(2)}×`,
		seconds(row.bare),
		`${(bareMs / row.floorMs).toFixed(2)}×`,
		`${(nodeMs / bareMs).toFixed(2)}×`,
		`${rateLimited(row.node)} / ${rateLimited(row.bare)}`,
		`${maxPerSecond(row.node)} / ${maxPerSecond(row.bare)}`,
	];
}

/** Every run returned every item, the bare loop sent what the node sent, and nothing drew a 429. */
function checks(rows: LatencyRow[]): string[] {
	const failures: string[] = [];
	for (const row of rows) {
		const where = `${row.workload.key} at ${row.rttMs} ms`;
		if ([...row.node, ...row.bare].some((run) => run.items !== row.workload.expectedItems)) failures.push(`${where}: items ≠ ${row.workload.expectedItems}`);
		if (row.bare.some((run) => run.requests.length !== successfulQueries(row.node[0].requests).length)) failures.push(`${where}: the bare loop sent other requests`);
		if (rateLimited([...row.node, ...row.bare]) > 0) failures.push(`${where}: 429s`);
	}
	return failures;
}

function goals(rows: LatencyRow[]): string {
	const ms = (row: LatencyRow, variant: 'node' | 'bare'): number => medianOf(row[variant], (run) => run.ms);
	const nearFloor = rows.filter((row) => ms(row, 'node') / row.floorMs <= 1.1).length;
	const fromFifty = rows.filter((row) => row.rttMs >= 50);
	const ahead = fromFifty.filter((row) => ms(row, 'node') < ms(row, 'bare')).length;
	return `Goal (issue 13): node ≤ 1.10× the floor: ${nearFloor}/${rows.length} rows; node ahead of the bare loop from 50 ms: ${ahead}/${fromFifty.length} rows.`;
}

export function printLatencyBench(result: LatencyBenchResult): void {
	const { options } = result;
	const rows = rowsOf(result);
	console.log(
		`\nLatency: the node via n8n-core behind a latency proxy (RTT/2 per chunk each way, +${options.handshakeRoundTrips} RTT per new connection), ` +
			`default pace ${result.pace}/s, sandbox limit ${result.rateLimit}/s; ${options.runs} run(s) per cell, median [min–max]; floor and bare loop measured in this run`,
	);
	for (const workload of result.workloads) console.log(`  ${workload.key}: ${workload.label}`);
	console.log(
		formatTable(
			['workload', 'RTT ms', '1 req ms', 'requests node/bare', 'conns node/bare', 'floor s', 'node s', 'node/floor', 'bare s', 'bare/floor', 'node/bare', '429s', 'max/s'],
			rows.map(rowCells),
		),
	);
	const failures = checks(rows);
	console.log(
		'1 req = one signed GET on a new connection (median of the probes); floor = (requests − 1) / pace + 1 req. ' +
			'bare = fetch over the node\'s queries through its keep-alive pool, starts ≥ 1/pace apart. max/s = most arrivals in any sliding second.',
	);
	console.log(goals(rows));
	console.log(`Every run returned every item, the bare loop replayed the node's requests, no 429: ${failures.length === 0 ? 'yes' : `NO (${failures.join('; ')})`}`);
	if (failures.length > 0) process.exitCode = 1;
}

const listEnv = (name: string, fallback: string[]): string[] => (process.env[name] ?? fallback.join(',')).split(',').map((part) => part.trim()).filter((part) => part !== '');

/** The options from BENCH_LATENCY_* (see the header). */
export function latencyOptionsFromEnv(): LatencyBenchOptions {
	const number = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
	const defaults = LATENCY_DEFAULTS;
	const options: LatencyBenchOptions = {
		rttsMs: listEnv('BENCH_LATENCY_RTTS', defaults.rttsMs.map(String)).map(Number),
		items: number('BENCH_LATENCY_ITEMS', defaults.items),
		hours: number('BENCH_LATENCY_HOURS', defaults.hours),
		runs: number('BENCH_LATENCY_RUNS', defaults.runs),
		workloads: listEnv('BENCH_LATENCY_WORKLOADS', defaults.workloads),
		handshakeRoundTrips: number('BENCH_LATENCY_HANDSHAKE_RTS', defaults.handshakeRoundTrips),
		probes: number('BENCH_LATENCY_PROBES', defaults.probes),
	};
	const numbers = [...options.rttsMs, options.items, options.hours, options.runs, options.handshakeRoundTrips, options.probes];
	if (numbers.some((value) => !Number.isFinite(value) || value < 0) || options.runs < 1 || options.probes < 1) throw new Error('latency bench: bad BENCH_LATENCY_* value');
	return options;
}

if (require.main === module) void runLatencyBench(latencyOptionsFromEnv()).then(printLatencyBench);
