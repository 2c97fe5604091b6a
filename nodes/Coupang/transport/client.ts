/**
 * The one way to Coupang, for the node and the trigger. Every Coupang request goes through `CoupangClient.request`:
 * - the seller's pace, shared by every node, trigger and execution of this n8n process (core/pace.ts);
 * - the retry policy (core/retry.ts): reads retried on 429/5xx/network failures, writes only when not applied;
 * - signing by the coupangApi credential, whose `authenticate` n8n calls for every try (a fresh signature each);
 * - Coupang's failures as NodeApiError with Coupang's message, status and hint (./errors.ts); a 2xx answer that
 *   is not a JSON object, or whose `code` is "ERROR", is an error, never data.
 * The credential is read and checked once per client: once per item for the node, once per poll for the trigger.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { type CoupangCredentials, processPace, readCoupangCredentials } from '../core/credentials';
import { refusalInAnswer } from '../core/failure';
import type { HeldSituation } from '../core/hints';
import { heldSeller, pacerKey, SellerHeldError } from '../core/pace';
import { type PipelineDeps, type PipelineOptions, sendThroughPacedPipeline } from '../core/retry';
import { asNodeInputError, coupangApiError, failedResultError, refusedAnswerError, sellerHeldError, unexpectedAnswerError, unexpectedBodyError } from './errors';

export const CREDENTIAL_TYPE = 'coupangApi';

/**
 * How long a throttle hold an execution waits out before its request: a manual run in the editor a minute, other
 * executions a quarter of an hour; longer holds fail at once with the time requests resume.
 */
const HOLD_WAIT_MS = { manual: 60_000, execution: 15 * 60_000 };
/** Requests of one seller in flight at once in this process (sockets and memory of concurrent pages). */
export const MAX_IN_FLIGHT = 16;

/** Pipeline settings over the credential's. Empty in production; tests lift the pace or shorten waits and holds. */
export const NODE_PIPELINE_OPTIONS: PipelineOptions = {};
/**
 * The trigger tries 3 times and never waits out a throttle hold: a poll that fails changes no state, and the next
 * poll catches up.
 */
export const TRIGGER_PIPELINE_OPTIONS: PipelineOptions = { maxTries: 3, maxHoldWaitMs: 0 };

const PIPELINE_DEPS: PipelineDeps = { now: () => Date.now(), sleep, random: () => Math.random() };

export interface CoupangRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH';
	/** Relative to the credential's Base URL (core/coupangFacts.ts PATHS). */
	path: string;
	qs?: IDataObject;
	/** A JSON object; an array where Coupang's examples send one (the exchange waybill). */
	body?: IDataObject | IDataObject[];
	/** Changes data: sent again only when the failure proves it was not applied. */
	write?: boolean;
	/** Aborted when the request is no longer wanted (a sibling page failed): not started, or not retried. */
	signal?: AbortSignal;
}

interface ClientSettings {
	node: INode;
	itemIndex?: number;
	/** The workflow's time zone, for the times in messages. */
	zone: string;
	/** The trigger's failures leave its state as it was: its messages say the next poll catches up. */
	isTrigger: boolean;
	pipeline: PipelineOptions;
	/** Extra headers and client timeout for every request (Extended Timeout). */
	headers?: Record<string, string>;
	timeout?: number;
}

type Send = (options: IHttpRequestOptions) => Promise<unknown>;

