/**
 * Browser check: headless Debian chromium signs into a real n8n editor as a person would and works with the Coupang
 * nodes of one workflow (Start → Coupang Get Many → Reply, and a Coupang Trigger):
 * - the node's panel, its operation list and subtitle, and the Coupang nodes and actions in the node creator;
 * - Get Many executed from its panel: the Output option switches the output (Simplified, Raw, Selected Fields), and
 *   n8n's own Limit hint shows after execution;
 * - Reply: the Inquiry ID list shows the sandbox's unanswered product inquiries and searching filters them; the
 *   warning that the text is published shows in the panel;
 * - the trigger's panel.
 * Screenshots: small crops for the README in docs/images/ (written when the test that takes them passes, and only
 * with UPDATE_DOCS_IMAGES=1: `npm run docs:images`), and every
 * screenshot plus a failure screenshot and page HTML in artifacts/.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DateTime } from 'luxon';
import type { INodeType, NodeHint } from 'n8n-workflow';
import type { BrowserContext, Locator, Page } from 'playwright-core';

import { CHROMIUM_UNAVAILABLE_ENV, launchChromium } from './harness/chromium';
import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount, type WorkflowImport } from './harness/n8n';
import { packedTarball } from './harness/package';
import { ARTIFACTS_DIR, DOCS_IMAGES_DIR, E2E_DIR, E2E_LOG_DIR, REPO_ROOT } from './harness/paths';
import { waitFor } from './harness/processes';
import { SandboxProcess, type SandboxProductInquiry } from './harness/sandbox';
import { chainWorkflow, coupangTriggerNode, coupangNode, manualTriggerNode, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-editor-fixed-key';
/** Shown in the docs images. */
const CREDENTIAL_NAME = 'Coupang account (sandbox)';
const WORKFLOW_ID = 'e2eEditorCoupang';
const OWNER: OwnerAccount = { email: 'editor-owner@example.com', firstName: 'Editor', lastName: 'Owner', password: 'E2e-editor-password-1' };
const KOREA = 'Asia/Seoul';
/** The screenshots' size: small PNGs for the README. */
const VIEWPORT = { width: 1280, height: 800 };
const MAX_DOC_IMAGE_BYTES = 200 * 1024;
/** Hidden in the docs images: n8n's toasts ("Node executed successfully") and the panel's neighbour-node buttons. */
const SCREENSHOT_STYLE = '.el-notification, [data-test-id="floating-nodes"] { visibility: hidden !important; }';

const NODE = { getMany: 'Coupang', reply: 'Reply to inquiry', trigger: 'Coupang Trigger' } as const;
/** Get Many's Limit: fewer than the inquiries of the period, so the Limit hint has something to say. */
const LIMIT = 3;

/**
 * Product inquiries added, oldest first, to a sandbox seeded without any (its seeded texts are Korean, and the
 * machine may have no Korean font for the screenshots): one answered, which the Reply list must leave out (its
 * answer is Korean: Get Many's Limit leaves it out of the screenshots), then three to answer.
 */
const QUESTIONS = [
	{ content: 'Which size fits a 95 cm chest?', answered: true },
	{ content: 'Can I return the desk lamp after opening the box?' },
	{ content: 'Does the rice cooker come with an English manual?' },
	{ content: 'Is the blue kettle dishwasher safe?' },
];

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

