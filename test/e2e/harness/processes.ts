/**
 * Child processes for the end-to-end suite and the demo: each runs in its own process group, its output is
 * kept (and optionally appended to a log file), and every one still running is killed when this process
 * exits, whatever the reason (test failure, timeout, Ctrl-C).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';

const runningGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

let signalCleanup = true;

/** For a program with its own graceful SIGINT/SIGTERM handling (the demo): only the exit hook remains. */
export function disableSignalCleanup(): void {
	signalCleanup = false;
}

function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const pid of runningGroups) killGroup(pid, 'SIGKILL');
	});
	// Children run in their own process groups, so a Ctrl-C does not reach them: kill them on our way out.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			if (!signalCleanup) return;
			for (const pid of runningGroups) killGroup(pid, 'SIGKILL');
			process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
		});
	}
}

export interface CommandResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface ProcessOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Append everything the process prints to this file. */
	logFile?: string;
	/** Echo the process output to this process's stdout (the demo). */
	echo?: boolean;
	/** Run as this user and group (as root: Postgres refuses to run as root). */
	uid?: number;
	gid?: number;
}

export class ManagedProcess {
	private stdoutText = '';
	private stderrText = '';
	private readonly exitPromise: Promise<CommandResult>;
	private exited = false;
	private readonly startedAt = Date.now();
	readonly pid: number;

	constructor(
		readonly label: string,
		child: ChildProcess,
		options: ProcessOptions,
	) {
		if (child.pid === undefined) throw new Error(`${label}: could not start`);
		this.pid = child.pid;
		runningGroups.add(this.pid);
		const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			if (stream === 'stdout') this.stdoutText += text;
			else this.stderrText += text;
			if (options.logFile) appendFileSync(options.logFile, text);
			if (options.echo) process.stdout.write(text.replace(/^(?=.)/gm, `[${label}] `));
		};
		child.stdout?.on('data', onData('stdout'));
		child.stderr?.on('data', onData('stderr'));
		this.exitPromise = new Promise((resolve) => {
			child.on('close', (exitCode, signal) => {
				this.exited = true;
				runningGroups.delete(this.pid);
				resolve({ exitCode, signal, stdout: this.stdoutText, stderr: this.stderrText, durationMs: Date.now() - this.startedAt });
			});
		});
	}

	get output(): string {
		return this.stdoutText + this.stderrText;
	}

	get hasExited(): boolean {
		return this.exited;
	}

	waitForExit(): Promise<CommandResult> {
		return this.exitPromise;
	}

	/** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
	async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const match = this.output.match(pattern);
			if (match) return match;
			if (this.exited) throw new Error(`${this.label} exited before printing ${pattern}:\n${tail(this.output)}`);
			if (Date.now() > deadline) throw new Error(`${this.label} did not print ${pattern} within ${timeoutMs} ms:\n${tail(this.output)}`);
			await sleep(100);
		}
	}

	/** SIGKILL to the whole process group at once (a crash: no shutdown handler runs); resolves when it is gone. */
	async kill(): Promise<CommandResult> {
		if (!this.exited) killGroup(this.pid, 'SIGKILL');
		return this.exitPromise;
	}

	/** SIGTERM to the whole process group, SIGKILL after `graceMs`. */
	async stop(graceMs = 10_000): Promise<CommandResult> {
		return this.stopWith('SIGTERM', graceMs);
	}

	/** `signal` to the whole process group (e.g. SIGINT, Postgres's fast shutdown), SIGKILL after `graceMs`. */
	async stopWith(signal: NodeJS.Signals, graceMs: number): Promise<CommandResult> {
		if (!this.exited) {
			killGroup(this.pid, signal);
			const timer = setTimeout(() => killGroup(this.pid, 'SIGKILL'), graceMs);
			try {
				return await this.exitPromise;
			} finally {
				clearTimeout(timer);
				// Grandchildren (n8n's task runner) may outlive the leader: make sure the group is gone.
				killGroup(this.pid, 'SIGKILL');
			}
		}
		return this.exitPromise;
	}
}

export function startProcess(label: string, command: string, args: string[], options: ProcessOptions = {}): ManagedProcess {
	installExitHook();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		...(options.uid === undefined ? {} : { uid: options.uid }),
		...(options.gid === undefined ? {} : { gid: options.gid }),
	});
	return new ManagedProcess(label, child, options);
}

/** Runs a command to its end; kills it (and fails) after `timeoutMs`. */
export async function runCommand(
	label: string,
	command: string,
	args: string[],
	options: ProcessOptions & { timeoutMs: number },
): Promise<CommandResult> {
	const managed = startProcess(label, command, args, options);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void managed.stop(2_000);
	}, options.timeoutMs);
	const result = await managed.waitForExit();
	clearTimeout(timer);
	if (timedOut) throw new Error(`${label} did not finish within ${options.timeoutMs} ms:\n${tail(result.stdout + result.stderr)}`);
	return result;
}

export async function runCommandOrThrow(
	label: string,
	command: string,
	args: string[],
	options: ProcessOptions & { timeoutMs: number },
): Promise<CommandResult> {
	const result = await runCommand(label, command, args, options);
	if (result.exitCode !== 0) {
		throw new Error(`${label} exited with ${result.exitCode ?? result.signal}:\n${tail(result.stdout + result.stderr)}`);
	}
	return result;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
		}
		await sleep(intervalMs);
	}
}
