import { describeGatewayRejection } from './authentication';

/**
 * Reading Coupang's answer out of whatever n8n's HTTP helpers threw, and the "how to resolve" hints from the
 * API docs' error tables. Pure: no n8n classes, so the node and the trigger share it and unit tests cover it.
 */

export interface CoupangFailure {
	/** HTTP status, when there was an HTTP answer. */
	status?: number;
	/** Coupang's own message (`message` of the JSON body), or a short description of what came back. */
	message: string;
	/** Network error code (ECONNRESET, ETIMEDOUT, …) when there was no answer. */
	networkCode?: string;
}

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose | undefined {
	return typeof value === 'object' && value !== null ? (value as Loose) : undefined;
}

function parseBody(body: unknown): unknown {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as unknown;
		} catch {
			return body;
		}
	}
	if (typeof Buffer !== 'undefined' && Buffer.isBuffer(body)) return parseBody(body.toString('utf8'));
	return body;
}

/** Describes a response body that is not the JSON Coupang sends. */
export function describeUnexpectedBody(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'Coupang answered with an empty body';
	if (typeof body === 'string') {
		if (/access denied/i.test(body)) return 'Access Denied';
		if (/^\s*</.test(body)) return 'Coupang answered with an HTML page instead of JSON';
		return `Coupang answered with something that is not JSON: ${body.slice(0, 80)}`;
	}
	return 'Coupang answered with an unexpected body';
}

function messageFromBody(body: unknown): string | undefined {
	const parsed = parseBody(body);
	const record = asRecord(parsed);
	if (record) {
		const message = record.message ?? record.errorMessage ?? record.error;
		if (typeof message === 'string' && message.trim() !== '') return message.trim();
		return undefined;
	}
	return describeUnexpectedBody(parsed);
}

/** Walks the error and its causes (NodeApiError → axios-style error → response) for status, body and code. */
export function readCoupangFailure(error: unknown): CoupangFailure {
	let status: number | undefined;
	let message: string | undefined;
	let networkCode: string | undefined;
	const visited = new Set<unknown>();
	let current: unknown = error;
	while (asRecord(current) && !visited.has(current)) {
		visited.add(current);
		const record = asRecord(current) as Loose;
		const response = asRecord(record.response);
		const candidateStatus = Number(response?.status ?? response?.statusCode ?? record.httpCode ?? record.statusCode);
		if (status === undefined && Number.isInteger(candidateStatus) && candidateStatus >= 100) status = candidateStatus;
		if (message === undefined && response && 'data' in response) message = messageFromBody(response.data);
		if (message === undefined && response && 'body' in response) message = messageFromBody(response.body);
		if (networkCode === undefined && typeof record.code === 'string' && /^E(?!RR_)[A-Z_]+$/.test(record.code)) {
			networkCode = record.code;
		}
		current = record.cause ?? record.error;
	}
	if (message === undefined) {
		const record = asRecord(error);
		const fallback = networkCode
			? `No answer from Coupang (${networkCode})`
			: typeof record?.message === 'string'
				? record.message
				: String(error);
		message = fallback;
	}
	return { status, message, networkCode };
}

const DOCUMENTED_HINTS: Array<[RegExp, string]> = [
	[/time interval needs to be less than or equal to 7 days/i, 'Make sure that the query period is 7 days or less (or turn on Return All to fetch longer periods in 7-day windows).'],
	[/read timed out/i, 'Shorten the query period (1 day) and page size (10) and try again, or raise the Extended Timeout option (X-EXTENDED-TIMEOUT).'],
	[/invalid vendor id/i, 'Make sure that the seller ID (Vendor ID in the credential) is correct.'],
	[/cannot query a list of products by another vendor/i, 'Check that the seller ID (Vendor ID in the credential) is correct.'],
	[/exceeded the maximum search range/i, 'Check Created From and Created To: Coupang returns at most 10 minutes per request (turn on Return All to fetch longer ranges in 10-minute windows).'],
	[/invalid format inquiryid|inquiry not found|vendor id should be same/i, 'Check that the Inquiry ID is correct and belongs to your seller account.'],
	[/too many requests/i, 'Coupang allows about 10 requests per second per seller. Lower the request rate or run fewer workflows at once.'],
];

/** The doc's "how to resolve" for a Coupang failure, the gateway's meaning for 401/403, or a timeout hint. */
export function hintFor(failure: CoupangFailure): string | undefined {
	for (const [pattern, hint] of DOCUMENTED_HINTS) if (pattern.test(failure.message)) return hint;
	const gateway = describeGatewayRejection(failure.status, failure.message);
	if (gateway) return gateway;
	if (failure.networkCode === 'ETIMEDOUT' || failure.networkCode === 'ECONNABORTED' || /timeout/i.test(failure.message)) {
		return 'The request timed out. For heavy lists set the Extended Timeout option (sends X-EXTENDED-TIMEOUT) or shorten the period.';
	}
	if (failure.status === 429) return DOCUMENTED_HINTS[6][1];
	return undefined;
}
