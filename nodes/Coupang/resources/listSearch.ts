/**
 * The editor's "From List" of the resource locators: recent records waiting for the operation's to-do, newest first,
 * filtered by what the user types (ID or text). One page each: a list, not an export.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { PATHS } from '../core/coupangFacts';
import { addDaysToCoupangDate, koreaDateOf, koreaDateTimeOf, splitTimeFrame } from '../core/dates';
import { loadOptionsClient } from '../transport/client';
import { dataList } from './answers';
import { CALL_CENTER_INQUIRIES, type InquiryList, listInquiryWindow, PRODUCT_INQUIRIES } from './inquiryLists';

/** How far back the lists look. */
const LIST_DAYS = 7;
const PRODUCT_LIST_HOURS = 2;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	return wanted === '' || texts.some((text) => String(text ?? '').toLowerCase().includes(wanted));
}

function label(id: unknown, text: unknown, at: unknown): string {
	const words = String(text ?? '').replace(/\s+/g, ' ').trim();
	return `${String(id)} · ${words.length > 60 ? `${words.slice(0, 59)}…` : words} (${String(at ?? '')})`;
}

async function recentInquiries(context: ILoadOptionsFunctions, list: InquiryList, status: string, filter?: string): Promise<INodeListSearchResult> {
	const client = await loadOptionsClient(context);
	const today = koreaDateOf(Date.now());
	const period = { start: addDaysToCoupangDate(today, -(LIST_DAYS - 1)), end: today };
	const records = await listInquiryWindow(client, list, { status, period }, { pageSize: list.maxPageSize, limit: list.maxPageSize });
	const results: INodeListSearchItems[] = records
		.filter((record: IDataObject) => matches(filter, record.inquiryId, record.content))
		.map((record) => ({ name: label(record.inquiryId, record.content, record.inquiryAt), value: String(record.inquiryId) }));
	return { results };
}

export const listSearch = {
	async unansweredProductInquiries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await recentInquiries(this, PRODUCT_INQUIRIES, 'NOANSWER', filter);
	},
	async callCenterInquiries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await recentInquiries(this, CALL_CENTER_INQUIRIES, 'NONE', filter);
	},
	async callCenterInquiriesToReply(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await recentInquiries(this, CALL_CENTER_INQUIRIES, 'NO_ANSWER', filter);
	},
	async callCenterInquiriesToConfirm(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await recentInquiries(this, CALL_CENTER_INQUIRIES, 'TRANSFER', filter);
	},
	async recentProducts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const client = await loadOptionsClient(this);
		const now = Date.now();
		const windows = splitTimeFrame(koreaDateTimeOf(now - PRODUCT_LIST_HOURS * 3600_000), koreaDateTimeOf(now));
		const products: IDataObject[] = [];
		for (const window of windows.reverse()) {
			const qs = { vendorId: client.vendorId, createdAtFrom: window.from, createdAtTo: window.to };
			products.push(...dataList(client, await client.request({ method: 'GET', path: PATHS.productsByTimeFrame(), qs })));
		}
		const seen = new Set<string>();
		const results = products
			.filter((product) => !seen.has(String(product.sellerProductId)) && seen.add(String(product.sellerProductId)))
			.filter((product) => matches(filter, product.sellerProductId, product.sellerProductName))
			.map((product) => ({ name: label(product.sellerProductId, product.sellerProductName, product.createdAt), value: String(product.sellerProductId) }));
		return { results };
	},
};

export type ListSearchMethod = keyof typeof listSearch;

/** A resource locator: pick from a list of recent records, or give the ID. */
export function idLocator(field: { displayName: string; name: string; description: string; placeholder: string; list: ListSearchMethod; listLabel: string }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: field.description,
		modes: [
			{
				displayName: field.listLabel,
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.list, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An ID is made of digits' } }],
			},
		],
	};
}
