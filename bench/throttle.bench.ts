/**
 * Coupang's throttle block (sandbox model: more than 10 calls of a seller in a sliding second block every call of it;
 * each call during the block extends it): how many requests a seller's work sends into a block another client of
 * the same seller started, and how long after the block ends the work resumes. Times are scaled down from
 * minutes: block BENCH_THROTTLE_BLOCK_MS (3000), hold BENCH_THROTTLE_HOLD_MS (4000).
 *   A. baseline, the previous pipeline's behaviour written out: 3 readers paging at 8/s that retry a 429 after
 *      1 s (Retry-After or not), up to 5 tries
 *   B. this package: 3 Return All executions and the trigger's catch-up through n8n-core, one process, default
 *      pace (8/s), the hold of the credential (scaled)
 *
 *   npm run bench -- throttle
 */
import { performance } from 'perf_hooks';

import { resetSharedPacers } from '../nodes/Coupang/core/pace';
import { NODE_PIPELINE_OPTIONS, TRIGGER_PIPELINE_OPTIONS } from '../nodes/Coupang/transport/client';
import { startSandbox, type RequestLogEntry, type RunningSandbox } from '../sandbox';
import { bareSignedGet, listPage, type GatewayAccount } from './bareFetch';
import { formatKoreaDay } from './koreaDay';
import { pollingTrigger, runCoupangNode } from './n8nNodes';
import { formatTable } from './util';

const DAY_MS = 86_400_000;

export interface ThrottleBenchRow {
	name: string;
	/** Our requests answered from inside a block. */
	intoBlock: number;
	/** From the sandbox's block end to our first answered request after it. */
	resumeMs: number | undefined;
	/** How long the block lasted (the calls into it extended it). */
	blockMs: number;
	completed: string;
}

const sleep = async (ms: number): Promise<void> => await new Promise((resolve) => setTimeout(resolve, ms));

/** The block is tripped once the work is under way (its first requests answered), however fast the machine. */
async function untilUnderWay(sandbox: RunningSandbox, requests = 3): Promise<void> {
	while (sandbox.requestLog().filter((entry) => entry.path.endsWith('/onlineInquiries')).length < requests) await sleep(5);
}

/** Another client of the same seller fires 15 calls at once: the sandbox blocks the seller. */
async function tripBlock(account: GatewayAccount): Promise<void> {
	const query = `vendorId=${account.vendorId}&createdAtFrom=2026-11-01T00:00:00&createdAtTo=2026-11-01T00:05:00`;
	await Promise.all(Array.from({ length: 15 }, async () => await bareSignedGet(account, '/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame', query).catch(() => undefined)));
}

function summarise(name: string, log: RequestLogEntry[], blockMs: number, completed: string): ThrottleBenchRow {
	const ours = log.filter((entry) => !entry.path.endsWith('/time-frame'));
	const blocked = log.filter((entry) => entry.blocked !== undefined);
	const lastBlocked = Math.max(...blocked.map((entry) => Date.parse(entry.at)));
	const blockEnd = lastBlocked + blockMs;
	const firstAfter = ours.find((entry) => Date.parse(entry.at) >= blockEnd && entry.status === 200);
	return {
		name,
		intoBlock: ours.filter((entry) => entry.blocked !== undefined).length,
		resumeMs: firstAfter ? Date.parse(firstAfter.at) - blockEnd : undefined,
		blockMs: blockEnd - Math.min(...blocked.map((entry) => Date.parse(entry.at))),
		completed,
	};
}

/** The previous pipeline, written out: page at 8/s, on 429 wait a second (its hold) and try again, 5 tries. */
async function oldPolicyReader(account: GatewayAccount, query: URLSearchParams): Promise<boolean> {
	const path = `/v2/providers/openapi/apis/api/v4/vendors/${account.vendorId}/onlineInquiries`;
	for (let pageNum = 1; ; pageNum++) {
		let page: { content: unknown[]; totalPages: number } | undefined;
		for (let tries = 1; tries <= 5 && page === undefined; tries++) {
			await sleep(125);
			page = await bareSignedGet(account, path, `${query.toString()}&pageNum=${pageNum}`).then(listPage, async () => {
				await sleep(1000);
				return undefined;
			});
		}
		if (page === undefined) return false;
		if (page.content.length === 0 || pageNum >= page.totalPages) return true;
	}
}

