/**
 * Debian's Postgres, Redis and tinyproxy as processes of the test itself: each in a fresh temporary folder,
 * bound to 127.0.0.1 on a free port, in its own process group (killed with the test run, see processes.ts), and
 * removed afterwards. Nothing is installed or started system-wide: the binaries of the Debian packages are run
 * directly (`.ci/run` installs the packages; `ensureDebianPackages` does it too when they are missing and we are
 * root).
 *
 * Postgres refuses to run as root: as root, initdb and postgres run as the `postgres` user that the Debian
 * package creates (spawned with its uid/gid; the data folder is chowned to it). As any other user they run as
 * that user.
 */
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, runCommand, runCommandOrThrow, startProcess, tail, type ManagedProcess } from './processes';

const POSTGRES_LIB = '/usr/lib/postgresql';
const REDIS_SERVER = '/usr/bin/redis-server';
const TINYPROXY = '/usr/bin/tinyproxy';
const OPENSSL = '/usr/bin/openssl';

/** The bin folder of the newest Postgres major version installed by Debian's packages, or undefined. */
export function postgresBinDir(): string | undefined {
	if (!existsSync(POSTGRES_LIB)) return undefined;
	const versions = readdirSync(POSTGRES_LIB)
		.filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_LIB, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length === 0 ? undefined : join(POSTGRES_LIB, versions[0], 'bin');
}

function missingPackages(): string[] {
	const missing: string[] = [];
	if (postgresBinDir() === undefined) missing.push('postgresql');
	if (!existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!existsSync(TINYPROXY)) missing.push('tinyproxy');
	if (!existsSync(OPENSSL)) missing.push('openssl');
	return missing;
}

/**
 * Installs the missing service packages with apt-get when we are root (as on CI); resolves to undefined when all
 * are there, or to the reason they are not. Installing does not matter to the suites if the packages start
 * system services (a container's policy-rc.d usually prevents it): the suites run their own instances on other
 * ports.
 */
export async function ensureDebianPackages(): Promise<string | undefined> {
	const missing = missingPackages();
	if (missing.length === 0) return undefined;
	const command = `apt-get install -y ${missing.join(' ')}`;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) return `missing ${missing.join(', ')}: run ${command} as root`;
	if (!existsSync('/usr/bin/apt-get')) return `missing ${missing.join(', ')} and there is no apt-get to install them`;
	process.stdout.write(`e2e: installing ${missing.join(', ')} with apt-get (once per machine)\n`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = await runCommand('apt-get update', 'apt-get', ['update', '-qq'], { env, timeoutMs: 300_000 });
	if (update.exitCode !== 0) return `apt-get update failed: ${update.stderr.slice(-500)}`;
	const install = await runCommand('apt-get install', 'apt-get', ['install', '-y', '-qq', ...missing], { env, timeoutMs: 600_000 });
	const stillMissing = missingPackages();
	if (install.exitCode !== 0 || stillMissing.length > 0) return `${command} failed: ${install.stderr.slice(-500)}`;
	return undefined;
}

interface Account {
	uid: number;
	gid: number;
}

/** uid and gid of a local user from /etc/passwd, or undefined. */
function localAccount(name: string): Account | undefined {
	for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
		const fields = line.split(':');
		if (fields[0] === name && fields.length >= 4) return { uid: Number(fields[2]), gid: Number(fields[3]) };
	}
	return undefined;
}

/** Who Postgres runs as: the `postgres` account when we are root, else ourselves (undefined = no switch). */
function postgresAccount(): Account | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const account = localAccount('postgres');
	if (!account) throw new Error('Postgres refuses to run as root and there is no "postgres" user (the Debian package postgresql creates it)');
	return account;
}

export interface PostgresStartOptions {
	logFile?: string;
}

/** A throwaway Postgres cluster: trust authentication on 127.0.0.1 only, superuser `n8n`, database `n8n`. */
export class PostgresProcess {
	readonly user = 'n8n';
	readonly database = 'n8n';
	readonly host = '127.0.0.1';

	private constructor(
		readonly process: ManagedProcess,
		readonly port: number,
		private readonly folder: string,
	) {}

	static async start(options: PostgresStartOptions = {}): Promise<PostgresProcess> {
		const bin = postgresBinDir();
		if (!bin) throw new Error(`No Postgres under ${POSTGRES_LIB}: apt-get install -y postgresql`);
		const account = postgresAccount();
		const folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-postgres-'));
		const dataDir = join(folder, 'data');
		if (account) chownSync(folder, account.uid, account.gid);
		const asPostgres = { ...(account ?? {}), env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: folder }, logFile: options.logFile };
		try {
			await runCommandOrThrow('initdb', join(bin, 'initdb'), ['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'], {
				...asPostgres,
				cwd: folder,
				timeoutMs: 120_000,
			});
			const port = await freePort();
			// Only what keeps a throwaway cluster fast: no fsync (the tests kill n8n, never Postgres). Commits stay
			// synchronous, so n8n sees the same transaction semantics as in production.
			const child = startProcess(
				'postgres',
				join(bin, 'postgres'),
				['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${folder}`, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
				{ ...asPostgres, cwd: folder },
			);
			const server = new PostgresProcess(child, port, folder);
			try {
				await child.waitForOutput(/database system is ready to accept connections/, 60_000);
				await runCommandOrThrow('createdb', join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'], { ...asPostgres, cwd: folder, timeoutMs: 60_000 });
			} catch (error) {
				await server.stop();
				throw error;
			}
			return server;
		} catch (error) {
			rmSync(folder, { recursive: true, force: true });
			throw error;
		}
	}

	/** n8n's settings for this database. */
	n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.host,
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	/** Runs one SQL statement with psql and returns its rows, tab-separated, without headers. */
	async query(sql: string): Promise<string[][]> {
		const bin = postgresBinDir();
		if (!bin) throw new Error('Postgres is gone');
		const result = await runCommandOrThrow('psql', join(bin, 'psql'), ['-h', this.host, '-p', String(this.port), '-U', this.user, '-d', this.database, '-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
			timeoutMs: 60_000,
		});
		return result.stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	}

	async stop(): Promise<void> {
		// SIGINT is Postgres's fast shutdown (SIGTERM would wait for every client to disconnect).
		await this.process.stopWith('SIGINT', 10_000);
		rmSync(this.folder, { recursive: true, force: true });
	}
}

/** A throwaway Redis on 127.0.0.1: no persistence. */
export class RedisProcess {
	readonly host = '127.0.0.1';

