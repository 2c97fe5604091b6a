// Requests built exactly as Coupang's Python sample builds them (R19 assets/guides/python-example.sample.ts: urllib,
// `Content-type` and `Authorization` only, no X-Requested-By; GET signs path + urlencoded query, POST signs the path
// and sends json.dumps of the body), with the docs' own example parameters and bodies: all must be accepted.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { startSandbox, type CallCenterInquiryJson, type RunningSandbox } from '../../sandbox';
import { addDays, CALL_CENTER_PATH, CALL_CENTER_V5_PATH, control, HISTORIES_PATH, koreaDay, PRODUCT_INQUIRIES_PATH, TIME_FRAME_PATH } from '../helpers/sandboxHttp';

const run = promisify(execFile);

const PYTHON_SAMPLE = `
import os, sys
import time
import hmac, hashlib
import urllib.parse
import urllib.request
import urllib.error
import json

os.environ['TZ'] = 'GMT+0'

base, accesskey, secretkey, method, path, params = sys.argv[1:7]
params = json.loads(params)

datetime=time.strftime('%y%m%d')+'T'+time.strftime('%H%M%S')+'Z'
if method == "GET":
    query = urllib.parse.urlencode(params)
    message = datetime+method+path+query
    url = base+path+"?%s" % query
    data = None
else:
    message = datetime+method+path
    url = base+path
    data = json.dumps(params).encode("utf-8")

signature=hmac.new(secretkey.encode('utf-8'),message.encode('utf-8'),hashlib.sha256).hexdigest()
authorization  = "CEA algorithm=HmacSHA256, access-key="+accesskey+", signed-date="+datetime+", signature="+signature

req = urllib.request.Request(url)
req.add_header("Content-type","application/json;charset=UTF-8")
req.add_header("Authorization",authorization)
req.get_method = lambda: method

try:
    resp = urllib.request.urlopen(req, data)
    status, body = resp.status, resp.read().decode("utf-8")
except urllib.error.HTTPError as e:
    status, body = e.code, e.read().decode("utf-8")
print(json.dumps({"status": status, "body": body}))
`;

describe('requests built as Coupang\'s Python sample builds them (no X-Requested-By) are accepted', () => {
	let sandbox: RunningSandbox;

	/** Runs the sample in python3; the sandbox clock follows the real one, as Coupang's does. */
	async function pythonSample(method: 'GET' | 'POST', path: string, params: Record<string, unknown>): Promise<{ status: number; body: string }> {
		const args = ['-c', PYTHON_SAMPLE, sandbox.url, sandbox.accessKey, sandbox.secretKey, method, path, JSON.stringify(params)];
		const { stdout } = await run('python3', args, { env: { ...process.env, TZ: 'GMT+0' }, timeout: 30_000 });
		return JSON.parse(stdout) as { status: number; body: string };
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 6, productInquiries: 60, callCenterInquiries: 20, products: 20 });
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	it('GET lists with the docs\' example parameters: product inquiries, call-center inquiries (both status spellings), time frame', async () => {
		const today = koreaDay(sandbox.now());
		const vendorId = sandbox.vendorId;
		const period = { inquiryStartAt: addDays(today, -1), inquiryEndAt: today, vendorId };
		const answers = [
			await pythonSample('GET', PRODUCT_INQUIRIES_PATH(vendorId), { ...period, answeredType: 'NOANSWER', pageSize: 10, pageNum: 1 }),
			await pythonSample('GET', CALL_CENTER_PATH(vendorId), { ...period, partnerCounselingStatus: 'NO_ANSWER', pageSize: 10, pageNum: 1 }),
			// The 2017 doc's sample: vendorId first, lowercase status.
			await pythonSample('GET', CALL_CENTER_PATH(vendorId), { vendorId, inquiryStartAt: period.inquiryStartAt, inquiryEndAt: today, partnerCounselingStatus: 'none', pageNum: 1, pageSize: 10 }),
		];
		for (const answer of answers) expect([answer.status, (JSON.parse(answer.body) as { code: number }).code]).toEqual([200, 200]);
		const product = sandbox.store.products.all.find((candidate) => candidate.vendorId === vendorId);
		const frame = await pythonSample('GET', TIME_FRAME_PATH, { vendorId, createdAtFrom: '2020-02-19T10:43:30', createdAtTo: '2020-02-19T10:50:30' });
		expect([frame.status, frame.body]).toEqual([200, '{"code":"SUCCESS","message":"","data":[]}']);
		const histories = await pythonSample('GET', HISTORIES_PATH(product?.sellerProductId ?? 0), {});
		expect(histories.status).toBe(200);
	});

	it('GET the v5 single lookup', async () => {
		const inquiry = sandbox.store.callCenterInquiries.all.find((candidate) => candidate.vendorId === sandbox.vendorId);
		const answer = await pythonSample('GET', CALL_CENTER_V5_PATH(inquiry?.inquiryId ?? 0), {});
		expect([answer.status, (JSON.parse(answer.body) as { data: { inquiryId: number } }).data.inquiryId]).toEqual([200, inquiry?.inquiryId]);
	});

	it('POST the replies and the confirm with the docs\' example bodies (json.dumps escapes Korean; IDs as strings)', async () => {
		const vendorId = sandbox.vendorId;
		const [question] = (await control<{ created: Array<{ inquiryId: number }> }>(sandbox, 'POST', '/__sandbox/product-inquiries', {})).json.created;
		const productReply = await pythonSample('POST', `${PRODUCT_INQUIRIES_PATH(vendorId)}/${question.inquiryId}/replies`, {
			content: '안녕하세요\n블랙색상이 주문량이 많아 입고 지연중입니다.\n19일 입고예정으로 확인됩니다.',
			vendorId,
			replyBy: 'wanger',
		});
		expect(productReply).toEqual({ status: 200, body: '{"code":"200","message":"OK"}' });

		const add = async (kind: string): Promise<CallCenterInquiryJson> =>
			(await control<{ created: CallCenterInquiryJson[] }>(sandbox, 'POST', '/__sandbox/call-center-inquiries', { kind })).json.created[0];
		const waiting = await add('waiting');
		const callCenterReply = await pythonSample('POST', `${CALL_CENTER_PATH(vendorId)}/${waiting.inquiryId}/replies`, {
			vendorId,
			inquiryId: String(waiting.inquiryId),
			content: '안녕하세요\n주문 확인 부탁드립니다.\n수고하세요.',
			replyBy: 'wanger',
			parentAnswerId: String(waiting.replies[0].answerId),
		});
		expect(callCenterReply).toEqual({ status: 200, body: '{"code":"200","message":"OK"}' });
		const unconfirmed = await add('unconfirmed');
		const confirm = await pythonSample('POST', `${CALL_CENTER_PATH(vendorId)}/${unconfirmed.inquiryId}/confirms`, { confirmBy: 'wanger' });
		expect(confirm).toEqual({ status: 200, body: '{"code":"200","message":"OK"}' });
		expect(sandbox.store.productInquiries.byId.get(question.inquiryId)?.comments[0].content).toBe('안녕하세요\n블랙색상이 주문량이 많아 입고 지연중입니다.\n19일 입고예정으로 확인됩니다.');
	});
});
