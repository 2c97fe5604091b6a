import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { addDaysToCoupangDate, koreaDateOf, parseCoupangTimestamp, splitInquiryPeriod } from '../Coupang/core/dates';
import { MAX_PAGE_SIZE } from '../Coupang/core/limits';
import {
	type Candidate,
	initialState,
	MAX_INCLUDE_LAST_DAYS,
	planPoll,
	readState,
	selectNew,
} from './core/newItems';
import { readCoupangCredentials } from '../Coupang/core/authentication';
import { ANSWER_STATUS_OPTIONS, CALL_CENTER_STATUS_OPTIONS } from '../Coupang/descriptions/statusOptions';
import { CREDENTIAL_TYPE, type CoupangTarget, getAllPages } from './transport';

type TriggerEvent = 'productInquiry' | 'callCenterInquiry';

interface EventDefinition {
	/** List endpoint of the event, relative to the Base URL. */
	path: (vendorId: string) => string;
	pageSize: number;
	/** Name of Coupang's status query parameter, and of our parameter holding it. */
	statusQuery: string;
	statusParameter: string;
	/** Plural noun for messages. */
	noun: string;
}

const EVENTS: Record<TriggerEvent, EventDefinition> = {
	productInquiry: {
		path: (vendorId) => `/v2/providers/openapi/apis/api/v4/vendors/${encodeURIComponent(vendorId)}/onlineInquiries`,
		pageSize: MAX_PAGE_SIZE.productInquiries,
		statusQuery: 'answeredType',
		statusParameter: 'answeredType',
		noun: 'product inquiries',
	},
	callCenterInquiry: {
		path: (vendorId) => `/v2/providers/openapi/apis/api/v4/vendors/${encodeURIComponent(vendorId)}/callCenterInquiries`,
		pageSize: MAX_PAGE_SIZE.callCenterInquiries,
		statusQuery: 'partnerCounselingStatus',
		statusParameter: 'counselingStatus',
		noun: 'call center inquiries',
	},
};

/** Key of the trigger's state in the node's workflow static data. */
const STATE_KEY = 'coupangTrigger';
/** Manual "Fetch Test Event" looks this many days back for the newest inquiry. */
const TEST_EVENT_LOOKBACK_DAYS = 28;

interface PollSettings {
	event: TriggerEvent;
	definition: EventDefinition;
	status: string;
	vendorItemId: string;
	includeLastDays: number;
	vendorId: string;
	target: CoupangTarget;
}

async function readSettings(context: IPollFunctions): Promise<PollSettings> {
	const event = context.getNodeParameter('event') as TriggerEvent;
	const definition = EVENTS[event];
	if (!definition) throw new NodeOperationError(context.getNode(), `Unknown event "${String(event)}"`);
	const vendorItemId = String(context.getNodeParameter('vendorItemId', '') ?? '').trim();
	if (vendorItemId !== '' && !/^\d+$/.test(vendorItemId)) {
		throw new NodeOperationError(context.getNode(), `Option ID must be a number (digits only), got "${vendorItemId}"`);
	}
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const includeLastDays = Number(options.includeLastDays ?? 0);
	if (!Number.isInteger(includeLastDays) || includeLastDays < 0 || includeLastDays > MAX_INCLUDE_LAST_DAYS) {
		throw new NodeOperationError(
			context.getNode(),
			`Include Inquiries From the Last N Days is ${String(options.includeLastDays)}; it must be a whole number from 0 to ${MAX_INCLUDE_LAST_DAYS}`,
		);
	}
	const credentials = readCoupangCredentials(await context.getCredentials(CREDENTIAL_TYPE));
	return {
		event,
		definition,
		status: context.getNodeParameter(definition.statusParameter) as string,
		vendorItemId,
		includeLastDays,
		vendorId: credentials.vendorId,
		target: { baseUrl: credentials.baseUrl, vendorId: credentials.vendorId, requestsPerSecond: credentials.requestsPerSecond },
	};
}

/** Every inquiry of the Korea days start..end matching the filters, all pages. */
async function fetchWindow(
	context: IPollFunctions,
	settings: PollSettings,
	window: { start: string; end: string },
): Promise<IDataObject[]> {
	const qs: IDataObject = {
		vendorId: settings.vendorId,
		[settings.definition.statusQuery]: settings.status,
		inquiryStartAt: window.start,
		inquiryEndAt: window.end,
	};
	if (settings.vendorItemId !== '') qs.vendorItemId = settings.vendorItemId;
	return await getAllPages(context, settings.target, settings.definition.path(settings.vendorId), qs, settings.definition.pageSize);
}

