// One sandbox per describe block, and the control calls the order, claim and product item tests share.

import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox';
import { control } from './sandboxHttp';

/**
 * Starts a sandbox before the block's tests and stops it after them; the readings switches go back to their
 * defaults after each test. The returned object stands for the running sandbox inside the tests.
 */
export function sandboxForBlock(options: SandboxOptions): RunningSandbox {
	let running: RunningSandbox | undefined;
	beforeAll(async () => {
		running = await startSandbox({ port: 0, ...options });
	});
	afterAll(async () => {
		await running?.stop();
	});
	afterEach(async () => {
		if (running) await control(running, 'DELETE', '/__sandbox/order-readings');
	});
	return new Proxy({} as RunningSandbox, {
		get(_target, key) {
			if (!running) throw new Error('The sandbox of this block is not running');
			const value: unknown = Reflect.get(running, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
		},
	});
}

/** GET of a control collection: everything in it. */
export async function controlList<T>(sandbox: RunningSandbox, path: string): Promise<T[]> {
	return (await control<T[]>(sandbox, 'GET', path)).json;
}

/** POST to a control collection: what it created. */
export async function controlAdd<T>(sandbox: RunningSandbox, path: string, body: Record<string, unknown>): Promise<T[]> {
	return (await control<{ created: T[] }>(sandbox, 'POST', path, body)).json.created;
}

/** Sets some readings switches of the order, claim and product item endpoints. */
export function setReadings(sandbox: RunningSandbox, body: Record<string, string>): Promise<{ status: number; json: unknown }> {
	return control(sandbox, 'POST', '/__sandbox/order-readings', body);
}