async function measureOldPolicy(sandbox: RunningSandbox, account: GatewayAccount, blockMs: number): Promise<ThrottleBenchRow> {
	const query = new URLSearchParams({ vendorId: account.vendorId, answeredType: 'ALL', inquiryStartAt: formatKoreaDay(new Date(Date.now() - 6 * DAY_MS)), inquiryEndAt: formatKoreaDay(new Date()), pageSize: '50' });
	sandbox.clearRequestLog();
	const readers = Promise.all([0, 1, 2].map(async () => await oldPolicyReader(account, query)));
	await untilUnderWay(sandbox);
	await tripBlock(account);
	const done = await readers;
	await sleep(blockMs + 500);
	return summarise('A. previous pipeline (retry a 429 after 1 s)', sandbox.requestLog(), blockMs, `${done.filter(Boolean).length}/3 readers`);
}

async function measureHold(sandbox: RunningSandbox, account: GatewayAccount, blockMs: number, holdMs: number): Promise<ThrottleBenchRow> {
	resetSharedPacers();
	Object.assign(NODE_PIPELINE_OPTIONS, { holdMs });
	Object.assign(TRIGGER_PIPELINE_OPTIONS, { holdMs });
	const period = { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', startDate: `${formatKoreaDay(new Date(Date.now() - 6 * DAY_MS))}T00:00:00`, endDate: `${formatKoreaDay(new Date())}T00:00:00`, returnAll: true };
	sandbox.clearRequestLog();
	const runs = Promise.all([0, 1, 2].map(async () => await runCoupangNode(account, period).then(() => true, () => false)));
	const trigger = await pollingTrigger(account, { event: 'productInquiry', answeredType: 'ALL', options: { includeLastDays: 6 } });
	await untilUnderWay(sandbox);
	await tripBlock(account);
	const polled = await trigger.poll().then(() => 'emitted', () => 'held');
	const done = await runs;
	await sleep(blockMs + 500);
	return summarise(`B. this package (hold ${holdMs / 1000} s)`, sandbox.requestLog(), blockMs, `${done.filter(Boolean).length}/3 runs, trigger poll ${polled}`);
}

export async function runThrottleBench(blockMs = 3000, holdMs = 4000): Promise<ThrottleBenchRow[]> {
	const sandbox = await startSandbox({ port: 0, seed: 5, productInquiries: 3000, callCenterInquiries: 0, products: 0 });
	try {
		sandbox.setFaults({ rateLimitPerSecond: 10, rateLimitBlockMs: blockMs });
		const account = { url: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, vendorId: sandbox.vendorId };
		const started = performance.now();
		const rows = [await measureOldPolicy(sandbox, account, blockMs)];
		await sleep(blockMs + 1000);
		rows.push(await measureHold(sandbox, account, blockMs, holdMs));
		console.log(`(throttle bench ran ${((performance.now() - started) / 1000).toFixed(1)} s)`);
		return rows;
	} finally {
		await sandbox.stop();
	}
}

export function printThrottleBench(rows: ThrottleBenchRow[], blockMs: number): void {
	console.log(`\nThrottle: a block started by another client of the seller (sandbox block ${blockMs / 1000} s, extended by every call into it)`);
	console.log(
		formatTable(
			['Variant', 'Requests into the block', 'Block lasted', 'Resumed after the block ended', 'Completed'],
			rows.map((row) => [row.name, String(row.intoBlock), `${(row.blockMs / 1000).toFixed(1)} s`, row.resumeMs === undefined ? '—' : `${(row.resumeMs / 1000).toFixed(2)} s`, row.completed]),
		),
	);
}
