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
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { type CoupangCredentials, readCoupangCredentials } from '../core/credentials';
import { refusalInAnswer } from '../core/failure';
import { pacerKey } from '../core/pace';
import { type PipelineDeps, type PipelineOptions, sendThroughPacedPipeline } from '../core/retry';
import { asNodeInputError, coupangApiError, refusedAnswerError, unexpectedAnswerError, unexpectedBodyError } from './errors';

export const CREDENTIAL_TYPE = 'coupangApi';

/** Pipeline settings over the credential's pace. Empty/defaults in production; tests lift the pace or shorten waits. */
export const NODE_PIPELINE_OPTIONS: PipelineOptions = {};
/** The trigger tries 3 times: a poll that still fails changes no state and is retried whole at the next poll. */
export const TRIGGER_PIPELINE_OPTIONS: PipelineOptions = { maxTries: 3 };

const PIPELINE_DEPS: PipelineDeps = { now: () => Date.now(), sleep, random: () => Math.random() };

export interface CoupangRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH';
	/** Relative to the credential's Base URL (core/coupangFacts.ts PATHS). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Changes data: sent again only when the failure proves it was not applied. */
	write?: boolean;
}

interface ClientSettings {
	node: INode;
	itemIndex?: number;
	pipeline: PipelineOptions;
	/** Extra headers and client timeout for every request (Extended Timeout). */
	headers?: Record<string, string>;
	timeout?: number;
}

type Send = (options: IHttpRequestOptions) => Promise<unknown>;

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
		let body: unknown;
		try {
			body = await sendThroughPacedPipeline(
				pacerKey(credentials.baseUrl, credentials.vendorId, credentials.accessKey),
				// A fresh copy for every try: n8n signs (and may rewrite) the options it is given.
				async () => await this.send({ ...options }),
				{ requestsPerSecond: credentials.requestsPerSecond, ...settings.pipeline, isWrite: request.write === true },
				PIPELINE_DEPS,
			);
		} catch (error) {
			throw coupangApiError(settings.node, error, settings.itemIndex);
		}
		if (!isJsonObject(body)) throw unexpectedBodyError(settings.node, body, settings.itemIndex);
		const refusal = refusalInAnswer(body);
		if (refusal !== undefined) throw refusedAnswerError(settings.node, refusal, body, settings.itemIndex);
		return body;
	}

	/** The error for a JSON answer that lacks what Coupang documents, e.g. `unexpectedAnswer('has no list at data', body)`. */
	unexpectedAnswer(what: string, body: unknown): Error {
		return unexpectedAnswerError(this.settings.node, what, body, this.settings.itemIndex);
	}
}

/** The credential, read and checked once; a bad one fails before any request, naming the field. */
async function credentialsOf(context: IExecutePaginationFunctions | IPollFunctions): Promise<CoupangCredentials> {
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
	return new CoupangClient(credentials, send, {
		node: context.getNode(),
		itemIndex: context.getItemIndex(),
		pipeline: { abortSignal: context.getExecutionCancelSignal(), ...NODE_PIPELINE_OPTIONS },
		...(extendedTimeout === undefined ? {} : extendedTimeoutSettings(extendedTimeout)),
	});
}

/** Coupang waits up to X-EXTENDED-TIMEOUT ms; our own client waits 30 s longer. */
function extendedTimeoutSettings(milliseconds: number): Pick<ClientSettings, 'headers' | 'timeout'> {
	return { headers: { 'X-EXTENDED-TIMEOUT': String(milliseconds) }, timeout: milliseconds + 30000 };
}

/** The trigger's client: n8n's httpRequestWithAuthentication with the coupangApi credential. */
export async function triggerClient(context: IPollFunctions): Promise<CoupangClient> {
	const credentials = await credentialsOf(context);
	const send: Send = async (options) =>
		(await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, { ...options, baseURL: credentials.baseUrl })) as unknown;
	return new CoupangClient(credentials, send, { node: context.getNode(), pipeline: TRIGGER_PIPELINE_OPTIONS });
}
