import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { addDaysToCoupangDate, koreaDateOf, parseCoupangTimestamp, splitInquiryPeriod } from './core/dates';
import { allInOrder } from './core/paging';
import {
	type Candidate,
	checkIncludeLastDays,
	initialState,
	MAX_INCLUDE_LAST_DAYS,
	planPoll,
	readState,
	selectNew,
} from './core/newItems';
import { listInquiryWindow, type InquiryPeriod } from './resources/inquiryLists';
import { type CoupangClient, CREDENTIAL_TYPE, triggerClient } from './transport/client';
import { outputFields, readOutput, type OutputChoice, shapeOutput } from './resources/output';
import { Parameters } from './resources/parameters';
import { asNodeInputError } from './transport/errors';
import { TRIGGER_EVENTS, type TriggerEvent } from './trigger/events';

/** Key of the trigger's state in the node's workflow static data. */
const STATE_KEY = 'coupangTrigger';
/** Manual "Fetch Test Event" looks this many days back for the newest inquiry. */
const TEST_EVENT_LOOKBACK_DAYS = 28;

interface PollSettings {
	event: TriggerEvent;
	status: string;
	vendorItemId: string;
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
			status: parameters.choice(event.statusField.name),
			vendorItemId: parameters.id('vendorItemId', 'Option ID', false) ?? '',
			includeLastDays: checkIncludeLastDays(parameters.options().includeLastDays),
			output: readOutput(parameters),
		};
	} catch (error) {
		throw asNodeInputError(context.getNode(), error);
	}
}

/** Every inquiry of the Korea days of `window` matching the filters, all pages. */
async function fetchWindow(client: CoupangClient, settings: PollSettings, window: InquiryPeriod, signal?: AbortSignal): Promise<IDataObject[]> {
	const { list } = settings.event;
	const query = { status: settings.status, period: window, vendorItemId: settings.vendorItemId || undefined };
	return await listInquiryWindow(client, list, query, { pageSize: list.maxPageSize }, signal);
}

/** The records as the Output option asks (Simplified by default, as the node's lists). */
function shape(settings: PollSettings, records: IDataObject[]): IDataObject[] {
	return shapeOutput(records, settings.output, settings.event.list.simplify);
}

function toCandidate(client: CoupangClient, record: IDataObject): Candidate<IDataObject> {
	const id = record.inquiryId;
	if (id === undefined || id === null || String(id) === '') throw client.unexpectedAnswer('has an inquiry without inquiryId', record);
	try {
		return { id: String(id), at: parseCoupangTimestamp(String(record.inquiryAt)).toMillis(), value: record };
	} catch {
		throw client.unexpectedAnswer(`has inquiry ${String(id)} with an unreadable inquiryAt "${String(record.inquiryAt)}"`, record);
	}
}

/** Manual "Fetch Test Event": the newest matching inquiry of the last 28 days; reads no state, writes none. */
async function fetchTestEvent(context: IPollFunctions, client: CoupangClient, settings: PollSettings, now: Date): Promise<INodeExecutionData[][]> {
	const today = koreaDateOf(now);
	const windows = splitInquiryPeriod(addDaysToCoupangDate(today, -(TEST_EVENT_LOOKBACK_DAYS - 1)), today).reverse();
	for (const window of windows) {
		const candidates = (await fetchWindow(client, settings, window)).map((record) => toCandidate(client, record));
		if (candidates.length === 0) continue;
		const newest = candidates.reduce((best, candidate) =>
			candidate.at > best.at || (candidate.at === best.at && Number(candidate.id) > Number(best.id)) ? candidate : best,
		);
		return [[{ json: shape(settings, [newest.value])[0] }]];
	}
	throw new NodeOperationError(
		context.getNode(),
		`No ${settings.event.noun} matching the filters in the last ${TEST_EVENT_LOOKBACK_DAYS} days`,
		{ description: 'Change the filters, or wait for an inquiry on Coupang, then fetch a test event again.' },
	);
}

export class CoupangTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupang Trigger',
		name: 'coupangTrigger',
		icon: { light: 'file:coupang.svg', dark: 'file:coupang.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "callCenterInquiry" ? "New Call Center Inquiry" : "New Product Inquiry"}}',
		description: 'Starts the workflow when customers send new inquiries on Coupang (Wing Open API)',
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
			...TRIGGER_EVENTS.map((event) => ({ ...event.statusField, displayOptions: { show: { event: [event.value] } } })),
			{
				displayName: 'Option ID',
				name: 'vendorItemId',
				type: 'string',
				default: '',
				placeholder: '4855652221',
				description: 'Only inquiries about this option (vendorItemId). Leave empty for all your products.',
			},
			...outputFields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Inquiries From the Last N Days',
						name: 'includeLastDays',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: MAX_INCLUDE_LAST_DAYS, numberPrecision: 0 },
						default: 0,
						description:
							'On the first activation, also emit inquiries from this many days back. 0 starts with inquiries that arrive after activation.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const now = new Date();
		const settings = readSettings(this);
		const client = await triggerClient(this);
		if (this.getMode() === 'manual') return await fetchTestEvent(this, client, settings, now);

		const staticData = this.getWorkflowStaticData('node');
		const scope = [settings.event.value, settings.status, settings.vendorItemId].join('|');
		const state = readState(staticData[STATE_KEY], scope) ?? initialState(now, settings.includeLastDays, scope);
		const plan = planPoll(state, now);

		// Everything is fetched (the windows of a catch-up at once) before anything is decided: a failure throws here
		// and leaves the state as it was.
		const windows = await allInOrder(plan.windows, async (window, signal) => await fetchWindow(client, settings, window, signal));
		const candidates = windows.flat().map((record) => toCandidate(client, record));
		const { emit, nextState } = selectNew(state, candidates, now);
		staticData[STATE_KEY] = nextState as unknown as IDataObject;
		if (emit.length === 0) return null;
		return [this.helpers.returnJsonArray(shape(settings, emit))];
	}
}
