// Call-center replies and confirms (articles 360034156233 and 360034204013) and Coupang's 24-hour rule, on the
// sandbox clock (only Date is faked, so moving it is exact).

import { startSandbox, type CallCenterInquiryJson, type RunningSandbox } from '../../sandbox';
import { call, CALL_CENTER_PATH, CALL_CENTER_V5_PATH, control, fakeDateOnly, koreaDay } from '../helpers/sandboxHttp';
import { awaitsConfirm, awaitsReply } from './oracles';

type Dumped = CallCenterInquiryJson & { vendorId: string };
interface ErrorBody {
	code: number;
	message: string;
}

const START = Date.parse('2025-06-01T01:00:00Z');
const HOUR = 3_600_000;
const CANNOT_ANSWER = "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer";
const CLOSED = 'This inquiry has closed. -522';
const OK_BODY = '{"code":"200","message":"OK"}';

describe('call-center replies, confirms and the 24-hour rule', () => {
	let sandbox: RunningSandbox;

	const add = async (kind: string, extra: Record<string, unknown> = {}): Promise<Dumped> =>
		(await control<{ created: Dumped[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { kind, ...extra })).json.created[0];
	const lookup = async (inquiryId: number): Promise<CallCenterInquiryJson> => (await call<{ data: CallCenterInquiryJson }>(sandbox, 'GET', CALL_CENTER_V5_PATH(inquiryId))).json.data;
	const listed = async (status: string): Promise<number[]> => {
		const day = koreaDay(sandbox.now());
		const path = `${CALL_CENTER_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&partnerCounselingStatus=${status}&inquiryStartAt=${koreaDay(START)}&inquiryEndAt=${day}&pageSize=30`;
		return (await call<{ data: { content: CallCenterInquiryJson[] } }>(sandbox, 'GET', path)).json.data.content.map((item) => item.inquiryId);
	};
	const transferOf = (item: CallCenterInquiryJson) => item.replies.find((reply) => reply.answerType === 'csAgent');
	/** A reply body as the docs' sample sends it: IDs as strings. */
	const replyBody = (item: CallCenterInquiryJson, extra: Record<string, unknown> = {}) => ({
		vendorId: sandbox.vendorId,
		inquiryId: String(item.inquiryId),
		content: '안녕하세요\n주문 확인 부탁드립니다.',
		replyBy: 'wanger',
		parentAnswerId: String(transferOf(item)?.answerId),
		...extra,
	});
	const reply = (item: CallCenterInquiryJson, extra?: Record<string, unknown>) =>
		call<ErrorBody>(sandbox, 'POST', `${CALL_CENTER_PATH(sandbox.vendorId)}/${item.inquiryId}/replies`, { body: replyBody(item, extra) });
	const confirm = (item: CallCenterInquiryJson, body: unknown = { confirmBy: 'wanger' }) =>
		call<ErrorBody>(sandbox, 'POST', `${CALL_CENTER_PATH(sandbox.vendorId)}/${item.inquiryId}/confirms`, { body });
	const outcome = (result: { status: number; text: string; json: ErrorBody }): string => (result.status === 200 ? result.text : `${result.status} ${result.json.message}`);

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 4, callCenterInquiries: 0, productInquiries: 5, products: 5 });
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => {
		fakeDateOnly(START);
		sandbox.setClock(null);
	});
	afterEach(() => {
		jest.useRealTimers();
	});

	it('a transfer awaiting a reply is in NO_ANSWER only; the reply (as the docs\' sample sends it) answers OK without data, once', async () => {
		const waiting = await add('waiting');
		expect([awaitsReply(waiting), awaitsConfirm(waiting)]).toEqual([true, false]);
		expect(await listed('NO_ANSWER')).toContain(waiting.inquiryId);
		expect(await listed('TRANSFER')).not.toContain(waiting.inquiryId);
		jest.setSystemTime(START + HOUR);
		const answered = await reply(waiting);
		expect([answered.status, answered.text]).toEqual([200, OK_BODY]);
		const after = await lookup(waiting.inquiryId);
		expect(after.csPartnerCounselingStatus).toBe('answered');
		expect(transferOf(after)).toMatchObject({ partnerTransferStatus: 'answered', needAnswer: false, partnerTransferCompleteReason: 'NONE' });
		expect(after.replies.at(-1)).toMatchObject({ answerType: 'vendor', parentAnswerId: transferOf(after)?.answerId, content: '안녕하세요\n주문 확인 부탁드립니다.', partnerTransferStatus: null });
		expect(await listed('NO_ANSWER')).not.toContain(waiting.inquiryId);
		expect(await listed('ANSWER')).toContain(waiting.inquiryId);
		expect(outcome(await reply(waiting))).toBe(`400 ${CANNOT_ANSWER}`);
		expect(outcome(await confirm(waiting))).toBe(`400 ${CLOSED}`);
		expect((await lookup(waiting.inquiryId)).replies).toHaveLength(after.replies.length);
	});

	it('refuses a reply that names no transfer awaiting one, and bad bodies', async () => {
		const waiting = await add('waiting');
		const cannot = `400 ${CANNOT_ANSWER}`;
		expect(outcome(await reply(waiting, { parentAnswerId: transferOf(waiting)!.answerId + 1 }))).toBe(cannot);
		expect(outcome(await reply(waiting, { parentAnswerId: undefined }))).toBe(cannot);
		for (const kind of ['unconfirmed', 'fresh', 'csOnly', 'agentClosed', 'vendorAnswered']) {
			const other = await add(kind);
			expect([kind, outcome(await reply(other, { parentAnswerId: transferOf(other)?.answerId ?? 1 }))]).toEqual([kind, cannot]);
		}
		const foreign = await add('waiting', { vendorId: 'A00099999' });
		expect(outcome(await reply(foreign))).toBe('404 Vendor id should be same with the vendor id in this inquiry');
		expect(outcome(await reply(waiting, { inquiryId: '5' }))).toMatch(/^400 inquiryId in the body \(5\) does not match the path/);
		expect(outcome(await reply(waiting, { content: '' }))).toBe('400 Please enter the content.');
		expect(outcome(await reply(waiting, { replyBy: ' ' }))).toMatch(/^400 The value of replyBy/);
		expect(outcome(await reply(waiting, { vendorId: undefined }))).toBe('400 Invalid vendor ID');
		expect(awaitsReply(await lookup(waiting.inquiryId))).toBe(true);
	});

	it('a transfer to confirm is in TRANSFER only; confirm answers OK without data and completes it; -522 for closed transfers', async () => {
		const unconfirmed = await add('unconfirmed');
		expect([awaitsReply(unconfirmed), awaitsConfirm(unconfirmed), unconfirmed.csPartnerCounselingStatus]).toEqual([false, true, 'answered']);
		expect(await listed('TRANSFER')).toContain(unconfirmed.inquiryId);
		expect(await listed('NO_ANSWER')).not.toContain(unconfirmed.inquiryId);
		expect(outcome(await confirm(unconfirmed, {}))).toBe('400 confirmBy must not be empty.');
		const confirmed = await confirm(unconfirmed);
		expect([confirmed.status, confirmed.text]).toEqual([200, OK_BODY]);
		const after = await lookup(unconfirmed.inquiryId);
		expect([after.inquiryStatus, transferOf(after)?.partnerTransferCompleteReason]).toEqual(['complete', 'DISPUTE_PROCESS_COMPLETE']);
		expect(await listed('TRANSFER')).not.toContain(unconfirmed.inquiryId);
		expect(outcome(await confirm(unconfirmed))).toBe(`400 ${CLOSED}`);
		expect(outcome(await confirm(await add('agentClosed')))).toBe(`400 ${CLOSED}`);
		expect(outcome(await confirm(await add('vendorAnswered')))).toBe(`400 ${CLOSED}`);
		for (const kind of ['waiting', 'fresh', 'csOnly']) expect([kind, outcome(await confirm(await add(kind)))]).toEqual([kind, `400 ${CANNOT_ANSWER}`]);
	});

	it('24 hours after the transfer, an unanswered inquiry gets Coupang\'s notice: answered, and no reply or confirm any more', async () => {
		const waiting = await add('waiting');
		const transfer = transferOf(waiting)!;
		const transferredAt = Date.parse(`${transfer.replyAt.replace(' ', 'T')}+09:00`);
		jest.setSystemTime(transferredAt + 24 * HOUR - 1_000);
		expect(await listed('NO_ANSWER')).toContain(waiting.inquiryId);
		jest.setSystemTime(transferredAt + 24 * HOUR);
		expect(await listed('NO_ANSWER')).not.toContain(waiting.inquiryId);
		expect(await listed('ANSWER')).toContain(waiting.inquiryId);
		const after = await lookup(waiting.inquiryId);
		expect(after.csPartnerCounselingStatus).toBe('answered');
		expect(transferOf(after)).toMatchObject({ partnerTransferStatus: 'answered', needAnswer: false, partnerTransferCompleteReason: 'DISPUTE_PROCESS' });
		const notice = after.replies.at(-1);
		expect(notice).toMatchObject({ answerType: 'csAgent', receptionist: 'SYSTEM', parentAnswerId: transfer.answerId, partnerTransferStatus: 'none', needAnswer: false });
		expect(notice?.content).toMatch(/^\[Coupang System\] The CS inquiry has not been answered within 24 hours\./);
		expect(Date.parse(notice?.replyAt ?? '')).toBe(transferredAt + 24 * HOUR);
		expect(Date.parse(after.answeredAt ?? '')).toBe(transferredAt + 24 * HOUR);
		expect(outcome(await reply(waiting))).toBe(`400 ${CANNOT_ANSWER}`);
		expect(outcome(await confirm(waiting))).toBe(`400 ${CLOSED}`);
	});

	it('the rule is applied on writes too: a reply sent 25 hours later, with no read between, is refused', async () => {
		const waiting = await add('waiting');
		jest.setSystemTime(START + 25 * HOUR);
		expect(outcome(await reply(waiting))).toBe(`400 ${CANNOT_ANSWER}`);
		expect((await lookup(waiting.inquiryId)).replies.at(-1)?.receptionist).toBe('SYSTEM');
	});

	it('24 hours after the transfer, an unconfirmed inquiry is closed: -522, no longer in TRANSFER', async () => {
		const unconfirmed = await add('unconfirmed');
		jest.setSystemTime(START + 24 * HOUR + 1);
		expect(outcome(await confirm(unconfirmed))).toBe(`400 ${CLOSED}`);
		const after = await lookup(unconfirmed.inquiryId);
		expect([after.inquiryStatus, transferOf(after)?.partnerTransferCompleteReason, after.replies.length]).toEqual(['complete', 'DISPUTE_PROCESS', 1]);
		expect(await listed('TRANSFER')).not.toContain(unconfirmed.inquiryId);
	});
});
