/**
 * Runs the Coupang Trigger's `poll()` through n8n-core's real PollContext, as n8n's ActiveWorkflows does for an
 * active workflow (mode 'trigger') or for "Fetch Test Event" (mode 'manual'). Requests go over real HTTP to the
 * in-process sandbox, signed by our credential type's `authenticate` via the same credentials helper as the node
 * tests (test/helpers/n8n.ts).
 */
import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import type { Workflow } from 'n8n-workflow';

import { CoupangApi } from '../../credentials/CoupangApi.credentials';
import { CoupangTrigger } from '../../nodes/Coupang/CoupangTrigger.node';
import { resetSharedPacers } from '../../nodes/Coupang/core/pace';
import { TRIGGER_PIPELINE_OPTIONS } from '../../nodes/Coupang/transport/client';
import { startSandbox, type DataSizes, type RunningSandbox } from '../../sandbox';
import { CREDENTIAL_TYPE, TestCredentialsHelper, testAdditionalData, triggerWorkflow } from './n8n';

export const TRIGGER_TYPE = 'n8n-nodes-coupang.coupangTrigger';

/** Counts the requests it signs and lets a test act just before the Nth one (e.g. inject a fault). */
class CountingCredentialsHelper extends TestCredentialsHelper {
	signed = 0;
	beforeRequest: ((requestNumber: number) => void) | undefined;

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		this.signed += 1;
		this.beforeRequest?.(this.signed);
		return await super.authenticate(credentials, typeName, requestOptions);
	}
}

export interface PollHarness {
	/** One poll as an active workflow: the items emitted (JSON), or null when the node returned null. */
	poll(): Promise<IDataObject[] | null>;
	/** "Fetch Test Event". */
	pollManual(): Promise<IDataObject[] | null>;
	/** A JSON copy of the node's static data (what n8n stores for it). */
	staticData(): IDataObject;
	/** Runs `action` just before the given request (1-based, counted from now) is signed. */
	beforeRequest(requestNumber: number, action: () => void): void;
	/** Changes a parameter of the trigger node, as editing the workflow would. */
	setParameter(name: string, value: INode['parameters'][string]): void;
	workflow: Workflow;
}

export function createPollHarness(options: {
	credentials: ICredentialDataDecryptedObject;
	parameters: INode['parameters'];
	timezone?: string;
}): PollHarness {
	const nodeType = new CoupangTrigger();
	const { node, workflow } = triggerWorkflow(TRIGGER_TYPE, nodeType, options.parameters, options.timezone);
	const credentialsHelper = new CountingCredentialsHelper(
		{ [CREDENTIAL_TYPE]: new CoupangApi() },
		{ [CREDENTIAL_TYPE]: options.credentials },
	);
	const additionalData = testAdditionalData(credentialsHelper);

	const run = async (mode: WorkflowExecuteMode): Promise<IDataObject[] | null> => {
		const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		const result: INodeExecutionData[][] | null = await nodeType.poll.call(context);
		if (result === null) return null;
		expect(result).toHaveLength(1);
		return result[0].map((item) => item.json);
	};

	return {
		poll: async () => await run('trigger'),
		pollManual: async () => await run('manual'),
		staticData: () => JSON.parse(JSON.stringify(workflow.getStaticData('node', node))) as IDataObject,
		beforeRequest: (requestNumber, action) => {
			const target = credentialsHelper.signed + requestNumber;
			credentialsHelper.beforeRequest = (signed) => {
				if (signed === target) action();
			};
		},
		setParameter: (name, value) => {
			node.parameters[name] = value;
		},
		workflow,
	};
}

/** The error a poll throws (the test fails when it does not throw). */
export async function pollError(run: () => Promise<unknown>): Promise<Error> {
	try {
		await run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the poll to fail');
}

/** One poll as an active workflow: what it emitted, or the error it threw. */
export async function pollOutcome(trigger: PollHarness): Promise<{ items: IDataObject[] | null; error?: Error }> {
	try {
		return { items: await trigger.poll() };
	} catch (error) {
		return { items: null, error: error as Error };
	}
}

/**
 * Instants of `days` days of traffic after `firstMidnight` (epoch ms of a Korea midnight): each day's midnight, the
 * second before it, and a time of day that moves from day to day — the edges a catch-up's windows must not lose.
 */
export function instantsAroundMidnights(firstMidnight: number, days: number): number[] {
	const instants: number[] = [];
	for (let day = 1; day <= days; day++) {
		const midnight = firstMidnight + day * 86_400_000;
		instants.push(midnight - 1000, midnight, midnight + ((day * 7919) % 86400) * 1000);
	}
	return instants;
}

/**
 * A trigger test file's sandbox on a faked Date (only Date: the sandbox, the signatures and the trigger read one
 * controlled clock), reseeded with `sizes` at `startAt` before each test, with no hold left from the test before.
 * The pipeline paces by Date.now(), which stands still between clock moves: the pace is lifted and waits shortened;
 * a throttle holds the seller for 5 minutes of the faked clock.
 */
export function useTriggerSandbox(startAt: number, sizes: Partial<DataSizes>): RunningSandbox {
	let sandbox: RunningSandbox | undefined;
	beforeAll(async () => {
		jest.useFakeTimers({
			doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'performance', 'hrtime'],
		});
		jest.setSystemTime(startAt);
		Object.assign(TRIGGER_PIPELINE_OPTIONS, { requestsPerSecond: 1_000_000, baseDelayMs: 1, maxDelayMs: 4, holdMs: 5 * 60_000 });
		sandbox = await startSandbox({ port: 0, ...sizes });
	});
	afterAll(async () => {
		await sandbox?.stop();
		jest.useRealTimers();
	});
	beforeEach(() => {
		jest.setSystemTime(startAt);
		resetSharedPacers();
		sandbox?.store.reseed(sizes);
		sandbox?.clearFaults();
		sandbox?.clearReadings();
		sandbox?.clearRequestLog();
	});
	// The file's tests use the returned value as the sandbox itself; it exists from beforeAll on.
	return new Proxy({} as RunningSandbox, {
		get(_target, key) {
			if (!sandbox) throw new Error('The trigger sandbox starts in beforeAll');
			const value: unknown = Reflect.get(sandbox, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(sandbox) : value;
		},
	});
}
