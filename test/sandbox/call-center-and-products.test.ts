import { startSandbox, type CallCenterInquiryJson, type ProductHistoryJson, type ProductJson, type RunningSandbox } from '../../sandbox';
import { addDays, call, CALL_CENTER_PATH, CALL_CENTER_V5_PATH, control, HISTORIES_PATH, koreaDay, TIME_FRAME_PATH } from '../helpers/sandboxHttp';
import { awaitsConfirm, awaitsReply, COUNSELING_ORACLES } from './oracles';

type DumpedCallCenter = CallCenterInquiryJson & { vendorId: string };
type DumpedProduct = ProductJson & { histories: ProductHistoryJson[] };
interface CallCenterList {
	code: number;
	message: string;
	data: { content: CallCenterInquiryJson[]; pagination: { currentPage: number; totalPages: number; totalElements: number; countPerPage: number } };
}
interface ErrorBody {
	code: number;
	message: string;
	transactionId: string;
}

const NOW = new Date('2025-03-15T03:00:00Z');
const OTHER_VENDOR = 'A00099999';

describe('call-center inquiries and products', () => {
	let sandbox: RunningSandbox;
	let callCenter: DumpedCallCenter[];
	let products: DumpedProduct[];

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 5, now: NOW, callCenterInquiries: 200, products: 60 });
		// Seeded transfers are older than 24 hours, so closed by then: open ones are added now.
		for (const kind of ['waiting', 'unconfirmed']) await control(sandbox, 'POST', '/__sandbox/call-center-inquiries', { count: 3, kind });
		callCenter = (await control<DumpedCallCenter[]>(sandbox, 'GET', '/__sandbox/call-center-inquiries')).json;
		products = (await control<DumpedProduct[]>(sandbox, 'GET', '/__sandbox/products')).json;
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	async function listAll(query: string, pageSize = 30): Promise<CallCenterInquiryJson[]> {
		const collected: CallCenterInquiryJson[] = [];
		for (let page = 1; ; page++) {
			const result = await call<CallCenterList>(sandbox, 'GET', `${CALL_CENTER_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&${query}&pageSize=${pageSize}&pageNum=${page}`);
			expect(result.status).toBe(200);
			expect(result.json.data.pagination.currentPage).toBe(page);
			collected.push(...result.json.data.content);
			if (page >= result.json.data.pagination.totalPages) {
				expect(collected.length).toBe(result.json.data.pagination.totalElements);
				break;
			}
		}
		expect(new Set(collected.map((item) => item.inquiryId)).size).toBe(collected.length);
		return collected;
	}

	const ours = (): DumpedCallCenter[] => callCenter.filter((item) => item.vendorId === sandbox.vendorId);
	const strip = (item: DumpedCallCenter): CallCenterInquiryJson => {
		const copy: Partial<DumpedCallCenter> = { ...item };
		delete copy.vendorId;
		return copy as CallCenterInquiryJson;
	};
	const newestFirst = (a: CallCenterInquiryJson, b: CallCenterInquiryJson): number => (a.inquiryAt === b.inquiryAt ? b.inquiryId - a.inquiryId : a.inquiryAt < b.inquiryAt ? 1 : -1);

	it('seeds every kind, a few of another vendor; transfers older than 24 hours are closed by Coupang\'s notice', () => {
		const mine = ours();
		expect(callCenter.filter((item) => item.vendorId === OTHER_VENDOR).length).toBeGreaterThanOrEqual(3);
		const noticed = mine.filter((item) => item.replies.some((reply) => reply.receptionist === 'SYSTEM'));
		expect(noticed.length).toBeGreaterThan(0);
		expect(mine.some((item) => item.replies.some((reply) => reply.answerType === 'vendor'))).toBe(true);
		expect(mine.some((item) => item.replies.length === 1 && item.replies[0].partnerTransferStatus === 'none')).toBe(true);
		expect(mine.some((item) => item.replies.length === 0 && item.csPartnerCounselingStatus === 'requestAnswer')).toBe(true);
		expect(mine.some((item) => item.replies[0]?.partnerTransferCompleteReason === 'DISPUTE_PROCESS' && item.inquiryStatus === 'complete')).toBe(true);
		expect(mine.filter(awaitsReply)).toHaveLength(3);
		expect(mine.filter(awaitsConfirm)).toHaveLength(3);
		expect(new Set(mine.map((item) => item.inquiryStatus))).toEqual(new Set(['progress', 'complete']));
		for (const item of mine) {
			expect(item.vendorItemId).toEqual([expect.any(Number)]);
			expect(item.receiptCategory).toMatch(/^[^>]+>[^>]+>[^>]+$/);
			expect(item.inquiryAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		}
	});

	it.each(COUNSELING_ORACLES)('lists partnerCounselingStatus=%s for a period: exactly our matching inquiries, newest first', async (status, predicate) => {
		const end = koreaDay(sandbox.now());
		const start = addDays(end, -7);
		const got = await listAll(`partnerCounselingStatus=${status}&inquiryStartAt=${start}&inquiryEndAt=${end}`, 7);
		const want = ours()
			.map(strip)
			.filter((item) => item.inquiryAt.slice(0, 10) >= start && item.inquiryAt.slice(0, 10) <= end && predicate(item))
			.sort(newestFirst);
		expect(want.length).toBeGreaterThan(0);
		expect(got).toEqual(want);
	});

	it('NO_ANSWER (a reply awaited) and TRANSFER (a confirm awaited) are disjoint; the 2017 doc\'s lowercase values are accepted', async () => {
		const period = `inquiryStartAt=${addDays(koreaDay(sandbox.now()), -7)}&inquiryEndAt=${koreaDay(sandbox.now())}`;
		const ids = async (status: string): Promise<number[]> => (await listAll(`partnerCounselingStatus=${status}&${period}`)).map((item) => item.inquiryId);
		const [noAnswer, transfer] = [await ids('NO_ANSWER'), await ids('TRANSFER')];
		expect(noAnswer).toHaveLength(3);
		expect(transfer).toHaveLength(3);
		expect(noAnswer.filter((id) => transfer.includes(id))).toEqual([]);
		expect(await ids('requestAnswer')).toEqual(noAnswer);
		expect(await ids('answered')).toEqual(await ids('ANSWER'));
		expect(await ids('none')).toEqual(await ids('NONE'));
	});

	it('never lists another vendor\'s inquiries, and filters by option ID and order ID', async () => {
		const other = callCenter.find((item) => item.vendorId === OTHER_VENDOR);
		expect(other).toBeDefined();
		const byOption = await listAll(`partnerCounselingStatus=NONE&vendorItemId=${other?.vendorItemId[0]}`);
		expect(byOption.map((item) => item.inquiryId)).not.toContain(other?.inquiryId);
		expect(byOption).toEqual(ours().map(strip).filter((item) => item.vendorItemId[0] === other?.vendorItemId[0]).sort(newestFirst));
		const target = ours()[3];
		const byOrder = await listAll(`partnerCounselingStatus=NONE&vendorItemId=${target.vendorItemId[0]}&orderId=${target.orderId}`);
		expect(byOrder.map((item) => item.inquiryId)).toEqual([target.inquiryId]);
	});

	it('rejects bad call-center list requests with Coupang\'s status and message', async () => {
		const day = koreaDay(sandbox.now());
		const base = `${CALL_CENTER_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}`;
		const cases: Array<[string, number, string | RegExp]> = [
			[`${base}&partnerCounselingStatus=NONE&inquiryStartAt=${addDays(day, -8)}&inquiryEndAt=${day}`, 400, 'time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd'],
			[`${base}&partnerCounselingStatus=NONE`, 400, 'time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd'],
			[`${base}&partnerCounselingStatus=NONE&inquiryStartAt=${day}&inquiryEndAt=${day}&pageSize=31`, 400, /^pageSize must be between 1 and 30/],
			[`${base}&partnerCounselingStatus=ALL&inquiryStartAt=${day}&inquiryEndAt=${day}`, 400, /^partnerCounselingStatus must be one of NONE, ANSWER, NO_ANSWER, TRANSFER/],
			[`${base}&partnerCounselingStatus=transfer&inquiryStartAt=${day}&inquiryEndAt=${day}`, 400, /^partnerCounselingStatus must be one of/],
			[`${CALL_CENTER_PATH(OTHER_VENDOR)}?vendorId=${OTHER_VENDOR}&partnerCounselingStatus=NONE&inquiryStartAt=${day}&inquiryEndAt=${day}`, 400, 'Invalid vendor ID'],
		];
		for (const [path, status, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'GET', path);
			expect(result.status).toBe(status);
			expect(result.json.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
		}
		expect((await call(sandbox, 'GET', `${base}&partnerCounselingStatus=NONE&inquiryStartAt=${day}&inquiryEndAt=${day}&pageSize=30`)).status).toBe(200);
	});

	it('v5 lookup returns one inquiry with ISO-8601 (+09:00) dates and vendorItemId as an array, like the v4 list', async () => {
		const listed = ours().find((item) => item.replies.length > 0 && item.answeredAt !== null);
		if (!listed) throw new Error('seed has no answered inquiry');
		const result = await call<{ code: number; message: string; data: CallCenterInquiryJson }>(sandbox, 'GET', CALL_CENTER_V5_PATH(listed.inquiryId));
		expect(result.status).toBe(200);
		expect([result.json.code, result.json.message]).toEqual([200, 'OK']);
		const single = result.json.data;
		const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+09:00$/;
		expect(single.inquiryAt).toMatch(iso);
		expect(single.orderDate).toMatch(iso);
		expect(single.answeredAt).toMatch(iso);
		single.replies.forEach((reply) => expect(reply.replyAt).toMatch(iso));
		expect(single.vendorItemId).toEqual(listed.vendorItemId);
		// Same instants as the list's Korea-time strings.
		expect(single.inquiryAt.slice(0, 19).replace('T', ' ')).toBe(listed.inquiryAt);
		expect(Date.parse(single.inquiryAt) - Date.parse(`${listed.inquiryAt.replace(' ', 'T')}+09:00`)).toBeLessThan(1000);
		expect({ ...single, inquiryAt: '', orderDate: '', answeredAt: '', replies: single.replies.map((reply) => ({ ...reply, replyAt: '' })) }).toEqual({
			...strip(listed),
			inquiryAt: '',
			orderDate: '',
			answeredAt: '',
			replies: listed.replies.map((reply) => ({ ...reply, replyAt: '' })),
		});
	});

	it('callCenterV5Offset writes the same instants in another offset (-08:00, as the doc\'s example)', async () => {
		const listed = ours().find((item) => item.replies.length > 0 && item.answeredAt !== null);
		if (!listed) throw new Error('seed has no answered inquiry');
		const korea = (await call<{ data: CallCenterInquiryJson }>(sandbox, 'GET', CALL_CENTER_V5_PATH(listed.inquiryId))).json.data;
		sandbox.setReadings({ callCenterV5Offset: '-08:00' });
		try {
			const pacific = (await call<{ data: CallCenterInquiryJson }>(sandbox, 'GET', CALL_CENTER_V5_PATH(listed.inquiryId))).json.data;
			const stamps = (item: CallCenterInquiryJson): string[] => [item.inquiryAt, item.orderDate, item.answeredAt ?? '', ...item.replies.map((reply) => reply.replyAt)];
			for (const stamp of stamps(pacific)) expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}-08:00$/);
			expect(stamps(pacific).map((stamp) => stamp.slice(-19, -6))).toEqual(stamps(korea).map((stamp) => stamp.slice(-19, -6))); // same micro digits
			expect(stamps(pacific).map(Date.parse)).toEqual(stamps(korea).map(Date.parse));
			expect(pacific.inquiryAt).not.toBe(korea.inquiryAt);
		} finally {
			sandbox.clearReadings();
		}
	});

	it('v5 lookup errors: non-numeric 400, unknown 404, another vendor\'s 404', async () => {
		const other = callCenter.find((item) => item.vendorId === OTHER_VENDOR);
		const cases: Array<[string | number, number, string]> = [
			['12ab', 400, 'Invalid format inquiryId : 12ab'],
			[999, 404, 'Inquiry not found'],
			[other?.inquiryId ?? 0, 404, 'Vendor id should be same with the vendor id in this inquiry'],
		];
		for (const [id, status, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'GET', CALL_CENTER_V5_PATH(id));
			expect([result.status, result.json.code, result.json.message]).toEqual([status, status, message]);
		}
		sandbox.setReadings({ endpointErrorCode: 'ERROR' });
		const asError = await call<{ code: string; message: string }>(sandbox, 'GET', CALL_CENTER_V5_PATH(999));
		sandbox.clearReadings();
		expect([asError.status, asError.json.code, asError.json.message]).toEqual([404, 'ERROR', 'Inquiry not found']);
	});

	it('seeds products in clusters with histories, some 25-60 entries long, and some of another vendor', () => {
		expect(products).toHaveLength(60);
		expect(products.some((product) => product.vendorId === OTHER_VENDOR)).toBe(true);
		const long = products.filter((product) => product.histories.length >= 25);
		expect(long.length).toBeGreaterThan(0);
		expect(long.every((product) => product.histories.length <= 60)).toBe(true);
		for (const product of products) {
			expect(product.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
			expect(product.histories[0].status).toBe(product.statusName);
			const times = product.histories.map((entry) => entry.createdAt);
			expect(times).toEqual([...times].sort().reverse());
		}
		const sameTenMinutes = products.some((a) => products.some((b) => a !== b && Math.abs(Date.parse(a.createdAt) - Date.parse(b.createdAt)) <= 600_000));
		expect(sameTenMinutes).toBe(true);
	});

	it('time-frame returns our products created in the inclusive window (exactly 10 minutes allowed)', async () => {
		// Find the window (starting at one of our products) that holds the most products of either vendor.
		const ms = (text: string): number => Date.parse(`${text}Z`);
		let best = { from: '', to: '', count: 0 };
		for (const start of products) {
			const to = new Date(ms(start.createdAt) + 600_000).toISOString().slice(0, 19);
			const count = products.filter((product) => product.createdAt >= start.createdAt && product.createdAt <= to).length;
			if (count > best.count) best = { from: start.createdAt, to, count };
		}
		expect(best.count).toBeGreaterThan(1);
		const result = await call<{ code: string; message: string; data: ProductJson[] }>(
			sandbox,
			'GET',
			`${TIME_FRAME_PATH}?vendorId=${sandbox.vendorId}&createdAtFrom=${best.from}&createdAtTo=${best.to}`,
		);
		expect(result.status).toBe(200);
		expect([result.json.code, result.json.message]).toEqual(['SUCCESS', '']);
		const want = products
			.filter((product) => product.vendorId === sandbox.vendorId && product.createdAt >= best.from && product.createdAt <= best.to)
			.map((product): ProductJson => {
				const copy: Partial<DumpedProduct> = { ...product };
				delete copy.histories;
				return copy as ProductJson;
			});
		expect(want.length).toBeGreaterThan(0);
		expect(result.json.data).toEqual(want);
	});

	it('time-frame errors: more than 10 minutes, another vendor, bad format', async () => {
		const from = '2025-03-10T10:00:00';
		const cases: Array<[string, string]> = [
			[`vendorId=${sandbox.vendorId}&createdAtFrom=${from}&createdAtTo=2025-03-10T10:10:01`, 'It has exceeded the maximum search range. The maximum range is 10 minutes.'],
			[`vendorId=${OTHER_VENDOR}&createdAtFrom=${from}&createdAtTo=2025-03-10T10:05:00`, `Vendor [${sandbox.vendorId}] cannot query a list of products by another vendor [${OTHER_VENDOR}].`],
			[`vendorId=${sandbox.vendorId}&createdAtFrom=2025-03-10%2010:00:00&createdAtTo=2025-03-10T10:05:00`, 'createdAtFrom [2025-03-10 10:00:00] should be in the pattern yyyy-MM-ddTHH:mm:ss.'],
			[`vendorId=${sandbox.vendorId}&createdAtFrom=${from}&createdAtTo=2025-03-10T10:61:00`, 'createdAtTo [2025-03-10T10:61:00] should be in the pattern yyyy-MM-ddTHH:mm:ss.'],
			[`vendorId=${sandbox.vendorId}&createdAtFrom=${from}`, 'createdAtTo is required (yyyy-MM-ddTHH:mm:ss).'],
		];
		for (const [query, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'GET', `${TIME_FRAME_PATH}?${query}`);
			expect([result.status, result.json.message]).toEqual([400, message]);
		}
		expect((await call(sandbox, 'GET', `${TIME_FRAME_PATH}?vendorId=${sandbox.vendorId}&createdAtFrom=${from}&createdAtTo=2025-03-10T10:10:00`)).status).toBe(200);
	});

	it('time-frame readings: exactly 10 minutes accepted (default) or rejected; createdAtTo inclusive (default) or exclusive', async () => {
		const [from, at, to] = ['2025-03-11T09:50:00', '2025-03-11T10:00:00', '2025-03-11T10:00:00'];
		const created = (await control<{ created: ProductJson[] }>(sandbox, 'POST', '/__sandbox/products', { count: 2, createdAt: at })).json.created;
		const frame = (fromAt: string, toAt: string) => call<{ data: ProductJson[]; message: string }>(sandbox, 'GET', `${TIME_FRAME_PATH}?vendorId=${sandbox.vendorId}&createdAtFrom=${fromAt}&createdAtTo=${toAt}`);
		const ids = (result: { json: { data: ProductJson[] } }): number[] => result.json.data.map((product) => product.sellerProductId);
		expect(ids(await frame(from, to))).toEqual(created.map((product) => product.sellerProductId));
		try {
			sandbox.setReadings({ timeFrameExactTenMinutes: 'rejected' });
			const refused = await frame(from, to);
			expect([refused.status, refused.json.message]).toEqual([400, 'It has exceeded the maximum search range. The maximum range is 10 minutes.']);
			expect((await frame('2025-03-11T09:50:01', to)).status).toBe(200);
			sandbox.setReadings({ timeFrameExactTenMinutes: 'accepted', timeFrameCreatedAtTo: 'exclusive' });
			expect(ids(await frame(from, to))).toEqual([]);
			expect(ids(await frame(at, '2025-03-11T10:00:01'))).toEqual(created.map((product) => product.sellerProductId));
		} finally {
			sandbox.clearReadings();
		}
	});

	it('histories page with nextToken until "" and together equal the product\'s whole history, newest first', async () => {
		const product = products.find((candidate) => candidate.vendorId === sandbox.vendorId && candidate.histories.length >= 25);
		if (!product) throw new Error('seed has no long history of ours');
		const collected: ProductHistoryJson[] = [];
		let token = '';
		let pages = 0;
		do {
			const result = await call<{ code: string; message: string; nextToken: string; data: ProductHistoryJson[] }>(
				sandbox,
				'GET',
				`${HISTORIES_PATH(product.sellerProductId)}?nextToken=${token}&maxPerPage=7`,
			);
			expect(result.status).toBe(200);
			expect([result.json.code, result.json.message]).toEqual(['200', '']);
			expect(result.json.data.length).toBeLessThanOrEqual(7);
			collected.push(...result.json.data);
			token = result.json.nextToken;
			pages++;
			expect(pages).toBeLessThan(20);
		} while (token !== '');
		expect(pages).toBe(Math.ceil(product.histories.length / 7));
		expect(collected).toEqual(product.histories);

		const defaults = await call<{ nextToken: string; data: ProductHistoryJson[] }>(sandbox, 'GET', HISTORIES_PATH(product.sellerProductId));
		const tokenOne = await call<{ nextToken: string; data: ProductHistoryJson[] }>(sandbox, 'GET', `${HISTORIES_PATH(product.sellerProductId)}?nextToken=1`);
		expect(defaults.json.data).toEqual(product.histories.slice(0, 10));
		expect(defaults.json.nextToken).toBe('2');
		expect(tokenOne.json).toEqual(defaults.json);
		const past = await call<{ nextToken: string; data: ProductHistoryJson[] }>(sandbox, 'GET', `${HISTORIES_PATH(product.sellerProductId)}?nextToken=99`);
		expect(past.json.data).toEqual([]);
		expect(past.json.nextToken).toBe('');
	});

	it('histories maxPerPage: no maximum by default; the historyMaxPerPage reading clamps or rejects', async () => {
		const product = products.find((candidate) => candidate.vendorId === sandbox.vendorId && candidate.histories.length >= 25);
		if (!product) throw new Error('seed has no long history of ours');
		const page = (max: number) => call<{ nextToken: string; data: ProductHistoryJson[]; message: string }>(sandbox, 'GET', `${HISTORIES_PATH(product.sellerProductId)}?maxPerPage=${max}`);
		const all = await page(500);
		expect([all.status, all.json.data, all.json.nextToken]).toEqual([200, product.histories, '']);
		try {
			sandbox.setReadings({ historyMaxPerPage: 20 });
			const clamped = await page(500);
			expect([clamped.json.data, clamped.json.nextToken]).toEqual([product.histories.slice(0, 20), '2']);
			sandbox.setReadings({ historyOverMax: 'reject' });
			const refused = await page(21);
			expect([refused.status, refused.json.message]).toEqual([400, 'maxPerPage must be between 1 and 20, got [21].']);
			expect((await page(20)).json.data).toHaveLength(20);
		} finally {
			sandbox.clearReadings();
		}
	});

	it('histories errors: unknown product 404, non-numeric 400, another vendor\'s 400, bad paging 400', async () => {
		const others = products.find((product) => product.vendorId === OTHER_VENDOR);
		const mine = products.find((product) => product.vendorId === sandbox.vendorId);
		const cases: Array<[string, number, string | RegExp]> = [
			[HISTORIES_PATH(123), 404, 'Product not found: sellerProductId 123'],
			[HISTORIES_PATH('x1'), 400, 'Invalid format sellerProductId : x1'],
			[HISTORIES_PATH(others?.sellerProductId ?? 0), 400, /another vendor/],
			[`${HISTORIES_PATH(mine?.sellerProductId ?? 0)}?nextToken=abc`, 400, /^nextToken must be a positive integer/],
			[`${HISTORIES_PATH(mine?.sellerProductId ?? 0)}?maxPerPage=0`, 400, /^maxPerPage must be a positive integer/],
		];
		for (const [path, status, message] of cases) {
			const result = await call<ErrorBody>(sandbox, 'GET', path);
			expect(result.status).toBe(status);
			expect(result.json.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
		}
	});

	it('answers unknown paths with 404 JSON and wrong methods with 405', async () => {
		const unknown = await call<{ code: string }>(sandbox, 'GET', '/v2/providers/openapi/apis/api/v4/vendors/A00012345/nothing');
		expect(unknown.status).toBe(404);
		expect(unknown.json.code).toBe('ERROR');
		const wrongMethod = await call<{ code: string }>(sandbox, 'POST', TIME_FRAME_PATH, { body: {} });
		expect([wrongMethod.status, wrongMethod.json.code]).toEqual([405, 'ERROR']);
		expect(wrongMethod.headers.get('allow')).toBe('GET');
		expect((await call(sandbox, 'DELETE', CALL_CENTER_V5_PATH(1))).status).toBe(405);
	});
});