describe('Coupang node in the n8n editor (headless chromium)', () => {
	const skipReason = process.env[CHROMIUM_UNAVAILABLE_ENV];
	const browserTest = skipReason ? test.skip : test;
	let sandbox: SandboxProcess | undefined;
	let server: N8nServer | undefined;
	let browser: BrowserContext | undefined;
	let page: Page;
	/** The sandbox's inquiries made from QUESTIONS, in the same order. */
	const inquiries: SandboxProductInquiry[] = [];
	/** Whether the page shows the workflow, signed in. */
	let workflowOpen = false;

	beforeAll(async () => {
		if (skipReason) return;
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		// A failure of an earlier run must not look like one of this run.
		for (const file of readdirSync(ARTIFACTS_DIR)) if (file.startsWith('editor-failure-')) rmSync(join(ARTIFACTS_DIR, file));
		sandbox = await SandboxProcess.start({ quiet: true, productInquiries: 0, logFile: join(E2E_LOG_DIR, 'editor-sandbox.log') });
		for (const question of QUESTIONS) {
			const { created } = await sandbox.control<{ created: SandboxProductInquiry[] }>('POST', 'product-inquiries', { count: 1, ...question });
			inquiries.push(...created);
		}
		const n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'editor'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'editor-n8n.log'));
		await n8n.installPackage(packedTarball());
		server = await n8n.start();
		const session = await N8nRestSession.setupOwner(server.url, OWNER);
		// Through the REST API the editor uses: two n8n CLI imports would boot n8n twice more (half a minute on 2 cores).
		const { name, type, data } = sandboxCredential({ id: '', name: CREDENTIAL_NAME }, sandbox.url);
		const credential = await session.post<CredentialRef>('/rest/credentials', { name, type, data });
		await session.post('/rest/workflows', editorWorkflow({ id: credential.id, name: credential.name }));
		browser = await launchChromium(VIEWPORT);
		page = await browser.newPage();
		page.setDefaultTimeout(30_000);
		// The editor's first load parses megabytes of JavaScript: slow on a busy 2-core machine.
		page.setDefaultNavigationTimeout(90_000);
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await sandbox?.stop();
	});

	// Skipped (reported as skipped, with the reason printed by the global setup) only when chromium cannot be installed.
	browserTest('a person signs in and sees the Coupang node with its operations', async () => {
		await inBrowser('operations', async (images) => {
			await signIn();
			await openWorkflow();
			// The subtitle says what each node does.
			await canvasNode(NODE.getMany).getByText('Get Many: Product Inquiry', { exact: true }).waitFor();
			await canvasNode(NODE.reply).getByText('Reply: Product Inquiry', { exact: true }).waitFor();
			await canvasNode(NODE.trigger).getByText('New Product Inquiry', { exact: true }).waitFor();
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-workflow.png') });
			const nodeBoxes = await Promise.all(['Start', ...Object.values(NODE)].map(async (name) => await boxOf(canvasNode(name), `the node ${name}`)));
			// Room for the names and subtitles under the nodes.
			await images.crop('workflow.png', nodeBoxes, 60);

			const panel = await openNode(NODE.getMany);
			await expectVisibleText(panel, 'Resource');
			await expectVisibleText(panel, 'Operation');
			await expectVisibleText(panel, 'Answer Status');
			expect(await parameterValue('resource')).toBe('Product Inquiry');
			expect(await parameterValue('operation')).toBe('Get Many');
			const inputValues = await panel.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
			expect(inputValues).toContain(CREDENTIAL_NAME);

			// Open the Operation list: the product-inquiry operations are offered.
			await panel.locator('[data-test-id="parameter-input-operation"]').click();
			const options = page.locator('.el-select-dropdown__item:visible');
			await options.first().waitFor();
			const operationNames = (await options.allInnerTexts()).map((text) => text.split('\n')[0].trim());
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-coupang-node-panel.png') });
			expect(operationNames).toEqual(['Get Many', 'Reply']);
			await images.crop('node-operations.png', [await parametersColumn(), await boxOf(options.last(), 'the last operation')]);
			await page.keyboard.press('Escape');
			await closeNode();

			// The node creator finds the Coupang node and lists its actions (one per operation).
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
			const expectedActions = coupangOperationActions();
			expect(expectedActions.length).toBeGreaterThanOrEqual(8);
			const actionNames = await waitFor(
				'every Coupang action in the node creator',
				async () => {
					const names = (await itemNames.allInnerTexts()).map((name) => name.toLowerCase());
					return expectedActions.every((action) => names.includes(action.toLowerCase())) ? names : undefined;
				},
				15_000,
				250,
			).catch(async (error: unknown) => {
				throw new Error(`${String(error)}; the node creator lists: ${(await itemNames.allInnerTexts()).join(', ')}`);
			});
			expect(actionNames).toEqual(expect.arrayContaining(expectedActions.map((name) => name.toLowerCase())));
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-coupang-actions.png') });
			await page.keyboard.press('Escape');
			await page.locator('[data-test-id="node-creator"]').waitFor({ state: 'hidden' });

			// Both node types of the package are loaded (the trigger is offered where a workflow has no trigger yet).
			const nodeTypes = (await (await page.request.get(`${server?.url}/types/nodes.json`)).json()) as Array<{ name: string }>;
			expect(nodeTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['n8n-nodes-coupang.coupang', 'n8n-nodes-coupang.coupangTrigger']));
		});
	});

	browserTest("Get Many executed from its panel: the Output option switches the output, and n8n's Limit hint shows after execution", async () => {
		await inBrowser('output', async (images) => {
			await showWorkflow();
			const panel = await openNode(NODE.getMany);
			const output = panel.locator('[data-test-id="output-panel"]');
			const limitHint = nodeHint(output, N8N_LIMIT_HINT);
			// Before execution: no Limit hint, and the Reply warning is not for a list.
			expect(await limitHint.count()).toBe(0);
			expect(await nodeHint(output, hintMessage('warning')).count()).toBe(0);
			expect(await parameterValue('output')).toBe('Simplified');

			// Simplified (the default): readable names and ISO-8601 times, no buyer e-mail.
			await executeNode();
			const newest = [...inquiries].reverse().slice(0, LIMIT);
			const simplified = await outputColumns(output, 'Simplified', (columns) => columns.includes('question'));
			expect(simplified).toEqual(expect.arrayContaining(['inquiryId', 'question', 'inquiryAt', 'inquiryAtIso', 'answered', 'lastAnswer']));
			for (const raw of ['content', 'commentDtoList', 'buyerEmail']) expect(simplified).not.toContain(raw);
			await output.getByText(`${LIMIT} items`).first().waitFor();
			for (const inquiry of newest) await output.getByText(inquiry.content, { exact: true }).first().waitFor();
			await limitHint.waitFor();
			// The schema view shows every field of the first item in the narrow output column.
			await output.locator('[data-test-id="radio-button-schema"]').click();
			await output.locator('[data-test-id="run-data-schema-item"]').filter({ hasText: 'inquiryAtIso' }).first().waitFor();
			await panel.locator('[data-test-id="parameter-input-output"]').scrollIntoViewIfNeeded();
			await images.crop('output-simplified.png', [await parametersColumn(), await boxOf(output, 'the output panel')]);

			// Raw: Coupang's record as it sends it.
			await chooseOption('output', 'Raw');
			await executeNode();
			const raw = await outputColumns(output, 'Raw', (columns) => columns.includes('commentDtoList'));
			expect(raw).toEqual(expect.arrayContaining(['inquiryId', 'content', 'inquiryAt', 'commentDtoList', 'vendorItemId']));
			for (const simplifiedOnly of ['question', 'inquiryAtIso', 'answered']) expect(raw).not.toContain(simplifiedOnly);
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-output-raw.png') });

			// Selected Fields: only the fields named.
			await chooseOption('output', 'Selected Fields');
			await panel.locator('[data-test-id="parameter-input-fields"]').locator('input, textarea').first().fill('inquiryId, content');
			await executeNode();
			const selected = await outputColumns(output, 'Selected Fields', (columns) => columns.length === 2);
			expect(selected).toEqual(['inquiryId', 'content']);
			await limitHint.waitFor();
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-output-selected-fields.png') });
			await closeNode();
		});
	});

	browserTest("Reply: the Inquiry ID list shows the sandbox's unanswered inquiries, search filters it, and the warning shows", async () => {
		await inBrowser('reply', async (images) => {
			await showWorkflow();
			const panel = await openNode(NODE.reply);
			const output = panel.locator('[data-test-id="output-panel"]');
			// The warning shows before anything is sent.
			await nodeHint(output, hintMessage('warning')).waitFor();
			await images.crop('reply-hint.png', [await parametersColumn(), await boxOf(output, 'the output panel')]);

			const toAnswer = inquiries.filter((inquiry) => inquiry.commentDtoList.length === 0);
			const answered = inquiries.filter((inquiry) => inquiry.commentDtoList.length > 0);
			expect(toAnswer).toHaveLength(3);
			expect(answered).toHaveLength(1);
			await panel.locator('[data-test-id="rlc-input"]').first().click();
			// n8n drops the list's own data-test-id (resource-locator-dropdown): the list is the popover with the search.
			const dropdown = page.locator('[role="dialog"]').filter({ has: page.locator('[data-test-id="rlc-search"]') });
			const items = dropdown.locator('[data-test-id="rlc-item"]');
			// Newest first, each as "<question> · <MM-dd HH:mm> · <inquiryId>"; the answered one is not offered.
			const listed = await listItems(dropdown, 'the unanswered inquiries', (texts) => texts.length >= toAnswer.length);
			expect(listed.map((text) => text.split(' · ').at(-1))).toEqual([...toAnswer].reverse().map((inquiry) => String(inquiry.inquiryId)));
			for (const inquiry of toAnswer) expect(listed).toContain(`${inquiry.content} · ${inquiry.inquiryAt.slice(5, 16).replace('T', ' ')} · ${inquiry.inquiryId}`);
			await images.crop('inquiry-list.png', [await parametersColumn(), await boxOf(dropdown, 'the Inquiry ID list')]);

			// Typing filters the list, by text or by ID.
			const search = page.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]').first();
			const kettle = toAnswer.find((inquiry) => inquiry.content.includes('kettle'));
			const lamp = toAnswer.find((inquiry) => inquiry.content.includes('lamp'));
			if (!kettle || !lamp) throw new Error('QUESTIONS must have the kettle and the lamp');
			await search.fill('KETTLE');
			expect(await listItems(dropdown, 'the search "KETTLE"', (texts) => texts.length === 1)).toEqual([expect.stringContaining(` · ${kettle.inquiryId}`)]);
			await search.fill(String(lamp.inquiryId));
			expect(await listItems(dropdown, `the search "${lamp.inquiryId}"`, (texts) => texts.length === 1 && texts[0].includes(lamp.content))).toHaveLength(1);
			await page.screenshot({ path: join(ARTIFACTS_DIR, 'editor-inquiry-search.png') });

			// Picking one sets the Inquiry ID.
			await items.first().click();
			await dropdown.waitFor({ state: 'hidden' });
			await waitFor(
				'the picked inquiry in the Inquiry ID field',
				async () => ((await panel.locator('[data-test-id="rlc-input"]').first().inputValue()).includes(lamp.content) ? true : undefined),
				10_000,
				250,
			);
			await closeNode();
		});
	});

	browserTest("the Coupang Trigger's panel", async () => {
		await inBrowser('trigger', async (images) => {
			await showWorkflow();
			const panel = await openNode(NODE.trigger);
			expect(await parameterValue('event')).toBe('New Product Inquiry');
			await expectVisibleText(panel, 'Answer Status');
			expect(await parameterValue('output')).toBe('Simplified');
			await images.crop('trigger.png', [await parametersColumn()]);
			await closeNode();
		});
	});

	/** Runs a test's browser steps; on failure saves a screenshot and the page HTML; on success writes its docs images. */
	async function inBrowser(name: string, steps: (images: DocImages) => Promise<void>): Promise<void> {
		if (!server) throw new Error('n8n did not start');
		const images = new DocImages(page, name);
		try {
			await steps(images);
		} catch (error) {
			await page.screenshot({ path: join(ARTIFACTS_DIR, `editor-failure-${name}.png`) }).catch(() => undefined);
			writeFileSync(join(ARTIFACTS_DIR, `editor-failure-${name}.html`), await page.content().catch(() => ''));
			throw error;
		}
		images.writeDocs();
	}

	async function signIn(): Promise<void> {
		await page.goto(`${server?.url}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
		await page.locator('input[name="password"]').fill(OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	/** Opens the workflow. Once per page: n8n locks a workflow to the tab editing it, and a reload is another tab. */
	async function openWorkflow(): Promise<void> {
		await page.goto(`${server?.url}/workflow/${WORKFLOW_ID}`);
		for (const name of Object.values(NODE)) await canvasNode(name).waitFor({ timeout: 90_000 });
		workflowOpen = true;
	}

	/** The canvas, with no panel open (after an earlier test failed, as far as that can be undone). */
	async function showWorkflow(): Promise<void> {
		if (!workflowOpen) {
			await signIn();
			await openWorkflow();
			return;
		}
		if (await page.locator('[data-test-id="ndv"]').isVisible()) await closeNode();
		if (await page.locator('[data-test-id="node-creator"]').isVisible()) await page.keyboard.press('Escape');
		await page.locator('[data-test-id="node-creator"]').waitFor({ state: 'hidden' });
	}

	function canvasNode(name: string): Locator {
		return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	async function openNode(name: string): Promise<Locator> {
		await canvasNode(name).dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.locator('[data-test-id="node-parameters"]').waitFor();
		return panel;
	}

	async function closeNode(): Promise<void> {
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.locator('[data-test-id="ndv-close-button"]').click();
		await panel.waitFor({ state: 'hidden' });
	}

	/** The parameters column of the open panel (its tabs, execute button and parameters). */
	async function parametersColumn(): Promise<Box> {
		return await boxOf(page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]').locator('xpath=..'), 'the parameters column');
	}

	/** The value an options parameter shows. */
	async function parameterValue(name: string): Promise<string> {
		return await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"] input`).first().inputValue();
	}

	async function chooseOption(parameter: string, option: string): Promise<void> {
		await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`).click();
		await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^${option}`) }).first().click();
		await waitFor(`${parameter} = ${option}`, async () => ((await parameterValue(parameter)) === option ? true : undefined), 10_000, 100);
	}

	/** Clicks the panel's execute button ("Execute step"). */
	async function executeNode(): Promise<void> {
		await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').first().click();
	}

	/**
	 * The column names of the output table (the item's top-level fields) once `ready` holds for them: each run of a
	 * different Output shows different columns, so this waits for the new run's.
	 */
	async function outputColumns(output: Locator, what: string, ready: (columns: string[]) => boolean): Promise<string[]> {
		const table = output.locator('[data-test-id="radio-button-table"]');
		await table.waitFor({ timeout: 60_000 });
		if ((await table.getAttribute('aria-checked')) !== 'true') await table.click();
		let seen: string[] = [];
		try {
			return await waitFor(
				`the ${what} output`,
				async () => {
					seen = (await output.locator('table th').allInnerTexts()).map((text) => text.trim()).filter((text) => text !== '');
					return ready(seen) ? seen : undefined;
				},
				60_000,
				250,
			);
		} catch (error) {
			const text = (await output.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 600);
			throw new Error(`${String(error)}; columns seen: [${seen.join(', ')}]; the output panel says: ${text}`);
		}
	}

	/** The entries of an open resource locator list once `ready` holds for them (the list is searched as one types). */
	async function listItems(dropdown: Locator, what: string, ready: (texts: string[]) => boolean): Promise<string[]> {
		const items = dropdown.locator('[data-test-id="rlc-item"]');
		let seen: string[] = [];
		try {
			return await waitFor(
				`the Inquiry ID list to show ${what}`,
				async () => {
					seen = (await items.allInnerTexts()).map((text) => text.trim());
					return ready(seen) ? seen : undefined;
				},
				30_000,
				250,
			);
		} catch (error) {
			const shown = await dropdown.innerText({ timeout: 1_000 }).catch(() => '(no list open)');
			throw new Error(`${String(error)}; entries: ${JSON.stringify(seen)}; the list shows: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`);
		}
	}

	function editorWorkflow(credential: CredentialRef): WorkflowImport {
		const today = DateTime.now().setZone(KOREA).startOf('day');
		const getMany = coupangNode(
			NODE.getMany,
			{
				resource: 'productInquiry',
				operation: 'getMany',
				startDate: today.minus({ days: 6 }).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
				endDate: today.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
				limit: LIMIT,
			},
			credential,
			[220, 0],
		);
		const reply = coupangNode(NODE.reply, { resource: 'productInquiry', operation: 'reply' }, credential, [440, 0]);
		const trigger = coupangTriggerNode(NODE.trigger, { event: 'productInquiry', answeredType: 'NOANSWER' }, credential, [0, 220]);
		const workflow = chainWorkflow(WORKFLOW_ID, 'Coupang in the editor', [manualTriggerNode(), getMany, reply]);
		workflow.nodes.push(trigger);
		return workflow;
	}
});

