import fc from 'fast-check';
import { DateTime } from 'luxon';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { runCoupang, liftPaceForThisFile } from '../helpers/coupang';

let sandbox: RunningSandbox;
beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 8, productInquiries: 300, callCenterInquiries: 150, products: 60 });
});
afterAll(async () => await sandbox.stop());

const zones = ['UTC', 'Asia/Seoul', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/Berlin'];

// Instants within ±45 days of now, written the way n8n stores a dateTime parameter (no offset: the workflow's zone).
const instant = fc.integer({ min: -45 * 86400, max: 45 * 86400 }).map((seconds) => Date.now() + seconds * 1000);
const asParameter = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
const id = fc.oneof(fc.constant(''), fc.bigInt({ min: 1n, max: 10n ** 14n }).map(String), fc.string({ maxLength: 6 }));

/**
 * Whatever a user enters, the node either refuses it before sending (no request) or sends only requests the strict
 * sandbox accepts: it never produces a request Coupang would reject.
 */
describe('random input never produces a request the sandbox rejects', () => {
	it('Product / Call Center Inquiry Get Many', async () => {
		const outcomes = { refused: 0, sent: 0 };
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('productInquiry', 'callCenterInquiry'),
				fc.constantFrom(...zones),
				fc.option(fc.tuple(instant, instant), { nil: undefined }),
				id,
				fc.boolean(),
				fc.integer({ min: 1, max: 200 }),
				fc.option(fc.integer({ min: -5, max: 80 }), { nil: undefined }),
				async (resource, zone, period, vendorItemId, returnAll, limit, pageSize) => {
					const result = await runCoupang(
						sandbox,
						{
							resource,
							operation: 'getMany',
							...(period ? { startDate: asParameter(period[0], zone), endDate: asParameter(period[1], zone) } : {}),
							filters: { vendorItemId },
							returnAll,
							limit,
							options: pageSize === undefined ? {} : { pageSize },
						},
						{ timezone: zone },
					);
					if (result.error) {
						outcomes.refused++;
						expect(result.error.httpCode).toBe('none');
						expect(result.requests).toHaveLength(0);
					} else {
						outcomes.sent++;
						expect(result.requests.length).toBeGreaterThan(0);
						expect(result.requests.filter((request) => request.status !== 200)).toEqual([]);
					}
				},
			),
			{ numRuns: 150, seed: 424242 },
		);
		// Both sides of the property were exercised.
		expect(outcomes.refused).toBeGreaterThan(10);
		expect(outcomes.sent).toBeGreaterThan(10);
	});

	it('Product Get Many by Creation Time', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...zones),
				instant,
				fc.integer({ min: -3600, max: 4 * 3600 }),
				fc.boolean(),
				async (zone, from, lengthSeconds, returnAll) => {
					const result = await runCoupang(
						sandbox,
						{
							resource: 'product',
							operation: 'getManyByCreationTime',
							createdAtFrom: asParameter(from, zone),
							createdAtTo: asParameter(from + lengthSeconds * 1000, zone),
							returnAll,
						},
						{ timezone: zone },
					);
					if (result.error) expect(result.requests).toHaveLength(0);
					else expect(result.requests.filter((request) => request.status !== 200)).toEqual([]);
				},
			),
			{ numRuns: 80, seed: 777 },
		);
	});
});
