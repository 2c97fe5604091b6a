/**
 * Our node classes loaded for benches run by tsx. `nodes/Coupang/Coupang.node` cannot be imported by its usual
 * specifier outside jest: Node's resolver tries `Coupang.node.json` (the codex file next to it) before tsx's `.ts`,
 * and returns the codex JSON. So the `.ts` file is imported by its full path (types from the real module).
 */
import { join } from 'path';
import type { IDataObject, INode } from 'n8n-workflow';

import type { Coupang } from '../nodes/Coupang/Coupang.node';
import type { CoupangTrigger } from '../nodes/Coupang/CoupangTrigger.node';
import { PollContext } from 'n8n-core';

import { CoupangApi } from '../credentials/CoupangApi.credentials';
import {
	CREDENTIAL_TYPE,
	credentialsFor,
	runNode,
	TestCredentialsHelper,
	testAdditionalData,
	triggerWorkflow,
	type NodeRunResult,
	type SandboxAccount,
} from '../test/helpers/n8n';

export const COUPANG_TYPE = 'n8n-nodes-coupang.coupang';

export async function loadCoupang(): Promise<typeof Coupang> {
	const loaded = (await import(join(__dirname, '..', 'nodes', 'Coupang', 'Coupang.node.ts'))) as typeof import('../nodes/Coupang/Coupang.node');
	return loaded.Coupang;
}

export async function loadCoupangTrigger(): Promise<typeof CoupangTrigger> {
	const loaded = (await import(join(__dirname, '..', 'nodes', 'Coupang', 'CoupangTrigger.node.ts'))) as typeof import('../nodes/Coupang/CoupangTrigger.node');
	return loaded.CoupangTrigger;
}

/** Input Items → Coupang through n8n-core's WorkflowExecute/RoutingNode (test/helpers/n8n.ts), workflow zone Seoul. */
export async function runCoupangNode(account: SandboxAccount, parameters: INode['parameters']): Promise<NodeRunResult & { json: IDataObject[] }> {
	const CoupangNode = await loadCoupang();
	const result = await runNode({ type: COUPANG_TYPE, nodeType: new CoupangNode(), parameters, credentials: credentialsFor(account), timezone: 'Asia/Seoul' });
	if (result.error) throw result.error;
	return { ...result, json: result.items.map((item) => item.json) };
}

export const TRIGGER_TYPE = 'n8n-nodes-coupang.coupangTrigger';

/** poll() of an active workflow with one Coupang Trigger, as n8n's ActiveWorkflows calls it (items emitted, or null). */
export async function pollingTrigger(
	account: SandboxAccount,
	parameters: INode['parameters'],
): Promise<{ poll: () => Promise<number | null>; staticDataBytes: () => number }> {
	const CoupangTrigger = await loadCoupangTrigger();
	const nodeType = new CoupangTrigger();
	const { node, workflow } = triggerWorkflow(TRIGGER_TYPE, nodeType, parameters);
	const additionalData = testAdditionalData(
		new TestCredentialsHelper({ [CREDENTIAL_TYPE]: new CoupangApi() }, { [CREDENTIAL_TYPE]: credentialsFor(account) }),
		{ userId: 'bench' },
	);
	return {
		poll: async () => {
			const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
			const result = await nodeType.poll.call(context);
			return result === null ? null : result[0].length;
		},
		staticDataBytes: () => Buffer.byteLength(JSON.stringify(workflow.getStaticData('node', node)), 'utf8'),
	};
}
