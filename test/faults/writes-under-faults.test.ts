/**
 * Replies under faults, through n8n-core against the sandbox. A write is sent again only when the failure proves it
 * was not applied (429 from the gateway); a 5xx or a dropped connection may have reached Coupang, so the node does
 * not answer a customer twice: it fails the item after one POST and says why.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { forgetPacesAndHolds, liftPaceForThisFile, runCoupang } from '../helpers/coupang';
import { LeakScan } from '../helpers/leaks';

const leakScan = new LeakScan();
let sandbox: RunningSandbox;

beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 77, productInquiries: 200, callCenterInquiries: 120, products: 2, log: leakScan.log });
});
afterAll(async () => await sandbox.stop());
afterEach(() => {
	sandbox.clearFaults();
	forgetPacesAndHolds(); // each case starts with no throttle hold from the one before
});

/** An unanswered product inquiry not used by an earlier test. */
const used = new Set<number>();
function unansweredProductInquiry(): number {
	const inquiry = sandbox.store.productInquiries.all.find((candidate) => candidate.comments.length === 0 && !used.has(candidate.inquiryId));
	if (!inquiry) throw new Error('the seed has no unanswered product inquiry left');
	used.add(inquiry.inquiryId);
	return inquiry.inquiryId;
}

/** A call-center inquiry waiting for the seller's reply, added now (seeded ones are past Coupang's 24 hours). */
function transferredCallCenterInquiry(): { inquiryId: number; parentAnswerId: number; replies: number } {
	const [inquiry] = sandbox.store.callCenterInquiries.add({ kind: 'waiting' });
	const parent = inquiry.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
	if (!parent) throw new Error('a waiting inquiry has no transfer awaiting a reply');
	return { inquiryId: inquiry.inquiryId, parentAnswerId: parent.answerId, replies: inquiry.replies.length };
}

const productReply = (inquiryId: number, content: string): Record<string, string> => ({
	resource: 'productInquiry',
	operation: 'reply',
	inquiryId: String(inquiryId),
	content,
	replyBy: 'wing-user',
});

const NOT_RETRIED = 'Not retried: this request changes data and Coupang may already have applied it.';

