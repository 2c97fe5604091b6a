/**
 * Browser check: headless Debian chromium signs into a real n8n editor as a person would, opens a workflow
 * with the Coupang node, opens the node's panel and its operation list, and finds the Coupang nodes and their
 * actions in the node panel. Screenshots go to artifacts/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';
import type { BrowserContext, Page } from 'playwright-core';

import { CHROMIUM_UNAVAILABLE_ENV, launchChromium } from './harness/chromium';
import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount } from './harness/n8n';
import { packedTarball } from './harness/package';
import { ARTIFACTS_DIR, E2E_DIR, E2E_LOG_DIR, REPO_ROOT } from './harness/paths';
import { SandboxProcess } from './harness/sandbox';
import { coupangOperationWorkflow, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-editor-fixed-key';
const CREDENTIAL: CredentialRef = { id: 'e2eCoupangCred03', name: 'Coupang sandbox (editor e2e)' };
const WORKFLOW_ID = 'e2eEditorCoupang';
const OWNER: OwnerAccount = { email: 'editor-owner@example.com', firstName: 'Editor', lastName: 'Owner', password: 'E2e-editor-password-1' };

describe('Coupang node in the n8n editor (headless chromium)', () => {
	const skipReason = process.env[CHROMIUM_UNAVAILABLE_ENV];
	let sandbox: SandboxProcess | undefined;
	let server: N8nServer | undefined;
	let browser: BrowserContext | undefined;
	let page: Page;

	beforeAll(async () => {
		if (skipReason) return;
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		sandbox = await SandboxProcess.start({ quiet: true, logFile: join(E2E_LOG_DIR, 'editor-sandbox.log') });
		const n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'editor'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'editor-n8n.log'));
		await n8n.installPackage(packedTarball());
		await n8n.importCredentials([sandboxCredential(CREDENTIAL, sandbox.url)]);
		await n8n.importWorkflows([
			coupangOperationWorkflow(WORKFLOW_ID, 'Coupang in the editor', { resource: 'productInquiry', operation: 'getMany', answerStatus: 'NOANSWER' }, CREDENTIAL),
		]);
		server = await n8n.start();
		await N8nRestSession.setupOwner(server.url, OWNER);
		browser = await launchChromium();
		page = await browser.newPage();
		page.setDefaultTimeout(30_000);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await sandbox?.stop();
	});

	// Skipped (reported as skipped, with the reason printed by the global setup) only when chromium cannot be installed.
	(skipReason ? test.skip : test)('a person signs in and sees the Coupang node with its operations', async () => {
		if (!server) throw new Error('n8n did not start');
		try {
			await signInAndInspect(server.url);
		} catch (error) {
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-failure.png') }).catch(() => undefined);
			writeFileSync(join(ARTIFACTS_DIR, 'editor-failure.html'), await page.content().catch(() => ''));
			throw error;
		}
	});

	async function signInAndInspect(baseUrl: string): Promise<void> {
		await page.goto(`${baseUrl}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
		await page.locator('input[name="password"]').fill(OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

		await page.goto(`${baseUrl}/workflow/${WORKFLOW_ID}`);
		const canvasNode = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Coupang' });
		await canvasNode.first().waitFor();
		await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-workflow.png') });

		await canvasNode.first().dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor();
		await expectVisibleText(panel, 'Resource');
		await expectVisibleText(panel, 'Operation');
		await expectVisibleText(panel, 'Answer Status');
		expect(await panel.locator('[data-test-id="parameter-input-resource"] input').first().inputValue()).toBe('Product Inquiry');
		expect(await panel.locator('[data-test-id="parameter-input-operation"] input').first().inputValue()).toBe('Get Many');
		const inputValues = await panel.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
		expect(inputValues).toContain(CREDENTIAL.name);

		// Open the Operation list: the product-inquiry operations are offered.
		await panel.locator('[data-test-id="parameter-input-operation"]').click();
		const options = page.locator('.el-select-dropdown__item:visible');
		await options.first().waitFor();
		const operationNames = (await options.allInnerTexts()).map((text) => text.split('\n')[0].trim());
		await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-coupang-node-panel.png') });
		expect(operationNames).toEqual(expect.arrayContaining(['Get Many', 'Reply']));
		// Back to a clean canvas.
		await page.goto(`${baseUrl}/workflow/${WORKFLOW_ID}`);
		await canvasNode.first().waitFor();

		// The node panel finds the Coupang node and lists its actions (one per operation).
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]');
		await search.first().fill('Coupang');
		const creatorItems = page.locator('[data-test-id="item-iterator-item"]');
		// n8n shows the Coupang node and the Coupang Trigger as one "Coupang" app entry.
		const coupangItem = creatorItems.filter({ has: page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Coupang$/ }) });
		await coupangItem.first().waitFor();
		await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-node-creator-search.png') });
		await coupangItem.first().click();
		const itemNames = page.locator('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]');
		await itemNames.filter({ hasText: /product inquir/i }).first().waitFor();
		// Let the slide-in panel settle before the screenshot.
		await page.waitForTimeout(600);
		const actionNames = await itemNames.allInnerTexts();
		await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-coupang-actions.png') });
		const expectedActions = coupangOperationActions();
		expect(expectedActions.length).toBeGreaterThanOrEqual(8);
		expect(actionNames.map((name) => name.toLowerCase())).toEqual(expect.arrayContaining(expectedActions.map((name) => name.toLowerCase())));

		// Both node types of the package are loaded (the trigger is offered where a workflow has no trigger yet).
		const nodeTypes = (await (await page.request.get(`${baseUrl}/types/nodes.json`)).json()) as Array<{ name: string }>;
		expect(nodeTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['n8n-nodes-coupang.coupang', 'n8n-nodes-coupang.coupangTrigger']));
	}
});

/** The "action" text of every operation of the built Coupang node: what the node panel lists. */
function coupangOperationActions(): string[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const built = require(join(REPO_ROOT, 'dist/nodes/Coupang/Coupang.node.js')) as { Coupang: new () => INodeType };
	const actions: string[] = [];
	for (const property of new built.Coupang().description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const option of property.options ?? []) if ('action' in option && typeof option.action === 'string') actions.push(option.action);
	}
	return actions;
}

async function expectVisibleText(scope: ReturnType<Page['locator']>, text: string): Promise<void> {
	await scope.getByText(text, { exact: true }).first().waitFor({ state: 'visible' });
}
