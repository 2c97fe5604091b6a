/**
 * Every operation of the Coupang node, run by a real n8n (`n8n execute`) from our packed package against the
 * sandbox, compared with what the sandbox holds; plus Return All across pages and windows, a validation
 * error raised before any request, and an error answered by Coupang.
 */
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { N8nUserFolder, readInstalledN8n, type ExecutionOutcome, type WorkflowImport } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import {
	SandboxProcess,
	type SandboxCallCenterInquiry,
	type SandboxProduct,
	type SandboxProductInquiry,
	type SandboxRequest,
} from './harness/sandbox';
import { coupangOperationWorkflow, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-node-operations-fixed-key';
const CREDENTIAL: CredentialRef = { id: 'e2eCoupangCred01', name: 'Coupang sandbox (e2e)' };
const KOREA = 'Asia/Seoul';

const WORKFLOW_IDS = {
	productInquiriesNotAnswered: 'e2ePiNotAnswered',
	productInquiriesReturnAll: 'e2ePiReturnAll01',
	productInquiryReply: 'e2ePiReply000001',
	productInquiryReplyAnswered: 'e2ePiReplyTwice1',
	productInquiriesTooLong: 'e2ePiTooLong0001',
	callCenterNotAnswered: 'e2eCcNotAnswered',
	callCenterGet: 'e2eCcGet00000001',
	callCenterReply: 'e2eCcReply000001',
	callCenterConfirm: 'e2eCcConfirm0001',
	callCenterConfirmWaiting: 'e2eCcConfirmWait',
	productsByCreationTime: 'e2eProductsByTim',
	productStatusHistory: 'e2eProductHistory',
} as const;

/** yyyy-MM-dd'T'HH:mm:ss with the Korea offset: what a user would pick in the date-time field. */
function koreaDateTime(value: DateTime): string {
	return value.setZone(KOREA).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

function koreaDay(value: DateTime): string {
	return value.setZone(KOREA).toFormat('yyyy-MM-dd');
}

function numericIds(items: Array<Record<string, unknown>>, key: string): number[] {
	return items.map((item) => Number(item[key]));
}

function sorted(values: number[]): number[] {
	return values.slice().sort((a, b) => a - b);
}

describe('Coupang node in a real n8n', () => {
	let sandbox: SandboxProcess;
	let n8n: N8nUserFolder;
	const today = DateTime.now().setZone(KOREA).startOf('day');
	let waitingInquiries: SandboxCallCenterInquiry[];
	let unconfirmedInquiry: SandboxCallCenterInquiry;
	let unansweredProductInquiry: SandboxProductInquiry;
	let answeredProductInquiry: SandboxProductInquiry;
	let frameProducts: SandboxProduct[];
	let historyProduct: SandboxProduct;
	const frameStart = DateTime.now().setZone(KOREA).minus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });

	beforeAll(async () => {
		sandbox = await SandboxProcess.start({ seed: 7, productInquiries: 150, callCenterInquiries: 80, products: 30, quiet: true, logFile: join(E2E_LOG_DIR, 'node-operations-sandbox.log') });
		// Data the write operations act on, made through the sandbox's control surface.
		const waiting = await sandbox.control<{ created: SandboxCallCenterInquiry[] }>('POST', 'call-center-inquiries', { count: 2, kind: 'waiting' });
		waitingInquiries = waiting.created;
		const unconfirmed = await sandbox.control<{ created: SandboxCallCenterInquiry[] }>('POST', 'call-center-inquiries', { count: 1, kind: 'unconfirmed' });
		unconfirmedInquiry = unconfirmed.created[0];
		const products = await sandbox.control<{ created: SandboxProduct[] }>('POST', 'products', {
			count: 3,
			createdAt: frameStart.plus({ minutes: 2 }).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
		});
		frameProducts = products.created;
		const longHistory = await sandbox.control<{ created: SandboxProduct[] }>('POST', 'products', { count: 1, longHistory: true });
		historyProduct = longHistory.created[0];
		const productInquiries = await sandbox.control<SandboxProductInquiry[]>('GET', 'product-inquiries');
		const unanswered = productInquiries.find((inquiry) => inquiry.commentDtoList.length === 0);
		const answered = productInquiries.find((inquiry) => inquiry.commentDtoList.length > 0);
		if (!unanswered || !answered) throw new Error('The seeded sandbox needs answered and unanswered product inquiries');
		unansweredProductInquiry = unanswered;
		answeredProductInquiry = answered;

		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'node-operations'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'node-operations-n8n.log'));
		await n8n.installPackage(packedTarball());
		await n8n.importCredentials([sandboxCredential(CREDENTIAL, sandbox.url)]);

		const lastWeek = { startDate: koreaDateTime(today.minus({ days: 7 })), endDate: koreaDateTime(today) };
		const workflows: WorkflowImport[] = [
			coupangOperationWorkflow(WORKFLOW_IDS.productInquiriesNotAnswered, 'e2e: product inquiries not answered', {
				resource: 'productInquiry',
				operation: 'getMany',
				answerStatus: 'NOANSWER',
				...lastWeek,
				returnAll: false,
				limit: 500,
				output: 'raw',
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.productInquiriesReturnAll, 'e2e: all product inquiries of 30 days', {
				resource: 'productInquiry',
				operation: 'getMany',
				answerStatus: 'ALL',
				startDate: koreaDateTime(today.minus({ days: 30 })),
				endDate: koreaDateTime(today),
				returnAll: true,
				options: { pageSize: 7 },
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.productInquiryReply, 'e2e: reply to a product inquiry', {
				resource: 'productInquiry',
				operation: 'reply',
				inquiryId: String(unansweredProductInquiry.inquiryId),
				content: 'Thank you for asking: it ships tomorrow.',
				replyBy: 'wing-e2e',
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.productInquiryReplyAnswered, 'e2e: reply to an answered product inquiry', {
				resource: 'productInquiry',
				operation: 'reply',
				inquiryId: String(answeredProductInquiry.inquiryId),
				content: 'A second answer',
				replyBy: 'wing-e2e',
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.productInquiriesTooLong, 'e2e: product inquiries over 10 days without Return All', {
				resource: 'productInquiry',
				operation: 'getMany',
				answerStatus: 'ALL',
				startDate: koreaDateTime(today.minus({ days: 10 })),
				endDate: koreaDateTime(today),
				returnAll: false,
				limit: 10,
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.callCenterNotAnswered, 'e2e: call-center inquiries not answered', {
				resource: 'callCenterInquiry',
				operation: 'getMany',
				counselingStatus: 'NO_ANSWER',
				...lastWeek,
				returnAll: true,
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.callCenterGet, 'e2e: one call-center inquiry', {
				resource: 'callCenterInquiry',
				operation: 'get',
				inquiryId: String(waitingInquiries[0].inquiryId),
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.callCenterReply, 'e2e: reply to a call-center inquiry', {
				resource: 'callCenterInquiry',
				operation: 'reply',
				inquiryId: String(waitingInquiries[0].inquiryId),
				content: 'We are sending a replacement today.',
				replyBy: 'wing-e2e',
				parentAnswerId: String(pendingAnswerId(waitingInquiries[0])),
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.callCenterConfirm, 'e2e: confirm a call-center inquiry', {
				resource: 'callCenterInquiry',
				operation: 'confirm',
				inquiryId: String(unconfirmedInquiry.inquiryId),
				confirmBy: 'wing-e2e',
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.callCenterConfirmWaiting, 'e2e: confirm an inquiry that waits for a reply', {
				resource: 'callCenterInquiry',
				operation: 'confirm',
				inquiryId: String(waitingInquiries[1].inquiryId),
				confirmBy: 'wing-e2e',
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.productsByCreationTime, 'e2e: products created in 10 minutes', {
				resource: 'product',
				operation: 'getManyByCreationTime',
				createdAtFrom: koreaDateTime(frameStart),
				createdAtTo: koreaDateTime(frameStart.plus({ minutes: 10 })),
				returnAll: true,
			}, CREDENTIAL),
			coupangOperationWorkflow(WORKFLOW_IDS.productStatusHistory, 'e2e: status history of a product', {
				resource: 'product',
				operation: 'getStatusHistory',
				sellerProductId: String(historyProduct.sellerProductId),
				returnAll: true,
				options: { pageSize: 3 },
			}, CREDENTIAL),
		];
		await n8n.importWorkflows(workflows);
	});

	afterAll(async () => {
		await sandbox?.stop();
	});

	async function run(workflowId: string): Promise<ExecutionOutcome> {
		await sandbox.control('DELETE', 'requests');
		return n8n.execute(workflowId);
	}

	async function requests(): Promise<SandboxRequest[]> {
		return sandbox.control<SandboxRequest[]>('GET', 'requests');
	}

	test('Product Inquiry → Get Many (not answered, last 7 days, Raw) returns exactly the sandbox’s unanswered inquiries', async () => {
		const outcome = await run(WORKFLOW_IDS.productInquiriesNotAnswered);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxProductInquiry[]>('GET', 'product-inquiries');
		const from = koreaDay(today.minus({ days: 7 }));
		const to = koreaDay(today);
		const expected = held.filter((inquiry) => inquiry.commentDtoList.length === 0 && inquiry.inquiryAt.slice(0, 10) >= from && inquiry.inquiryAt.slice(0, 10) <= to);
		expect(expected.length).toBeGreaterThan(0);
		const items = outcome.itemsOf('Coupang');
		expect(sorted(numericIds(items, 'inquiryId'))).toEqual(sorted(expected.map((inquiry) => inquiry.inquiryId)));
		for (const item of items) expect(item.commentDtoList).toEqual([]);
	});

	test('Product Inquiry → Get Many with Return All over 30 days: every inquiry once, over several pages and windows', async () => {
		const outcome = await run(WORKFLOW_IDS.productInquiriesReturnAll);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxProductInquiry[]>('GET', 'product-inquiries');
		const from = koreaDay(today.minus({ days: 30 }));
		const to = koreaDay(today);
		const expected = held.filter((inquiry) => inquiry.inquiryAt.slice(0, 10) >= from && inquiry.inquiryAt.slice(0, 10) <= to);
		const ids = numericIds(outcome.itemsOf('Coupang'), 'inquiryId');
		expect(new Set(ids).size).toBe(ids.length);
		expect(sorted(ids)).toEqual(sorted(expected.map((inquiry) => inquiry.inquiryId)));
		const listCalls = (await requests()).filter((request) => request.path.endsWith('/onlineInquiries'));
		// At least one call per 7-day window (30 days → 4+ windows) and more than one page somewhere.
		expect(listCalls.length).toBeGreaterThan(Math.ceil(expected.length / 7));
		expect(listCalls.every((request) => request.status === 200)).toBe(true);
	});

	test('Product Inquiry → Reply stores the answer in the sandbox', async () => {
		const outcome = await run(WORKFLOW_IDS.productInquiryReply);
		expect(outcome.exitCode).toBe(0);
		expect(outcome.itemsOf('Coupang')).toHaveLength(1);
		const held = await sandbox.control<SandboxProductInquiry[]>('GET', 'product-inquiries');
		const inquiry = held.find((candidate) => candidate.inquiryId === unansweredProductInquiry.inquiryId);
		expect(inquiry?.commentDtoList.map((comment) => comment.content)).toEqual(['Thank you for asking: it ships tomorrow.']);
		const posts = (await requests()).filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].path).toMatch(new RegExp(`/onlineInquiries/${unansweredProductInquiry.inquiryId}/replies$`));
	});

	test('Product Inquiry → Reply to an answered inquiry adds a second answer (Coupang documents no "already answered" error)', async () => {
		const outcome = await run(WORKFLOW_IDS.productInquiryReplyAnswered);
		expect(outcome.exitCode).toBe(0);
		expect(outcome.itemsOf('Coupang')).toEqual([
			{ success: true, operation: 'reply', inquiryId: answeredProductInquiry.inquiryId, content: 'A second answer', replyBy: 'wing-e2e', coupangCode: '200', coupangMessage: 'OK' },
		]);
		const held = await sandbox.control<SandboxProductInquiry[]>('GET', 'product-inquiries');
		const inquiry = held.find((candidate) => candidate.inquiryId === answeredProductInquiry.inquiryId);
		expect(inquiry?.commentDtoList.map((comment) => comment.content).at(-1)).toBe('A second answer');
	});

	test('a Coupang error fails the run with Coupang’s message and hint (confirming an inquiry that waits for a reply)', async () => {
		const outcome = await run(WORKFLOW_IDS.callCenterConfirmWaiting);
		expect(outcome.exitCode).toBe(1);
		expect(outcome.errorMessage).toContain("The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer (HTTP 400)");
	});

	test('a validation error fails the run before any request (10 days without Return All)', async () => {
		const outcome = await run(WORKFLOW_IDS.productInquiriesTooLong);
		expect(outcome.exitCode).toBe(1);
		expect(outcome.errorMessage).toMatch(/7 days/);
		expect(await requests()).toEqual([]);
	});

	test('Call Center Inquiry → Get Many (not answered, Return All) returns the sandbox’s inquiries waiting for an answer', async () => {
		const outcome = await run(WORKFLOW_IDS.callCenterNotAnswered);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxCallCenterInquiry[]>('GET', 'call-center-inquiries');
		const from = koreaDay(today.minus({ days: 7 }));
		const to = koreaDay(today);
		// Waiting for the seller's reply (NO_ANSWER): in progress, with a transfer that requests an answer.
		const waitsForReply = (inquiry: SandboxCallCenterInquiry): boolean =>
			inquiry.inquiryStatus === 'progress' && inquiry.replies.some((reply) => reply.partnerTransferStatus === 'requestAnswer');
		const expected = held.filter(
			(inquiry) => inquiry.vendorId === 'A00012345' && waitsForReply(inquiry) && inquiry.inquiryAt.slice(0, 10) >= from && inquiry.inquiryAt.slice(0, 10) <= to,
		);
		expect(expected.map((inquiry) => inquiry.inquiryId)).toEqual(expect.arrayContaining(waitingInquiries.map((inquiry) => inquiry.inquiryId)));
		const ids = numericIds(outcome.itemsOf('Coupang'), 'inquiryId');
		expect(sorted(ids)).toEqual(sorted(expected.map((inquiry) => inquiry.inquiryId)));
	});

	test('Call Center Inquiry → Get returns that inquiry, Simplified by default', async () => {
		const outcome = await run(WORKFLOW_IDS.callCenterGet);
		expect(outcome.exitCode).toBe(0);
		const items = outcome.itemsOf('Coupang');
		expect(items).toHaveLength(1);
		expect(Number(items[0].inquiryId)).toBe(waitingInquiries[0].inquiryId);
		// Simplified, the default output: the question under a readable name, with an ISO instant beside Korea time.
		expect(items[0].question).toBe(waitingInquiries[0].content);
		expect(items[0].inquiryAtIso).toMatch(/\+09:00$/);
	});

	test('Call Center Inquiry → Reply answers the transferred question', async () => {
		const outcome = await run(WORKFLOW_IDS.callCenterReply);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxCallCenterInquiry[]>('GET', 'call-center-inquiries');
		const inquiry = held.find((candidate) => candidate.inquiryId === waitingInquiries[0].inquiryId);
		expect(inquiry?.csPartnerCounselingStatus).toBe('answered');
		const vendorReplies = inquiry?.replies.filter((reply) => reply.answerType === 'vendor') ?? [];
		expect(vendorReplies.map((reply) => reply.content)).toEqual(['We are sending a replacement today.']);
		expect(vendorReplies[0].parentAnswerId).toBe(pendingAnswerId(waitingInquiries[0]));
	});

	test('Call Center Inquiry → Confirm completes the transferred inquiry', async () => {
		const outcome = await run(WORKFLOW_IDS.callCenterConfirm);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxCallCenterInquiry[]>('GET', 'call-center-inquiries');
		const inquiry = held.find((candidate) => candidate.inquiryId === unconfirmedInquiry.inquiryId);
		expect(inquiry?.inquiryStatus).toBe('complete');
		expect(outcome.itemsOf('Coupang')).toEqual([
			{ success: true, operation: 'confirm', inquiryId: unconfirmedInquiry.inquiryId, confirmBy: 'wing-e2e', coupangCode: '200', coupangMessage: 'OK' },
		]);
	});

	test('Product → Get Many by Creation Time returns the products created in that window', async () => {
		const outcome = await run(WORKFLOW_IDS.productsByCreationTime);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxProduct[]>('GET', 'products');
		const from = frameStart.toFormat("yyyy-MM-dd'T'HH:mm:ss");
		const to = frameStart.plus({ minutes: 10 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
		const expected = held.filter((product) => product.vendorId === 'A00012345' && product.createdAt >= from && product.createdAt <= to);
		expect(expected.map((product) => product.sellerProductId)).toEqual(expect.arrayContaining(frameProducts.map((product) => product.sellerProductId)));
		const ids = numericIds(outcome.itemsOf('Coupang'), 'sellerProductId');
		expect(sorted(ids)).toEqual(sorted(expected.map((product) => product.sellerProductId)));
	});

	test('Product → Get Status History with Return All returns the whole history over several pages', async () => {
		const outcome = await run(WORKFLOW_IDS.productStatusHistory);
		expect(outcome.exitCode).toBe(0);
		const held = await sandbox.control<SandboxProduct[]>('GET', 'products');
		const product = held.find((candidate) => candidate.sellerProductId === historyProduct.sellerProductId);
		const histories = product?.histories ?? [];
		expect(histories.length).toBeGreaterThan(3);
		const items = outcome.itemsOf('Coupang');
		expect(items.map((item) => [item.createdAt, item.status])).toEqual(histories.map((entry) => [entry.createdAt, entry.status]));
		const historyCalls = (await requests()).filter((request) => request.path.includes('/histories'));
		// Pages of 3: one request per page (plus at most one that finds the end).
		expect(historyCalls.length).toBeGreaterThanOrEqual(Math.ceil(histories.length / 3));
		expect(historyCalls.length).toBeLessThanOrEqual(Math.ceil(histories.length / 3) + 1);
	});
});

/** The contact-center answer that waits for the seller (what Reply must name as parentAnswerId). */
function pendingAnswerId(inquiry: SandboxCallCenterInquiry): number {
	const pending = inquiry.replies.find((reply) => reply.answerType === 'csAgent' && reply.needAnswer);
	if (!pending) throw new Error(`Inquiry ${inquiry.inquiryId} has no answer waiting for the seller`);
	return pending.answerId;
}
