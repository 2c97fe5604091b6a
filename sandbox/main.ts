// `npm run sandbox`: start the Coupang sandbox from environment variables. Never prints the secret key.

import { DEFAULT_ACCESS_KEY, DEFAULT_SANDBOX_PORT, DEFAULT_SECRET_KEY, DEFAULT_VENDOR_ID, startSandbox } from './index';

function integerFromEnv(name: string): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
	return value;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: integerFromEnv('COUPANG_SANDBOX_PORT') ?? DEFAULT_SANDBOX_PORT,
		accessKey: process.env.COUPANG_SANDBOX_ACCESS_KEY || DEFAULT_ACCESS_KEY,
		secretKey: process.env.COUPANG_SANDBOX_SECRET_KEY || DEFAULT_SECRET_KEY,
		vendorId: process.env.COUPANG_SANDBOX_VENDOR_ID || DEFAULT_VENDOR_ID,
		seed: integerFromEnv('COUPANG_SANDBOX_SEED'),
		productInquiries: integerFromEnv('COUPANG_SANDBOX_PRODUCT_INQUIRIES'),
		callCenterInquiries: integerFromEnv('COUPANG_SANDBOX_CALL_CENTER_INQUIRIES'),
		products: integerFromEnv('COUPANG_SANDBOX_PRODUCTS'),
		orders: integerFromEnv('COUPANG_SANDBOX_ORDERS'),
		returns: integerFromEnv('COUPANG_SANDBOX_RETURNS'),
		exchanges: integerFromEnv('COUPANG_SANDBOX_EXCHANGES'),
		productItems: integerFromEnv('COUPANG_SANDBOX_PRODUCT_ITEMS'),
		log: process.env.COUPANG_SANDBOX_QUIET ? undefined : (line) => process.stdout.write(`${line}\n`),
	});
	process.stdout.write(`Coupang sandbox listening on ${sandbox.url} (vendor ${sandbox.vendorId})\n`);
	let stopping = false;
	const shutdown = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`Coupang sandbox stopping (${signal})\n`);
		sandbox.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
	process.stderr.write(`Coupang sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
