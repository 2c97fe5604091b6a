/**
 * A real n8n (installed by scripts/n8n/install.sh into .n8n-cache/) driven through its CLI and its HTTP
 * server: a fresh user folder, our packed package installed in it like a community package, credentials and
 * workflows imported with `n8n import:*`, runs with `n8n execute`, and `n8n start` for active workflows and
 * the editor.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { INSTALL_SCRIPT, N8N_CACHE_DIR } from './paths';
import { freePort, runCommand, runCommandOrThrow, startProcess, tail, waitFor, type CommandResult, type ManagedProcess } from './processes';

export interface InstalledN8n {
	n8nVersion: string;
	nodeVersion: string;
	nodeBin: string;
	nodeBinDir: string;
	n8nBin: string;
	installDir: string;
}

/** Runs the (idempotent, cached) install script and returns where n8n and its Node are. */
export async function installN8n(options: { echo?: boolean } = {}): Promise<InstalledN8n> {
	await runCommandOrThrow('n8n:install', 'bash', [INSTALL_SCRIPT], { timeoutMs: 20 * 60_000, echo: options.echo });
	return readInstalledN8n();
}

export function readInstalledN8n(): InstalledN8n {
	const file = join(N8N_CACHE_DIR, 'installed.json');
	if (!existsSync(file)) throw new Error(`${file} is missing: run npm run n8n:install first`);
	return JSON.parse(readFileSync(file, 'utf8')) as InstalledN8n;
}

/** A credential as `n8n import:credentials` takes it (plaintext data; n8n encrypts it with the folder's key). */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string | number>;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** Node setting "On Error" (e.g. continueRegularOutput: a failing item becomes an error item). */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Webhook nodes: the id n8n registers the production webhook under. */
	webhookId?: string;
	/** Run the node once, for the first input item only. */
	executeOnce?: boolean;
}

export interface WorkflowImport {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
}

export interface ExecutionItem {
	json: Record<string, unknown>;
}

interface ExecutionNodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<ExecutionItem[] | null> };
}

/** The execution JSON `n8n execute --rawOutput` prints (only what the tests read). */
export interface ExecutionJson {
	data: {
		resultData: {
			runData: Record<string, ExecutionNodeRun[]>;
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
		};
	};
	status?: string;
}

export class ExecutionOutcome {
	constructor(
		readonly command: CommandResult,
		readonly execution: ExecutionJson | undefined,
	) {}

	get exitCode(): number | null {
		return this.command.exitCode;
	}

	/** The error message of a failed execution (as n8n shows it), or undefined. */
	get errorMessage(): string | undefined {
		return this.execution?.data.resultData.error?.message;
	}

	/** The JSON of every item a node output on its first output, in its (only) run. */
	itemsOf(nodeName: string): Array<Record<string, unknown>> {
		const runs = this.execution?.data.resultData.runData[nodeName];
		if (!runs || runs.length === 0) throw new Error(`Node "${nodeName}" did not run:\n${this.describe()}`);
		const first = runs[0].data?.main?.[0] ?? [];
		return first.map((item) => item.json);
	}

	describe(): string {
		return `exit ${this.exitCode}; error: ${this.errorMessage ?? 'none'}\n${tail(this.command.stderr, 15)}\n${tail(this.command.stdout, 15)}`;
	}
}

/** Parses the execution JSON from the first stdout line that is `{` (n8n prints log lines before it). */
export function parseExecutionJson(stdout: string): ExecutionJson | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.trim() === '{');
	if (start === -1) return undefined;
	// Log lines may follow the JSON: cut at the first line that closes the top-level object.
	const end = lines.findIndex((line, index) => index > start && line === '}');
	const text = lines.slice(start, end === -1 ? undefined : end + 1).join('\n');
	try {
		return JSON.parse(text) as ExecutionJson;
	} catch {
		return undefined;
	}
}

export interface N8nServerOptions {
	port?: number;
	/** Extra environment for this server (e.g. file-access settings for the demo). */
	env?: Record<string, string>;
	logFile?: string;
	echo?: boolean;
}

export class N8nUserFolder {
	private constructor(
		readonly installed: InstalledN8n,
		/** N8N_USER_FOLDER: n8n keeps its data in `<this>/.n8n`. */
		readonly path: string,
		private readonly encryptionKey: string,
		private readonly logFile: string | undefined,
	) {}

	/** Environment added to every n8n command of this folder (e.g. a Postgres database, queue mode). */
	private sharedEnv: Record<string, string> = {};

	/** Every later n8n command of this folder (CLI, `start`, `worker`) gets these variables too. */
	useEnv(env: Record<string, string>): this {
		this.sharedEnv = { ...this.sharedEnv, ...env };
		return this;
	}

	/** Wipes `path` and makes an empty n8n user folder there. */
	static createFresh(installed: InstalledN8n, path: string, encryptionKey: string, logFile?: string): N8nUserFolder {
		rmSync(path, { recursive: true, force: true });
		mkdirSync(join(path, '.n8n', 'nodes'), { recursive: true });
		return new N8nUserFolder(installed, path, encryptionKey, logFile);
	}

