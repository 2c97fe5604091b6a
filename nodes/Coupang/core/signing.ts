import { createHmac } from 'crypto';

/**
 * Coupang's CEA HmacSHA256 request signing, as a pure function of the request and a clock.
 *
 * The gateway recomputes HMAC-SHA256(secretKey, signedDate + METHOD + path + query) over the raw query string
 * it received, so the query we sign must be byte-for-byte the query that goes on the wire. `encodeQuery` builds
 * that string once; the credential puts the same string into the URL and into the signature.
 */

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParameters = Record<string, QueryValue | QueryValue[]>;

export interface SignatureInput {
	method: string;
	/** Path as sent, starting with '/', without query string. */
	path: string;
	/** Raw query string as sent, without '?' ('' when there is none). */
	query: string;
	accessKey: string;
	secretKey: string;
	now: Date;
}

export interface Signature {
	signedDate: string;
	signature: string;
	authorization: string;
}

/**
 * Percent-encodes everything except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~), UTF-8 based.
 * Stricter than encodeURIComponent (which leaves ! ' ( ) * raw): a WHATWG URL parser re-encodes a raw ' in a
 * query, which would make the wire query differ from the signed one. A fully encoded string is left alone.
 */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/**
 * Builds the query string in parameter order. Arrays repeat the key (`a=1&a=2`), empty strings are kept
 * (`a=`), null and undefined are left out.
 */
export function encodeQuery(parameters: QueryParameters | undefined): string {
	if (!parameters) return '';
	const pairs: string[] = [];
	for (const [key, raw] of Object.entries(parameters)) {
		const values = Array.isArray(raw) ? raw : [raw];
		for (const value of values) {
			if (value === null || value === undefined) continue;
			pairs.push(`${percentEncode(key)}=${percentEncode(String(value))}`);
		}
	}
	return pairs.join('&');
}

function twoDigits(value: number): string {
	return value.toString().padStart(2, '0');
}

/** `yyMMdd'T'HHmmss'Z'` in UTC. */
export function formatSignedDate(now: Date): string {
	return (
		twoDigits(now.getUTCFullYear() % 100) +
		twoDigits(now.getUTCMonth() + 1) +
		twoDigits(now.getUTCDate()) +
		'T' +
		twoDigits(now.getUTCHours()) +
		twoDigits(now.getUTCMinutes()) +
		twoDigits(now.getUTCSeconds()) +
		'Z'
	);
}

export function signRequest(input: SignatureInput): Signature {
	const signedDate = formatSignedDate(input.now);
	const message = signedDate + input.method.toUpperCase() + input.path + input.query;
	const signature = createHmac('sha256', input.secretKey).update(message, 'utf8').digest('hex');
	const authorization =
		`CEA algorithm=HmacSHA256, access-key=${input.accessKey}, ` +
		`signed-date=${signedDate}, signature=${signature}`;
	return { signedDate, signature, authorization };
}

export interface SignedUrl {
	/** Absolute URL with the signed query string. */
	url: string;
	path: string;
	query: string;
}

/**
 * Joins base URL, relative (or absolute) URL and query parameters into the exact URL to send. A query already
 * present in `url` is kept in front of the encoded parameters. The path is taken as the URL parser normalises
 * it, which is what an HTTP client puts on the wire.
 */
export function buildSignedUrl(
	baseUrl: string | undefined,
	url: string,
	parameters: QueryParameters | undefined,
): SignedUrl {
	const questionMark = url.indexOf('?');
	const urlWithoutQuery = questionMark === -1 ? url : url.slice(0, questionMark);
	const existingQuery = questionMark === -1 ? '' : url.slice(questionMark + 1);
	const isAbsolute = /^https?:\/\//i.test(urlWithoutQuery);
	const joined = isAbsolute
		? urlWithoutQuery
		: `${(baseUrl ?? '').replace(/\/+$/, '')}/${urlWithoutQuery.replace(/^\/+/, '')}`;
	const parsed = new URL(joined);
	const query = [existingQuery, encodeQuery(parameters)].filter((part) => part !== '').join('&');
	const path = parsed.pathname;
	return { url: `${parsed.origin}${path}${query ? `?${query}` : ''}`, path, query };
}
