import { startSandbox, toProductInquiryJson, type ProductInquiryJson, type RunningSandbox } from '../../sandbox';
import { addDays, call, control, koreaDay, PRODUCT_INQUIRIES_PATH } from '../helpers/sandboxHttp';

interface ListBody {
	code: number;
	message: string;
	data: { content: ProductInquiryJson[]; pagination: { currentPage: number; totalPages: number; totalElements: number; countPerPage: number } };
}
interface ErrorBody {
	code: number;
	message: string;
}

const NOW = new Date('2025-03-15T03:00:00Z'); // 12:00 Korea time
const PERIOD_MESSAGE = 'time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd';

describe('product inquiries (GET .../v4/vendors/{vendorId}/onlineInquiries)', () => {
	let sandbox: RunningSandbox;
	let base: string;
	let all: ProductInquiryJson[];

	const list = (query: string) => call<ListBody>(sandbox, 'GET', `${base}?vendorId=${sandbox.vendorId}&${query}`);

	/** Walks every page; asserts pages are disjoint and consistent. */
	async function allPages(query: string, pageSize: number): Promise<ProductInquiryJson[]> {
		const collected: ProductInquiryJson[] = [];
		let totalPages = 1;
		let totalElements = -1;
		for (let page = 1; page <= totalPages; page++) {
			const result = await list(`${query}&pageSize=${pageSize}&pageNum=${page}`);
			expect(result.status).toBe(200);
			const { pagination, content } = result.json.data;
			if (totalElements === -1) totalElements = pagination.totalElements;
			expect(pagination).toEqual({ currentPage: page, totalPages: Math.ceil(totalElements / pageSize), totalElements, countPerPage: pageSize });
			totalPages = pagination.totalPages;
			expect(content.length).toBe(page < totalPages ? pageSize : totalElements - (totalPages - 1) * pageSize);
			collected.push(...content);
		}
		expect(new Set(collected.map((item) => item.inquiryId)).size).toBe(collected.length);
		expect(collected.length).toBe(Math.max(totalElements, 0));
		return collected;
	}

	/** Independent expectation from the raw dump: newest first by (inquiryAt, inquiryId). */
	function expected(filter: (item: ProductInquiryJson) => boolean): ProductInquiryJson[] {
		return all.filter(filter).sort((a, b) => (a.inquiryAt === b.inquiryAt ? b.inquiryId - a.inquiryId : a.inquiryAt < b.inquiryAt ? 1 : -1));
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 11, now: NOW, productInquiries: 400 });
		base = PRODUCT_INQUIRIES_PATH(sandbox.vendorId);
		all = (await control<ProductInquiryJson[]>(sandbox, 'GET', '/__sandbox/product-inquiries')).json;
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	it('seeds realistic data: 30 days before now, day-edge timestamps, a small option set, masked emails, with and without answers', () => {
		expect(all).toHaveLength(400);
		const today = koreaDay(sandbox.now());
		const earliest = koreaDay(sandbox.now().getTime() - 30 * 86_400_000);
		for (const item of all) {
			expect(item.inquiryAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
			expect(item.inquiryAt.slice(0, 10) >= earliest && item.inquiryAt.slice(0, 10) <= today).toBe(true);
			expect(item.buyerEmail).toMatch(/^[a-z]{3}\*\*\*@[a-z]{2}$/);
			for (const comment of item.commentDtoList) expect(comment.inquiryCommentAt >= item.inquiryAt).toBe(true);
		}
		expect(all.some((item) => item.inquiryAt.endsWith(' 00:00:00'))).toBe(true);
		expect(all.some((item) => item.inquiryAt.endsWith(' 23:59:59'))).toBe(true);
		expect(all.some((item) => item.orderIds.length === 0)).toBe(true);
		expect(all.some((item) => item.orderIds.length > 0)).toBe(true);
		expect(all.some((item) => item.commentDtoList.length === 0)).toBe(true);
		expect(all.some((item) => item.commentDtoList.length > 0)).toBe(true);
		expect(new Set(all.map((item) => item.vendorItemId)).size).toBeLessThanOrEqual(12);
		expect(all.some((item) => /[가-힣]/.test(item.content))).toBe(true);
	});

	it('period only: returns exactly the inquiries of the inclusive Korea days, newest first, across disjoint pages', async () => {
		const end = koreaDay(sandbox.now());
		const start = addDays(end, -7);
		const got = await allPages(`answeredType=ALL&inquiryStartAt=${start}&inquiryEndAt=${end}`, 7);
		const want = expected((item) => item.inquiryAt.slice(0, 10) >= start && item.inquiryAt.slice(0, 10) <= end);
		expect(want.length).toBeGreaterThan(20);
		expect(got).toEqual(want);
	});

	it('ANSWERED and NOANSWER split ALL by whether commentDtoList has entries', async () => {
		const end = addDays(koreaDay(sandbox.now()), -3);
		const start = addDays(end, -6);
		const period = `inquiryStartAt=${start}&inquiryEndAt=${end}`;
		const everything = await allPages(`answeredType=ALL&${period}`, 50);
		const answered = await allPages(`answeredType=ANSWERED&${period}`, 50);
		const unanswered = await allPages(`answeredType=NOANSWER&${period}`, 50);
		expect(answered.every((item) => item.commentDtoList.length > 0)).toBe(true);
		expect(unanswered.every((item) => item.commentDtoList.length === 0)).toBe(true);
		expect(answered.length).toBeGreaterThan(0);
		expect(unanswered.length).toBeGreaterThan(0);
		expect([...answered, ...unanswered].map((item) => item.inquiryId).sort()).toEqual(everything.map((item) => item.inquiryId).sort());
	});

	it('option ID only: all inquiries for that vendorItemId over all time; with a period: both filters', async () => {
		const counts = new Map<number, number>();
		for (const item of all) counts.set(item.vendorItemId, (counts.get(item.vendorItemId) ?? 0) + 1);
		const [vendorItemId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
		const byOption = await allPages(`answeredType=ALL&vendorItemId=${vendorItemId}`, 50);
		expect(byOption.length).toBeGreaterThan(5);
		expect(byOption).toEqual(expected((item) => item.vendorItemId === vendorItemId));

		const end = koreaDay(sandbox.now());
		const start = addDays(end, -7);
		const both = await allPages(`answeredType=ALL&vendorItemId=${vendorItemId}&inquiryStartAt=${start}&inquiryEndAt=${end}`, 50);
		expect(both).toEqual(expected((item) => item.vendorItemId === vendorItemId && item.inquiryAt.slice(0, 10) >= start && item.inquiryAt.slice(0, 10) <= end));
		expect(both.length).toBeLessThan(byOption.length);
	});

	it('treats both period days as whole inclusive Korea days (00:00:00 in, previous 23:59:59 out)', async () => {
		const day = addDays(koreaDay(sandbox.now()), -2);
		const added = await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', { inquiryAt: `${day} 00:00:00` });
		const before = await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', { inquiryAt: `${addDays(day, -1)} 23:59:59` });
		const lastSecond = await control<{ created: ProductInquiryJson[] }>(sandbox, 'POST', '/__sandbox/product-inquiries', { inquiryAt: `${day} 23:59:59` });
		const ids = (await allPages(`answeredType=ALL&inquiryStartAt=${day}&inquiryEndAt=${day}`, 50)).map((item) => item.inquiryId);
		expect(ids).toContain(added.json.created[0].inquiryId);
		expect(ids).toContain(lastSecond.json.created[0].inquiryId);
		expect(ids).not.toContain(before.json.created[0].inquiryId);
		all = (await control<ProductInquiryJson[]>(sandbox, 'GET', '/__sandbox/product-inquiries')).json;
	});

	it('defaults to pageNum 1 and pageSize 10, and answers an empty page past the end', async () => {
		const end = koreaDay(sandbox.now());
		const period = `answeredType=ALL&inquiryStartAt=${addDays(end, -7)}&inquiryEndAt=${end}`;
		const first = await list(period);
		expect(first.json.code).toBe(200);
		expect(first.json.message).toBe('OK');
		expect(first.json.data.content).toHaveLength(10);
		expect(first.json.data.pagination.currentPage).toBe(1);
		expect(first.json.data.pagination.countPerPage).toBe(10);
		const past = await list(`${period}&pageNum=${first.json.data.pagination.totalPages + 1}`);
		expect(past.status).toBe(200);
		expect(past.json.data.content).toEqual([]);
		expect(past.json.data.pagination.totalElements).toBe(first.json.data.pagination.totalElements);
		expect((await list(`${period}&pageSize=50`)).json.data.content).toHaveLength(50);
	});

	it('accepts exactly 7 days between the dates', async () => {
		const end = koreaDay(sandbox.now());
		expect((await list(`answeredType=ALL&inquiryStartAt=${addDays(end, -7)}&inquiryEndAt=${end}`)).status).toBe(200);
	});

	it.each([
		['8 days apart', (end: string) => `inquiryStartAt=${addDays(end, -8)}&inquiryEndAt=${end}`],
		['end before start', (end: string) => `inquiryStartAt=${end}&inquiryEndAt=${addDays(end, -1)}`],
		['a date not in yyyy-MM-dd', (end: string) => `inquiryStartAt=${end.replace(/-0/g, '-')}&inquiryEndAt=${end}`],
		['a date with time', (end: string) => `inquiryStartAt=${end}T00:00:00&inquiryEndAt=${end}`],
		['an impossible date', () => 'inquiryStartAt=2025-02-27&inquiryEndAt=2025-02-30'],
		['only the start date', (end: string) => `inquiryStartAt=${end}`],
		['neither period nor option ID', () => ''],
	])('rejects %s with 400 and the period message', async (_label, makeQuery) => {
		const result = await list(`answeredType=ALL&${makeQuery(koreaDay(sandbox.now()))}`);
		expect(result.status).toBe(400);
		expect(result.json).toEqual({ code: 400, message: PERIOD_MESSAGE, transactionId: expect.any(String) });
	});

	it('rejects another vendor ID in the path or the query, or a missing one, with 400 "Invalid vendor ID"', async () => {
		const day = koreaDay(sandbox.now());
		const query = `answeredType=ALL&inquiryStartAt=${day}&inquiryEndAt=${day}`;
		const otherPath = await call<ErrorBody>(sandbox, 'GET', `${PRODUCT_INQUIRIES_PATH('A00099999')}?vendorId=A00099999&${query}`);
		const otherQuery = await call<ErrorBody>(sandbox, 'GET', `${base}?vendorId=A00099999&${query}`);
		const missing = await call<ErrorBody>(sandbox, 'GET', `${base}?${query}`);
		for (const result of [otherPath, otherQuery, missing]) {
			expect(result.status).toBe(400);
			expect(result.json.message).toBe('Invalid vendor ID');
		}
	});

	it.each([
		['answeredType missing', '', /^answeredType must be one of ALL, ANSWERED, NOANSWER/],
		['answeredType unknown', 'answeredType=UNANSWERED', /^answeredType must be one of ALL, ANSWERED, NOANSWER, got \[UNANSWERED\]/],
		['pageSize over 50', 'answeredType=ALL&pageSize=51', /^pageSize must be between 1 and 50/],
		['pageSize 0', 'answeredType=ALL&pageSize=0', /^pageSize must be a positive integer/],
		['pageNum 0', 'answeredType=ALL&pageNum=0', /^pageNum must be a positive integer/],
		['pageNum not a number', 'answeredType=ALL&pageNum=two', /^pageNum must be a positive integer, got \[two\]/],
		['vendorItemId not a number', 'answeredType=ALL&vendorItemId=abc', /^Invalid format vendorItemId : abc$/],
	])('rejects %s with 400 and a clear message', async (_label, query, message) => {
		const day = koreaDay(sandbox.now());
		const result = await list(`${query}&inquiryStartAt=${day}&inquiryEndAt=${day}`);
		expect(result.status).toBe(400);
		expect(result.json.message).toMatch(message);
	});

	it('productInquiryDocRevision newer: the period is required (Option ID alone gets the period message) and vendorItemId is ignored', async () => {
		const vendorItemId = all[0].vendorItemId;
		const end = koreaDay(sandbox.now());
		const period = `inquiryStartAt=${addDays(end, -7)}&inquiryEndAt=${end}`;
		sandbox.setReadings({ productInquiryDocRevision: 'newer' });
		try {
			const optionOnly = await list(`answeredType=ALL&vendorItemId=${vendorItemId}`);
			expect([optionOnly.status, optionOnly.json.message]).toEqual([400, PERIOD_MESSAGE]);
			const periodOnly = await allPages(`answeredType=ALL&${period}`, 50);
			const withOption = await allPages(`answeredType=ALL&${period}&vendorItemId=${vendorItemId}`, 50);
			expect(withOption).toEqual(periodOnly);
			expect(withOption.some((item) => item.vendorItemId !== vendorItemId)).toBe(true);
			expect(await allPages(`answeredType=ALL&${period}&vendorItemId=not-a-number`, 50)).toEqual(periodOnly);
		} finally {
			sandbox.clearReadings();
		}
		expect((await list(`answeredType=ALL&vendorItemId=${vendorItemId}`)).status).toBe(200);
	});

	it('another seller with its own keys lists none of our inquiries', async () => {
		const other = await startSandbox({ port: 0, seed: 11, now: NOW, otherAccounts: [{ accessKey: 'k2', secretKey: 's2', vendorId: 'A00077777' }] });
		try {
			const day = koreaDay(other.now());
			const path = `${PRODUCT_INQUIRIES_PATH('A00077777')}?vendorId=A00077777&answeredType=ALL&inquiryStartAt=${addDays(day, -7)}&inquiryEndAt=${day}`;
			const result = await call<ListBody>(other, 'GET', path, { accessKey: 'k2', secretKey: 's2' });
			expect([result.status, result.json.data.content, result.json.data.pagination.totalElements]).toEqual([200, [], 0]);
		} finally {
			await other.stop();
		}
	});

	it('answers what the store query helper says', async () => {
		const end = koreaDay(sandbox.now());
		const start = addDays(end, -5);
		const fromStore = sandbox.store.productInquiries.query({ answeredType: 'NOANSWER', inquiryStartAt: start, inquiryEndAt: end }).map((item) => toProductInquiryJson(item));
		expect(await allPages(`answeredType=NOANSWER&inquiryStartAt=${start}&inquiryEndAt=${end}`, 13)).toEqual(fromStore);
	});
});
