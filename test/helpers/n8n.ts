/**
 * Runs our nodes through n8n's own execution engine (n8n-core's WorkflowExecute → RoutingNode / PollContext).
 *
 * The only pieces written here are the ones n8n's CLI provides at run time and n8n-core does not ship: a node-type
 * registry and a credentials helper. The credentials helper does what n8n's CredentialsHelper does for a credential
 * whose `authenticate` is a function (call it with the decrypted data and the request options) — the same shape as
 * n8n's own nodes-testing harness (packages/core/nodes-testing). A real n8n runs the same nodes in test/e2e.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { CoupangApi } from '../../credentials/CoupangApi.credentials';

export const CREDENTIAL_TYPE = 'coupangApi';

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		if (typeof type?.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		// A copy, as n8n decrypts a fresh object for every use.
		return { ...(this.data[type] ?? {}) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}

/** A start node that outputs the items given in its `items` parameter (stands in for Manual Trigger + Set). */
class InputItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Input Items',
		name: 'inputItems',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Input Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType>;

	constructor(types: Record<string, INodeType>) {
		this.types = { 'test.inputItems': new InputItems(), ...types };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * What n8n's CLI hands the execution engine as `additionalData`, reduced to what our nodes reach: the credentials
 * helper, the instance URLs and no-op UI callbacks. `extra` adds e.g. the lifecycle hooks of a WorkflowExecute run.
 */
export function testAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<Pick<IWorkflowExecuteAdditionalData, 'hooks' | 'executionId' | 'userId'>> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: undefined,
		currentNodeParameters: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		userId: 'test',
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface SandboxAccount {
	url: string;
	accessKey: string;
	secretKey: string;
	vendorId: string;
}

export function credentialsFor(account: SandboxAccount): ICredentialDataDecryptedObject {
	return { accessKey: account.accessKey, secretKey: account.secretKey, vendorId: account.vendorId, baseUrl: account.url };
}

export interface RunNodeOptions {
	/** Node type name as registered, e.g. 'n8n-nodes-coupang.coupang'. */
	type: string;
	nodeType: INodeType;
	parameters: INode['parameters'];
	credentials: ICredentialDataDecryptedObject;
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	timezone?: string;
}

export interface NodeRunResult {
	items: INodeExecutionData[];
	/** The error the node failed with (the execution error, as n8n reports it), if any. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

/** Executes Input Items → our node in a Workflow with n8n-core's WorkflowExecute, and returns our node's output. */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const nodeName = 'Coupang';
	const input: INode = {
		id: 'input',
		name: 'Input',
		type: 'test.inputItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.inputItems ?? [{}]) },
	};
	const node: INode = {
		id: 'node',
		name: nodeName,
		type: options.type,
		typeVersion: 1,
		position: [200, 0],
		parameters: NodeHelpers.getNodeParameters(
			options.nodeType.description.properties,
			options.parameters,
			true,
			false,
			null,
			options.nodeType.description,
		) ?? {},
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Coupang sandbox' } },
		continueOnFail: options.continueOnFail,
		onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	const nodeTypes = new TestNodeTypes({ [options.type]: options.nodeType });
	const workflow = new Workflow({
		id: 'test',
		nodes: [input, node],
		connections: { Input: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		nodeTypes,
		active: false,
		settings: options.timezone ? { timezone: options.timezone } : {},
	});

	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', '1', {
		id: 'test',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [input, node],
		connections: {},
	});
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const credentialsHelper = new TestCredentialsHelper(
		{ [CREDENTIAL_TYPE]: new CoupangApi() },
		{ [CREDENTIAL_TYPE]: options.credentials },
	);
	const additionalData = testAdditionalData(credentialsHelper, { hooks, executionId: '1' });

	const runExecutionData: IRunExecutionData = {
		version: 1,
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: input, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as unknown as IRunExecutionData;

	const execution = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;

	const nodeRuns = run.data.resultData.runData[nodeName];
	const items = nodeRuns?.[0]?.data?.main?.[0] ?? [];
	const error = (nodeRuns?.[0]?.error ?? run.data.resultData.error) as NodeRunResult['error'];
	return { items, error, run };
}

/**
 * A one-node active workflow holding the trigger, as n8n's ActiveWorkflows has it while polling: the node with its
 * parameters completed by n8n's defaults, and the workflow whose static data keeps the trigger's state.
 */
export function triggerWorkflow(
	type: string,
	nodeType: INodeType,
	parameters: INode['parameters'],
	timezone = 'Asia/Seoul',
): { node: INode; workflow: Workflow } {
	const node: INode = {
		id: 'trigger',
		name: 'Coupang Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters:
			NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, null, nodeType.description) ?? {},
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Coupang sandbox' } },
	};
	const workflow = new Workflow({
		id: 'trigger',
		nodes: [node],
		connections: {},
		nodeTypes: new TestNodeTypes({ [type]: nodeType }),
		active: true,
		staticData: {},
		settings: { timezone },
	});
	return { node, workflow };
}
