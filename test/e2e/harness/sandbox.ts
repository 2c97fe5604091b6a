/**
 * The Coupang sandbox (sandbox/main.ts) as a separate process, as a user runs it (`npm run sandbox`), and a
 * small client for its /__sandbox control surface.
 */
import { REPO_ROOT, TSX_BIN } from './paths';
import { freePort, startProcess, type ManagedProcess } from './processes';

export const SANDBOX_ACCESS_KEY = 'sandbox-access-key';
export const SANDBOX_SECRET_KEY = 'sandbox-secret-key';
export const SANDBOX_VENDOR_ID = 'A00012345';

export interface SandboxStartOptions {
	port?: number;
	seed?: number;
	productInquiries?: number;
	callCenterInquiries?: number;
	products?: number;
	logFile?: string;
	echo?: boolean;
	quiet?: boolean;
}

export class SandboxProcess {
	private constructor(
		readonly process: ManagedProcess,
		readonly url: string,
	) {}

	static async start(options: SandboxStartOptions = {}): Promise<SandboxProcess> {
		const port = options.port ?? (await freePort());
		const env: NodeJS.ProcessEnv = {
			...process.env,
			COUPANG_SANDBOX_PORT: String(port),
			COUPANG_SANDBOX_ACCESS_KEY: SANDBOX_ACCESS_KEY,
			COUPANG_SANDBOX_SECRET_KEY: SANDBOX_SECRET_KEY,
			COUPANG_SANDBOX_VENDOR_ID: SANDBOX_VENDOR_ID,
		};
		const sizes: Array<[string, number | undefined]> = [
			['COUPANG_SANDBOX_SEED', options.seed],
			['COUPANG_SANDBOX_PRODUCT_INQUIRIES', options.productInquiries],
			['COUPANG_SANDBOX_CALL_CENTER_INQUIRIES', options.callCenterInquiries],
			['COUPANG_SANDBOX_PRODUCTS', options.products],
		];
		for (const [name, value] of sizes) if (value !== undefined) env[name] = String(value);
		if (options.quiet) env.COUPANG_SANDBOX_QUIET = '1';
		const child = startProcess('sandbox', TSX_BIN, ['sandbox/main.ts'], { cwd: REPO_ROOT, env, logFile: options.logFile, echo: options.echo });
		try {
			const match = await child.waitForOutput(/Coupang sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
			return new SandboxProcess(child, match[1]);
		} catch (error) {
			await child.stop();
			throw error;
		}
	}

	async control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Record<string, unknown>): Promise<T> {
		return sandboxControl<T>(this.url, method, path, body);
	}

	async stop(): Promise<void> {
		await this.process.stop(5_000);
	}
}

/** One call to a sandbox's control surface (`/__sandbox/<path>`), at `baseUrl` (a process or an in-process sandbox). */
export async function sandboxControl<T>(baseUrl: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: Record<string, unknown>): Promise<T> {
	const response = await fetch(`${baseUrl}/__sandbox/${path}`, {
		method,
		headers: body ? { 'content-type': 'application/json' } : undefined,
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /__sandbox/${path}: ${response.status} ${text}`);
	return JSON.parse(text) as T;
}

/** A product inquiry as the sandbox dumps it (the list endpoint's item shape). */
export interface SandboxProductInquiry {
	inquiryId: number;
	productId: number;
	sellerProductId: number;
	vendorItemId: number;
	content: string;
	inquiryAt: string;
	commentDtoList: Array<{ inquiryCommentId: number; content: string; inquiryCommentAt: string }>;
}

/** A call-center inquiry as the sandbox dumps it (v4 list shape plus vendorId). */
export interface SandboxCallCenterInquiry {
	inquiryId: number;
	vendorId: string;
	inquiryStatus: string;
	csPartnerCounselingStatus: string;
	vendorItemId: number[] | number;
	orderId: number;
	content: string;
	inquiryAt: string;
	replies: Array<{ answerId: number; parentAnswerId: number | null; content: string; answerType: string; needAnswer: boolean; partnerTransferStatus: string | null }>;
}

export interface SandboxProduct {
	sellerProductId: number;
	sellerProductName: string;
	vendorId: string;
	createdAt: string;
	statusName: string;
	histories: Array<{ status: string; createdAt: string; createdBy: string; comment: string }>;
}

export interface SandboxRequest {
	at: string;
	method: string;
	path: string;
	query: string;
	status: number;
	vendorId?: string;
	/** The client's address as the sandbox saw it (the proxy's, for a proxied request). */
	remoteAddress?: string;
}
