/**
 * The n8n glue of the declarative Coupang node: `preSend` validators that turn parameters into Coupang's query
 * (throwing before any request), and pagination functions that page, split windows and send every request through
 * the shared pipeline. The logic itself lives in ./core (pure, unit-tested).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { coupangApiError, unexpectedBodyError } from './apiError';

import {
	checkInquiryPeriod,
	checkTimeFrame,
	CoupangInputError,
	daysBetweenCoupangDates,
	MAX_INQUIRY_PERIOD_DAYS,
	splitInquiryPeriod,
	splitTimeFrame,
	toCoupangDate,
	toCoupangDateTime,
} from './core/dates';
import { MAX_PAGE_SIZE } from './core/limits';
import { collectNumberedPages, collectTokenPages, collectWindows } from './core/paging';
import { sendThroughPipeline } from './transport';

type Context = IExecuteSingleFunctions | IExecutePaginationFunctions;
type ResultOptions = DeclarativeRestApiSettings.ResultOptions;

/* ------------------------------------------------------------------ validation helpers */

function fail(context: Context, error: unknown): never {
	if (error instanceof CoupangInputError) {
		throw new NodeOperationError(context.getNode(), error.message, { itemIndex: context.getItemIndex() });
	}
	throw error;
}

function text(context: Context, name: string): string {
	const value = context.getNodeParameter(name, '') as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

function numericId(context: Context, name: string, label: string, required: boolean): string | undefined {
	const value = text(context, name);
	if (value === '') {
		if (required) fail(context, new CoupangInputError(label, value, `${label} is required`));
		return undefined;
	}
	if (!/^\d+$/.test(value)) {
		fail(context, new CoupangInputError(label, value, `${label} must be a number (digits only), got "${value}"`));
	}
	return value;
}

function requiredText(context: Context, name: string, label: string): string {
	const value = text(context, name);
	if (value === '') fail(context, new CoupangInputError(label, value, `${label} must not be empty`));
	return value;
}

function options(context: Context): IDataObject {
	return (context.getNodeParameter('options', {}) as IDataObject) ?? {};
}

function pageSize(context: Context, max: number): number {
	const size = options(context).pageSize;
	if (size === undefined || size === null || size === '') return max;
	const value = Number(size);
	if (!Number.isInteger(value) || value < 1 || value > max) {
		fail(context, new CoupangInputError('Page Size', String(size), `Page Size is ${String(size)}; Coupang allows 1 to ${max}`));
	}
	return value;
}

function returnAll(context: Context): boolean {
	return context.getNodeParameter('returnAll', false) as boolean;
}

function limit(context: Context): number | undefined {
	if (returnAll(context)) return undefined;
	const value = Number(context.getNodeParameter('limit', 50));
	if (!Number.isInteger(value) || value < 1) {
		fail(context, new CoupangInputError('Limit', String(value), `Limit is ${value}; it must be a whole number of at least 1`));
	}
	return value;
}

function withExtendedTimeout(context: Context, requestOptions: IHttpRequestOptions): IHttpRequestOptions {
	const extended = options(context).extendedTimeout;
	if (extended === undefined || extended === null || extended === '') return requestOptions;
	const milliseconds = Number(extended);
	if (!Number.isInteger(milliseconds) || milliseconds < 1000) {
		fail(context, new CoupangInputError('Extended Timeout', String(extended), 'Extended Timeout must be a whole number of milliseconds, at least 1000'));
	}
	return {
		...requestOptions,
		headers: { ...(requestOptions.headers ?? {}), 'X-EXTENDED-TIMEOUT': String(milliseconds) },
		// Give Coupang the extra time before our own client gives up.
		timeout: Math.max(requestOptions.timeout ?? 0, milliseconds + 30000),
	};
}

/** Period + option ID rules shared by both inquiry lists (doc rules a/b/c, 7-day window). */
function inquiryFilters(context: Context): IDataObject {
	const rawStart = context.getNodeParameter('startDate', '') as unknown;
	const rawEnd = context.getNodeParameter('endDate', '') as unknown;
	const vendorItemId = numericId(context, 'vendorItemId', 'Option ID', false);
	const hasStart = rawStart !== '' && rawStart !== undefined && rawStart !== null;
	const hasEnd = rawEnd !== '' && rawEnd !== undefined && rawEnd !== null;
	const query: IDataObject = {};
	try {
		if (hasStart !== hasEnd) {
			const [field, other] = hasStart ? ['End Date', 'Start Date'] : ['Start Date', 'End Date'];
			throw new CoupangInputError(field, '', `${field} is empty while ${other} is set; give both dates or neither`);
		}
		if (!hasStart && vendorItemId === undefined) {
			throw new CoupangInputError(
				'Start Date',
				'',
				'Give a period (Start Date and End Date) or an Option ID: Coupang needs at least one of them',
			);
		}
		if (hasStart) {
			const zone = context.getTimezone();
			const start = toCoupangDate(rawStart as string, zone, 'Start Date');
			const end = toCoupangDate(rawEnd as string, zone, 'End Date');
			if (returnAll(context)) {
				// Longer periods are split into windows by the pagination; only the order is checked here.
				splitInquiryPeriod(start, end);
			} else {
				checkInquiryPeriod(start, end);
			}
			query.inquiryStartAt = start;
			query.inquiryEndAt = end;
		}
	} catch (error) {
		fail(context, error);
	}
	if (vendorItemId !== undefined) query.vendorItemId = vendorItemId;
	return query;
}

function mergeQuery(requestOptions: IHttpRequestOptions, query: IDataObject): IHttpRequestOptions {
	return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), ...query } };
}

