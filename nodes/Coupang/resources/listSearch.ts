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

/** "<text> · <MM-dd HH:mm> · <id>": what a seller recognises first, then when (Korea time), then the ID. */
export function listEntryName(text: unknown, at: unknown, id: unknown): string {
	const words = String(text ?? '').replace(/\s+/g, ' ').trim();
	const short = words.length > 70 ? `${words.slice(0, 69)}…` : words;
	const when = /^\d{4}-(\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(String(at ?? ''));
	return [short === '' ? '(no text)' : short, when ? `${when[1]} ${when[2]}` : undefined, String(id)].filter((part) => part !== undefined).join(' · ');
}

/** A call-center inquiry's text in a list: its category and item say more than the counselling note alone. */
function callCenterText(record: IDataObject): string {
	const item = [record.itemName, record.content].filter((part) => typeof part === 'string' && part.trim() !== '').join(' — ');
	return typeof record.receiptCategory === 'string' && record.receiptCategory !== '' ? `[${record.receiptCategory}] ${item}` : item;
}

const listText = (list: InquiryList, record: IDataObject): string => (list === CALL_CENTER_INQUIRIES ? callCenterText(record) : String(record.content ?? ''));

async function recentInquiries(context: ILoadOptionsFunctions, list: InquiryList, status: string, filter?: string): Promise<INodeListSearchResult> {
	const client = await loadOptionsClient(context);
	const today = koreaDateOf(Date.now());
	const period = { start: addDaysToCoupangDate(today, -(LIST_DAYS - 1)), end: today };
	const records = await listInquiryWindow(client, list, { status, period }, { pageSize: list.maxPageSize, limit: list.maxPageSize });
	const results: INodeListSearchItems[] = records
		.filter((record: IDataObject) => matches(filter, record.inquiryId, listText(list, record)))
		.map((record) => ({ name: listEntryName(listText(list, record), record.inquiryAt, record.inquiryId), value: String(record.inquiryId) }));
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
			.map((product) => ({ name: listEntryName(product.sellerProductName, product.createdAt, product.sellerProductId), value: String(product.sellerProductId) }));
		return { results };
	},
};

export type ListSearchMethod = keyof typeof listSearch;

/** A resource locator: pick from a list of recent records, or give the ID. */
export function idLocator(field: {
	displayName: string;
	name: string;
	description: string;
	placeholder: string;
	list: ListSearchMethod;
	listLabel: string;
	/** What the empty list field says, e.g. "Select an inquiry…". */
	listPlaceholder: string;
}): INodeProperties {
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
				placeholder: field.listPlaceholder,
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
