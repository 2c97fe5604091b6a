/**
 * Child process of the returnAll bench (bench/returnAll.bench.ts): one variant, warm-up, then timed runs with
 * memory sampling. The parent owns the sandbox and reads its request log at each 'start'/'end'.
 */
import { performance } from 'perf_hooks';

import { bareSignedGet, listPage, type GatewayAccount } from './bareFetch';
import { askParent, MemorySampler, workerConfig } from './worker';

export interface ReturnAllWorkerConfig {
	variant: 'bare' | 'node';
	/** Node only: false lifts the pace (NODE_PIPELINE_OPTIONS), true keeps the credential's default 8/s. */
	paced: boolean;
	runs: number;
	account: GatewayAccount;
	startDay: string;
	endDay: string;
	pageSize: number;
}

export const LIST_PATH = (vendorId: string): string => `/v2/providers/openapi/apis/api/v4/vendors/${vendorId}/onlineInquiries`;

/** Pages 1.. of the period like the node's Return All: same query parameters, same order, stop at totalPages. */
async function bareReturnAll(config: ReturnAllWorkerConfig, maxPages = Number.POSITIVE_INFINITY): Promise<number> {
	const items: unknown[] = [];
	for (let pageNum = 1; pageNum <= maxPages; pageNum++) {
		const query = new URLSearchParams({
			vendorId: config.account.vendorId,
			answeredType: 'ALL',
			inquiryStartAt: config.startDay,
			inquiryEndAt: config.endDay,
			pageSize: String(config.pageSize),
			pageNum: String(pageNum),
		}).toString();
		const page = listPage(await bareSignedGet(config.account, LIST_PATH(config.account.vendorId), query));
		items.push(...page.content);
		if (page.content.length === 0 || pageNum >= page.totalPages) break;
	}
	return items.length;
}

async function nodeReturnAll(config: ReturnAllWorkerConfig, warmUp: boolean): Promise<number> {
	// Loaded only in the node's child, so the bare child's memory holds no n8n.
	const { runCoupangNode } = await import('./n8nNodes');
	const period = { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', startDate: `${config.startDay}T00:00:00`, endDate: `${config.endDay}T00:00:00` };
	const result = await runCoupangNode(config.account, warmUp ? { ...period, returnAll: false, limit: config.pageSize } : { ...period, returnAll: true });
	return result.items.length;
}

async function main(): Promise<void> {
	const config = workerConfig<ReturnAllWorkerConfig>();
	if (config.variant === 'node' && !config.paced) {
		const { NODE_PIPELINE_OPTIONS } = await import('../nodes/Coupang/transport/client');
		Object.assign(NODE_PIPELINE_OPTIONS, { requestsPerSecond: 1_000_000 });
	}
	const once = async (warmUp: boolean): Promise<number> =>
		config.variant === 'node' ? await nodeReturnAll(config, warmUp) : await bareReturnAll(config, warmUp ? 1 : Number.POSITIVE_INFINITY);

	await once(true); // warm-up: one page (modules, JIT, connections)
	const sampler = new MemorySampler();
	sampler.start();
	for (let run = 1; run <= config.runs; run++) {
		await askParent({ type: 'start', run });
		const started = performance.now();
		const items = await once(false);
		const ms = performance.now() - started;
		await askParent({ type: 'end', run, ms, items });
	}
	await askParent({ type: 'memory', memory: sampler.stop() });
	process.disconnect();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
