/**
 * The Coupang Trigger in a running `n8n start`: an active workflow (Coupang Trigger → No Operation) polls the
 * sandbox; inquiries added to the sandbox each come out in exactly one execution item, also across an n8n
 * restart (the trigger's state is persisted by n8n, nothing is emitted twice, nothing added while n8n was
 * down is lost).
 *
 * n8n 2.x refuses poll times under a minute ("The polling interval is too short"), but accepts several poll
 * times, each a custom cron with one fixed second: six of them (second 0, 10, …, 50) poll every 10 seconds.
 */
import { join } from 'node:path';

import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { waitFor } from './harness/processes';
import { SandboxProcess, type SandboxProductInquiry, type SandboxRequest } from './harness/sandbox';
import { chainWorkflow, coupangTriggerNode, pollTimesEvery, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-trigger-fixed-key';
const CREDENTIAL: CredentialRef = { id: 'e2eCoupangCred02', name: 'Coupang sandbox (trigger e2e)' };
const WORKFLOW_ID = 'e2eTriggerPolling';
const TRIGGER_NODE = 'Coupang Trigger';
const OWNER: OwnerAccount = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-password-1' };
const POLL_STEP_SECONDS = 10;

describe('Coupang Trigger in a running n8n', () => {
	let sandbox: SandboxProcess;
	let n8n: N8nUserFolder;
	let server: N8nServer | undefined;
	let session: N8nRestSession;
	let seededIds: Set<number>;

	beforeAll(async () => {
		sandbox = await SandboxProcess.start({ seed: 11, productInquiries: 25, callCenterInquiries: 5, products: 5, quiet: true, logFile: join(E2E_LOG_DIR, 'trigger-sandbox.log') });
		seededIds = new Set((await sandbox.control<SandboxProductInquiry[]>('GET', 'product-inquiries')).map((inquiry) => inquiry.inquiryId));
		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'trigger'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'trigger-n8n.log'));
		await n8n.installPackage(packedTarball());
		await n8n.importCredentials([sandboxCredential(CREDENTIAL, sandbox.url)]);
		await n8n.importWorkflows([
			chainWorkflow(WORKFLOW_ID, 'e2e: new product inquiries', [
				coupangTriggerNode(TRIGGER_NODE, { event: 'productInquiry', answeredType: 'NOANSWER', pollTimes: pollTimesEvery(POLL_STEP_SECONDS) }, CREDENTIAL),
				{ id: 'received', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			]),
		]);
		await n8n.publishWorkflow(WORKFLOW_ID);
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.stop();
	});

	/** Every item the trigger emitted, over all of the workflow's executions. */
	async function emittedInquiryIds(): Promise<number[]> {
		const executions = await session.executionsOf(WORKFLOW_ID);
		const ids: number[] = [];
		for (const summary of executions) {
			if (summary.status !== 'success') throw new Error(`Execution ${summary.id} ended ${summary.status}`);
			const execution = await session.execution(summary.id);
			const runs = execution.data.resultData.runData[TRIGGER_NODE] ?? [];
			for (const run of runs) for (const item of run.data?.main?.[0] ?? []) ids.push(Number(item.json.inquiryId));
		}
		return ids;
	}

	async function waitUntilEmitted(expected: number[]): Promise<number[]> {
		return waitFor(
			`the trigger to emit ${expected.join(', ')}`,
			async () => {
				const ids = await emittedInquiryIds();
				return expected.every((id) => ids.includes(id)) ? ids : undefined;
			},
			90_000,
			1_000,
		);
	}

	/** Waits until the trigger has polled the sandbox `polls` more times (so a duplicate would have shown). */
	async function waitForMorePolls(polls: number): Promise<void> {
		const listCalls = async (): Promise<SandboxRequest[]> =>
			(await sandbox.control<SandboxRequest[]>('GET', 'requests')).filter((request) => request.path.endsWith('/onlineInquiries'));
		const before = (await listCalls()).length;
		await waitFor(`${polls} more polls`, async () => ((await listCalls()).length >= before + polls ? true : undefined), (polls + 2) * POLL_STEP_SECONDS * 1000, 1_000);
	}

	async function addInquiries(count: number): Promise<number[]> {
		const added = await sandbox.control<{ created: SandboxProductInquiry[] }>('POST', 'product-inquiries', { count });
		return added.created.map((inquiry) => inquiry.inquiryId);
	}

	function expectEachOnce(emitted: number[], expected: number[]): void {
		expect(emitted.slice().sort((a, b) => a - b)).toEqual(expected.slice().sort((a, b) => a - b));
		for (const id of emitted) expect(seededIds.has(id)).toBe(false);
	}

	test('emits each new inquiry exactly once, also across a restart of n8n', async () => {
		server = await n8n.start();
		session = await N8nRestSession.setupOwner(server.url, OWNER);
		// Activation runs a first poll; let one more pass so the trigger's starting point is set.
		await waitForMorePolls(1);
		expect(await emittedInquiryIds()).toEqual([]);

		const firstBatch = await addInquiries(2);
		await waitUntilEmitted(firstBatch);
		await waitForMorePolls(2);
		expectEachOnce(await emittedInquiryIds(), firstBatch);

		await server.stop();
		server = undefined;
		const addedWhileDown = await addInquiries(1);
		server = await n8n.start();
		session = await N8nRestSession.login(server.url, OWNER);
		await waitUntilEmitted([...firstBatch, ...addedWhileDown]);

		const afterRestart = await addInquiries(1);
		await waitUntilEmitted([...firstBatch, ...addedWhileDown, ...afterRestart]);
		await waitForMorePolls(2);
		expectEachOnce(await emittedInquiryIds(), [...firstBatch, ...addedWhileDown, ...afterRestart]);
	});
});