/* ------------------------------------------------------------------ preSend */

export async function prepareProductInquiryQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const query = inquiryFilters(this);
	query.pageSize = pageSize(this, MAX_PAGE_SIZE.productInquiries);
	limit(this);
	return withExtendedTimeout(this, mergeQuery(requestOptions, query));
}

export async function prepareCallCenterInquiryQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const query = inquiryFilters(this);
	const orderId = numericId(this, 'orderId', 'Order ID', false);
	if (orderId !== undefined) query.orderId = orderId;
	query.pageSize = pageSize(this, MAX_PAGE_SIZE.callCenterInquiries);
	limit(this);
	return withExtendedTimeout(this, mergeQuery(requestOptions, query));
}

export async function prepareProductTimeFrame(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const zone = this.getTimezone();
	let createdAtFrom = '';
	let createdAtTo = '';
	try {
		createdAtFrom = toCoupangDateTime(this.getNodeParameter('createdAtFrom', '') as string, zone, 'Created From');
		createdAtTo = toCoupangDateTime(this.getNodeParameter('createdAtTo', '') as string, zone, 'Created To');
		if (returnAll(this)) splitTimeFrame(createdAtFrom, createdAtTo);
		else checkTimeFrame(createdAtFrom, createdAtTo);
	} catch (error) {
		fail(this, error);
	}
	limit(this);
	return withExtendedTimeout(this, mergeQuery(requestOptions, { createdAtFrom, createdAtTo }));
}

export async function prepareStatusHistory(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	numericId(this, 'sellerProductId', 'Seller Product ID', true);
	const maxPerPage = pageSize(this, MAX_PAGE_SIZE.statusHistory);
	limit(this);
	return withExtendedTimeout(this, mergeQuery(requestOptions, { maxPerPage }));
}

export async function prepareCallCenterInquiryGet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	numericId(this, 'inquiryId', 'Inquiry ID', true);
	return withExtendedTimeout(this, requestOptions);
}

export async function prepareProductInquiryReply(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	numericId(this, 'inquiryId', 'Inquiry ID', true);
	const content = requiredText(this, 'content', 'Content');
	const replyBy = requiredText(this, 'replyBy', 'Reply By (Wing User ID)');
	return withExtendedTimeout(this, {
		...requestOptions,
		body: { ...(requestOptions.body as IDataObject), content, replyBy },
	});
}

export async function prepareCallCenterInquiryReply(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const inquiryId = numericId(this, 'inquiryId', 'Inquiry ID', true) as string;
	const content = requiredText(this, 'content', 'Content');
	const replyBy = requiredText(this, 'replyBy', 'Reply By (Wing User ID)');
	const parentAnswerId = numericId(this, 'parentAnswerId', 'Parent Answer ID', true) as string;
	return withExtendedTimeout(this, {
		...requestOptions,
		body: {
			...(requestOptions.body as IDataObject),
			inquiryId: Number(inquiryId),
			content,
			replyBy,
			parentAnswerId: Number(parentAnswerId),
		},
	});
}

export async function prepareCallCenterInquiryConfirm(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	numericId(this, 'inquiryId', 'Inquiry ID', true);
	const confirmBy = requiredText(this, 'confirmBy', 'Confirm By (Wing User ID)');
	return withExtendedTimeout(this, {
		...requestOptions,
		body: { ...(requestOptions.body as IDataObject), confirmBy },
	});
}

/* ------------------------------------------------------------------ sending */