function anyOf(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
	const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
	return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

function isJsonObject(body: unknown): body is IDataObject {
	return typeof body === 'object' && body !== null && !Array.isArray(body);
}

export class CoupangClient {
	constructor(
		readonly credentials: CoupangCredentials,
		private readonly send: Send,
		private readonly settings: ClientSettings,
	) {}

	get vendorId(): string {
		return this.credentials.vendorId;
	}

	/** Sends one request through pace and retries; Coupang's JSON answer, or a NodeApiError. */
	async request(request: CoupangRequest): Promise<IDataObject> {
		const { credentials, settings } = this;
		const options: IHttpRequestOptions = { method: request.method, url: request.path, qs: request.qs ?? {}, json: true };
		if (request.body !== undefined) options.body = request.body;
		if (settings.headers) options.headers = settings.headers;
		if (settings.timeout !== undefined) options.timeout = settings.timeout;
		const key = pacerKey(credentials.baseUrl, credentials.vendorId, credentials.accessKey);
		const pipeline: PipelineOptions = {
			requestsPerSecond: processPace(credentials),
			holdMs: credentials.throttleHoldMs,
			maxInFlight: MAX_IN_FLIGHT,
			...settings.pipeline,
			isWrite: request.write === true,
			abortSignal: anyOf(settings.pipeline.abortSignal, request.signal),
		};
		let body: unknown;
		try {
			// A fresh copy for every try: n8n signs (and may rewrite) the options it is given.
			body = await sendThroughPacedPipeline(key, async () => await this.send({ ...options }), pipeline, PIPELINE_DEPS);
		} catch (error) {
			if (error instanceof SellerHeldError) throw sellerHeldError(settings.node, error, settings.zone, this.heldSituation(request, error), settings.itemIndex);
			const hold = heldSeller(key);
			throw coupangApiError(settings.node, error, settings.itemIndex, hold && { hold, zone: settings.zone });
		}
		if (!isJsonObject(body)) throw unexpectedBodyError(settings.node, body, settings.itemIndex);
		const refusal = refusalInAnswer(body);
		if (refusal !== undefined) throw refusedAnswerError(settings.node, refusal, body, settings.itemIndex);
		return body;
	}

	private heldSituation(request: CoupangRequest, error: SellerHeldError): HeldSituation {
		if (this.settings.isTrigger) return 'trigger';
		if (request.write !== true) return 'read';
		return error.afterRefusal ? 'write-refused' : 'write-not-sent';
	}

	/** The error for a JSON answer that lacks what Coupang documents, e.g. `unexpectedAnswer('has no list at data', body)`. */
	unexpectedAnswer(what: string, body: unknown): Error {
		return unexpectedAnswerError(this.settings.node, what, body, this.settings.itemIndex);
	}

	/** The error for a 2xx answer whose `resultCode` says the change was not made (e.g. FAIL). */
	failedResult(resultCode: string, resultMessage: string, body: unknown): Error {
		return failedResultError(this.settings.node, resultCode, resultMessage, body, this.settings.itemIndex);
	}
}

/** The credential, read and checked once; a bad one fails before any request, naming the field. */
async function credentialsOf(context: IExecutePaginationFunctions | IPollFunctions | ILoadOptionsFunctions): Promise<CoupangCredentials> {
	const data = await context.getCredentials(CREDENTIAL_TYPE);
	try {
		return readCoupangCredentials(data);
	} catch (error) {
		throw asNodeInputError(context.getNode(), error);
	}
}

/**
 * The node's client: requests go through n8n's declarative routing (`makeRoutingRequest`), so the node's Request
 * Options (proxy, timeout, SSL) and the credential's signing apply as n8n applies them.
 */
export async function nodeClient(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	extendedTimeout?: number,
): Promise<CoupangClient> {
	const credentials = await credentialsOf(context);
	const send: Send = async (options) => {
		const merged = { ...requestData.options, ...options, headers: { ...requestData.options.headers, ...options.headers } };
		if (options.timeout !== undefined) merged.timeout = Math.max(requestData.options.timeout ?? 0, options.timeout);
		const items = await context.makeRoutingRequest({ ...requestData, options: merged });
		return items.length === 1 ? items[0].json : items.map((item) => item.json);
	};
	const maxHoldWaitMs = context.getMode() === 'manual' ? HOLD_WAIT_MS.manual : HOLD_WAIT_MS.execution;
	return new CoupangClient(credentials, send, {
		node: context.getNode(),
		itemIndex: context.getItemIndex(),
		zone: context.getTimezone(),
		isTrigger: false,
		pipeline: { maxHoldWaitMs, abortSignal: context.getExecutionCancelSignal(), ...NODE_PIPELINE_OPTIONS },
		...(extendedTimeout === undefined ? {} : extendedTimeoutSettings(extendedTimeout)),
	});
}

/** Coupang waits up to X-EXTENDED-TIMEOUT ms; our own client waits 30 s longer. */
function extendedTimeoutSettings(milliseconds: number): Pick<ClientSettings, 'headers' | 'timeout'> {
	return { headers: { 'X-EXTENDED-TIMEOUT': String(milliseconds) }, timeout: milliseconds + 30000 };
}

/** A client sending through n8n's httpRequestWithAuthentication with the coupangApi credential. */
async function authenticatedClient(context: IPollFunctions | ILoadOptionsFunctions, settings: Pick<ClientSettings, 'isTrigger' | 'pipeline'>): Promise<CoupangClient> {
	const credentials = await credentialsOf(context);
	const send: Send = async (options) =>
		(await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, { ...options, baseURL: credentials.baseUrl })) as unknown;
	return new CoupangClient(credentials, send, { node: context.getNode(), zone: context.getTimezone(), ...settings });
}

/** The trigger's client. */
export async function triggerClient(context: IPollFunctions): Promise<CoupangClient> {
	return await authenticatedClient(context, { isTrigger: true, pipeline: TRIGGER_PIPELINE_OPTIONS });
}

/** The editor's lists (resource locators): the same client; a throttle hold fails the list at once. */
export async function loadOptionsClient(context: ILoadOptionsFunctions): Promise<CoupangClient> {
	return await authenticatedClient(context, { isTrigger: false, pipeline: { maxTries: 2, maxHoldWaitMs: 0 } });
}
