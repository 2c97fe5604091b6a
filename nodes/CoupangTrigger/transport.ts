/**
 * The trigger's requests to Coupang: signed through the `coupangApi` credential by n8n's
 * httpRequestWithAuthentication, paged, and turned into NodeApiError with Coupang's message and status on failure.
 */
import type { IDataObject, IHttpRequestOptions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { coupangApiError, unexpectedBodyError } from '../Coupang/apiError';
import { collectNumberedPages, type NumberedPage } from '../Coupang/core/paging';
import { pacerKey, type PipelineDeps, type PipelineOptions, sendThroughPacedPipeline } from '../Coupang/core/requestPipeline';

export const CREDENTIAL_TYPE = 'coupangApi';

/**
 * How the trigger's reads go through the shared pipeline (nodes/Coupang/core/requestPipeline.ts): the per-seller
 * pace shared with the Coupang node, and up to 3 tries on 429/5xx/network failures. A poll whose request still
 * fails throws, changes no state, and is retried as a whole at the next poll, so nothing is lost; 3 tries keep a
 * poll short. Exported only so tests can shorten the waits; not a user setting.
 */
export const TRIGGER_PIPELINE_OPTIONS: PipelineOptions = { maxTries: 3, isWrite: false };
// (The pace itself comes from the credential's Max Requests per Second; a value set here overrides it in tests.)

const PIPELINE_DEPS: PipelineDeps = { now: () => Date.now(), sleep, random: () => Math.random() };

/** GET a Coupang JSON endpoint; the credential signs it and builds the URL from baseURL + url + qs. */
/** Where the trigger's requests go: from the credential (its pace is shared with the Coupang node). */
export interface CoupangTarget {
	baseUrl: string;
	vendorId: string;
	requestsPerSecond: number;
}

/** GET a Coupang JSON endpoint; the credential signs it and builds the URL from baseURL + url + qs. */
export async function getCoupangJson(
	context: IPollFunctions,
	target: CoupangTarget,
	path: string,
	qs: IDataObject,
): Promise<IDataObject> {
	const options: IHttpRequestOptions = { method: 'GET', baseURL: target.baseUrl, url: path, qs, json: true };
	let body: unknown;
	try {
		body = await sendThroughPacedPipeline(
			pacerKey(target.baseUrl, target.vendorId),
			// A fresh request (and signature) for every try.
			async () => (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, { ...options })) as unknown,
			{ requestsPerSecond: target.requestsPerSecond, ...TRIGGER_PIPELINE_OPTIONS },
			PIPELINE_DEPS,
		);
	} catch (error) {
		throw coupangApiError(context.getNode(), error);
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw unexpectedBodyError(context.getNode(), body);
	}
	return body as IDataObject;
}

function readListPage(context: IPollFunctions, body: IDataObject): NumberedPage<IDataObject> {
	const data = body.data as IDataObject | undefined;
	const content = data?.content;
	if (content !== undefined && content !== null && !Array.isArray(content)) {
		throw new NodeApiError(context.getNode(), body as JsonObject, { message: "Coupang's answer has no inquiry list (data.content)" });
	}
	const pagination = (data?.pagination ?? {}) as IDataObject;
	return {
		items: (content ?? []) as IDataObject[],
		totalPages: Number(pagination.totalPages ?? 0),
		totalElements: pagination.totalElements === undefined ? undefined : Number(pagination.totalElements),
	};
}

/** All records of one `pageNum`/`pageSize` list query (re-read when the list moved while being paged). */
export async function getAllPages(
	context: IPollFunctions,
	target: CoupangTarget,
	path: string,
	qs: IDataObject,
	pageSize: number,
): Promise<IDataObject[]> {
	return await collectNumberedPages(
		async (pageNum) => readListPage(context, await getCoupangJson(context, target, path, { ...qs, pageNum, pageSize })),
	);
}