/** The docs images a test takes: every one to artifacts/ at once, to docs/images/ when the test passes (and asked for). */
class DocImages {
	private readonly taken = new Map<string, Buffer>();

	constructor(
		private readonly page: Page,
		private readonly testName: string,
	) {}

	/** A PNG of the smallest rectangle holding `boxes` and `margin` pixels around them, within the viewport. */
	async crop(fileName: string, boxes: Box[], margin = 0): Promise<void> {
		const viewport = this.page.viewportSize() ?? VIEWPORT;
		const left = Math.max(0, Math.floor(Math.min(...boxes.map((box) => box.x)) - margin));
		const top = Math.max(0, Math.floor(Math.min(...boxes.map((box) => box.y)) - margin));
		const right = Math.min(viewport.width, Math.ceil(Math.max(...boxes.map((box) => box.x + box.width)) + margin));
		const bottom = Math.min(viewport.height, Math.ceil(Math.max(...boxes.map((box) => box.y + box.height)) + margin));
		const clip = { x: left, y: top, width: right - left, height: bottom - top };
		const png = await this.page.screenshot({ clip, animations: 'disabled', caret: 'hide', style: SCREENSHOT_STYLE });
		writeFileSync(join(ARTIFACTS_DIR, `editor-doc-${fileName}`), png);
		if (png.length > MAX_DOC_IMAGE_BYTES) {
			throw new Error(`${fileName} (test "${this.testName}") is ${Math.round(png.length / 1024)} KB, over ${MAX_DOC_IMAGE_BYTES / 1024} KB: crop it smaller`);
		}
		this.taken.set(fileName, png);
	}

