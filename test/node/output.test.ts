/**
 * The Output option of every reading operation: Simplified (the default: the fields a workflow needs, ISO-8601
 * instants, no buyer phone or e-mail), Raw (Coupang's record) and Selected Fields; the same for the trigger.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { Coupang } from '../../nodes/Coupang/Coupang.node';
import { startSandbox, toCallCenterInquiryJson, toProductHistoryJson, toProductInquiryJson, toProductJson, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, liftPaceForThisFile, runCoupang } from '../helpers/coupang';
import { credentialsFor } from '../helpers/n8n';
import { OPERATION_SAMPLES } from '../helpers/operationSamples';
import { createPollHarness } from '../helpers/trigger';

let sandbox: RunningSandbox;
beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 23, productInquiries: 200, callCenterInquiries: 80, products: 60 });
	const inquiryAt = DateTime.fromJSDate(sandbox.now()).setZone('Asia/Seoul').minus({ hours: 1 }).toFormat('yyyy-MM-dd HH:mm:ss');
	sandbox.store.callCenterInquiries.add({ count: 2, kind: 'waiting', inquiryAt });
	sandbox.store.callCenterInquiries.add({ count: 2, kind: 'unconfirmed', inquiryAt });
});
afterAll(async () => await sandbox.stop());

const json = <T>(value: T): IDataObject => JSON.parse(JSON.stringify(value)) as IDataObject;
/** The oracle: a Korea wall clock plus its offset names the instant (Korea is UTC+9, no DST). */
const korea = (text: unknown): string | null => (typeof text === 'string' && text !== '' ? `${text.replace(' ', 'T').slice(0, 19)}+09:00` : null);
const week = (): IDataObject => ({ startDate: dateParameter(koreaDay(sandbox, 6)), endDate: dateParameter(koreaDay(sandbox, 0)) });

interface Case {
	name: string;
	parameters: () => INode['parameters'];
	raw: () => IDataObject[];
	/** A field of the raw record that Simplified renames or drops, and one Selected Fields picks. */
	selected: string;
	/** Korea-time fields of the raw record and the ISO twins Simplified carries. */
	instants: Array<[raw: string, iso: string]>;
	private: string[];
}

const cases: Case[] = [
	{
		name: 'Product Inquiry → Get Many',
		parameters: () => ({ resource: 'productInquiry', operation: 'getMany', ...week(), returnAll: true }),
		raw: () => sandbox.store.productInquiries.query({ answeredType: 'ALL', inquiryStartAt: koreaDay(sandbox, 6), inquiryEndAt: koreaDay(sandbox, 0) }).map((i) => json(toProductInquiryJson(i))),
		selected: 'inquiryId,content,commentDtoList',
		instants: [['inquiryAt', 'inquiryAtIso']],
		private: ['buyerEmail'],
	},
	{
		name: 'Call Center Inquiry → Get Many',
		parameters: () => ({ resource: 'callCenterInquiry', operation: 'getMany', counselingStatus: 'NONE', ...week(), returnAll: true }),
		raw: () =>
			sandbox.store.callCenterInquiries
				.query({ vendorId: sandbox.vendorId, partnerCounselingStatus: 'NONE', inquiryStartAt: koreaDay(sandbox, 6), inquiryEndAt: koreaDay(sandbox, 0) })
				.map((i) => json(toCallCenterInquiryJson(i, 'v4'))),
		selected: 'inquiryId,receiptCategory,replies',
		instants: [['inquiryAt', 'inquiryAtIso'], ['answeredAt', 'answeredAtIso'], ['orderDate', 'orderDateIso']],
		private: ['buyerPhone', 'buyerEmail'],
	},
	{
		name: 'Call Center Inquiry → Get',
		parameters: () => ({ resource: 'callCenterInquiry', operation: 'get', inquiryId: String(sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId)?.inquiryId) }),
		raw: () => [json(toCallCenterInquiryJson(sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId) as never, 'v5'))],
		selected: 'inquiryId,content',
		instants: [['inquiryAt', 'inquiryAtIso']],
		private: ['buyerPhone', 'buyerEmail'],
	},
	{
		name: 'Product → Get Many by Creation Time',
		parameters: () => {
			const newest = sandbox.store.products.all.filter((p) => p.vendorId === sandbox.vendorId).at(-1) as { createdAtMs: number };
			const to = new Date(newest.createdAtMs + 9 * 3600_000).toISOString().slice(0, 19);
			const from = new Date(newest.createdAtMs - 3600_000 + 9 * 3600_000).toISOString().slice(0, 19);
			return { resource: 'product', operation: 'getManyByCreationTime', createdAtFrom: from, createdAtTo: to, returnAll: true };
		},
		raw: () => {
			const newest = sandbox.store.products.all.filter((p) => p.vendorId === sandbox.vendorId).at(-1) as { createdAtMs: number };
			return sandbox.store.products.all
				.filter((p) => p.vendorId === sandbox.vendorId && p.createdAtMs >= newest.createdAtMs - 3600_000 && p.createdAtMs <= newest.createdAtMs)
				.map((p) => json(toProductJson(p)));
		},
		selected: 'sellerProductId,sellerProductName',
		instants: [['createdAt', 'createdAtIso'], ['saleStartedAt', 'saleStartedAtIso']],
		private: [],
	},
	{
		name: 'Product → Get Status History',
		parameters: () => ({ resource: 'product', operation: 'getStatusHistory', sellerProductId: String(sandbox.store.products.all.find((p) => p.vendorId === sandbox.vendorId)?.sellerProductId), returnAll: true }),
		raw: () => {
			const product = sandbox.store.products.all.find((p) => p.vendorId === sandbox.vendorId) as { sellerProductId: number };
			return sandbox.store.products.historiesFor(sandbox.vendorId, product.sellerProductId).map((entry) => json(toProductHistoryJson(entry)));
		},
		selected: 'status,createdAt',
		instants: [['createdAt', 'createdAtIso']],
		private: [],
	},
];

