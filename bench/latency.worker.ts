/**
 * Child process of the latency bench (bench/latency.bench.ts): the client side at one round trip. The parent owns
 * the sandbox and the latency proxy (so the client's CPU work never delays the network's timers) and reads the
 * request log and the proxy's counts at each 'start'/'end'. Per workload:
 *   warm-up (node and fetch, straight to the sandbox: no proxy connection, no count),
 *   then per run: the node's Return All, then (run 1 only) the latency of one request on a new connection,
 *   then the bare paced keep-alive loop over the node's queries of run 1.
 */
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { INodeParameters } from 'n8n-workflow';

import { bareSignedGet, bareSignedHeaders, listPage, type GatewayAccount } from './bareFetch';
import { runCoupangNode } from './n8nNodes';
import { askParent, workerConfig } from './worker';

export interface LatencyWorkload {
	key: string;
	/** The node's parameters (Return All). */
	parameters: INodeParameters;
	/** One request's worth of the same operation, for the warm-up. */
	warmUp: INodeParameters;
}

export interface LatencyWorkerConfig {
	rttMs: number;
	runs: number;
	/** The bare loop's pace (requests/s): the node's default. */
	pace: number;
	/** How many single requests on new connections measure one request's latency. */
	probes: number;
	/** Through the proxy. */
	account: GatewayAccount;
	/** The sandbox itself: warm-ups that must not touch the proxy. */
	directUrl: string;
	workloads: LatencyWorkload[];
}

export interface LoggedQuery {
	path: string;
	query: string;
}

const sleep = async (ms: number): Promise<void> => await new Promise((resolve) => setTimeout(resolve, ms));

/** Items in a list answer: `data` (products by time) or `data.content` (inquiry pages). */
function countItems(body: unknown): number {
	const data = (body as { data?: unknown }).data;
	return Array.isArray(data) ? data.length : listPage(body).content.length;
}

/** The queries one after another through fetch's keep-alive pool, starts at least 1/pace apart. */
async function pacedBareLoop(config: LatencyWorkerConfig, queries: LoggedQuery[]): Promise<number> {
	const gapMs = 1000 / config.pace;
	let nextStart = 0;
	let items = 0;
	for (const { path, query } of queries) {
		const wait = nextStart - performance.now();
		if (wait > 0) await sleep(wait);
		nextStart = performance.now() + gapMs;
		items += countItems(await bareSignedGet(config.account, path, query));
	}
	return items;
}

/** One signed GET on a new connection (no agent: the connection closes after it, as n8n's do); ms to the last byte. */
async function newConnectionGet(account: GatewayAccount, { path, query }: LoggedQuery): Promise<number> {
	const started = performance.now();
	await new Promise<void>((resolve, reject) => {
		get(`${account.url}${path}?${query}`, { agent: false, headers: bareSignedHeaders(account, path, query) }, (response) => {
			response.resume();
			response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`probe: HTTP ${response.statusCode}`))));
		}).on('error', reject);
	});
	return performance.now() - started;
}

async function probeLatency(config: LatencyWorkerConfig, workload: LatencyWorkload, query: LoggedQuery): Promise<void> {
	const ms: number[] = [];
	for (let probe = 0; probe < config.probes; probe++) {
		ms.push(await newConnectionGet(config.account, query));
		await sleep(1000 / config.pace);
	}
	await askParent({ type: 'latency', workload: workload.key, ms });
}

/** Runs `work` between a 'start' and an 'end' to the parent; the parent's answer to 'end'. */
async function measured(workload: LatencyWorkload, variant: 'node' | 'bare', run: number, work: () => Promise<number>): Promise<{ queries: LoggedQuery[] }> {
	await askParent({ type: 'start', workload: workload.key, variant, run });
	const started = performance.now();
	const items = await work();
	const ms = performance.now() - started;
	return await askParent<{ queries: LoggedQuery[] }>({ type: 'end', workload: workload.key, variant, run, ms, items });
}

async function measureWorkload(config: LatencyWorkerConfig, workload: LatencyWorkload): Promise<void> {
	const direct = { ...config.account, url: config.directUrl };
	await runCoupangNode(direct, workload.warmUp);
	let queries: LoggedQuery[] | undefined;
	for (let run = 1; run <= config.runs; run++) {
		const { queries: logged } = await measured(workload, 'node', run, async () => (await runCoupangNode(config.account, workload.parameters)).items.length);
		if (queries === undefined) {
			queries = logged;
			await bareSignedGet(direct, queries[0].path, queries[0].query); // warm-up of fetch
			await probeLatency(config, workload, queries[0]);
		}
		const replay = queries;
		await measured(workload, 'bare', run, async () => await pacedBareLoop(config, replay));
	}
}

async function main(): Promise<void> {
	const config = workerConfig<LatencyWorkerConfig>();
	for (const workload of config.workloads) await measureWorkload(config, workload);
	process.disconnect();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
