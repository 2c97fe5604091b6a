import { COUPANG_DEFAULT_BASE_URL, PACE, THROTTLE_HOLD_SECONDS, VENDOR_ID_PATTERN } from './coupangFacts';
import { CoupangInputError } from './input';

/** The Coupang API credential, checked. */
export interface CoupangCredentials {
	accessKey: string;
	secretKey: string;
	vendorId: string;
	/** Without a trailing slash. */
	baseUrl: string;
	/** The pace of this seller across every n8n process using the key (the credential's Max Requests per Second). */
	requestsPerSecond: number;
	/** n8n processes sending with this key at once (queue mode: main and workers); they split the pace. */
	n8nProcesses: number;
	/** How long a throttle (429, 403 block page) holds the seller. */
	throttleHoldMs: number;
	/** Who replies and confirms when an operation leaves its Wing user ID empty. */
	wingUserId?: string;
}

/** The pace this n8n process keeps: its share of the seller's pace, at least 1 request per second. */
export function processPace(credentials: Pick<CoupangCredentials, 'requestsPerSecond' | 'n8nProcesses'>): number {
	return Math.max(1, Math.floor(credentials.requestsPerSecond / credentials.n8nProcesses));
}

/** A whole-number field in [min, max] (the default when left empty); the error says the range and why. */
function wholeNumber(data: Record<string, unknown>, key: string, label: string, range: { fallback: number; min: number; max: number }, why: string): number {
	const value = data[key];
	const number = value === undefined || value === null || value === '' ? range.fallback : Number(value);
	if (Number.isInteger(number) && number >= range.min && number <= range.max) return number;
	throw invalid(label, String(value), `${label} is ${String(value)}; it must be a whole number from ${range.min} to ${range.max}${why}`);
}

function invalid(field: string, value: string, rule: string): CoupangInputError {
	return new CoupangInputError(field, value, `Coupang credential: ${rule}`);
}

/** Checks the credential's shape. Messages name the field and the rule, never the secret. */
export function readCoupangCredentials(data: Record<string, unknown>): CoupangCredentials {
	const text = (key: string): string => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
	const accessKey = text('accessKey');
	const secretKey = text('secretKey');
	const vendorId = text('vendorId');
	const baseUrl = text('baseUrl') || COUPANG_DEFAULT_BASE_URL;
	if (!accessKey) throw invalid('Access Key', '', 'Access Key is empty');
	if (!secretKey) throw invalid('Secret Key', '', 'Secret Key is empty');
	if (!VENDOR_ID_PATTERN.test(vendorId)) {
		throw invalid('Vendor ID', vendorId, `Vendor ID "${vendorId}" is not a Coupang seller code (the letter A and 8 digits, e.g. A00012345)`);
	}
	if (!/^https?:\/\/[^/]+/i.test(baseUrl)) {
		throw invalid('Base URL', baseUrl, `Base URL "${baseUrl}" must start with https:// (or http:// for a local sandbox)`);
	}
	const requestsPerSecond = wholeNumber(data, 'requestsPerSecond', 'Max Requests per Second', { fallback: PACE.default, min: 1, max: PACE.max }, ` (Coupang throttles at about ${PACE.coupangLimit})`);
	// Each process keeps at least 1 request per second, so more processes than the pace would exceed it.
	const n8nProcesses = wholeNumber(data, 'n8nProcesses', 'n8n Processes Sharing This Key', { fallback: 1, min: 1, max: requestsPerSecond }, ' (Max Requests per Second)');
	const { default: fallback, min, max } = THROTTLE_HOLD_SECONDS;
	const holdSeconds = wholeNumber(data, 'throttleHoldSeconds', 'Throttle Hold (Seconds)', { fallback, min, max }, '');
	const credentials: CoupangCredentials = { accessKey, secretKey, vendorId, baseUrl: baseUrl.replace(/\/+$/, ''), requestsPerSecond, n8nProcesses, throttleHoldMs: holdSeconds * 1000 };
	const wingUserId = text('wingUserId');
	if (wingUserId !== '') credentials.wingUserId = wingUserId;
	return credentials;
}