	/** Only with UPDATE_DOCS_IMAGES=1 (`npm run docs:images`): a test run leaves tracked files alone. */
	writeDocs(): void {
		if (process.env.UPDATE_DOCS_IMAGES !== '1') return;
		mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
		for (const [fileName, png] of this.taken) writeFileSync(join(DOCS_IMAGES_DIR, fileName), png);
	}
}

async function boxOf(locator: Locator, what: string): Promise<Box> {
	const box = await locator.boundingBox();
	if (!box) throw new Error(`${what} is not visible`);
	return box;
}

/** A hint n8n shows in a panel's hint area (node-hint), by its message. */
function nodeHint(scope: Locator, message: string): Locator {
	return scope.locator('[data-test-id="run-data-hints"]').getByText(message, { exact: true }).first();
}

function builtCoupangNode(): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const built = require(join(REPO_ROOT, 'dist/nodes/Coupang/Coupang.node.js')) as { Coupang: new () => INodeType };
	return new built.Coupang();
}

/** n8n's own hint when a list's output has exactly Limit items (the editor's generic hints). */
const N8N_LIMIT_HINT = `Limit of ${LIMIT} items reached. There may be more items that aren't being returned. Tweak the 'Return All' or 'Limit' parameters to access more items.`;

/** The message of the built Coupang node's hint of a type: `warning` (Reply). */
function hintMessage(type: NodeHint['type']): string {
	const hint = (builtCoupangNode().description.hints ?? []).find((candidate) => candidate.type === type);
	if (!hint) throw new Error(`The Coupang node has no ${type} hint`);
	return hint.message;
}

/** The "action" text of every operation of the built Coupang node: what the node creator lists. */
function coupangOperationActions(): string[] {
	const actions: string[] = [];
	for (const property of builtCoupangNode().description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const option of property.options ?? []) if ('action' in option && typeof option.action === 'string') actions.push(option.action);
	}
	return actions;
}

async function expectVisibleText(scope: Locator, text: string): Promise<void> {
	await scope.getByText(text, { exact: true }).first().waitFor({ state: 'visible' });
}