describe.each(cases)('$name', ({ parameters, raw, selected, instants, private: privateFields }) => {
	it("Raw is Coupang's record, Simplified (the default) is flat with ISO instants and no buyer contact, Selected Fields picks", async () => {
		const records = raw();
		expect(records.length).toBeGreaterThan(0);
		const rawRun = await runCoupang(sandbox, { ...parameters(), output: 'raw' });
		expect(rawRun.json).toEqual(records);

		const simple = await runCoupang(sandbox, { ...parameters(), output: 'simple' });
		expect(simple.json).toHaveLength(records.length);
		simple.json.forEach((item, index) => {
			for (const field of privateFields) expect(item).not.toHaveProperty(field);
			for (const value of Object.values(item)) expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(false); // flat
			for (const [rawField, isoField] of instants) expect(item[isoField]).toBe(korea(records[index][rawField]));
		});

		const fields = await runCoupang(sandbox, { ...parameters(), output: 'fields', fields: selected });
		expect(fields.json).toEqual(records.map((record) => Object.fromEntries(selected.split(',').filter((name) => name in record).map((name) => [name, record[name]]))));
	});
});

describe('ISO instants are the same moment in any workflow time zone', () => {
	it.each(['Asia/Seoul', 'America/Los_Angeles'])('%s', async (timezone) => {
		const parameters = { resource: 'productInquiry', operation: 'getMany', ...week(), returnAll: false, limit: 3, output: 'simple' };
		const result = await runCoupang(sandbox, parameters, { timezone });
		const expected = sandbox.store.productInquiries
			.query({ answeredType: 'ALL', inquiryStartAt: koreaDay(sandbox, 6), inquiryEndAt: koreaDay(sandbox, 0) })
			.slice(0, 3)
			.map((i) => new Date(i.inquiryAtMs).toISOString());
		// Whatever zone the workflow runs in, the ISO string names the instant Coupang meant.
		expect(result.json.map((item) => new Date(String(item.inquiryAtIso)).toISOString())).toEqual(expected);
	});

	it('v5 timestamps written with another offset (−08:00) name the same instant', async () => {
		sandbox.setReadings({ callCenterV5Offset: '-08:00' });
		try {
			const inquiry = sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId) as { inquiryId: number; inquiryAtMs: number };
			const raw = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'get', inquiryId: String(inquiry.inquiryId), output: 'raw' });
			expect(String(raw.json[0].inquiryAt)).toMatch(/-08:00$/);
			const simple = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'get', inquiryId: String(inquiry.inquiryId), output: 'simple' });
			expect(new Date(String(simple.json[0].inquiryAtIso)).getTime()).toBe(Math.floor(inquiry.inquiryAtMs / 1000) * 1000);
			expect(String(simple.json[0].inquiryAtIso)).toMatch(/\+09:00$/);
		} finally {
			sandbox.clearReadings();
		}
	});
});