function toCandidate(context: IPollFunctions, record: IDataObject): Candidate<IDataObject> {
	const id = record.inquiryId;
	if (id === undefined || id === null || String(id) === '') {
		throw new NodeApiError(context.getNode(), record as JsonObject, { message: 'Coupang sent an inquiry without inquiryId' });
	}
	try {
		return { id: String(id), at: parseCoupangTimestamp(String(record.inquiryAt)).toMillis(), value: record };
	} catch {
		throw new NodeApiError(context.getNode(), record as JsonObject, {
			message: `Coupang sent inquiry ${String(id)} with an unreadable inquiryAt "${String(record.inquiryAt)}"`,
		});
	}
}

/** Manual "Fetch Test Event": the newest matching inquiry of the last 28 days; reads no state, writes none. */
async function fetchTestEvent(context: IPollFunctions, settings: PollSettings, now: Date): Promise<INodeExecutionData[][]> {
	const today = koreaDateOf(now);
	const windows = splitInquiryPeriod(addDaysToCoupangDate(today, -(TEST_EVENT_LOOKBACK_DAYS - 1)), today).reverse();
	for (const window of windows) {
		const candidates = (await fetchWindow(context, settings, window)).map((record) => toCandidate(context, record));
		if (candidates.length === 0) continue;
		const newest = candidates.reduce((best, candidate) =>
			candidate.at > best.at || (candidate.at === best.at && Number(candidate.id) > Number(best.id)) ? candidate : best,
		);
		return [[{ json: newest.value }]];
	}
	throw new NodeOperationError(
		context.getNode(),
		`No ${settings.definition.noun} matching the filters in the last ${TEST_EVENT_LOOKBACK_DAYS} days`,
		{ description: 'Change the filters, or wait for an inquiry on Coupang, then fetch a test event again.' },
	);
}

export class CoupangTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupang Trigger',
		name: 'coupangTrigger',
		icon: { light: 'file:../Coupang/coupang.svg', dark: 'file:../Coupang/coupang.dark.svg' },
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
				options: [
					{
						name: 'New Call Center Inquiry',
						value: 'callCenterInquiry',
						description: 'An inquiry from the Coupang contact center about your products',
					},
					{
						name: 'New Product Inquiry',
						value: 'productInquiry',
						description: 'A customer question about one of your products',
					},
				],
				default: 'productInquiry',
			},
			{
				displayName: 'Answer Status',
				name: 'answeredType',
				type: 'options',
				options: ANSWER_STATUS_OPTIONS,
				default: 'NOANSWER',
				description: 'Which inquiries to watch, by whether you answered them',
				displayOptions: { show: { event: ['productInquiry'] } },
			},
			{
				displayName: 'Status',
				name: 'counselingStatus',
				type: 'options',
				options: CALL_CENTER_STATUS_OPTIONS,
				default: 'NO_ANSWER',
				description: 'Which call center inquiries to watch',
				displayOptions: { show: { event: ['callCenterInquiry'] } },
			},
			{
				displayName: 'Option ID',
				name: 'vendorItemId',
				type: 'string',
				default: '',
				placeholder: '4855652221',
				description: 'Only inquiries about this option (vendorItemId). Leave empty for all your products.',
			},
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
		const settings = await readSettings(this);
		if (this.getMode() === 'manual') return await fetchTestEvent(this, settings, now);

		const staticData = this.getWorkflowStaticData('node');
		const scope = [settings.event, settings.status, settings.vendorItemId].join('|');
		const state = readState(staticData[STATE_KEY], scope) ?? initialState(now, settings.includeLastDays, scope);
		const plan = planPoll(state, now);

		// Everything is fetched before anything is decided: a failure throws here and leaves the state as it was.
		const candidates: Array<Candidate<IDataObject>> = [];
		for (const window of plan.windows) {
			for (const record of await fetchWindow(this, settings, window)) candidates.push(toCandidate(this, record));
		}
		const { emit, nextState } = selectNew(state, candidates, now);
		staticData[STATE_KEY] = nextState as unknown as IDataObject;
		if (emit.length === 0) return null;
		return [this.helpers.returnJsonArray(emit)];
	}
}
