/**
 * n8n in queue mode: Postgres and Redis (Debian's packages, run by the test on 127.0.0.1), one `n8n start`
 * (main) and two `n8n worker` processes, our packed package installed in their shared user folder.
 *
 * Which process ran an execution is read from the execution record itself: every workflow ends with a Set node
 * "Ran On" whose value is `{{ $env.E2E_N8N_PROCESS }}`, an environment variable that differs per process (main,
 * worker-1, worker-2); it is cross-checked with each worker's own log ("Worker started execution <id>").
 *
 * - every operation of the Coupang node, started by a production webhook on main, runs on a worker;
 * - the Coupang Trigger polls on main (it keeps polling with both workers stopped) and each new inquiry is
 *   emitted once, its executions running on the workers;
 * - the pace: the credential says how many n8n processes share the key (`n8nProcesses: 2`, as the README tells
 *   queue-mode users with two workers), and concurrent executions on both workers never put more than 10
 *   requests into any sliding second at the gateway (Coupang's limit).
 */
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { OPERATION_SAMPLES } from '../helpers/operationSamples';
import { busiestWindow } from '../helpers/slidingWindow';
import { itemsCarriedBy, listExecutions, nodeOutput, readExecution, type StoredExecution } from './harness/executions';
import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type N8nWorker, type OwnerAccount, type WorkflowImport, type WorkflowNode } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { waitFor } from './harness/processes';
import { sandboxControl } from './harness/sandbox';
import { PostgresProcess, RedisProcess } from './harness/services';
import { chainWorkflow, coupangTriggerNode, coupangNode, pollTimesEvery, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-queue-mode-fixed-key';
const CREDENTIAL: CredentialRef = { id: 'e2eQueueCred0001', name: 'Coupang sandbox (queue e2e)' };
const OWNER: OwnerAccount = { email: 'queue@example.com', firstName: 'Queue', lastName: 'Mode', password: 'E2e-queue-password-1' };
const WORKERS = ['worker-1', 'worker-2'] as const;
/** What the README tells queue-mode users: the number of worker processes that run Coupang nodes. */
const N8N_PROCESSES = WORKERS.length;
const GATEWAY_LIMIT_PER_SECOND = 10;
const KOREA = 'Asia/Seoul';
const TRIGGER_WORKFLOW_ID = 'e2eQueueTrigger1';
const TRIGGER_NODE = 'Coupang Trigger';
const POLL_STEP_SECONDS = 5;
const LOAD_WORKFLOW_ID = 'e2eQueueLoad0001';
const LOAD_CONCURRENCY = 8;

/** The last node of every workflow: which process ran it (from that process's environment). */
function ranOnNode(position: [number, number], keepFields: boolean): WorkflowNode {
	return {
		id: 'ran-on',
		name: 'Ran On',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			includeOtherFields: keepFields,
			assignments: { assignments: [{ id: 'ran-on-process', name: 'ranOn', value: '={{ $env.E2E_N8N_PROCESS }}', type: 'string' }] },
			options: {},
		},
		...(keepFields ? {} : { executeOnce: true }),
	};
}

function webhookNode(path: string): WorkflowNode {
	return {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
		webhookId: `e2e-queue-${path}`,
	};
}

/** Webhook → Coupang (one operation) → Ran On. */
function operationWorkflow(id: string, path: string, parameters: Record<string, unknown>): WorkflowImport {
	const coupang = { ...coupangNode('Coupang', parameters, CREDENTIAL, [220, 0]), executeOnce: true };
	return chainWorkflow(id, `e2e queue: ${path}`, [webhookNode(path), coupang, ranOnNode([440, 0], false)]);
}

