/**
 * `npm run demo`: the Coupang nodes in a real n8n, against the local Coupang sandbox, in one command.
 *
 * Builds and packs the package, starts the sandbox with demo data, installs n8n (cached in .n8n-cache/) and
 * starts it with its own user folder .demo/ (made fresh each run) on 127.0.0.1 without telemetry, with a
 * Coupang credential and the demo workflows imported (the trigger ones active), and an owner login to sign
 * in with. A new product inquiry is added to the sandbox every minute so the trigger visibly fires. Ctrl-C
 * stops everything.
 *
 *   npm run demo                 run until Ctrl-C
 *   npm run demo -- --check      self-check: start, wait until the trigger wrote a CSV row, stop (exit 0/1)
 *
 * Environment: N8N_PORT (default 5678), COUPANG_SANDBOX_PORT (default 8090); a busy port falls back to a free one.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';

import { DateTime } from 'luxon';

import { installN8n, N8nRestSession, N8nUserFolder, type N8nServer, type OwnerAccount } from '../test/e2e/harness/n8n';
import { buildAndPackPackage } from '../test/e2e/harness/package';
import { REPO_ROOT } from '../test/e2e/harness/paths';
import { disableSignalCleanup, freePort, sleep, waitFor } from '../test/e2e/harness/processes';
import { SandboxProcess, type SandboxProductInquiry } from '../test/e2e/harness/sandbox';
import { DEMO_CSV_FILE_NAME, DEMO_CSV_HEADER, DEMO_ORDER_CSV_FILE_NAME, DEMO_ORDER_CSV_HEADER, DEMO_WORKFLOW_IDS, demoCredentials, demoWorkflows } from './demo-setup';

const DEMO_DIR = join(REPO_ROOT, '.demo');
const FILES_DIR = join(DEMO_DIR, 'files');
const LOG_DIR = join(DEMO_DIR, 'logs');
const CSV_FILE = join(FILES_DIR, DEMO_CSV_FILE_NAME);
const ORDER_CSV_FILE = join(FILES_DIR, DEMO_ORDER_CSV_FILE_NAME);
/** Fixed for this demo folder only (it is recreated each run); not a secret. */
const DEMO_ENCRYPTION_KEY = 'n8n-nodes-coupang-demo-encryption-key';
const OWNER: OwnerAccount = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Seller', password: 'Coupang-demo-1' };
const NEW_INQUIRY_EVERY_MS = 60_000;
const KOREA = 'Asia/Seoul';

const checkMode = process.argv.includes('--check');

