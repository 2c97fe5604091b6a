/**
 * What the editor offers beyond running: the resource locators' "From List" (through n8n-core's LoadOptionsContext,
 * as the editor calls it), the Parent Answer ID found from the inquiry, and the credential's Default Wing User ID.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { CoupangApi } from '../../credentials/CoupangApi.credentials';
import { Coupang } from '../../nodes/Coupang/Coupang.node';
import { listSearch, type ListSearchMethod } from '../../nodes/Coupang/resources/listSearch';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { COUPANG_TYPE, liftPaceForThisFile, runCoupang } from '../helpers/coupang';
import { CREDENTIAL_TYPE, credentialsFor, TestCredentialsHelper, TestNodeTypes, testAdditionalData } from '../helpers/n8n';

let sandbox: RunningSandbox;
beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 29, productInquiries: 120, callCenterInquiries: 40, products: 20 });
});
afterAll(async () => await sandbox.stop());

const koreaNow = (hoursAgo = 0): string => DateTime.fromJSDate(sandbox.now()).setZone('Asia/Seoul').minus({ hours: hoursAgo }).toFormat('yyyy-MM-dd HH:mm:ss');

/** Calls a list-search method as the editor does: a LoadOptionsContext of the node, signed by the credential. */
async function search(method: ListSearchMethod, filter?: string): Promise<INodeListSearchResult> {
	const nodeType = new Coupang();
	const node: INode = {
		id: 'node',
		name: 'Coupang',
		type: COUPANG_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: NodeHelpers.getNodeParameters(nodeType.description.properties, { resource: 'productInquiry', operation: 'reply' }, true, false, null, nodeType.description) ?? {},
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Coupang sandbox' } },
	};
	const workflow = new Workflow({ id: 'editor', nodes: [node], connections: {}, nodeTypes: new TestNodeTypes({ [COUPANG_TYPE]: nodeType }), active: false, settings: { timezone: 'Asia/Seoul' } });
	const helper = new TestCredentialsHelper({ [CREDENTIAL_TYPE]: new CoupangApi() }, { [CREDENTIAL_TYPE]: credentialsFor(sandbox) });
	const context = new LoadOptionsContext(workflow, node, testAdditionalData(helper), 'parameters.inquiryId');
	return await listSearch[method].call(context, filter);
}

