/**
 * One crash run: a real `n8n start` (regular mode, SQLite, n8n's default setup) with an active workflow
 * Coupang Trigger → Wait (1 s) → Done, inquiries arriving at the sandbox all the time, and n8n killed with
 * SIGKILL again and again at random moments, restarted each time. At the end every inquiry is looked up in
 * n8n's execution records: how many executions carried it.
 *
 * Kill moments, in rotation, anchored on what the sandbox sees:
 * - `poll`: 0–60 ms after the gateway answered one of the trigger's list requests: the trigger has the page,
 *   picks the new inquiries, n8n saves the trigger's state and creates the execution (the window where a
 *   crash can lose or repeat);
 * - `execution`: 0–800 ms after n8n's records show a new execution running (it lasts a second: Wait node);
 * - `anytime`: 0–3 000 ms after n8n said it was ready, whatever it is doing.
 * `poll` skips the poll n8n runs inside the activation and anchors on a scheduled one after it.
 *
 * Inquiries are answered (in the sandbox, as a seller would) once an execution carried them, so that each poll
 * reads about one page, however long the run (see answerCarried).
 */
import { join } from 'node:path';

import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { itemsCarriedBy, listExecutions, readExecution, type StoredExecution } from './executions';
import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount } from './n8n';
import { packedTarball } from './package';
import { freePort, runCommandOrThrow, sleep, tail, waitFor } from './processes';
import { chainWorkflow, coupangTriggerNode, pollTimesEvery, sandboxCredential, type CredentialRef } from './workflows';

export type CrashMode = 'durable' | 'default';
export type KillKind = 'poll' | 'execution' | 'anytime';

/** n8n 2.41's durable poll cursors: the node's static data is committed with the execution it starts. */
export const DURABLE_CURSOR_ENV: Record<string, string> = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	// The durable scheduler claims due polls every 5 s by default; every second keeps the poll times.
	N8N_SCHEDULER_EXECUTOR_INTERVAL: '1',
	// n8n 2.41 lets polls of one node overlap, and overlapping polls each read the same cursor and each emit the
	// same inquiries (the cursor commit is fenced by the poll's lease, not compared with the cursor it started
	// from). Each poll time is a job of its own: after a restart n8n runs every occurrence missed within the grace
	// (60 s by default) at once; a grace below the poll interval leaves at most one to catch up.
	N8N_SCHEDULER_MISFIRE_GRACE: '2',
	// A poll cut off by a kill keeps its lease; when the lease expires (60 s) n8n runs it again (up to 5
	// attempts), late and next to the regular polls. One attempt: such a poll is dropped, the next one catches up.
	N8N_SCHEDULER_MAX_ATTEMPTS: '1',
};

/**
 * Both modes. With the publication service (n8n 2.41's default), a workflow is activated by a job of an outbox
 * that the process leases; a process killed while it holds the lease (e.g. during the first poll, which runs
 * inside the activation) blocks the workflow's activation after the restart until the lease expires: 120 s by
 * default. The suite shortens it, else one unlucky kill costs two minutes.
 */
export const CRASH_RUN_ENV: Record<string, string> = {
	N8N_WORKFLOW_PUBLICATION_OUTBOX_LEASE_SECONDS: '10',
};

export const TRIGGER_NODE = 'Coupang Trigger';
const WORKFLOW_ID = 'e2eCrashTrigger1';
const CREDENTIAL: CredentialRef = { id: 'e2eCrashCred0001', name: 'Coupang sandbox (crash e2e)' };
const OWNER: OwnerAccount = { email: 'crash@example.com', firstName: 'Crash', lastName: 'Test', password: 'E2e-crash-password-1' };
const LIST_PATH_SUFFIX = '/onlineInquiries';

export interface CrashRunOptions {
	mode: CrashMode;
	kills: number;
	/** Poll every this many seconds (n8n's minimum per poll time is a minute: one cron per second-of-minute). */
	pollEverySeconds: number;
	/** A new inquiry every this many ms, during the whole run (also while n8n is down). */
	inquiryEveryMs: number;
	folder: string;
	logDir: string;
	seed: number;
	/** Progress lines (jest prints them). */
	log: (line: string) => void;
}

