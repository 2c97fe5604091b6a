/**
 * The baseline of the node benches: a signed GET with nothing but `fetch` and node:crypto's HMAC (Coupang's CEA
 * scheme written out by hand, as the shared conventions describe it). No pace, no retries, no n8n.
 */
import { createHmac } from 'crypto';

export interface GatewayAccount {
	url: string;
	accessKey: string;
	secretKey: string;
	vendorId: string;
}

/** `yyMMdd'T'HHmmss'Z'` in UTC. */
function signedDate(now: Date): string {
	return now.toISOString().slice(2, 19).replace(/[-:]/g, '') + 'Z';
}

/** The headers of a signed GET of `path?query` (query exactly as it goes on the wire). */
export function bareSignedHeaders(account: GatewayAccount, path: string, query: string): Record<string, string> {
	const date = signedDate(new Date());
	const signature = createHmac('sha256', account.secretKey).update(`${date}GET${path}${query}`, 'utf8').digest('hex');
	return {
		Authorization: `CEA algorithm=HmacSHA256, access-key=${account.accessKey}, signed-date=${date}, signature=${signature}`,
		'X-Requested-By': account.vendorId,
	};
}

/** GET `path?query` (query exactly as it goes on the wire), signed; the parsed JSON body. Non-2xx throws. */
export async function bareSignedGet(account: GatewayAccount, path: string, query: string): Promise<unknown> {
	const response = await fetch(`${account.url}${path}${query === '' ? '' : `?${query}`}`, { headers: bareSignedHeaders(account, path, query) });
	const text = await response.text();
	if (!response.ok) throw new Error(`bare GET ${path}: HTTP ${response.status}`);
	return JSON.parse(text) as unknown;
}

/** A Coupang list page: `data.content` and `data.pagination.totalPages`. */
export function listPage(body: unknown): { content: unknown[]; totalPages: number } {
	const data = (body as { data?: { content?: unknown[]; pagination?: { totalPages?: number } } }).data;
	return { content: data?.content ?? [], totalPages: Number(data?.pagination?.totalPages ?? 0) };
}