function koreaDateTime(value: DateTime): string {
	return value.setZone(KOREA).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

interface Operation {
	name: string;
	workflowId: string;
	path: string;
	parameters: Record<string, unknown>;
}

describe('Coupang nodes in n8n queue mode (Postgres, Redis, main + 2 workers)', () => {
	let sandbox: RunningSandbox;
	let postgres: PostgresProcess;
	let redis: RedisProcess;
	let n8n: N8nUserFolder;
	let main: N8nServer | undefined;
	const workers = new Map<string, N8nWorker>();
	let session: N8nRestSession;
	let operations: Operation[];
	const loadDay = DateTime.now().setZone(KOREA).minus({ days: 3 }).startOf('day');

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 41, productInquiries: 60, callCenterInquiries: 30, products: 10 });
		const control = <T>(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<T> => sandboxControl<T>(sandbox.url, method, path, body);
		// The load: one Korea day with enough inquiries that Return All at page size 1 makes a dozen requests.
		await control('POST', 'product-inquiries', { count: 12, inquiryAt: loadDay.set({ hour: 10 }).toFormat('yyyy-MM-dd HH:mm:ss') });

		// Every operation of the node, with the parameters the output-schema samples use (test/helpers/operationSamples.ts).
		operations = Object.entries(OPERATION_SAMPLES).map(([key, sample], index) => {
			const [resource, operation] = key.split(':');
			return { name: key, parameters: { resource, operation, ...sample(sandbox) }, workflowId: `e2eQueueOp${String(index + 1).padStart(6, '0')}`, path: `coupang-op-${index + 1}` };
		});

		[postgres, redis] = await Promise.all([
			PostgresProcess.start({ logFile: join(E2E_LOG_DIR, 'queue-postgres.log') }),
			RedisProcess.start({ logFile: join(E2E_LOG_DIR, 'queue-redis.log') }),
		]);
		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'queue'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'queue-n8n-cli.log'));
		n8n.useEnv({
			...postgres.n8nEnv(),
			...redis.n8nEnv(),
			EXECUTIONS_MODE: 'queue',
			// The "Ran On" node reads E2E_N8N_PROCESS (n8n blocks $env in expressions by default).
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		});
		await n8n.installPackage(packedTarball());
		const credential = sandboxCredential(CREDENTIAL, sandbox.url);
		await n8n.importCredentials([{ ...credential, data: { ...credential.data, n8nProcesses: N8N_PROCESSES } }]);
		await n8n.importWorkflows([
			...operations.map((operation) => operationWorkflow(operation.workflowId, operation.path, operation.parameters)),
			chainWorkflow(TRIGGER_WORKFLOW_ID, 'e2e queue: new product inquiries', [
				coupangTriggerNode(TRIGGER_NODE, { event: 'productInquiry', answeredType: 'NOANSWER', pollTimes: pollTimesEvery(POLL_STEP_SECONDS) }, CREDENTIAL),
				ranOnNode([220, 0], true),
			]),
			operationWorkflow(LOAD_WORKFLOW_ID, 'coupang-load', {
				resource: 'productInquiry',
				operation: 'getMany',
				answerStatus: 'ALL',
				startDate: koreaDateTime(loadDay),
				endDate: koreaDateTime(loadDay),
				returnAll: true,
				options: { pageSize: 1 },
			}),
		]);
		const started = await Promise.all([
			...WORKERS.map((label) => n8n.startWorker({ label, concurrency: 5, env: { E2E_N8N_PROCESS: label }, logFile: join(E2E_LOG_DIR, `queue-${label}.log`) })),
			n8n.start({ env: { E2E_N8N_PROCESS: 'main' }, logFile: join(E2E_LOG_DIR, 'queue-main.log') }),
		]);
		for (const process of started) if ('label' in process) workers.set(process.label, process);
		main = started.find((process): process is N8nServer => 'url' in process);
		session = await N8nRestSession.setupOwner(main!.url, OWNER);
		// Published from the running main, as a user does in the editor (the CLI import cannot publish before an
		// owner exists).
		for (const workflowId of [...operations.map((operation) => operation.workflowId), TRIGGER_WORKFLOW_ID, LOAD_WORKFLOW_ID]) await session.activateWorkflow(workflowId);
	}, 10 * 60_000);

	afterAll(async () => {
		await main?.stop();
		await Promise.all([...workers.values()].map((worker) => worker.stop()));
		await redis?.stop();
		await postgres?.stop();
		await sandbox?.stop();
	});

	async function callWebhook(path: string): Promise<{ status: number; body: unknown }> {
		const response = await fetch(`${main!.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		const text = await response.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// not JSON: kept as text for the failure message
		}
		return { status: response.status, body };
	}

	/** The one finished execution of a workflow (waits until it is there). */
	async function onlyExecution(workflowId: string): Promise<StoredExecution> {
		const listed = await waitFor(
			`the execution of ${workflowId}`,
			async () => {
				const executions = await listExecutions(session, workflowId);
				return executions.length === 1 && !['new', 'running'].includes(executions[0].status) ? executions : undefined;
			},
			60_000,
			500,
		);
		return readExecution(session, listed[0].id);
	}

	/** Which process ran an execution, from the record ("Ran On") and the workers' logs, which must agree. */
	function ranOn(execution: StoredExecution): string {
		const fromRecord = new Set(nodeOutput(execution, 'Ran On').map((item) => String(item.ranOn)));
		expect(fromRecord.size).toBe(1);
		const [process] = [...fromRecord];
		const loggedBy = [...workers.values()].filter((worker) => worker.startedExecutionIds().includes(execution.id)).map((worker) => worker.label);
		expect(loggedBy).toEqual([process]);
		return process;
	}

	test('every operation of the Coupang node runs on a worker (execution record and worker log)', async () => {
		for (const operation of operations) {
			sandbox.clearRequestLog();
			const answer = await callWebhook(operation.path);
			expect({ operation: operation.name, status: answer.status }).toEqual({ operation: operation.name, status: 200 });
			expect(WORKERS).toContain((answer.body as { ranOn?: string }).ranOn);
			const execution = await onlyExecution(operation.workflowId);
			expect({ operation: operation.name, status: execution.status, mode: execution.mode }).toEqual({ operation: operation.name, status: 'success', mode: 'webhook' });
			expect(WORKERS).toContain(ranOn(execution));
			expect(nodeOutput(execution, 'Coupang').length).toBeGreaterThan(0);
			// The operation reached the gateway, signed and accepted (the trigger's polls, on main, are left out).
			const calls = sandbox.requestLog().filter((entry) => !(entry.path.endsWith('/onlineInquiries') && entry.query.includes('answeredType=NOANSWER')));
			expect({ operation: operation.name, calls: calls.length > 0, statuses: [...new Set(calls.map((entry) => entry.status))] }).toEqual({ operation: operation.name, calls: true, statuses: [200] });
		}
	});

	test('the trigger polls on main and emits each new inquiry once; its executions run on the workers', async () => {
		const listCalls = (): number => sandbox.requestLog().filter((entry) => entry.path.endsWith('/onlineInquiries') && entry.query.includes('answeredType=NOANSWER') && entry.status === 200).length;
		const waitForPolls = async (count: number): Promise<void> => {
			const before = listCalls();
			await waitFor(`${count} more polls`, async () => (listCalls() >= before + count ? true : undefined), (count + 2) * POLL_STEP_SECONDS * 1000 + 30_000, 250);
		};
		await waitForPolls(1);
		const added: number[] = [];
		for (const count of [3, 2]) {
			added.push(...sandbox.store.productInquiries.add({ count }).map((inquiry) => inquiry.inquiryId));
			await waitForPolls(2);
		}
		const executions = await waitFor(
			'the executions of the new inquiries',
			async () => {
				const listed = await listExecutions(session, TRIGGER_WORKFLOW_ID);
				if (listed.some((execution) => ['new', 'running'].includes(execution.status))) return undefined;
				const read = await Promise.all(listed.map((execution) => readExecution(session, execution.id)));
				const carried = read.flatMap((execution) => itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId)));
				return added.every((id) => carried.includes(id)) ? read : undefined;
			},
			90_000,
			1_000,
		);
		const emitted = executions.flatMap((execution) => itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId)));
		expect(emitted.slice().sort((a, b) => a - b)).toEqual(added.slice().sort((a, b) => a - b));
		for (const execution of executions) {
			expect({ id: execution.id, status: execution.status, mode: execution.mode }).toEqual({ id: execution.id, status: 'success', mode: 'trigger' });
			expect(WORKERS).toContain(ranOn(execution));
		}
	});

	test(`with n8nProcesses = ${N8N_PROCESSES}, concurrent executions on both workers keep ≤ ${GATEWAY_LIMIT_PER_SECOND} requests in any sliding second`, async () => {
		sandbox.clearRequestLog();
		const answers = await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, () => callWebhook('coupang-load')));
		for (const answer of answers) expect(answer.status).toBe(200);
		const executions = await waitFor(
			'the load executions',
			async () => {
				const listed = await listExecutions(session, LOAD_WORKFLOW_ID);
				if (listed.length < LOAD_CONCURRENCY || listed.some((execution) => ['new', 'running'].includes(execution.status))) return undefined;
				return Promise.all(listed.map((execution) => readExecution(session, execution.id)));
			},
			120_000,
			1_000,
		);
		for (const execution of executions) expect(execution.status).toBe('success');
		// Both workers ran load executions, and executions of the two overlapped in time.
		const byWorker = new Map<string, StoredExecution[]>();
		for (const execution of executions) byWorker.set(ranOn(execution), [...(byWorker.get(ranOn(execution)) ?? []), execution]);
		expect([...byWorker.keys()].sort()).toEqual([...WORKERS]);
		const span = (execution: StoredExecution): [number, number] => [Date.parse(execution.startedAt ?? ''), Date.parse(execution.stoppedAt ?? '')];
		const overlapping = byWorker.get(WORKERS[0])!.some((a) => byWorker.get(WORKERS[1])!.some((b) => span(a)[0] < span(b)[1] && span(b)[0] < span(a)[1]));
		expect(overlapping).toBe(true);

		const requests = sandbox.requestLog().filter((entry) => !entry.path.startsWith('/__sandbox'));
		const loadRequests = requests.filter((entry) => entry.query.includes(`inquiryStartAt=${loadDay.toFormat('yyyy-MM-dd')}`));
		expect(loadRequests.length).toBeGreaterThanOrEqual(LOAD_CONCURRENCY * 10);
		expect(new Set(requests.map((entry) => entry.status))).toEqual(new Set([200]));
		const busiest = busiestWindow(requests.map((entry) => Date.parse(entry.at)));
		process.stdout.write(`queue mode: ${requests.length} requests from ${LOAD_CONCURRENCY} executions on ${byWorker.size} workers; busiest sliding second: ${busiest.count}\n`);
		expect(busiest.count).toBeLessThanOrEqual(GATEWAY_LIMIT_PER_SECOND);
	});

	test('the trigger polls from main: with both workers stopped, polls go on', async () => {
		await Promise.all([...workers.values()].map((worker) => worker.stop()));
		workers.clear();
		const polls = (): number => sandbox.requestLog().filter((entry) => entry.path.endsWith('/onlineInquiries') && entry.query.includes('answeredType=NOANSWER')).length;
		const before = polls();
		await waitFor('a poll with no worker running', async () => (polls() > before ? true : undefined), 3 * POLL_STEP_SECONDS * 1000 + 30_000, 250);
	});
});