describe('Product Inquiry → Reply under faults', () => {
	it.each([
		{ label: '503 with a JSON body', rule: { status: 503 }, message: 'Coupang: Service Unavailable (HTTP 503) after 1 try' },
		{ label: '503 HTML page', rule: { status: 503, body: 'html' as const }, message: /^Coupang: .*\(HTTP 503\) after 1 try$/ },
		{ label: '502', rule: { status: 502 }, message: 'Coupang: Bad Gateway (HTTP 502) after 1 try' },
	])('a first attempt that gets a $label is not retried: one POST, and the error says why', async ({ rule, message }) => {
		const inquiryId = unansweredProductInquiry();
		sandbox.setFaults({ failNext: [rule] });
		const result = await runCoupang(sandbox, productReply(inquiryId, '오늘 출고됩니다.'));
		leakScan.add('reply error', result.error);
		leakScan.add('reply requests', result.requests);

		expect(result.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(result.requests).toHaveLength(1);
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
		expect(result.error?.description).toContain(NOT_RETRIED);
		expect(result.error?.description).toContain('Check in Coupang Wing whether it was applied before sending it again.');
		// The sandbox failed it before the endpoint: nothing stored (the node cannot know that, hence no retry).
		expect(sandbox.store.productInquiries.byId.get(inquiryId)?.comments).toEqual([]);
	});

	it('a first attempt whose connection is dropped is not retried: one POST, and the description says why', async () => {
		const inquiryId = unansweredProductInquiry();
		sandbox.setFaults({ failNext: [{ status: 0 }] });
		const result = await runCoupang(sandbox, productReply(inquiryId, '오늘 출고됩니다.'));
		leakScan.add('dropped reply error', result.error);
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 0']);
		expect(result.items).toHaveLength(0);
		expect(result.error?.description).toContain(NOT_RETRIED);
		expect(sandbox.store.productInquiries.byId.get(inquiryId)?.comments).toEqual([]);
	});

	// n8n-workflow's NodeApiError replaces a message mentioning ECONNRESET with its generic "You can retry the request
	// immediately…"; coupangApiError keeps ours, which matters most for a write that was deliberately not retried.
	it('the message of a dropped, not-retried write keeps "Coupang: … after 1 try" and does not say "retry immediately"', async () => {
		const inquiryId = unansweredProductInquiry();
		sandbox.setFaults({ failNext: [{ status: 0 }] });
		const result = await runCoupang(sandbox, productReply(inquiryId, '오늘 출고됩니다.'));
		expect(result.error?.message).toMatch(/^Coupang: .* after 1 try$/);
		expect(result.error?.message).not.toMatch(/retry the request immediately/);
	});

	it.each([
		{ label: 'a 429', rules: [{ status: 429 }], failed: [429] },
		{ label: 'two 429s', rules: [{ status: 429, count: 2 }], failed: [429, 429] },
	])('a first attempt that gets $label is sent again after the throttle hold (1 s here) and the answer is stored once', async ({ rules, failed }) => {
		const inquiryId = unansweredProductInquiry();
		sandbox.setFaults({ failNext: rules });
		const startedAt = Date.now();
		const result = await runCoupang(sandbox, productReply(inquiryId, '재고 확인 후 안내드리겠습니다.'));
		const durationMs = Date.now() - startedAt;
		leakScan.add('reply items', result.json);
		leakScan.add('reply requests', result.requests);

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ success: true, operation: 'reply', inquiryId })]);
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
			...failed.map((status) => `POST ${status}`),
			'POST 200',
		]);
		expect(sandbox.store.productInquiries.byId.get(inquiryId)?.comments.map((comment) => comment.content)).toEqual([
			'재고 확인 후 안내드리겠습니다.',
		]);
		// Each 429 held the seller for the hold (1 s in this file) before the reply was sent again.
		expect(durationMs).toBeGreaterThanOrEqual(failed.length * 1000 - 50);
		const times = result.requests.map((request) => Date.parse(request.at));
		for (let index = 1; index < times.length; index++) expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(950);
	});
});

describe('Call Center Inquiry → Reply under faults', () => {
	const reply = (target: { inquiryId: number; parentAnswerId: number }): Record<string, string> => ({
		resource: 'callCenterInquiry',
		operation: 'reply',
		inquiryId: String(target.inquiryId),
		content: '회수 후 환불 처리하겠습니다.',
		replyBy: 'wing-user',
		parentAnswerId: String(target.parentAnswerId),
	});

	it('a 503 is not retried and stores nothing', async () => {
		const target = transferredCallCenterInquiry();
		sandbox.setFaults({ failNext: [{ status: 503 }] });
		const result = await runCoupang(sandbox, reply(target));
		leakScan.add('call center reply error', result.error);
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 503']);
		expect(result.error?.message).toBe('Coupang: Service Unavailable (HTTP 503) after 1 try');
		expect(result.error?.description).toContain(NOT_RETRIED);
		expect(sandbox.store.callCenterInquiries.byId.get(target.inquiryId)?.replies).toHaveLength(target.replies);
	});

	it('a 429 is sent again after the hold and the reply is stored once', async () => {
		const target = transferredCallCenterInquiry();
		sandbox.setFaults({ failNext: [{ status: 429 }] });
		const result = await runCoupang(sandbox, reply(target));
		leakScan.add('call center reply items', result.json);
		expect(result.error).toBeUndefined();
		expect(result.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 429', 'POST 200']);
		const stored = sandbox.store.callCenterInquiries.byId.get(target.inquiryId);
		expect(stored?.replies).toHaveLength(target.replies + 1);
		expect(stored?.replies.filter((entry) => entry.content === '회수 후 환불 처리하겠습니다.')).toHaveLength(1);
	});
});

describe('leak scan (item 6)', () => {
	it('nothing produced above carries the secret key, a 64-hex signature or "signature="', () => {
		expect(leakScan.size).toBeGreaterThan(10);
		expect(leakScan.leaks()).toEqual([]);
	});
});