export interface Kill {
	kind: KillKind;
	/** From the anchor (the gateway's answer, or n8n ready) to SIGKILL. */
	delayMs: number;
	/** ms since the run started. */
	at: number;
	/** Seconds n8n took to be ready again after this kill (attempts that failed to start included). */
	restartSeconds: number;
	/** Starts that failed after this kill (n8n exited during start-up), with the reason it printed. */
	failedStarts: string[];
}

export interface InquiryCount {
	inquiryId: number;
	/** Ids of the executions that carried it, with their final status. */
	executions: Array<{ id: string; status: string }>;
}

export interface CrashFigures {
	mode: CrashMode;
	kills: Kill[];
	killsByKind: Record<KillKind, number>;
	inquiries: number;
	/** Carried by no execution, and marked emitted in the trigger's saved state: lost for good. */
	lost: number[];
	/** Carried by no execution and not in the trigger's state: not emitted by the end of the run (it still would be). */
	notEmitted: number[];
	/** Carried by more than one execution. */
	duplicated: number[];
	/** Carried by exactly one execution, and that one ended `success`. */
	deliveredOnceAndSucceeded: number;
	/** Carried by exactly one execution that did not succeed (a kill cut it short: `crashed`, …). */
	deliveredOnceNotSucceeded: number[];
	executions: number;
	executionsByStatus: Record<string, number>;
	failedStarts: number;
	durationSeconds: number;
	/** Per execution: id, status, start and the inquiries it carried (for the report). */
	executionLog: Array<{ id: string; status: string; startedAt: string | null; inquiryIds: number[] }>;
	/** When each kill happened (ms since the run started), for the report. */
	killTimes: number[];
	/** The kind of the first kill after each lost or duplicated inquiry was added (what cost it). */
	lostByKillKind: Record<KillKind | 'none', number>;
	duplicatedByKillKind: Record<KillKind | 'none', number>;
}

function randomBetween(min: number, max: number): number {
	return Math.round(min + Math.random() * (max - min));
}

export class CrashRun {
	private sandbox!: RunningSandbox;
	private n8n!: N8nUserFolder;
	private server: N8nServer | undefined;
	private readonly added: number[] = [];
	/** ms since the run started at which each inquiry was added. */
	private readonly addedAt = new Map<number, number>();
	private feeder: NodeJS.Timeout | undefined;
	private readonly kills: Kill[] = [];
	private readonly startedAt = Date.now();
	private starts = 0;
	private port: number | undefined;

	constructor(private readonly options: CrashRunOptions) {}

	get sandboxUrl(): string {
		return this.sandbox.url;
	}

	private get logFile(): string {
		return join(this.options.logDir, `crash-${this.options.mode}-n8n.log`);
	}

