import type { IExecutePaginationFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { readCoupangCredentials } from './core/authentication';
import { pacerKey, type PipelineDeps, type PipelineOptions, sendThroughPacedPipeline } from './core/requestPipeline';

const PIPELINE_DEPS: PipelineDeps = { now: () => Date.now(), sleep, random: () => Math.random() };

/**
 * Fixed pipeline settings of the node, applied over the credential's pace. Empty in production; exported only so
 * tests that are not about pacing can lift the pace or shorten retry waits.
 */
export const NODE_PIPELINE_OPTIONS: PipelineOptions = {};

/**
 * Every Coupang request of the node goes through here: the per-seller pace shared with the trigger and the retry
 * policy of ./core/requestPipeline. `write` marks requests that change data (replies, confirms), which are only
 * retried when the failure proves nothing was written.
 */
export async function sendThroughPipeline<T>(
	context: IExecutePaginationFunctions,
	write: boolean,
	sendRequest: () => Promise<T>,
): Promise<T> {
	const credentials = readCoupangCredentials(await context.getCredentials('coupangApi'));
	return await sendThroughPacedPipeline(
		pacerKey(credentials.baseUrl, credentials.vendorId, credentials.accessKey),
		sendRequest,
		{
			isWrite: write,
			requestsPerSecond: credentials.requestsPerSecond,
			abortSignal: context.getExecutionCancelSignal(),
			...NODE_PIPELINE_OPTIONS,
		},
		PIPELINE_DEPS,
	);
}
