// Coupang gateway authentication (CEA HmacSHA256), implemented independently of the package's own signer.

import { createHmac, timingSafeEqual } from 'node:crypto';

import { parseSignedDate } from '../time';

export const HMAC_FORMAT_MESSAGE = 'HMAC format is invalid.';
export const NOT_AUTHORIZED_MESSAGE = 'Request is not authorized.';
export const INVALID_SIGNATURE_MESSAGE = 'Invalid signature.';
export const EXPIRED_MESSAGE = 'Specified signature is expired.';
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SandboxAccount {
	accessKey: string;
	secretKey: string;
	vendorId: string;
}

export interface SignedRequest {
	method: string;
	/** Path exactly as in the request line, without the query. */
	path: string;
	/** Raw query string exactly as in the request line, without '?'; '' when none. */
	query: string;
	authorization: string | undefined;
}

export type AuthOutcome = { ok: true; vendorId: string } | { ok: false; status: 401; message: string };

const AUTHORIZATION_PATTERN =
	/^CEA algorithm=HmacSHA256,\s*access-key=([^,\s]+),\s*signed-date=([^,\s]+),\s*signature=([0-9a-fA-F]{64})$/;

/** The message Coupang signs: signed-date + METHOD + path + raw query. */
export function signedMessage(signedDate: string, method: string, path: string, query: string): string {
	return `${signedDate}${method}${path}${query}`;
}

/** Verifies a request against the account its access key names (`accounts`: every account the sandbox knows). */
export function verifySignedRequest(request: SignedRequest, accounts: readonly SandboxAccount[], nowMs: number): AuthOutcome {
	const match = request.authorization === undefined ? null : AUTHORIZATION_PATTERN.exec(request.authorization.trim());
	if (!match) return { ok: false, status: 401, message: HMAC_FORMAT_MESSAGE };
	const [, accessKey, signedDate, signature] = match;
	const signedAtMs = parseSignedDate(signedDate);
	if (signedAtMs === null) return { ok: false, status: 401, message: HMAC_FORMAT_MESSAGE };
	const account = accounts.find((candidate) => candidate.accessKey === accessKey);
	if (!account) return { ok: false, status: 401, message: NOT_AUTHORIZED_MESSAGE };
	if (Math.abs(nowMs - signedAtMs) > MAX_CLOCK_SKEW_MS) return { ok: false, status: 401, message: EXPIRED_MESSAGE };
	const expected = createHmac('sha256', account.secretKey)
		.update(signedMessage(signedDate, request.method, request.path, request.query), 'utf8')
		.digest('hex');
	// Both are 64 ASCII characters here; lowercase hex is what Coupang's clients produce, so compare bytes exactly.
	if (!timingSafeEqual(Buffer.from(expected, 'utf8'), Buffer.from(signature, 'utf8'))) {
		return { ok: false, status: 401, message: INVALID_SIGNATURE_MESSAGE };
	}
	return { ok: true, vendorId: account.vendorId };
}

/** The vendor whose access key a request names, before anything is verified (blocks are per vendor). */
export function callerVendor(authorization: string | string[] | undefined, accounts: readonly SandboxAccount[]): string | undefined {
	const match = typeof authorization === 'string' ? /access-key=([^,\s]+)/.exec(authorization) : null;
	return accounts.find((account) => account.accessKey === match?.[1])?.vendorId;
}
