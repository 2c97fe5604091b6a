/**
 * Reading n8n's execution records (its database, through the REST API the editor uses): every execution of a
 * workflow whatever its status (also `new`, `running`, `crashed`), and the items each one carried.
 *
 * Why the execution records: n8n writes the row of an execution, with the items its trigger emitted, BEFORE the
 * execution runs (ActiveExecutions.add → ExecutionPersistence.create in regular mode; the cursor transaction
 * with durable cursors; the main process before enqueuing in queue mode). So an execution that a SIGKILL cut
 * short still names the items it carried, and nothing that ran is missing; a recorder node further down the
 * workflow would miss every execution killed before it ran.
 */
import { unflatten, type ExecutionItem, type N8nRestSession } from './n8n';

interface StackEntry {
	node?: { name?: string };
	data?: { main?: Array<ExecutionItem[] | null> };
}

interface NodeRun {
	executionStatus?: string;
	data?: { main?: Array<ExecutionItem[] | null> };
}

/** The stored run data of an execution, as far as the tests read it. */
export interface StoredExecutionData {
	resultData: {
		runData: Record<string, NodeRun[]>;
		error?: { message?: string };
		lastNodeExecuted?: string;
	};
	executionData?: { nodeExecutionStack?: StackEntry[] };
}

export interface StoredExecution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
	data: StoredExecutionData;
}

interface ListedExecution {
	id: string;
	workflowId: string;
	status: string;
}

/** Every execution of `workflowId`, oldest first (pages of 100 through the list's cursor). */
export async function listExecutions(session: N8nRestSession, workflowId: string): Promise<ListedExecution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const all: ListedExecution[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 1000; page++) {
		const query = `/rest/executions?filter=${filter}&limit=100${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
		const { results, nextCursor } = await session.get<{ results: ListedExecution[]; nextCursor?: string | null }>(query);
		all.push(...results);
		if (!nextCursor || results.length === 0) break;
		cursor = nextCursor;
	}
	const unique = new Map(all.map((execution) => [execution.id, execution]));
	return [...unique.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

/** One execution with its data. */
export async function readExecution(session: N8nRestSession, executionId: string): Promise<StoredExecution> {
	const stored = await session.get<Omit<StoredExecution, 'data'> & { data: string }>(`/rest/executions/${executionId}`);
	return { ...stored, id: String(stored.id), data: unflatten(stored.data) as StoredExecutionData };
}

/** Every execution of a workflow with its data, oldest first. */
export async function readAllExecutions(session: N8nRestSession, workflowId: string): Promise<StoredExecution[]> {
	const executions: StoredExecution[] = [];
	for (const listed of await listExecutions(session, workflowId)) executions.push(await readExecution(session, listed.id));
	return executions;
}

/**
 * The items the trigger node handed to this execution: its output once it ran, and its input still on the
 * execution stack when the execution was cut off before or while it ran (status `new`, `crashed`: the row n8n
 * wrote at creation still holds the stack). Placeholders n8n's crash recovery puts in place of lost run data
 * (`isArtificialRecoveredEventItem`) are not items.
 */
export function itemsCarriedBy(execution: StoredExecution, triggerNode: string): Array<Record<string, unknown>> {
	const ran = (execution.data.resultData.runData[triggerNode] ?? []).flatMap((run) => run.data?.main?.[0] ?? []);
	const waiting = (execution.data.executionData?.nodeExecutionStack ?? [])
		.filter((entry) => entry.node?.name === triggerNode)
		.flatMap((entry) => entry.data?.main?.[0] ?? []);
	return [...ran, ...waiting].map((item) => item.json).filter((json) => json.isArtificialRecoveredEventItem !== true);
}

/** The JSON of the items a node output (all its runs), or [] when it did not run. */
export function nodeOutput(execution: StoredExecution, nodeName: string): Array<Record<string, unknown>> {
	return (execution.data.resultData.runData[nodeName] ?? []).flatMap((run) => run.data?.main?.[0] ?? []).map((item) => item.json);
}
