import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { buildSignedUrl, signRequest, type QueryParameters } from './signing';

export const COUPANG_DEFAULT_BASE_URL = 'https://api-gateway.coupang.com';

/** Coupang seller codes look like A00012345: the letter A and 8 digits. */
export const VENDOR_ID_PATTERN = /^A\d{8}$/;
export const VENDOR_ID_PATTERN_SOURCE = VENDOR_ID_PATTERN.source;

export interface CoupangCredentials {
	accessKey: string;
	secretKey: string;
	vendorId: string;
	baseUrl: string;
	/** The pace the node and the trigger keep for this seller (Coupang throttles at about 10 per second). */
	requestsPerSecond: number;
}

export const DEFAULT_REQUESTS_PER_SECOND = 8;
/**
 * Below Coupang's ~10/s: the pace spaces request starts, but network jitter bunches arrivals (measured: 9 in one
 * second at a pace of 8, and occasional 429s at a pace of 10 against a 10/s gateway).
 */
export const MAX_REQUESTS_PER_SECOND = 9;

/** Checks the credential's shape. The message names the field and the rule, never the secret. */
export function readCoupangCredentials(credentials: ICredentialDataDecryptedObject): CoupangCredentials {
	const text = (key: string) => (typeof credentials[key] === 'string' ? (credentials[key] as string).trim() : '');
	const accessKey = text('accessKey');
	const secretKey = text('secretKey');
	const vendorId = text('vendorId');
	const baseUrl = text('baseUrl') || COUPANG_DEFAULT_BASE_URL;
	if (!accessKey) throw new UserError('Coupang credential: Access Key is empty');
	if (!secretKey) throw new UserError('Coupang credential: Secret Key is empty');
	if (!VENDOR_ID_PATTERN.test(vendorId)) {
		throw new UserError(
			`Coupang credential: Vendor ID "${vendorId}" is not a Coupang seller code (the letter A and 8 digits, e.g. A00012345)`,
		);
	}
	if (!/^https?:\/\/[^/]+/i.test(baseUrl)) {
		throw new UserError(`Coupang credential: Base URL "${baseUrl}" must start with https:// (or http:// for a local sandbox)`);
	}
	const pace = credentials.requestsPerSecond;
	const requestsPerSecond = pace === undefined || pace === null || pace === '' ? DEFAULT_REQUESTS_PER_SECOND : Number(pace);
	if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1 && requestsPerSecond <= MAX_REQUESTS_PER_SECOND)) {
		throw new UserError(
			`Coupang credential: Max Requests per Second is ${String(pace)}; it must be a whole number from 1 to ${MAX_REQUESTS_PER_SECOND} (Coupang throttles at about 10)`,
		);
	}
	return { accessKey, secretKey, vendorId, baseUrl: baseUrl.replace(/\/+$/, ''), requestsPerSecond };
}

/**
 * The credential's `authenticate`: n8n hands us a relative `url`, a `baseURL` and a `qs` object. We encode the
 * query once, sign exactly that string, and return the absolute URL carrying it with no `qs`, so n8n's HTTP client
 * cannot encode the query differently from what was signed.
 */
export function authenticateCoupangRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: Date,
): IHttpRequestOptions {
	const { accessKey, secretKey, vendorId, baseUrl } = readCoupangCredentials(credentials);
	const signedUrl = buildSignedUrl(
		requestOptions.baseURL || baseUrl,
		requestOptions.url,
		requestOptions.qs as QueryParameters | undefined,
	);
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const { authorization } = signRequest({
		method,
		path: signedUrl.path,
		query: signedUrl.query,
		accessKey,
		secretKey,
		now,
	});
	const headers: Record<string, string> = {
		...(requestOptions.headers as Record<string, string> | undefined),
		Authorization: authorization,
		'X-Requested-By': vendorId,
		'Content-Type': 'application/json;charset=UTF-8',
	};
	if (headers.Accept === undefined) headers.Accept = 'application/json';
	const signed: IHttpRequestOptions = { ...requestOptions, method: method as IHttpRequestOptions['method'], url: signedUrl.url, headers };
	delete signed.qs;
	delete signed.baseURL;
	return signed;
}

/** What the gateway's refusals mean for a seller, by HTTP status. */
export const GATEWAY_REJECTION_HINTS: Record<400 | 401 | 403, string> = {
	400: 'Coupang rejected the request parameters. Check that the Vendor ID is your own seller code (e.g. A00012345).',
	401: 'Coupang did not accept the keys. Check the Access Key and Secret Key (Wing → Seller Info → Open API Key), and that the n8n server clock is correct: signatures expire after 5 minutes.',
	403: "Coupang refused this server. Register the n8n server's public IP address in Wing's Open API key settings, or check that the keys are still active.",
};

const GATEWAY_MESSAGE_HINTS: Array<[RegExp, string]> = [
	[/invalid signature/i, 'The Secret Key does not match the Access Key. Copy both again from Wing → Seller Info → Open API Key.'],
	[/signature is expired/i, "The n8n server's clock is off by more than 5 minutes. Synchronise it (NTP) and retry."],
	[/not authorized/i, 'Coupang does not know this Access Key, or it was revoked. Check the Access Key in Wing → Seller Info → Open API Key.'],
	[/hmac format/i, 'The request was not signed. Select the Coupang API credential on the node.'],
	[/access denied/i, GATEWAY_REJECTION_HINTS[403]],
];

/** A seller-readable explanation of a gateway refusal, or undefined when the status/message is not one. */
export function describeGatewayRejection(status: number | undefined, message: string | undefined): string | undefined {
	for (const [pattern, hint] of GATEWAY_MESSAGE_HINTS) {
		if (message && pattern.test(message)) return hint;
	}
	if (status === 401 || status === 403) return GATEWAY_REJECTION_HINTS[status];
	return undefined;
}
