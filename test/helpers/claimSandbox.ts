/**
 * The setup the claim node tests share (returns, exchanges): Date faked to start at `now` and run with real time (the
 * node, its signatures and the sandbox read the same clock), the pace lifted, a sandbox with the given data and a
 * recording proxy in front of it; after each test the order readings, faults, paces and the proxy's own answers
 * are reset.
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox';
import { startBodyRecorder, type BodyRecorder } from './bodyRecorder';
import { forgetPacesAndHolds, liftPaceForThisFile } from './coupang';
import { fakeDateOnly } from './sandboxHttp';

/** An object that stands for one created later (in beforeAll). */
function lateBound<T extends object>(get: () => T | undefined, what: string): T {
	return new Proxy({} as T, {
		get(_target, key) {
			const target = get();
			if (!target) throw new Error(`${what} is not running`);
			const value: unknown = Reflect.get(target, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
		set(_target, key, value) {
			const target = get();
			if (!target) throw new Error(`${what} is not running`);
			return Reflect.set(target, key, value);
		},
	});
}

export function claimSandboxForFile(now: Date, options: SandboxOptions, seed: (sandbox: RunningSandbox) => void): { sandbox: RunningSandbox; recorder: BodyRecorder } {
	let sandbox: RunningSandbox | undefined;
	let recorder: BodyRecorder | undefined;
	beforeAll(async () => {
		liftPaceForThisFile();
		fakeDateOnly(now.getTime(), true);
		sandbox = await startSandbox({ port: 0, productInquiries: 0, callCenterInquiries: 0, products: 0, ...options });
		recorder = await startBodyRecorder(sandbox.url);
		seed(sandbox);
	});
	afterAll(async () => {
		await recorder?.stop();
		await sandbox?.stop();
		jest.useRealTimers();
	});
	afterEach(() => {
		sandbox?.store.orderReadings.reset();
		sandbox?.clearFaults();
		forgetPacesAndHolds();
		if (recorder) recorder.respond = undefined;
	});
	return { sandbox: lateBound(() => sandbox, 'the sandbox'), recorder: lateBound(() => recorder, 'the recording proxy') };
}
