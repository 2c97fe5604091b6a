/**
 * Credentials and workflows in the JSON form `n8n import:*` takes, for the e2e suite and the demo.
 * Node types are those of the installed package: `<package name>.<node name>`.
 */
import type { CredentialImport, WorkflowImport, WorkflowNode } from './n8n';
import { SANDBOX_ACCESS_KEY, SANDBOX_SECRET_KEY, SANDBOX_VENDOR_ID } from './sandbox';

export const PACKAGE_NAME = 'n8n-nodes-coupang';
export const COUPANG_NODE_TYPE = `${PACKAGE_NAME}.coupang`;
export const COUPANG_TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.coupangTrigger`;
export const COUPANG_CREDENTIAL_TYPE = 'coupangApi';

export interface CredentialRef {
	id: string;
	name: string;
}

export function sandboxCredential(ref: CredentialRef, sandboxUrl: string, overrides: Partial<Record<'accessKey' | 'secretKey' | 'vendorId', string>> = {}): CredentialImport {
	return {
		id: ref.id,
		name: ref.name,
		type: COUPANG_CREDENTIAL_TYPE,
		data: {
			accessKey: overrides.accessKey ?? SANDBOX_ACCESS_KEY,
			secretKey: overrides.secretKey ?? SANDBOX_SECRET_KEY,
			vendorId: overrides.vendorId ?? SANDBOX_VENDOR_ID,
			baseUrl: sandboxUrl,
		},
	};
}

export function coupangNode(name: string, parameters: Record<string, unknown>, credential: CredentialRef, position: [number, number] = [220, 0]): WorkflowNode {
	return {
		id: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-node`,
		name,
		type: COUPANG_NODE_TYPE,
		typeVersion: 1,
		position,
		parameters,
		credentials: { [COUPANG_CREDENTIAL_TYPE]: credential },
	};
}

export function coupangTriggerNode(name: string, parameters: Record<string, unknown>, credential: CredentialRef, position: [number, number] = [0, 0]): WorkflowNode {
	return { ...coupangNode(name, parameters, credential, position), type: COUPANG_TRIGGER_NODE_TYPE };
}

export function manualTriggerNode(name = 'Start'): WorkflowNode {
	return { id: 'manual-trigger', name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** A chain of nodes, each connected to the next on its first output. */
export function chainWorkflow(id: string, name: string, nodes: WorkflowNode[], settings: Record<string, unknown> = {}): WorkflowImport {
	const connections: WorkflowImport['connections'] = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1', ...settings } };
}

/** Manual Trigger → one Coupang node named "Coupang": the shape `n8n execute` runs. */
export function coupangOperationWorkflow(id: string, name: string, parameters: Record<string, unknown>, credential: CredentialRef): WorkflowImport {
	return chainWorkflow(id, name, [manualTriggerNode(), coupangNode('Coupang', parameters, credential)]);
}

/** Poll times every `stepSeconds` seconds: one "custom" cron per second-of-minute (each fires once a minute). */
export function pollTimesEvery(stepSeconds: number): { item: Array<{ mode: 'custom'; cronExpression: string }> } {
	const item: Array<{ mode: 'custom'; cronExpression: string }> = [];
	for (let second = 0; second < 60; second += stepSeconds) item.push({ mode: 'custom', cronExpression: `${second} * * * * *` });
	return { item };
}