	private constructor(
		readonly process: ManagedProcess,
		readonly port: number,
		private readonly folder: string,
	) {}

	static async start(options: { logFile?: string } = {}): Promise<RedisProcess> {
		if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: apt-get install -y redis-server`);
		const folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-redis-'));
		const port = await freePort();
		const child = startProcess('redis', REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'], {
			cwd: folder,
			logFile: options.logFile,
		});
		const server = new RedisProcess(child, port, folder);
		try {
			await child.waitForOutput(/Ready to accept connections/, 30_000);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** n8n's settings for its queue (Bull) on this Redis. */
	n8nEnv(): Record<string, string> {
		return { QUEUE_BULL_REDIS_HOST: this.host, QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	async stop(): Promise<void> {
		await this.process.stop(5_000);
		rmSync(this.folder, { recursive: true, force: true });
	}
}

/** One request tinyproxy forwarded, from its log ("Request (file descriptor N): GET http://… HTTP/1.1"). */
export interface ProxiedRequest {
	method: string;
	url: string;
}

/**
 * Debian's tinyproxy as the fixed-IP forward proxy: it listens on 127.0.0.1 and opens its outgoing connections
 * from `outgoingAddress` (127.0.0.2, also on the loopback interface), so the gateway tells a proxied request from a
 * direct one by the client address, as Coupang's IP allow-list does.
 */
export class TinyproxyProcess {
	readonly outgoingAddress = '127.0.0.2';

	private constructor(
		readonly process: ManagedProcess,
		readonly port: number,
		private readonly folder: string,
	) {}

	static async start(options: { logFile?: string } = {}): Promise<TinyproxyProcess> {
		if (!existsSync(TINYPROXY)) throw new Error(`${TINYPROXY} is missing: apt-get install -y tinyproxy`);
		const folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-tinyproxy-'));
		const port = await freePort();
		const config = join(folder, 'tinyproxy.conf');
		// No LogFile and no Syslog: with -d (foreground) tinyproxy logs to its stderr, which we keep.
		writeFileSync(
			config,
			[
				`Port ${port}`,
				'Listen 127.0.0.1',
				'Bind 127.0.0.2',
				'Timeout 60',
				'LogLevel Connect',
				'MaxClients 100',
				'Allow 127.0.0.1',
				'DisableViaHeader Yes',
				'',
			].join('\n'),
		);
		const child = startProcess('tinyproxy', TINYPROXY, ['-d', '-c', config], { cwd: folder, logFile: options.logFile });
		const proxy = new TinyproxyProcess(child, port, folder);
		try {
			await proxy.waitUntilListening();
		} catch (error) {
			await proxy.stop();
			throw error;
		}
		return proxy;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** tinyproxy prints nothing once listening at LogLevel Connect: connect to it until it answers. */
	private async waitUntilListening(): Promise<void> {
		const deadline = Date.now() + 20_000;
		for (;;) {
			if (this.process.hasExited) throw new Error(`tinyproxy exited:\n${tail(this.process.output)}`);
			try {
				const response = await fetch(this.url);
				await response.text();
				return; // any HTTP answer (tinyproxy's own error page) means it listens
			} catch {
				if (Date.now() > deadline) throw new Error(`tinyproxy did not listen on ${this.url}:\n${tail(this.process.output)}`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		}
	}

	/** Every request the proxy forwarded so far, in order (a CONNECT tunnel's url is its `host:port`). */
	forwardedRequests(): ProxiedRequest[] {
		const requests: ProxiedRequest[] = [];
		for (const match of this.process.output.matchAll(/Request \(file descriptor \d+\): ([A-Z]+) (\S+) HTTP\/[\d.]+/g)) {
			requests.push({ method: match[1], url: match[2] });
		}
		return requests;
	}

	/** The `host:port` of every CONNECT tunnel (HTTPS through the proxy) so far, in order. */
	connectTunnels(): string[] {
		return this.forwardedRequests()
			.filter((request) => request.method === 'CONNECT')
			.map((request) => request.url);
	}

	async stop(): Promise<void> {
		await this.process.stop(5_000);
		rmSync(this.folder, { recursive: true, force: true });
	}
}