	async setUp(): Promise<void> {
		const { mode } = this.options;
		this.sandbox = await startSandbox({ port: 0, seed: this.options.seed, productInquiries: 10, callCenterInquiries: 2, products: 2 });
		this.n8n = N8nUserFolder.createFresh(readInstalledN8n(), this.options.folder, `e2e-crash-${mode}-key`, this.logFile);
		this.n8n.useEnv(CRASH_RUN_ENV);
		if (mode === 'durable') this.n8n.useEnv(DURABLE_CURSOR_ENV);
		if (process.env.E2E_CRASH_DEBUG) this.n8n.useEnv({ N8N_LOG_LEVEL: 'debug' });
		await this.n8n.installPackage(packedTarball());
		await this.n8n.importCredentials([sandboxCredential(CREDENTIAL, this.sandbox.url)]);
		await this.n8n.importWorkflows([
			chainWorkflow(WORKFLOW_ID, `e2e crash (${mode})`, [
				coupangTriggerNode(TRIGGER_NODE, { event: 'productInquiry', answeredType: 'NOANSWER', pollTimes: pollTimesEvery(this.options.pollEverySeconds) }, CREDENTIAL),
				// An execution that lasts a second, so that kills land in running executions too.
				{ id: 'crash-wait', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [220, 0], parameters: { resume: 'timeInterval', amount: 1, unit: 'seconds' } },
				{ id: 'crash-done', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
			]),
		]);
		await this.n8n.publishWorkflow(WORKFLOW_ID);
	}

	private listAnswers(): number {
		return this.sandbox.requestLog().filter((entry) => entry.path.endsWith(LIST_PATH_SUFFIX) && entry.status === 200).length;
	}

	/** Starts n8n; a start that fails (n8n exits during start-up) is retried, and its reason kept. */
	private async startN8n(): Promise<string[]> {
		const failures: string[] = [];
		for (let attempt = 1; ; attempt++) {
			try {
				this.starts += 1;
				// The same port every time: the REST session (and its cookie) of the first start stays usable.
				this.port ??= await freePort();
				this.server = await this.n8n.start({ port: this.port });
				return failures;
			} catch (error) {
				const text = error instanceof Error ? error.message : String(error);
				const reason = text.split('\n').find((line) => /Error|error/.test(line) && !/^\s+at /.test(line)) ?? tail(text, 3);
				failures.push(reason.trim());
				this.options.log(`crash ${this.options.mode}: n8n failed to start (attempt ${attempt}): ${reason.trim()}`);
				if (attempt >= 3) throw error;
			}
		}
	}

	/** Resolves when the gateway has answered one more list request of the trigger than `seen`. */
	private async nextListAnswer(seen: number, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (this.listAnswers() <= seen) {
			if (Date.now() > deadline) {
				const lastRequests = this.sandbox.requestLog().slice(-5).map((entry) => `${entry.at} ${entry.method} ${entry.path} ${entry.status}`);
				throw new Error(`No poll of the trigger within ${timeoutMs} ms; last requests:\n${lastRequests.join('\n')}\nn8n:\n${tail(this.server?.process.output ?? '', 30)}`);
			}
			await sleep(5);
		}
	}

	/** Inquiries answered in the sandbox (see answerCarried). */
	private readonly answeredIds = new Set<number>();
	private feederError: Error | undefined;

	/** Resolves as soon as n8n's records show an execution of the workflow running that was not running before. */
	private async nextRunningExecution(session: N8nRestSession, timeoutMs: number): Promise<void> {
		const before = new Set((await listExecutions(session, WORKFLOW_ID)).map((execution) => execution.id));
		await waitFor(
			`an execution to run (${this.options.mode})`,
			async () => ((await listExecutions(session, WORKFLOW_ID)).some((execution) => execution.status === 'running' && !before.has(execution.id)) ? true : undefined),
			timeoutMs,
			100,
		);
	}

	private startFeeding(): void {
		this.feeder = setInterval(() => {
			try {
				for (const inquiry of this.sandbox.store.productInquiries.add({ count: 1 })) {
					this.added.push(inquiry.inquiryId);
					this.addedAt.set(inquiry.inquiryId, Date.now() - this.startedAt);
				}
			} catch (error) {
				// Surfaces in run(): a feeder that stopped would make every figure meaningless.
				this.feederError ??= error instanceof Error ? error : new Error(String(error));
			}
		}, this.options.inquiryEveryMs);
	}

	/**
	 * Answers (in the sandbox, as the seller would in Wing) every inquiry an execution has carried so far. Answered
	 * inquiries leave the "not answered" list the trigger reads, so each poll stays about one page, as in real use,
	 * however long the run; a poll grown to many paced pages would outlast the poll interval and overlap the next.
	 * Only carried inquiries are answered: answering one the trigger has not emitted yet would hide it from the
	 * trigger and make it look lost.
	 */
	private async answerCarried(session: N8nRestSession): Promise<void> {
		const carried = new Set((await this.executionsNow(session)).flatMap((execution) => itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId))));
		for (const inquiryId of this.added) {
			if (!carried.has(inquiryId) || this.answeredIds.has(inquiryId)) continue;
			this.sandbox.store.productInquiries.reply(this.sandbox.vendorId, inquiryId, { vendorId: this.sandbox.vendorId, content: 'Handled.', replyBy: 'e2e-crash' });
			this.answeredIds.add(inquiryId);
		}
	}

	private stopFeeding(): void {
		if (this.feeder) clearInterval(this.feeder);
		this.feeder = undefined;
	}

	async run(): Promise<CrashFigures> {
		const { mode, kills, pollEverySeconds } = this.options;
		await this.startN8n();
		const session = await N8nRestSession.setupOwner(this.server!.url, OWNER);
		// The first activation sets the trigger's starting point ("now"). The poll n8n runs inside the activation
		// does not persist it (with durable cursors a test poll's cursor is not committed; in the default mode the
		// static data is saved only when a poll emits): feed inquiries from the first scheduled poll on.
		await this.nextListAnswer(0, 90_000);
		await this.nextListAnswer(1, (this.options.pollEverySeconds + 60) * 1000);
		await sleep(500);
		this.startFeeding();
		const kinds: KillKind[] = ['poll', 'execution', 'anytime'];
		for (let index = 0; index < kills; index++) {
			const kind = kinds[index % kinds.length];
			let delayMs: number;
			if (kind === 'anytime') {
				delayMs = randomBetween(0, 3_000);
				await sleep(delayMs);
			} else if (kind === 'poll') {
				// Not the poll n8n runs inside the activation: one of the scheduled polls after it.
				await this.nextListAnswer(this.listAnswers(), (pollEverySeconds + 60) * 1000);
				await this.nextListAnswer(this.listAnswers(), (pollEverySeconds + 60) * 1000);
				delayMs = randomBetween(0, 60);
				await sleep(delayMs);
			} else {
				// While an execution of new inquiries runs (seen running in n8n's records; it lasts a second).
				await this.nextRunningExecution(session, (pollEverySeconds + 60) * 1000);
				delayMs = randomBetween(0, 800);
				await sleep(delayMs);
			}
			await this.server!.kill();
			this.server = undefined;
			const restartedAt = Date.now();
			const failedStarts = await this.startN8n();
			await this.answerCarried(session).catch((error: unknown) => this.options.log(`crash ${mode}: could not read the executions to answer carried inquiries: ${String(error)}`));
			const kill: Kill = { kind, delayMs, at: restartedAt - this.startedAt, restartSeconds: (Date.now() - restartedAt) / 1000, failedStarts };
			this.kills.push(kill);
			this.options.log(`crash ${mode}: kill ${index + 1}/${kills} (${kind}, +${delayMs} ms), back in ${kill.restartSeconds.toFixed(1)} s, ${this.added.length} inquiries so far`);
			if (this.feederError) throw this.feederError;
		}
		this.stopFeeding();
		return await this.settleAndCount(session);
	}

	/** Every execution of the workflow with its data; those that ended are read once. */
	private readonly finished = new Map<string, StoredExecution>();

	private async executionsNow(session: N8nRestSession): Promise<StoredExecution[]> {
		const executions: StoredExecution[] = [];
		for (const listed of await listExecutions(session, WORKFLOW_ID)) {
			const cached = this.finished.get(listed.id);
			if (cached && cached.status === listed.status) {
				executions.push(cached);
				continue;
			}
			const execution = await readExecution(session, listed.id);
			if (!['new', 'running', 'waiting', 'unknown'].includes(execution.status)) this.finished.set(execution.id, execution);
			executions.push(execution);
		}
		return executions;
	}

	/**
	 * After the last restart: wait until no execution is running or waiting to start and either every inquiry was
	 * carried, or the executions stayed the same while the trigger polled five more times (an inquiry lost for good
	 * never shows up), then count.
	 */
	private async settleAndCount(firstSession: N8nRestSession): Promise<CrashFigures> {
		const session = firstSession;
		let stable: { polls: number; signature: string } | undefined;
		const executions = await waitFor(
			`the trigger to catch up and its executions to end (${this.options.mode})`,
			async () => {
				const now = await this.executionsNow(session);
				const carried = new Set(now.flatMap((execution) => itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId))));
				const busy = now.some((execution) => ['new', 'running', 'waiting', 'unknown'].includes(execution.status));
				if (busy) {
					stable = undefined;
					return undefined;
				}
				if (this.added.every((id) => carried.has(id))) return now;
				const signature = now.map((execution) => `${execution.id}:${execution.status}`).join(',');
				if (stable === undefined || stable.signature !== signature) {
					stable = { polls: this.listAnswers(), signature };
					return undefined;
				}
				return this.listAnswers() >= stable.polls + 5 ? now : undefined;
			},
			180_000,
			1_000,
		);
		await this.server?.stop();
		this.server = undefined;
		return this.count(executions, await this.persistedSeenIds());
	}

	/**
	 * The inquiry IDs the trigger's saved state marks as emitted (its `seen`), read from n8n's SQLite database once
	 * n8n has stopped: the durable cursor (table poller_state) when there is one, else the workflow's static data.
	 * An inquiry no execution carried is lost for good when its ID is there (the trigger never emits it again), and
	 * merely not emitted yet when it is not.
	 */
	private async persistedSeenIds(): Promise<Set<number>> {
		const script = [
			'import json, sqlite3, sys',
			"db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)",
			'state = None',
			'try:',
			"    rows = db.execute('select cursor from poller_state where workflowId = ?', (sys.argv[2],)).fetchall()",
			'    if rows: state = json.loads(rows[0][0]).get(\'coupangTrigger\')',
			'except sqlite3.OperationalError:',
			'    pass',
			'if state is None:',
			"    (static,) = db.execute('select staticData from workflow_entity where id = ?', (sys.argv[2],)).fetchone()",
			"    node = json.loads(static or '{}').get('node:' + sys.argv[3], {})",
			"    state = node.get('coupangTrigger')",
			"print(json.dumps(sorted((state or {}).get('seen', {}).keys())))",
		].join('\n');
		const result = await runCommandOrThrow('python3 (read the trigger state)', 'python3', ['-c', script, join(this.options.folder, '.n8n', 'database.sqlite'), WORKFLOW_ID, TRIGGER_NODE], { timeoutMs: 60_000 });
		return new Set((JSON.parse(result.stdout) as string[]).map(Number));
	}

	private count(executions: StoredExecution[], seenIds: Set<number>): CrashFigures {
		const byInquiry = new Map<number, InquiryCount>(this.added.map((inquiryId) => [inquiryId, { inquiryId, executions: [] }]));
		for (const execution of executions) {
			// An execution carries an inquiry once, even if n8n kept it both as output and on the stack.
			for (const inquiryId of new Set(itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId)))) {
				const entry = byInquiry.get(inquiryId);
				// An inquiry we did not add (seeded data) would be a trigger bug: keep it visible.
				if (!entry) byInquiry.set(inquiryId, { inquiryId, executions: [{ id: execution.id, status: execution.status }] });
				else entry.executions.push({ id: execution.id, status: execution.status });
			}
		}
		const counts = [...byInquiry.values()];
		const executionsByStatus: Record<string, number> = {};
		for (const execution of executions) executionsByStatus[execution.status] = (executionsByStatus[execution.status] ?? 0) + 1;
		const killsByKind: Record<KillKind, number> = { poll: 0, execution: 0, anytime: 0 };
		for (const kill of this.kills) killsByKind[kill.kind] += 1;
		const byNextKill = (inquiryIds: number[]): Record<KillKind | 'none', number> => {
			const tally: Record<KillKind | 'none', number> = { poll: 0, execution: 0, anytime: 0, none: 0 };
			for (const inquiryId of inquiryIds) {
				const addedAt = this.addedAt.get(inquiryId) ?? Number.POSITIVE_INFINITY;
				tally[this.kills.find((kill) => kill.at >= addedAt)?.kind ?? 'none'] += 1;
			}
			return tally;
		};
		const lost = counts.filter((count) => count.executions.length === 0 && seenIds.has(count.inquiryId)).map((count) => count.inquiryId);
		const notEmitted = counts.filter((count) => count.executions.length === 0 && !seenIds.has(count.inquiryId)).map((count) => count.inquiryId);
		const duplicated = counts.filter((count) => count.executions.length > 1).map((count) => count.inquiryId);
		return {
			mode: this.options.mode,
			kills: this.kills,
			killsByKind,
			inquiries: this.added.length,
			lost,
			notEmitted,
			duplicated,
			lostByKillKind: byNextKill(lost),
			duplicatedByKillKind: byNextKill(duplicated),
			deliveredOnceAndSucceeded: counts.filter((count) => count.executions.length === 1 && count.executions[0].status === 'success').length,
			deliveredOnceNotSucceeded: counts.filter((count) => count.executions.length === 1 && count.executions[0].status !== 'success').map((count) => count.inquiryId),
			executions: executions.length,
			executionsByStatus,
			failedStarts: this.kills.reduce((sum, kill) => sum + kill.failedStarts.length, 0),
			durationSeconds: (Date.now() - this.startedAt) / 1000,
			executionLog: executions.map((execution) => ({
				id: execution.id,
				status: execution.status,
				startedAt: execution.startedAt,
				inquiryIds: [...new Set(itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId)))],
			})),
			killTimes: this.kills.map((kill) => kill.at),
		};
	}

	async tearDown(): Promise<void> {
		this.stopFeeding();
		await this.server?.kill();
		await this.sandbox?.stop();
	}
}