describe('resource locators: From List', () => {
	it('lists the unanswered product inquiries of the last 7 days, newest first, and filters by what is typed', async () => {
		const askedAt = koreaNow(1);
		const [fresh] = sandbox.store.productInquiries.add({ inquiryAt: askedAt, content: '배송은 언제 되나요? (locator test)' });
		sandbox.store.productInquiries.add({ inquiryAt: koreaNow(1), content: 'answered already', answered: true });
		const all = await search('unansweredProductInquiries');
		// Text first, then Korea time to the minute, then the ID.
		const at = /^\d{4}-(\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(askedAt) ?? [];
		expect(all.results[0]).toEqual({ name: `배송은 언제 되나요? (locator test) · ${at[1]} ${at[2]} · ${fresh.inquiryId}`, value: String(fresh.inquiryId) });
		expect(all.results.map((item) => item.value)).not.toContain(undefined);
		const answeredIds = new Set(sandbox.store.productInquiries.all.filter((i) => i.comments.length > 0).map((i) => String(i.inquiryId)));
		expect(all.results.some((item) => answeredIds.has(String(item.value)))).toBe(false);
		const filtered = await search('unansweredProductInquiries', 'locator test');
		expect(filtered.results.map((item) => item.value)).toEqual([String(fresh.inquiryId)]);
	});

	it('lists the call-center inquiries waiting for a reply, and those waiting for a confirm, apart', async () => {
		const [waiting] = sandbox.store.callCenterInquiries.add({ kind: 'waiting', inquiryAt: koreaNow(2) });
		const [unconfirmed] = sandbox.store.callCenterInquiries.add({ kind: 'unconfirmed', inquiryAt: koreaNow(2) });
		const toReply = (await search('callCenterInquiriesToReply')).results.map((item) => item.value);
		const toConfirm = (await search('callCenterInquiriesToConfirm')).results.map((item) => item.value);
		expect(toReply).toContain(String(waiting.inquiryId));
		// Category and item first: a call-center note alone ("상담이력") says little.
		const entry = (await search('callCenterInquiriesToReply')).results.find((item) => item.value === String(waiting.inquiryId));
		expect(entry?.name).toMatch(new RegExp(`^\\[${waiting.receiptCategory}\\] ${waiting.itemName} — .* · \\d{2}-\\d{2} \\d{2}:\\d{2} · ${waiting.inquiryId}$`));
		expect(toReply).not.toContain(String(unconfirmed.inquiryId));
		expect(toConfirm).toContain(String(unconfirmed.inquiryId));
		expect(toConfirm).not.toContain(String(waiting.inquiryId));
	});

	it('lists the products registered in the last 2 hours', async () => {
		const [product] = sandbox.store.products.add({ createdAt: koreaNow(1).replace(' ', 'T') });
		const results = (await search('recentProducts')).results;
		expect(results.map((item) => item.value)).toContain(String(product.sellerProductId));
	});

	it('an inquiry picked from the list runs like one given by ID', async () => {
		const [target] = sandbox.store.productInquiries.add({ inquiryAt: koreaNow(1) });
		const result = await runCoupang(sandbox, {
			resource: 'productInquiry',
			operation: 'reply',
			inquiryId: { __rl: true, mode: 'list', value: String(target.inquiryId) },
			content: '감사합니다',
			replyBy: 'wing-user',
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.store.productInquiries.byId.get(target.inquiryId)?.comments.map((comment) => comment.content)).toEqual(['감사합니다']);
	});
});

describe('Call Center Inquiry → Reply without a Parent Answer ID', () => {
	it('reads the inquiry once and answers the transfer that requests the answer', async () => {
		const [waiting] = sandbox.store.callCenterInquiries.add({ kind: 'waiting', inquiryAt: koreaNow(1) });
		const request = waiting.replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
		const result = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'reply', inquiryId: String(waiting.inquiryId), content: '확인했습니다', replyBy: 'wing-user' });
		expect(result.error).toBeUndefined();
		expect(result.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['GET 200', 'POST 200']);
		expect(result.json[0]).toMatchObject({ success: true, parentAnswerId: request?.answerId });
		expect(sandbox.store.callCenterInquiries.byId.get(waiting.inquiryId)?.replies.at(-1)).toMatchObject({ answerType: 'vendor', parentAnswerId: request?.answerId });
	});

	it('an inquiry that does not wait for a reply fails before anything is written, saying why', async () => {
		const [unconfirmed] = sandbox.store.callCenterInquiries.add({ kind: 'unconfirmed', inquiryAt: koreaNow(1) });
		const result = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'reply', inquiryId: String(unconfirmed.inquiryId), content: '확인했습니다', replyBy: 'wing-user' });
		expect(result.error?.message).toMatch(new RegExp(`Inquiry ${unconfirmed.inquiryId} is not waiting for your reply`));
		expect(result.requests.map((entry) => entry.method)).toEqual(['GET']);
	});
});

describe("the credential's Default Wing User ID", () => {
	it('is used when Reply By and Confirm By are left empty', async () => {
		const [question] = sandbox.store.productInquiries.add({ inquiryAt: koreaNow(1) });
		const [unconfirmed] = sandbox.store.callCenterInquiries.add({ kind: 'unconfirmed', inquiryAt: koreaNow(1) });
		const credentials = { ...credentialsFor(sandbox), wingUserId: 'default-wing-user' };
		const reply = await runCoupang(sandbox, { resource: 'productInquiry', operation: 'reply', inquiryId: String(question.inquiryId), content: '네' }, { credentials });
		expect(reply.json[0]).toMatchObject({ success: true, replyBy: 'default-wing-user' });
		const confirm = await runCoupang(sandbox, { resource: 'callCenterInquiry', operation: 'confirm', inquiryId: String(unconfirmed.inquiryId) }, { credentials });
		expect(confirm.json[0]).toMatchObject({ success: true, confirmBy: 'default-wing-user' });
	});
});
