import type { INode } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay, runCoupang, liftPaceForThisFile } from '../helpers/coupang';

let sandbox: RunningSandbox;
beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 3 });
});
afterAll(async () => await sandbox.stop());

const productInquiries = (extra: INode['parameters']): INode['parameters'] => ({
	resource: 'productInquiry',
	operation: 'getMany',
	...extra,
});
const callCenter = (extra: INode['parameters']): INode['parameters'] => ({
	resource: 'callCenterInquiry',
	operation: 'getMany',
	...extra,
});

// Each case: parameters, and what the error must say (field, value and rule).
const cases: Array<[string, INode['parameters'], RegExp]> = [
	[
		'period longer than 7 days',
		productInquiries({ startDate: '2026-11-01T00:00:00', endDate: '2026-11-10T00:00:00' }),
		/Query period 2026-11-01 to 2026-11-10 is 9 days; Coupang allows at most 7 days/,
	],
	[
		'end before start',
		callCenter({ startDate: '2026-11-10T00:00:00', endDate: '2026-11-01T00:00:00' }),
		/End Date 2026-11-01 is before Start Date 2026-11-10/,
	],
	['neither period nor option ID', productInquiries({}), /Give a period \(Start Date and End Date\) or an Option ID/],
	['only one date', productInquiries({ startDate: '2026-11-01T00:00:00' }), /End Date is empty while Start Date is set/],
	['unreadable date', productInquiries({ startDate: 'yesterday-ish', endDate: '2026-11-01T00:00:00' }), /Start Date.*yesterday-ish/],
	[
		'product Q&A page size above 50',
		productInquiries({ filters: { vendorItemId: '123' }, options: { pageSize: 51 } }),
		/Page Size is 51; Coupang allows 1 to 50/,
	],
	['product Q&A page size 0', productInquiries({ filters: { vendorItemId: '123' }, options: { pageSize: 0 } }), /Page Size is 0; Coupang allows 1 to 50/],
	['call center page size above 30', callCenter({ filters: { vendorItemId: '123' }, options: { pageSize: 31 } }), /Page Size is 31; Coupang allows 1 to 30/],
	['non-numeric option ID', productInquiries({ filters: { vendorItemId: '12a' } }), /Option ID must be a number \(digits only\), got "12a"/],
	['non-numeric order ID', callCenter({ filters: { vendorItemId: '1', orderId: '1900-1' } }), /Order ID must be a number.*"1900-1"/],
	[
		'time frame longer than 10 minutes',
		{ resource: 'product', operation: 'getManyByCreationTime', createdAtFrom: '2026-11-24T10:00:00', createdAtTo: '2026-11-24T10:10:01' },
		/Time frame 2026-11-24T10:00:00 to 2026-11-24T10:10:01 is 10 minutes 1 second; Coupang allows at most 10 minutes/,
	],
	['non-numeric seller product ID', { resource: 'product', operation: 'getStatusHistory', sellerProductId: 'abc' }, /Seller Product ID must be a number.*"abc"/],
	['non-numeric inquiry ID for Get', { resource: 'callCenterInquiry', operation: 'get', inquiryId: '12 34' }, /Inquiry ID must be a number.*"12 34"/],
	[
		'empty reply content',
		{ resource: 'productInquiry', operation: 'reply', inquiryId: '1', content: '   ', replyBy: 'me' },
		/Content must not be empty/,
	],
	[
		'non-numeric parent answer ID',
		{ resource: 'callCenterInquiry', operation: 'reply', inquiryId: '1', content: 'ok', replyBy: 'me', parentAnswerId: '={{ "12-3" }}' },
		/Parent Answer ID must be a number.*"12-3"/,
	],
	['empty reply by, no default in the credential', { resource: 'productInquiry', operation: 'reply', inquiryId: '1', content: 'ok', replyBy: '' }, /Reply By \(Wing User ID\) must not be empty: give it here, or set Default Wing User ID in the credential/],
	['empty confirm by', { resource: 'callCenterInquiry', operation: 'confirm', inquiryId: '1', confirmBy: '={{ $json.wingUser ?? "" }}' }, /Confirm By \(Wing User ID\) must not be empty/],
];

// (Empty required fields typed in the editor are already refused by n8n itself; the empty values here come from
// expressions, as they would from a previous node.)
describe('validation happens before any request', () => {
	it.each(cases)('%s', async (_label, parameters, message) => {
		const result = await runCoupang(sandbox, parameters);
		// Our preSend raises a NodeOperationError; n8n-core's RoutingNode reports every error raised while it prepares a
		// request as NodeApiError, keeping our message verbatim and no HTTP code (nothing was sent).
		expect(result.error?.message).toMatch(message);
		expect(result.error?.httpCode).toBe('none');
		expect(result.requests).toHaveLength(0);
	});

	it('with Return All, a 30-day period is split into 7-day windows and complete', async () => {
		const [start, end] = [koreaDay(sandbox, 30), koreaDay(sandbox, 0)];
		const result = await runCoupang(sandbox, productInquiries({ startDate: dateParameter(start), endDate: dateParameter(end), returnAll: true }));
		expect(result.error).toBeUndefined();
		const expected = sandbox.store.productInquiries.all.filter((inquiry) => {
			const day = new Date(inquiry.inquiryAtMs + 9 * 3600_000).toISOString().slice(0, 10);
			return day >= start && day <= end;
		});
		expect(result.json.map((item) => item.inquiryId)).toEqual(expected.map((inquiry) => inquiry.inquiryId));
		const windows = new Set(result.requests.map((request) => /inquiryStartAt=([\d-]+)&inquiryEndAt=([\d-]+)/.exec(request.query)?.slice(1).join('/')));
		expect(windows.size).toBe(5);
		expect(result.requests.every((request) => request.status === 200)).toBe(true);
	});

	it('continueOnFail: a bad item becomes an error item and the others still run', async () => {
		const inquiry = sandbox.store.callCenterInquiries.all.find((i) => i.vendorId === sandbox.vendorId);
		const result = await runCoupang(
			sandbox,
			{ resource: 'callCenterInquiry', operation: 'get', inquiryId: '={{ $json.id }}' },
			{ inputItems: [{ id: 'not-a-number' }, { id: String(inquiry?.inquiryId) }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(String(result.items[0].json.error ?? result.items[0].error?.message)).toMatch(/Inquiry ID must be a number/);
		expect(result.items[1].json.inquiryId).toBe(inquiry?.inquiryId);
		expect(result.requests).toHaveLength(1);
	});
});
