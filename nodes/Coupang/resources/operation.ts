/**
 * How an operation is declared (`defineOperation`), how a resource's operations become node properties
 * (`resourceProperties`), and the one routing helper every operation uses (`coupangRouting`).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

import { type CoupangClient, nodeClient } from '../transport/client';
import { asNodeInputError } from '../transport/errors';
import { outputFields, readOutput, shapeOutput, type OutputChoice, type Simplify } from './output';
import { Parameters } from './parameters';

/** One operation of a resource: its entry in the Operation list, its fields, and how it runs. */
export interface CoupangOperation<Input> {
	value: string;
	name: string;
	description: string;
	action: string;
	/** Shown for this operation only (the resource builder adds the displayOptions). */
	fields: INodeProperties[];
	/** Reads and checks every parameter the operation uses; throws CoupangInputError. Runs before any request. */
	read(parameters: Parameters): Input;
	/** Makes the requests through the client and returns the records, one output item each. */
	run(client: CoupangClient, input: Input): Promise<IDataObject[]>;
	/** Reading operations: their records simplified; the Output option (Simplified, Raw, Selected Fields) is added. */
	simplify?: Simplify;
	/**
	 * Writes whose request the input items of a run share (Set to Preparing): called synchronously right after `read`,
	 * while n8n's RoutingNode is still starting this run's items, with a key of this run of the node; returns the
	 * input `run` gets. `leave` is called with it when the item fails before `run`.
	 */
	join?(input: Input, runKey: string): Input;
	leave?(input: Input): void;
}

/** An operation as the node description holds it. */
export interface OperationDescription {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

export interface ResourceDescription {
	name: string;
	value: string;
	description: string;
	operations: OperationDescription[];
	defaultOperation: string;
}

/**
 * The routing of every operation, and its contract: every Coupang request goes through here. n8n's RoutingNode
 * calls the pagination function below once per input item (`paginate: true` is how a declarative node hands n8n
 * a function that makes its own requests). It reads and checks the parameters, so a broken rule fails the item
 * before any request; then it runs the operation with a CoupangClient (transport/client.ts): the seller's shared
 * pace, retries by the policy, signing by the credential, and Coupang's failures as NodeApiError with its message,
 * status and hint.
 */
export function coupangRouting<Input>(operation: CoupangOperation<Input>): INodePropertyRouting {
	return {
		send: { paginate: true },
		operations: {
			async pagination(
				this: IExecutePaginationFunctions,
				requestData: DeclarativeRestApiSettings.ResultOptions,
			): Promise<INodeExecutionData[]> {
				const parameters = new Parameters(this);
				let input: Input;
				let extendedTimeout: number | undefined;
				let output: OutputChoice | undefined;
				try {
					input = operation.read(parameters);
					extendedTimeout = parameters.extendedTimeout();
					if (operation.simplify) output = readOutput(parameters);
				} catch (error) {
					throw asNodeInputError(this.getNode(), error, this.getItemIndex());
				}
				if (operation.join) input = operation.join(input, runKey(this));
				let client: CoupangClient | undefined;
				try {
					client = await nodeClient(this, requestData, extendedTimeout);
				} finally {
					if (!client) operation.leave?.(input);
				}
				let records: IDataObject[];
				try {
					records = await operation.run(client, input);
				} catch (error) {
					// A rule that needs the credential (e.g. a default Wing user) is checked in `run`, still before any request.
					throw asNodeInputError(this.getNode(), error, this.getItemIndex());
				}
				const shaped = output && operation.simplify ? shapeOutput(records, output, operation.simplify) : records;
				return shaped.map((json) => ({ json }));
			},
		},
	};
}

/** This run of this node in this execution: what the items that share a request have in common. */
function runKey(context: IExecutePaginationFunctions): string {
	const runIndex = context.getWorkflowDataProxy(context.getItemIndex()).$runIndex;
	return `${context.getExecutionId() ?? ''}|${context.getNode().name}|${String(runIndex)}`;
}

export function defineOperation<Input>(operation: CoupangOperation<Input>): OperationDescription {
	const { name, value, description, action } = operation;
	const fields = operation.simplify ? withOutputFields(operation.fields) : operation.fields;
	return { option: { name, value, description, action, routing: coupangRouting(operation) }, fields };
}

/** Output and Fields go before the Options collection, after everything else. */
function withOutputFields(fields: INodeProperties[]): INodeProperties[] {
	const options = fields.filter((field) => field.name === 'options');
	return [...fields.filter((field) => field.name !== 'options'), ...outputFields, ...options];
}

/** The Operation selector of a resource and the fields of each operation, shown only for it. */
export function resourceProperties(resource: ResourceDescription): INodeProperties[] {
	// The lint rule (also in n8n's package scanner, which ignores disable comments) looks for a literal default: the
	// resource's own is set right after.
	const operationProperty: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations.map((operation) => operation.option),
		default: '',
	};
	operationProperty.default = resource.defaultOperation;
	const fields = resource.operations.flatMap(({ option, fields }) =>
		fields.map((field) => ({
			...field,
			displayOptions: {
				...field.displayOptions,
				show: { resource: [resource.value], operation: [option.value as string], ...field.displayOptions?.show },
			},
		})),
	);
	return [operationProperty, ...fields];
}