describe('Simplified call-center inquiries say the to-do', () => {
	it('reply (with the Parent Answer ID to use), confirm, or nothing', async () => {
		const result = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'getMany', counselingStatus: 'NONE', ...week(), returnAll: true, output: 'simple' });
		const byId = new Map(result.json.map((item) => [Number(item.inquiryId), item]));
		for (const inquiry of sandbox.store.callCenterInquiries.all.filter((i) => byId.has(i.inquiryId))) {
			const item = byId.get(inquiry.inquiryId) as IDataObject;
			const request = inquiry.inquiryStatus === 'progress' ? inquiry.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer') : undefined;
			if (request) expect(item).toMatchObject({ toDo: 'reply', parentAnswerId: request.answerId });
			else expect(item.parentAnswerId).toBeNull();
		}
		expect(result.json.filter((item) => item.toDo === 'reply').length).toBeGreaterThanOrEqual(2);
		expect(result.json.filter((item) => item.toDo === 'confirm').length).toBeGreaterThanOrEqual(2);
	});
});

describe('Coupang Trigger output', () => {
	it('Simplified by default, Raw on request', async () => {
		const inquiryAt = DateTime.fromJSDate(sandbox.now()).setZone('Asia/Seoul').toFormat('yyyy-MM-dd HH:mm:ss');
		const simple = createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'productInquiry', answeredType: 'ALL', options: { includeLastDays: 1 } } });
		const raw = createPollHarness({ credentials: credentialsFor(sandbox), parameters: { event: 'productInquiry', answeredType: 'ALL', output: 'raw', options: { includeLastDays: 1 } } });
		sandbox.store.productInquiries.add({ inquiryAt });
		const [simpleItems, rawItems] = [await simple.poll(), await raw.poll()];
		expect(simpleItems?.length).toBe(rawItems?.length);
		expect((simpleItems ?? []).every((item) => 'inquiryAtIso' in item && !('buyerEmail' in item))).toBe(true);
		expect((rawItems ?? []).every((item) => 'buyerEmail' in item && !('inquiryAtIso' in item))).toBe(true);
	});
});

/** Every operation that has the Output option (in the node's description), run with its sample parameters. */
const description = new Coupang().description;
const operationsWithOutput = description.properties
	.filter((property) => property.name === 'output')
	.flatMap((property) => (property.displayOptions?.show?.operation ?? []).map((operation) => `${String(property.displayOptions?.show?.resource?.[0])}:${String(operation)}`));
const resources = description.properties.find((property) => property.name === 'resource')?.options ?? [];
/** Buyer contact fields (phone, safe number, e-mail) that Simplified never carries. */
const BUYER_CONTACT = /phone|safeNumber|email/i;

describe('every operation with an Output option: Raw, Simplified and Selected Fields of the same records', () => {
	it('covers the reading operations of every resource', () => {
		expect(new Set(operationsWithOutput.map((key) => key.split(':')[0]))).toEqual(new Set(resources.map((resource) => ('value' in resource ? resource.value : undefined))));
	});

	it.each(operationsWithOutput)('%s', async (key) => {
		const [resource, operation] = key.split(':');
		const parameters = { resource, operation, ...OPERATION_SAMPLES[key](sandbox) };
		const raw = await runCoupang(sandbox, { ...parameters, output: 'raw' });
		expect(raw.error).toBeUndefined();
		expect(raw.json.length).toBeGreaterThan(0);

		const simple = await runCoupang(sandbox, { ...parameters, output: 'simple' });
		expect(simple.json).toHaveLength(raw.json.length);
		for (const item of simple.json) {
			expect(Object.keys(item).filter((field) => BUYER_CONTACT.test(field))).toEqual([]);
			for (const [field, value] of Object.entries(item)) {
				expect({ field, nested: typeof value === 'object' && value !== null && !Array.isArray(value) }).toEqual({ field, nested: false });
				if (field.endsWith('Iso') && value !== null) expect({ field, value }).toEqual({ field, value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+09:00$/) });
			}
		}
		expect(simple.json).not.toEqual(raw.json);

		const selected = Object.keys(raw.json[0]).slice(0, 2);
		const fields = await runCoupang(sandbox, { ...parameters, output: 'fields', fields: selected.join(', ') });
		expect(fields.json).toEqual(raw.json.map((record) => Object.fromEntries(selected.filter((name) => name in record).map((name) => [name, record[name]]))));
	});
});