function say(line = ''): void {
	process.stdout.write(`${line}\n`);
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function preferredPort(envName: string, fallback: number): Promise<number> {
	const wanted = Number(process.env[envName] ?? fallback);
	if (Number.isInteger(wanted) && wanted > 0 && (await portIsFree(wanted))) return wanted;
	const port = await freePort();
	say(`demo: port ${wanted} is busy, using ${port}`);
	return port;
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

let sandbox: SandboxProcess | undefined;
let server: N8nServer | undefined;
let inquiryTimer: NodeJS.Timeout | undefined;
let stopping = false;

/** Stops n8n and the sandbox, then exits. A second Ctrl-C (tsx forwards one too) does not cut it short. */
async function stopAll(exitCode: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	if (inquiryTimer) clearInterval(inquiryTimer);
	say('\ndemo: stopping n8n and the sandbox …');
	await server?.stop().catch(() => undefined);
	await sandbox?.stop().catch(() => undefined);
	say('demo: stopped.');
	process.exit(exitCode);
}

async function addDemoInquiry(): Promise<SandboxProductInquiry | undefined> {
	if (!sandbox || stopping) return undefined;
	const questions = ['Is this available in size L?', 'When will it ship?', 'Does it come with a warranty?', 'Can I get it gift-wrapped?', 'Is the color exactly as in the photo?'];
	const content = questions[Math.floor(Math.random() * questions.length)];
	const added = await sandbox.control<{ created: SandboxProductInquiry[] }>('POST', 'product-inquiries', { count: 1, content });
	const inquiry = added.created[0];
	say(`demo: new product inquiry ${inquiry.inquiryId} at ${inquiry.inquiryAt} (Korea time): "${inquiry.content}"`);
	return inquiry;
}

/** A new paid order in the sandbox, for the New Order workflow. */
async function addDemoOrder(): Promise<{ shipmentBoxId: number; paidAt: string } | undefined> {
	if (!sandbox || stopping) return undefined;
	const added = await sandbox.control<{ created: Array<{ shipmentBoxId: number; paidAt: string }> }>('POST', 'orders', { count: 1, status: 'ACCEPT' });
	const box = added.created[0];
	say(`demo: new paid order, shipment box ${box.shipmentBoxId} at ${box.paidAt} (Korea time)`);
	return box;
}

function csvDataRows(file = CSV_FILE): string[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.slice(1)
		.filter((line) => line.trim() !== '');
}

async function main(): Promise<void> {
	const startedAt = Date.now();
	disableSignalCleanup();
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));

	say('demo: installing n8n (cached in .n8n-cache/ after the first run) …');
	let stepStartedAt = Date.now();
	const installed = await installN8n({ echo: true });
	say(`demo: n8n ${installed.n8nVersion} on Node ${installed.nodeVersion} ready (${seconds(stepStartedAt)})`);

	say('demo: building and packing n8n-nodes-coupang …');
	stepStartedAt = Date.now();
	const tarball = await buildAndPackPackage(join(DEMO_DIR, 'package'));
	say(`demo: packed ${relative(REPO_ROOT, tarball)} (${seconds(stepStartedAt)})`);

	rmSync(LOG_DIR, { recursive: true, force: true });
	mkdirSync(LOG_DIR, { recursive: true });
	const sandboxPort = await preferredPort('COUPANG_SANDBOX_PORT', 8090);
	sandbox = await SandboxProcess.start({ port: sandboxPort, seed: 2026, logFile: join(LOG_DIR, 'sandbox.log') });
	// Products registered during the last day, for the product approval report.
	const now = DateTime.now().setZone(KOREA);
	for (const hoursAgo of [20, 14, 9, 5, 2]) {
		await sandbox.control('POST', 'products', { count: 1, createdAt: now.minus({ hours: hoursAgo }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
	}
	await sandbox.control('POST', 'call-center-inquiries', { count: 3, kind: 'waiting' });
	await sandbox.control('POST', 'returns', { count: 2, receiptStatus: 'RETURNS_UNCHECKED' });
	say(`demo: Coupang sandbox on ${sandbox.url} (log: ${relative(REPO_ROOT, join(LOG_DIR, 'sandbox.log'))})`);

	say('demo: preparing a fresh n8n user folder in .demo/ …');
	stepStartedAt = Date.now();
	const userFolder = N8nUserFolder.createFresh(installed, join(DEMO_DIR, 'n8n'), DEMO_ENCRYPTION_KEY, join(LOG_DIR, 'n8n-cli.log'));
	mkdirSync(FILES_DIR, { recursive: true });
	writeFileSync(CSV_FILE, `${DEMO_CSV_HEADER}\n`);
	writeFileSync(ORDER_CSV_FILE, `${DEMO_ORDER_CSV_HEADER}\n`);
	await userFolder.installPackage(tarball);
	const placeholders = { sandboxUrl: sandbox.url, filesDir: FILES_DIR };
	await userFolder.importCredentials(demoCredentials(placeholders));
	await userFolder.importWorkflows(demoWorkflows(placeholders));
	await userFolder.publishWorkflow(DEMO_WORKFLOW_IDS.inquiryToCsv);
	await userFolder.publishWorkflow(DEMO_WORKFLOW_IDS.orderToCsv);
	say(`demo: package, credential and workflows imported (${seconds(stepStartedAt)})`);

	stepStartedAt = Date.now();
	const n8nPort = await preferredPort('N8N_PORT', 5678);
	server = await userFolder.start({
		port: n8nPort,
		logFile: join(LOG_DIR, 'n8n.log'),
		env: { N8N_RESTRICT_FILE_ACCESS_TO: FILES_DIR, N8N_BLOCK_FILE_ACCESS_TO_N8N_FILES: 'true' },
	});
	await N8nRestSession.setupOwner(server.url, OWNER);
	say(`demo: n8n started (${seconds(stepStartedAt)}); everything ready in ${seconds(startedAt)}`);

	say('');
	say('================================================================================');
	say(' Coupang nodes demo: real n8n + local Coupang sandbox');
	say('================================================================================');
	say(` n8n editor     ${server.url}`);
	say(` sign in        ${OWNER.email}  /  ${OWNER.password}`);
	say(` credential     "Coupang sandbox (demo)" (Coupang API) → ${sandbox.url}`);
	say(' workflows      (Overview page)');
	say('   • New product inquiry → CSV row   ACTIVE: polls every minute, appends each new');
	say(`                                      unanswered inquiry to ${relative(REPO_ROOT, CSV_FILE)}`);
	say('   • New order → CSV row → Set to Preparing   ACTIVE: polls every minute, appends each new');
	say(`                                      paid order to ${relative(REPO_ROOT, ORDER_CSV_FILE)} and acknowledges it`);
	say('   • Daily digest: unanswered call-center inquiries   open it, click "Execute workflow"');
	say('   • Product approval report                          open it, click "Execute workflow"');
	say('   • Returns waiting for receipt → CSV                open it, click "Execute workflow"');
	say(' what to click  Open a workflow, double-click a Coupang node to see its operations;');
	say('                "Executions" (top of a workflow) shows each trigger run.');
	say(` logs           ${relative(REPO_ROOT, LOG_DIR)}/`);
	say(' A new product inquiry and a new paid order are added to the sandbox every minute. Ctrl-C stops everything.');
	say('================================================================================');
	say('');

	// Coupang timestamps have whole seconds and the trigger only emits what is newer than its activation:
	// let a second pass so the first demo inquiry is clearly after it.
	await sleep(2_000);
	await addDemoInquiry();
	const firstOrder = await addDemoOrder();
	inquiryTimer = setInterval(() => {
		void addDemoInquiry().catch((error: unknown) => say(`demo: could not add an inquiry: ${error instanceof Error ? error.message : String(error)}`));
		void addDemoOrder().catch((error: unknown) => say(`demo: could not add an order: ${error instanceof Error ? error.message : String(error)}`));
	}, NEW_INQUIRY_EVERY_MS);

	// Report each CSV row the trigger workflow appends.
	const reported = new Map<string, number>();
	const reportRows = (): void => {
		for (const file of [CSV_FILE, ORDER_CSV_FILE]) {
			const rows = csvDataRows(file);
			for (const row of rows.slice(reported.get(file) ?? 0)) say(`demo: CSV row appended by n8n to ${relative(REPO_ROOT, file)}: ${row}`);
			reported.set(file, rows.length);
		}
	};

	if (checkMode) {
		// A second inquiry at once: the trigger emits both in one run, and each must become its own CSV row.
		const second = await addDemoInquiry();
		await waitFor('the trigger workflow to append two CSV rows', async () => (csvDataRows().length >= 2 ? true : undefined), 150_000, 1_000)
			.then(() => {
				reportRows();
				const rows = csvDataRows();
				const wellFormed = rows.length === 2 && rows.every((row) => /^"\d+","[^"]+","\d+",".*"$/.test(row)) && rows.some((row) => row.startsWith(`"${second?.inquiryId}"`));
				if (!wellFormed) throw new Error(`unexpected CSV rows: ${JSON.stringify(rows)}`);
				say('demo --check: OK (the trigger appended one well-formed CSV row per new inquiry)');
			})
			.then(async () => {
				// The New Order workflow: a CSV row for the first demo order, and the order set to Preparing.
				const boxId = String(firstOrder?.shipmentBoxId);
				await waitFor('the New Order workflow to append its CSV row', async () => (csvDataRows(ORDER_CSV_FILE).some((row) => row.startsWith(`"${boxId}"`)) ? true : undefined), 150_000, 1_000);
				await waitFor('the new order to be set to Preparing', async () => {
					const orders = await sandbox?.control<Array<{ shipmentBoxId: number; status: string }>>('GET', 'orders');
					return orders?.some((box) => String(box.shipmentBoxId) === boxId && box.status === 'INSTRUCT') ? true : undefined;
				}, 60_000, 1_000);
				reportRows();
				say('demo --check: OK (the New Order workflow appended the order to the CSV file and set it to Preparing)');
			})
			.catch(async (error: unknown) => {
				say(`demo --check: FAILED: ${error instanceof Error ? error.message : String(error)}`);
				await stopAll(1);
			});
		await stopAll(0);
	}
	for (;;) {
		await sleep(2_000);
		reportRows();
	}
}

main().catch(async (error: unknown) => {
	say(`demo: failed: ${error instanceof Error ? error.message : String(error)}`);
	await stopAll(1);
});
