import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { addDaysToCoupangDate, koreaDateOf, parseCoupangTimestamp, splitInquiryPeriod } from './core/dates';
import { type Candidate, checkIncludeLastDays, initialState, MAX_INCLUDE_LAST_DAYS, planPoll, readState, selectNew } from './core/newItems';
import { allInOrder } from './core/paging';
import { outputFields, readOutput, type OutputChoice, shapeOutput } from './resources/output';
import { Parameters } from './resources/parameters';
import { type CoupangClient, CREDENTIAL_TYPE, triggerClient } from './transport/client';
import { asNodeInputError } from './transport/errors';
import { TRIGGER_EVENTS, type TriggerEvent, type Watch } from './trigger/events';

/** Key of the trigger's state in the node's workflow static data. */
const STATE_KEY = 'coupangTrigger';
/** Manual "Fetch Test Event" looks this many days back for the newest record. */
const TEST_EVENT_LOOKBACK_DAYS = 28;

interface PollSettings {
	event: TriggerEvent;
	watch: Watch;
	includeLastDays: number;
	output: OutputChoice;
}

function readSettings(context: IPollFunctions): PollSettings {
	const value = context.getNodeParameter('event') as string;
	const event = TRIGGER_EVENTS.find((candidate) => candidate.value === value);
	if (!event) throw new NodeOperationError(context.getNode(), `Unknown event "${String(value)}"`);
	const parameters = new Parameters(context);
	try {
		return {
			event,
			watch: event.watch(parameters),
			includeLastDays: checkIncludeLastDays(parameters.options().includeLastDays),
			output: readOutput(parameters),
		};
	} catch (error) {
		throw asNodeInputError(context.getNode(), error);
	}
}

/** The records as the Output option asks (Simplified by default, as the node's lists). */
function shape(settings: PollSettings, records: IDataObject[]): IDataObject[] {
	return shapeOutput(records, settings.output, settings.event.simplify);
}

function toCandidate(client: CoupangClient, event: TriggerEvent, record: IDataObject): Candidate<IDataObject> {
	const id = record[event.idField];
	const time = record[event.timeField];
	if (id === undefined || id === null || String(id) === '') throw client.unexpectedAnswer(`has a record without ${event.idField}`, record);
	try {
		return { id: String(id), at: parseCoupangTimestamp(String(time)).toMillis(), value: record };
	} catch {
		throw client.unexpectedAnswer(`has ${event.idField} ${String(id)} with an unreadable ${event.timeField} "${String(time)}"`, record);
	}
}

/**
 * Manual "Fetch Test Event": the newest matching record of the last 28 days, or a sample clearly marked as one when
 * there is none; reads no state, writes none.
 */
async function fetchTestEvent(client: CoupangClient, settings: PollSettings, now: Date): Promise<INodeExecutionData[][]> {
	const { event, watch } = settings;
	const today = koreaDateOf(now);
	const windows = splitInquiryPeriod(addDaysToCoupangDate(today, -(TEST_EVENT_LOOKBACK_DAYS - 1)), today).reverse();
	for (const window of windows) {
		const candidates = (await watch.fetchWindow(client, window)).map((record) => toCandidate(client, event, record));
		if (candidates.length === 0) continue;
		const newest = candidates.reduce((best, candidate) =>
			candidate.at > best.at || (candidate.at === best.at && Number(candidate.id) > Number(best.id)) ? candidate : best,
		);
		return [[{ json: shape(settings, [newest.value])[0] }]];
	}
	const note = `Sample data: no ${event.noun} matched the filters in the last ${TEST_EVENT_LOOKBACK_DAYS} days. Real items have the same fields.`;
	return [[{ json: { ...shape(settings, [event.sample])[0], sample: true, sampleNote: note } }]];
}

export class CoupangTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupang Trigger',
		name: 'coupangTrigger',
		icon: { light: 'file:coupang.svg', dark: 'file:coupang.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(Object.fromEntries(TRIGGER_EVENTS.map((event) => [event.value, event.name])))}[$parameter["event"]] }}`,
		description: 'Starts the workflow when something new happens on Coupang (Wing Open API)',
		defaults: { name: 'Coupang Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })).sort((a, b) => a.name.localeCompare(b.name)),
				default: 'productInquiry',
			},
			...TRIGGER_EVENTS.flatMap((event) =>
				event.fields.map((field) => ({ ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, event: [event.value] } } })),
			),
			...outputFields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include the Last N Days on First Activation',
						name: 'includeLastDays',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: MAX_INCLUDE_LAST_DAYS, numberPrecision: 0 },
						default: 0,
						description:
							'On the first activation, also emit what happened in this many days before it. 0 starts with what arrives after activation.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = new Date();
		const settings = readSettings(this);
		const client = await triggerClient(this);
		if (this.getMode() === 'manual') return await fetchTestEvent(client, settings, now);

		const staticData = this.getWorkflowStaticData('node');
		const { scope } = settings.watch;
		const state = readState(staticData[STATE_KEY], scope) ?? initialState(now, settings.includeLastDays, scope);
		const plan = planPoll(state, now);

		// Everything is fetched (the windows of a catch-up at once) before anything is decided: a failure throws here
		// and leaves the state as it was.
		const windows = await allInOrder(plan.windows, async (window, signal) => await settings.watch.fetchWindow(client, window, signal));
		const candidates = windows.flat().map((record) => toCandidate(client, settings.event, record));
		const { emit, nextState } = selectNew(state, candidates, now);
		staticData[STATE_KEY] = nextState as unknown as IDataObject;
		if (emit.length === 0) return null;
		return [this.helpers.returnJsonArray(shape(settings, emit))];
	}
}
