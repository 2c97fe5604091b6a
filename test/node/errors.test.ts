import type { INode } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { dateParameter, forgetPacesAndHolds, koreaDay, runCoupang } from '../helpers/coupang';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seed: 5 });
});
afterAll(async () => await sandbox.stop());
afterEach(() => {
	// A 403 holds the seller (test/faults/throttle.test.ts): each case here starts unheld.
	forgetPacesAndHolds();
	sandbox.clearFaults();
	sandbox.setClock(null);
});

const listInquiries = (): INode['parameters'] => ({
	resource: 'productInquiry',
	operation: 'getMany',
	startDate: dateParameter(koreaDay(sandbox, 1)),
	endDate: dateParameter(koreaDay(sandbox, 0)),
	returnAll: false,
	limit: 5,
});

describe("Coupang's errors reach the user with Coupang's message, the HTTP status and the doc's hint", () => {
	it('Invalid vendor ID (400) for a Vendor ID that is not the account', async () => {
		const result = await runCoupang(sandbox, listInquiries(), { credentials: { vendorId: 'A00099999' } });
		expect(result.error?.message).toBe('Coupang: Invalid vendor ID (HTTP 400)');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toMatch(/seller ID/);
	});

	it('another vendor in the product time frame (400)', async () => {
		const result = await runCoupang(
			sandbox,
			{ resource: 'product', operation: 'getManyByCreationTime', createdAtFrom: '2026-11-24T10:00:00', createdAtTo: '2026-11-24T10:05:00' },
			{ credentials: { vendorId: 'A00099999' } },
		);
		expect(result.error?.message).toBe(
			'Coupang: Vendor [A00012345] cannot query a list of products by another vendor [A00099999]. (HTTP 400)',
		);
		expect(result.error?.description).toMatch(/seller ID/);
	});

	it.each([
		['Inquiry not found', '999999999999', 404],
		['Vendor id should be same with the vendor id in this inquiry', 'OTHER', 404],
	])('v5 lookup: %s', async (message, id, status) => {
		const inquiryId =
			id === 'OTHER' ? String(sandbox.store.callCenterInquiries.all.find((i) => i.vendorId !== sandbox.vendorId)?.inquiryId) : id;
		const result = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'get', inquiryId });
		expect(result.error?.message).toBe(`Coupang: ${message} (HTTP ${status})`);
		expect(result.error?.httpCode).toBe(String(status));
		expect(result.error?.description).toMatch(/Inquiry ID/);
	});

	it.each([
		['time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd', /7 days or less/],
		['Read timed out', /Extended Timeout/],
	])('documented 400 "%s" (injected) carries its hint', async (message, hint) => {
		sandbox.setFaults({ failNext: [{ status: 400, message, count: 1 }] });
		const result = await runCoupang(sandbox, listInquiries());
		expect(result.error?.message).toBe(`Coupang: ${message} (HTTP 400)`);
		expect(result.error?.description).toMatch(hint);
		expect(result.requests).toHaveLength(1);
	});

	it.each([
		['a wrong secret key', { secretKey: 'not-the-secret' }, 'Invalid signature.', /Secret Key does not match/],
		['an unknown access key', { accessKey: 'someone-else' }, 'Request is not authorized.', /does not know this Access Key/],
	])('gateway 401 for %s, explained', async (_label, credentials, message, hint) => {
		const result = await runCoupang(sandbox, listInquiries(), { credentials });
		expect(result.error?.message).toBe(`Coupang: ${message} (HTTP 401)`);
		expect(result.error?.description).toMatch(hint);
		expect(JSON.stringify(result.error)).not.toContain('not-the-secret');
	});

	it('gateway 401 for a clock more than 5 minutes off', async () => {
		sandbox.setClock(new Date(Date.now() + 6 * 60_000));
		const result = await runCoupang(sandbox, listInquiries());
		expect(result.error?.message).toBe('Coupang: Specified signature is expired. (HTTP 401)');
		expect(result.error?.description).toMatch(/clock/);
	});

	it('an HTML 403 "Access Denied" page becomes a clear error about the IP allow-list', async () => {
		sandbox.setFaults({ accessDenied: true });
		const result = await runCoupang(sandbox, listInquiries());
		expect(result.error?.message).toBe('Coupang: Access Denied (HTTP 403)');
		expect(result.error?.description).toMatch(/IP address.*temporary block after many failed calls/);
		expect(result.error?.description).toMatch(/No request of this seller leaves this n8n process before \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+09:00\.$/);
		expect(result.requests).toHaveLength(1); // not retried
	});

	it.each([
		['malformedJson', /not JSON/],
		['emptyBody', /empty body/],
	] as const)('a 200 with %s is an error, not a silent empty result', async (fault, message) => {
		sandbox.setFaults({ [fault]: true });
		const result = await runCoupang(sandbox, listInquiries());
		expect(result.error?.message).toMatch(message);
		expect(result.items).toHaveLength(0);
	});
});
