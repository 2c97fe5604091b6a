/**
 * The demo's workflows (demo/workflows/*.json) as `npm run demo` imports them, run by a real n8n against the
 * sandbox: the daily digest, the product approval report and the returns waiting for receipt (their "Run Now"
 * manual trigger). The CSV trigger
 * workflow is checked by `npm run demo -- --check` and, as a mechanism, by coupang-trigger.e2e.test.ts.
 */
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { DEMO_WORKFLOW_IDS, demoCredentials, demoWorkflows } from '../../scripts/demo-setup';
import { N8nUserFolder, readInstalledN8n } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { SandboxProcess, type SandboxCallCenterInquiry, type SandboxProduct } from './harness/sandbox';

const KOREA = 'Asia/Seoul';

describe('demo workflows in a real n8n', () => {
	let sandbox: SandboxProcess;
	let n8n: N8nUserFolder;
	let recentProducts: SandboxProduct[];

	beforeAll(async () => {
		sandbox = await SandboxProcess.start({ seed: 2026, quiet: true, logFile: join(E2E_LOG_DIR, 'demo-sandbox.log') });
		const now = DateTime.now().setZone(KOREA);
		recentProducts = [];
		for (const hoursAgo of [20, 5]) {
			const added = await sandbox.control<{ created: SandboxProduct[] }>('POST', 'products', { count: 1, createdAt: now.minus({ hours: hoursAgo }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
			recentProducts.push(...added.created);
		}
		await sandbox.control('POST', 'call-center-inquiries', { count: 3, kind: 'waiting' });
		await sandbox.control('POST', 'returns', { count: 2, receiptStatus: 'RETURNS_UNCHECKED' });
		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'demo-workflows'), 'e2e-demo-workflows-key', join(E2E_LOG_DIR, 'demo-workflows-n8n.log'));
		await n8n.installPackage(packedTarball());
		const placeholders = { sandboxUrl: sandbox.url, filesDir: join(E2E_DIR, 'demo-workflows', 'files') };
		await n8n.importCredentials(demoCredentials(placeholders));
		await n8n.importWorkflows(demoWorkflows(placeholders));
	});

	afterAll(async () => {
		await sandbox?.stop();
	});

	test('Daily digest counts the unanswered call-center inquiries of the last 7 days by category', async () => {
		const outcome = await n8n.execute(DEMO_WORKFLOW_IDS.dailyDigest);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxCallCenterInquiry[]>('GET', 'call-center-inquiries');
		const from = DateTime.now().setZone(KOREA).minus({ days: 7 }).toFormat('yyyy-MM-dd');
		// Waiting for the seller's reply (NO_ANSWER): in progress, with a transfer that requests an answer.
		const waitsForReply = (inquiry: SandboxCallCenterInquiry): boolean =>
			inquiry.inquiryStatus === 'progress' && inquiry.replies.some((reply) => reply.partnerTransferStatus === 'requestAnswer');
		const waiting = held.filter((inquiry) => inquiry.vendorId === 'A00012345' && waitsForReply(inquiry) && inquiry.inquiryAt.slice(0, 10) >= from);
		const inquiries = outcome.itemsOf('Unanswered Call Center Inquiries');
		expect(inquiries.map((item) => Number(item.inquiryId)).sort()).toEqual(waiting.map((inquiry) => inquiry.inquiryId).sort());
		const digest = outcome.itemsOf('Digest by Category');
		const total = digest.reduce((sum, row) => sum + Number(row.count_inquiryId), 0);
		expect(total).toBe(waiting.length);
		expect(new Set(digest.map((row) => row.category)).size).toBe(digest.length);
	});

	test('Product approval report lists the products of the last day and their status histories', async () => {
		const outcome = await n8n.execute(DEMO_WORKFLOW_IDS.productReport);
		expect(outcome.exitCode).toBe(0);
		const products = outcome.itemsOf('Products Created in the Last Day');
		expect(products.map((item) => Number(item.sellerProductId))).toEqual(expect.arrayContaining(recentProducts.map((product) => product.sellerProductId)));
		const held = await sandbox.control<SandboxProduct[]>('GET', 'products');
		const expectedHistoryEntries = products.reduce((sum, item) => sum + (held.find((product) => product.sellerProductId === Number(item.sellerProductId))?.histories.length ?? 0), 0);
		expect(expectedHistoryEntries).toBeGreaterThan(0);
		expect(outcome.itemsOf('Status History')).toHaveLength(expectedHistoryEntries);
	});

	test('Returns waiting for receipt lists the return requests of the last 30 days not yet received, as a CSV file', async () => {
		const outcome = await n8n.execute(DEMO_WORKFLOW_IDS.returnsWaiting);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<Array<{ vendorId: string; receiptId: number; receiptType: string; receiptStatus: string; createdAt: string }>>('GET', 'returns');
		const from = DateTime.now().setZone(KOREA).minus({ days: 30 }).toFormat('yyyy-MM-dd');
		const waiting = held.filter((entry) => entry.vendorId === 'A00012345' && entry.receiptType === 'RETURN' && entry.receiptStatus === 'RETURNS_UNCHECKED' && entry.createdAt.slice(0, 10) >= from);
		expect(waiting.length).toBeGreaterThanOrEqual(2);
		const rows = outcome.itemsOf('Receipt List');
		expect(rows.map((row) => Number(row.receiptId)).sort()).toEqual(waiting.map((entry) => entry.receiptId).sort());
		expect(Object.keys(rows[0])).toEqual(['receiptId', 'requestedAt', 'orderId', 'items', 'quantity', 'reason', 'customerComment', 'pickupWaybills', 'toDo']);
		expect(new Set(rows.map((row) => row.toDo))).toEqual(new Set(['confirmReceipt']));
		const csv = outcome.execution?.data.resultData.runData['CSV File']?.[0];
		expect(csv?.data?.main?.[0]).toHaveLength(1);
	});
});