/** Sends one request through n8n's routing (signed by the credential) and the shared pace/retry pipeline. */
async function send(
	context: IExecutePaginationFunctions,
	requestData: ResultOptions,
	query: IDataObject,
	write: boolean,
): Promise<IDataObject> {
	const request: ResultOptions = {
		...requestData,
		options: { ...requestData.options, qs: { ...(requestData.options.qs ?? {}), ...query } },
	};
	let items: INodeExecutionData[];
	try {
		items = await sendThroughPipeline(context, write, async () => await context.makeRoutingRequest(request));
	} catch (error) {
		throw coupangApiError(context.getNode(), error, context.getItemIndex());
	}
	const body = items[0]?.json as unknown;
	if (items.length !== 1 || typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw unexpectedBodyError(context.getNode(), body, context.getItemIndex());
	}
	return body as IDataObject;
}

function toItems(records: IDataObject[]): INodeExecutionData[] {
	return records.map((json) => ({ json }));
}

function listFrom(body: IDataObject, path: 'data' | 'data.content'): IDataObject[] {
	const container = path === 'data' ? body.data : (body.data as IDataObject | undefined)?.content;
	if (container === undefined || container === null) return [];
	if (!Array.isArray(container)) {
		throw new Error(`Coupang's answer has no list at "${path}"`);
	}
	return container as IDataObject[];
}

/* ------------------------------------------------------------------ pagination functions */

/** `pageNum`/`pageSize` lists over one or more ≤ 7-day windows (newest window first, as Coupang lists newest first). */
export function paginateInquiries(maxPageSize: number, idField: string) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: ResultOptions,
	): Promise<INodeExecutionData[]> {
		const wanted = limit(this);
		const configured = pageSize(this, maxPageSize);
		const size = wanted === undefined ? configured : Math.min(configured, wanted);
		const qs = requestData.options.qs ?? {};
		const start = qs.inquiryStartAt as string | undefined;
		const end = qs.inquiryEndAt as string | undefined;
		// A period the API accepts in one request stays one window; only longer ones (Return All) are split.
		const windows =
			start && end
				? daysBetweenCoupangDates(start, end) <= MAX_INQUIRY_PERIOD_DAYS
					? [{ start, end }]
					: splitInquiryPeriod(start, end).reverse()
				: [undefined];
		const records = await collectWindows(
			windows,
			async (window, remaining) =>
				await collectNumberedPages(async (pageNum) => {
					const body = await send(
						this,
						requestData,
						{ ...(window ? { inquiryStartAt: window.start, inquiryEndAt: window.end } : {}), pageNum, pageSize: size },
						false,
					);
					const pagination = (body.data as IDataObject | undefined)?.pagination as IDataObject | undefined;
					return {
						items: listFrom(body, 'data.content'),
						totalPages: Number(pagination?.totalPages ?? 0),
						totalElements: pagination?.totalElements === undefined ? undefined : Number(pagination.totalElements),
					};
				}, remaining),
			(record) => String(record[idField]),
			wanted,
		);
		return toItems(records);
	};
}

/** Products by creation time: one request per ≤ 10-minute window, oldest first. */
export async function paginateTimeFrame(
	this: IExecutePaginationFunctions,
	requestData: ResultOptions,
): Promise<INodeExecutionData[]> {
	const wanted = limit(this);
	const qs = requestData.options.qs ?? {};
	const windows = splitTimeFrame(qs.createdAtFrom as string, qs.createdAtTo as string);
	const records = await collectWindows(
		windows,
		async (window) =>
			listFrom(await send(this, requestData, { createdAtFrom: window.from, createdAtTo: window.to }, false), 'data'),
		(record) => String(record.sellerProductId),
		wanted,
	);
	return toItems(records);
}

/** Status history: follows `nextToken` until Coupang answers an empty token. */
export async function paginateStatusHistory(
	this: IExecutePaginationFunctions,
	requestData: ResultOptions,
): Promise<INodeExecutionData[]> {
	const wanted = limit(this);
	const records = await collectTokenPages(async (nextToken) => {
		const body = await send(this, requestData, nextToken === undefined ? {} : { nextToken }, false);
		return { items: listFrom(body, 'data'), nextToken: body.nextToken as string | null | undefined };
	}, wanted);
	return toItems(records);
}

/** Single requests (get, reply, confirm) still go through the pipeline and Coupang's error mapping. */
export function sendOnce(settings: { write: boolean; dataOnly?: boolean }) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: ResultOptions,
	): Promise<INodeExecutionData[]> {
		const body = await send(this, requestData, {}, settings.write);
		if (settings.dataOnly) return toItems([(body.data ?? {}) as IDataObject]);
		return toItems([body]);
	};
}
