import { COUPANG_DEFAULT_BASE_URL, PACE, VENDOR_ID_PATTERN } from './coupangFacts';
import { CoupangInputError } from './input';

/** The Coupang API credential, checked. */
export interface CoupangCredentials {
	accessKey: string;
	secretKey: string;
	vendorId: string;
	/** Without a trailing slash. */
	baseUrl: string;
	/** The pace every node and trigger of this seller keeps together in this n8n process. */
	requestsPerSecond: number;
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
	const pace = data.requestsPerSecond;
	const requestsPerSecond = pace === undefined || pace === null || pace === '' ? PACE.default : Number(pace);
	if (!(Number.isInteger(requestsPerSecond) && requestsPerSecond >= 1 && requestsPerSecond <= PACE.max)) {
		throw invalid(
			'Max Requests per Second',
			String(pace),
			`Max Requests per Second is ${String(pace)}; it must be a whole number from 1 to ${PACE.max} (Coupang throttles at about ${PACE.coupangLimit})`,
		);
	}
	return { accessKey, secretKey, vendorId, baseUrl: baseUrl.replace(/\/+$/, ''), requestsPerSecond };
}