	/** Uses an existing user folder (kept between runs, e.g. the demo's). */
	static open(installed: InstalledN8n, path: string, encryptionKey: string, logFile?: string): N8nUserFolder {
		mkdirSync(join(path, '.n8n', 'nodes'), { recursive: true });
		return new N8nUserFolder(installed, path, encryptionKey, logFile);
	}

	get dataDir(): string {
		return join(this.path, '.n8n');
	}

	/** Installs a package tarball as n8n installs community packages: into `<user folder>/.n8n/nodes`. */
	async installPackage(tarball: string): Promise<void> {
		const nodesDir = join(this.dataDir, 'nodes');
		const manifest = join(nodesDir, 'package.json');
		if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
		await runCommandOrThrow('npm install <tarball>', 'npm', ['install', tarball, '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: nodesDir,
			timeoutMs: 120_000,
		});
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		const inherited: NodeJS.ProcessEnv = {};
		// Keep the basics; drop npm's and jest's variables and anything n8n-specific from the caller.
		for (const name of ['HOME', 'LANG', 'TMPDIR', 'TERM', 'USER']) {
			if (process.env[name] !== undefined) inherited[name] = process.env[name];
		}
		return {
			...inherited,
			PATH: `${this.installed.nodeBinDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
			N8N_USER_FOLDER: this.path,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'Asia/Seoul',
			TZ: 'Asia/Seoul',
			...this.sharedEnv,
			...extra,
		};
	}

	/** Runs `n8n <args>` with a task-runner broker port of its own (so it never clashes with `n8n start`). */
	async cli(args: string[], timeoutMs = 120_000): Promise<CommandResult> {
		const brokerPort = await freePort();
		return runCommand(`n8n ${args[0]}`, this.installed.nodeBin, [this.installed.n8nBin, ...args], {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
			timeoutMs,
			logFile: this.logFile,
		});
	}

	async cliOrThrow(args: string[], timeoutMs = 120_000): Promise<CommandResult> {
		const result = await this.cli(args, timeoutMs);
		if (result.exitCode !== 0) throw new Error(`n8n ${args.join(' ')} exited with ${result.exitCode}:\n${tail(result.stdout + result.stderr)}`);
		return result;
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.path, 'credentials-import.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		const file = join(this.path, 'workflows-import.json');
		writeFileSync(file, JSON.stringify(workflows, null, 2));
		await this.cliOrThrow(['import:workflow', `--input=${file}`]);
	}

	/** Marks a workflow active (published) so the next `n8n start` activates its trigger. */
	async publishWorkflow(id: string): Promise<void> {
		await this.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}

	/** `n8n execute --id=<id> --rawOutput`: the workflow must start with a Manual Trigger. */
	async execute(workflowId: string): Promise<ExecutionOutcome> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], 120_000);
		return new ExecutionOutcome(result, parseExecutionJson(result.stdout));
	}

	/** `n8n worker` with a task-runner broker port of its own; resolves once it says it is ready. */
	async startWorker(options: N8nWorkerOptions): Promise<N8nWorker> {
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...(options.env ?? {}) });
		const args = [this.installed.n8nBin, 'worker', ...(options.concurrency === undefined ? [] : [`--concurrency=${options.concurrency}`])];
		const child = startProcess(options.label, this.installed.nodeBin, args, { env, logFile: options.logFile ?? this.logFile });
		try {
			await child.waitForOutput(/n8n worker is now ready/, 180_000);
		} catch (error) {
			await child.stop(5_000);
			throw error;
		}
		return new N8nWorker(options.label, child);
	}

	/** `n8n start` on 127.0.0.1; resolves once the HTTP server answers /healthz. */
	async start(options: N8nServerOptions = {}): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		let brokerPort = await freePort();
		while (brokerPort === port) brokerPort = await freePort();
		const env = this.env({
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			...(options.env ?? {}),
		});
		const child = startProcess('n8n', this.installed.nodeBin, [this.installed.n8nBin, 'start'], {
			env,
			logFile: options.logFile ?? this.logFile,
			echo: options.echo,
		});
		const server = new N8nServer(child, `http://127.0.0.1:${port}`, port);
		try {
			// "n8n ready on …" is printed when the port is open; the REST API answers "n8n is starting up"
			// until the editor line is printed (workflows are activated around then).
			await child.waitForOutput(/Editor is now accessible via/, 180_000);
			await waitFor(
				'n8n /rest/settings',
				async () => {
					if (child.hasExited) throw new Error(`n8n exited:\n${tail(child.output)}`);
					const response = await fetch(`${server.url}/rest/settings`);
					return response.ok && (response.headers.get('content-type') ?? '').includes('json') ? true : undefined;
				},
				60_000,
				250,
			);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}
}

export class N8nServer {
	constructor(
		readonly process: ManagedProcess,
		readonly url: string,
		readonly port: number,
	) {}

	async stop(): Promise<void> {
		await this.process.stop(15_000);
	}

	/** SIGKILL to n8n and its task runner: a crash, no shutdown code runs. */
	async kill(): Promise<void> {
		await this.process.kill();
	}
}

export interface N8nWorkerOptions {
	/** Label of the process in errors and logs, e.g. "worker-1". */
	label: string;
	/** `--concurrency`: jobs this worker runs at the same time (n8n's default is 10). */
	concurrency?: number;
	env?: Record<string, string>;
	logFile?: string;
}

/** `n8n worker` (queue mode): takes executions from the Redis queue and runs them. */
export class N8nWorker {
	constructor(
		readonly label: string,
		readonly process: ManagedProcess,
	) {}

	/** Execution ids this worker logged as started ("Worker started execution <id> (job <job>)"). */
	startedExecutionIds(): string[] {
		return [...this.process.output.matchAll(/Worker started execution (\d+) \(job/g)].map((match) => match[1]);
	}

	async stop(): Promise<void> {
		await this.process.stop(15_000);
	}
}

/** A signed-in session on n8n's internal REST API (the one the editor uses). */
export class N8nRestSession {
	private constructor(
		readonly baseUrl: string,
		private readonly cookie: string,
		/** n8n binds the auth cookie to this header's value. */
		readonly browserId: string,
	) {}

	static readonly browserIdHeader = 'browser-id';

	/** Creates the instance owner (first start of a user folder only) and signs in as them. */
	static async setupOwner(baseUrl: string, owner: OwnerAccount, browserId = 'n8n-nodes-coupang-e2e'): Promise<N8nRestSession> {
		const response = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', [N8nRestSession.browserIdHeader]: browserId },
			body: JSON.stringify(owner),
		});
		if (!response.ok) throw new Error(`POST /rest/owner/setup: ${response.status} ${await response.text()}`);
		return new N8nRestSession(baseUrl, authCookie(response), browserId);
	}

	static async login(baseUrl: string, owner: OwnerAccount, browserId = 'n8n-nodes-coupang-e2e'): Promise<N8nRestSession> {
		const response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', [N8nRestSession.browserIdHeader]: browserId },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (!response.ok) throw new Error(`POST /rest/login: ${response.status} ${await response.text()}`);
		return new N8nRestSession(baseUrl, authCookie(response), browserId);
	}

	get authCookieValue(): string {
		return this.cookie.replace(/^n8n-auth=/, '');
	}

	async get<T>(path: string): Promise<T> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			headers: { cookie: this.cookie, [N8nRestSession.browserIdHeader]: this.browserId },
		});
		if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
		const body = (await response.json()) as { data: T };
		return body.data;
	}

	/** POSTs JSON; the answer's `data`. */
	async post<T>(path: string, body: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: this.cookie, [N8nRestSession.browserIdHeader]: this.browserId },
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
		const answer = (await response.json()) as { data: T };
		return answer.data;
	}

	/** Publishes (activates) the current version of a workflow in the running n8n, as the editor's button does. */
	async activateWorkflow(workflowId: string): Promise<void> {
		const workflow = await this.get<{ versionId: string }>(`/rest/workflows/${workflowId}`);
		await this.post(`/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	/** Finished executions of a workflow, newest first. */
	async executionsOf(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.get<{ results: ExecutionSummary[] }>(`/rest/executions?filter=${filter}&limit=100`);
		return page.results;
	}

	/** One execution with its data (n8n keeps it "flatted"; parsed here). */
	async execution(executionId: string): Promise<ExecutionJson> {
		const stored = await this.get<{ data: string; status: string }>(`/rest/executions/${executionId}`);
		return { data: unflatten(stored.data) as ExecutionJson['data'], status: stored.status };
	}
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string;
}

function authCookie(response: Response): string {
	const setCookies = response.headers.getSetCookie();
	const auth = setCookies.find((cookie) => cookie.startsWith('n8n-auth='));
	if (!auth) throw new Error('n8n did not set the n8n-auth cookie');
	return auth.split(';')[0];
}

/**
 * n8n stores execution data with the `flatted` format (an array whose first entry is the root and whose
 * string values that are numeric indexes point at other entries). A small reader, to avoid a dependency.
 */
export function unflatten(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const resolved = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (resolved.has(index)) return resolved.get(index);
		const entry = entries[index];
		if (typeof entry !== 'object' || entry === null) {
			resolved.set(index, entry);
			return entry;
		}
		const target: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		resolved.set(index, target);
		for (const [key, value] of Object.entries(entry)) {
			const revived = typeof value === 'string' && /^\d+$/.test(value) ? revive(Number(value)) : value;
			if (Array.isArray(target)) target[Number(key)] = revived;
			else target[key] = revived;
		}
		return target;
	};
	return revive(0);
}
