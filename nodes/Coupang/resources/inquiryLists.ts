/**
 * The two inquiry lists (product inquiries, call-center inquiries): Coupang pages them by `pageNum`/`pageSize`
 * over a period of Korea days (at most 7) or by Option ID. Shared by both Get Many operations and the trigger.
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_INQUIRY_PERIOD_DAYS, MAX_PAGE_SIZE, PATHS } from '../core/coupangFacts';
import { checkInquiryPeriod, daysBetweenCoupangDates, type KoreaDays, splitInquiryPeriod } from '../core/dates';
import { CoupangInputError } from '../core/input';
import { collectNumberedPages, collectWindows, type NumberedPage } from '../core/paging';
import type { CoupangClient } from '../transport/client';
import type { Simplify } from './output';
import type { Parameters } from './parameters';
import { simplifyCallCenterInquiry, simplifyProductInquiry } from './simplified';

export interface InquiryList {
	path: (vendorId: string) => string;
	maxPageSize: number;
	/** Coupang's status query parameter. */
	statusQuery: string;
	/** The Simplified output of its records (node and trigger). */
	simplify: Simplify;
}

export const PRODUCT_INQUIRIES: InquiryList = {
	path: PATHS.productInquiries,
	maxPageSize: MAX_PAGE_SIZE.productInquiries,
	statusQuery: 'answeredType',
	simplify: simplifyProductInquiry,
};

export const CALL_CENTER_INQUIRIES: InquiryList = {
	path: PATHS.callCenterInquiries,
	maxPageSize: MAX_PAGE_SIZE.callCenterInquiries,
	statusQuery: 'partnerCounselingStatus',
	simplify: simplifyCallCenterInquiry,
};

export type InquiryPeriod = KoreaDays;

export interface InquiryQuery {
	status: string;
	period?: InquiryPeriod;
	vendorItemId?: string;
	orderId?: string;
}

/**
 * Start Date, End Date and Option ID of a Get Many (doc rules a/b/c): both dates or neither, and a period or an
 * Option ID. Without Return All the period must be one Coupang accepts (≤ 7 days); with it, any ordered period.
 */
export function readInquiryFilters(parameters: Parameters): Pick<InquiryQuery, 'period' | 'vendorItemId'> {
	const vendorItemId = parameters.id('filters.vendorItemId', 'Option ID', false);
	const hasStart = !parameters.isBlank('startDate');
	const hasEnd = !parameters.isBlank('endDate');
	if (hasStart !== hasEnd) {
		const [field, other] = hasStart ? ['End Date', 'Start Date'] : ['Start Date', 'End Date'];
		throw new CoupangInputError(field, '', `${field} is empty while ${other} is set; give both dates or neither`);
	}
	if (!hasStart && vendorItemId === undefined) {
		throw new CoupangInputError('Start Date', '', 'Give a period (Start Date and End Date) or an Option ID: Coupang needs at least one of them');
	}
	if (!hasStart) return { vendorItemId };
	const period = { start: parameters.koreaDate('startDate', 'Start Date'), end: parameters.koreaDate('endDate', 'End Date') };
	if (parameters.returnAll()) splitInquiryPeriod(period.start, period.end);
	else checkInquiryPeriod(period.start, period.end);
	return { period, vendorItemId };
}

/** Whether a record is about the option: `vendorItemId` is a number, a string or (v4 call center) an array. */
function isAboutOption(record: IDataObject, vendorItemId: string): boolean {
	const value = record.vendorItemId;
	return (Array.isArray(value) ? value : [value]).some((candidate) => String(candidate) === vendorItemId);
}

/**
 * One page of a list. With an Option ID only that option's inquiries are kept, whatever the gateway sent: a newer
 * revision of Coupang's docs no longer lists the parameter, and a gateway that ignored it would flood a workflow.
 */
function readPage(client: CoupangClient, body: IDataObject, vendorItemId: string | undefined): NumberedPage<IDataObject> {
	const data = body.data as IDataObject | undefined;
	const content = data?.content;
	if (content !== undefined && content !== null && !Array.isArray(content)) throw client.unexpectedAnswer('has no list at data.content', body);
	const received = (content ?? []) as IDataObject[];
	const pagination = (data?.pagination ?? {}) as IDataObject;
	return {
		items: vendorItemId === undefined ? received : received.filter((record) => isAboutOption(record, vendorItemId)),
		received: received.length,
		totalPages: Number(pagination.totalPages ?? 0),
		totalElements: pagination.totalElements === undefined ? undefined : Number(pagination.totalElements),
	};
}

function queryOf(client: CoupangClient, list: InquiryList, query: InquiryQuery, period: InquiryPeriod | undefined): IDataObject {
	const qs: IDataObject = { vendorId: client.vendorId, [list.statusQuery]: query.status };
	if (period) Object.assign(qs, { inquiryStartAt: period.start, inquiryEndAt: period.end });
	if (query.vendorItemId !== undefined) qs.vendorItemId = query.vendorItemId;
	if (query.orderId !== undefined) qs.orderId = query.orderId;
	return qs;
}

/** Every page of one query over at most 7 days (re-read when the list moved while paged), up to `limit`; pages after the first at once. */
export async function listInquiryWindow(
	client: CoupangClient,
	list: InquiryList,
	query: InquiryQuery,
	paging: { pageSize: number; limit?: number },
	signal?: AbortSignal,
): Promise<IDataObject[]> {
	const qs = queryOf(client, list, query, query.period);
	const path = list.path(client.vendorId);
	return await collectNumberedPages(
		async (pageNum, pageSignal) => {
			const body = await client.request({ method: 'GET', path, qs: { ...qs, pageSize: paging.pageSize, pageNum }, signal: pageSignal });
			return readPage(client, body, query.vendorItemId);
		},
		paging.limit,
		signal,
	);
}

/**
 * A query over any period: a period Coupang accepts stays one window, a longer one is split into 7-day windows,
 * newest first (as Coupang lists newest first), joined in that order without duplicates, up to `limit`. Without a
 * limit the windows are read at once.
 */
export async function listInquiries(
	client: CoupangClient,
	list: InquiryList,
	query: InquiryQuery,
	paging: { pageSize: number; limit?: number },
): Promise<IDataObject[]> {
	const { period } = query;
	const windows: Array<InquiryPeriod | undefined> = !period
		? [undefined]
		: daysBetweenCoupangDates(period.start, period.end) <= MAX_INQUIRY_PERIOD_DAYS
			? [period]
			: splitInquiryPeriod(period.start, period.end).reverse();
	return await collectWindows(
		windows,
		async (window, remaining, signal) =>
			await listInquiryWindow(client, list, { ...query, period: window }, { pageSize: paging.pageSize, limit: remaining }, signal),
		(record) => String(record.inquiryId),
		paging.limit,
	);
}
