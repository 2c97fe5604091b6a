/**
 * The demo's workflows (demo/workflows/*.json) as `npm run demo` imports them, run by a real n8n against the
 * sandbox: the daily digest, the product approval report and the returns waiting for receipt (their "Run Now"
 * manual trigger), and the New Order workflow active in `n8n start` (polling every 10 seconds here instead of every
 * minute). The inquiry CSV trigger
 * workflow is checked by `npm run demo -- --check` and, as a mechanism, by coupang-trigger.e2e.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { DEMO_ORDER_CSV_FILE_NAME, DEMO_ORDER_CSV_HEADER, DEMO_WORKFLOW_IDS, demoCredentials, demoWorkflows } from '../../scripts/demo-setup';
import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { waitFor } from './harness/processes';
import { SandboxProcess, type SandboxCallCenterInquiry, type SandboxProduct } from './harness/sandbox';
import { pollTimesEvery } from './harness/workflows';

const KOREA = 'Asia/Seoul';

describe('demo workflows in a real n8n', () => {
	let sandbox: SandboxProcess;
	let n8n: N8nUserFolder;
	let recentProducts: SandboxProduct[];
	let server: N8nServer | undefined;
	const filesDir = join(E2E_DIR, 'demo-workflows', 'files');

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
		const placeholders = { sandboxUrl: sandbox.url, filesDir };
		await n8n.importCredentials(demoCredentials(placeholders));
		// The New Order workflow as shipped, polling every 10 seconds instead of every minute.
		const workflows = demoWorkflows(placeholders);
		const trigger = workflows.find((workflow) => workflow.id === DEMO_WORKFLOW_IDS.orderToCsv)?.nodes.find((node) => node.name === 'New Order');
		if (!trigger) throw new Error('demo/workflows/new-order-to-csv.json has no New Order node');
		trigger.parameters.pollTimes = pollTimesEvery(10);
		await n8n.importWorkflows(workflows);
	});

	afterAll(async () => {
		await server?.stop();
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

	test('New order → CSV row → Set to Preparing: each new paid order becomes a CSV row and is acknowledged', async () => {
		mkdirSync(filesDir, { recursive: true });
		const csvFile = join(filesDir, DEMO_ORDER_CSV_FILE_NAME);
		writeFileSync(csvFile, `${DEMO_ORDER_CSV_HEADER}\n`);
		await n8n.publishWorkflow(DEMO_WORKFLOW_IDS.orderToCsv);
		server = await n8n.start({ env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir, N8N_BLOCK_FILE_ACCESS_TO_N8N_FILES: 'true' } });
		await N8nRestSession.setupOwner(server.url, { email: 'demo-e2e@example.com', firstName: 'Demo', lastName: 'E2E', password: 'Demo-e2e-password-1' });
		const polls = async (): Promise<number> => (await sandbox.control<Array<{ path: string }>>('GET', 'requests')).filter((request) => request.path.endsWith('/ordersheets')).length;
		await waitFor('the first poll', async () => ((await polls()) >= 1 ? true : undefined), 60_000, 500);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const added = (await sandbox.control<{ created: Array<{ shipmentBoxId: number; orderId: number }> }>('POST', 'orders', { count: 2, status: 'ACCEPT' })).created;
		const rows = (): string[] => readFileSync(csvFile, 'utf8').split('\n').slice(1).filter((line) => line.trim() !== '');
		await waitFor('two CSV rows', async () => (rows().length >= 2 ? true : undefined), 60_000, 1_000);
		await waitFor('both orders set to Preparing', async () => {
			const held = await sandbox.control<Array<{ shipmentBoxId: number; status: string }>>('GET', 'orders');
			return added.every((box) => held.find((candidate) => candidate.shipmentBoxId === box.shipmentBoxId)?.status === 'INSTRUCT') ? true : undefined;
		}, 30_000, 1_000);
		expect(rows().map((row) => row.split(',').slice(0, 2).join(','))).toEqual(added.map((box) => `"${box.shipmentBoxId}","${box.orderId}"`).sort());
		for (const row of rows()) expect(row).toMatch(/^"\d+","\d+","\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00","[^"]+",".+","\d+"$/);
	});
});
