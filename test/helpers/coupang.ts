import type { IDataObject, INode } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { Coupang } from '../../nodes/Coupang/Coupang.node';
import { resetSharedPacers } from '../../nodes/Coupang/core/pace';
import { NODE_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import type { RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode, type NodeRunResult } from './n8n';

export const COUPANG_TYPE = 'n8n-nodes-coupang.coupang';

export interface RunCoupangOptions {
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	timezone?: string;
	credentials?: Partial<{ accessKey: string; secretKey: string; vendorId: string; baseUrl: string; wingUserId: string }>;
}

/** Runs the Coupang node through n8n-core against the sandbox, with a clean request log. */
export async function runCoupang(
	sandbox: RunningSandbox,
	parameters: INode['parameters'],
	options: RunCoupangOptions = {},
): Promise<NodeRunResult & { requests: ReturnType<RunningSandbox['requestLog']>; json: IDataObject[] }> {
	sandbox.clearRequestLog();
	const result = await runNode({
		type: COUPANG_TYPE,
		nodeType: new Coupang(),
		// Tests compare the output with Coupang's records: Raw, unless a test is about the Output option.
		parameters: { output: 'raw', ...parameters },
		credentials: { ...credentialsFor(sandbox), ...options.credentials },
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone ?? 'Asia/Seoul',
	});
	return { ...result, requests: sandbox.requestLog(), json: result.items.map((item) => item.json) };
}

/** Korea-time date `days` days before the sandbox clock. */
export function koreaDay(sandbox: RunningSandbox, daysAgo: number): string {
	return DateTime.fromJSDate(sandbox.now()).setZone('Asia/Seoul').minus({ days: daysAgo }).toFormat('yyyy-MM-dd');
}

/** The `n8n dateTime` value for midnight of a Korea date, as n8n stores it without offset (workflow zone Asia/Seoul). */
export function dateParameter(koreaDate: string): string {
	return `${koreaDate}T00:00:00`;
}

/**
 * For test files that are not about pacing: lifts the node's pace (the credential allows at most 9 requests/s,
 * which would make tests of thousands of requests slow), shortens retry waits and makes a throttle hold last 1 s
 * (the credential's minimum is a minute). Each jest file has its own module registry, so this does not leak into
 * other files; the pace is tested in test/faults/pace.test.ts, real holds in test/faults/throttle.test.ts.
 */
export function liftPaceForThisFile(): void {
	Object.assign(NODE_PIPELINE_OPTIONS, { requestsPerSecond: 1000, baseDelayMs: 5, maxDelayMs: 20, holdMs: 1_000 });
}

/** Forgets every seller's pace and throttle hold in this process: for tests whose scenarios must not share one. */
export function forgetPacesAndHolds(): void {
	resetSharedPacers();
}
