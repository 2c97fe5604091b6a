import { execFileSync } from 'node:child_process';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { call, ceaAuthorization, ceaSignedDate, control, PRODUCT_INQUIRIES_PATH } from '../helpers/sandboxHttp';

/** The gateway's refusals: `code` is the string "ERROR" (coupang-behaviour.md, "Gateway error bodies"). */
interface ErrorBody {
	code: string;
	message: string;
	transactionId: string;
}

const PYTHON_SIGNER = [
	'import hmac, hashlib, sys, datetime',
	'ak, sk, method, path, query = sys.argv[1:6]',
	"d = datetime.datetime.now(datetime.timezone.utc).strftime('%y%m%dT%H%M%SZ')",
	"s = hmac.new(sk.encode('utf-8'), (d + method + path + query).encode('utf-8'), hashlib.sha256).hexdigest()",
	"print('CEA algorithm=HmacSHA256, access-key=' + ak + ', signed-date=' + d + ', signature=' + s)",
].join('\n');

describe('sandbox authentication (CEA HmacSHA256 like the gateway)', () => {
	let sandbox: RunningSandbox;
	const logLines: string[] = [];
	let listPath: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 3, log: (line) => logLines.push(line) });
		listPath = `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}?vendorId=${sandbox.vendorId}&answeredType=ALL&vendorItemId=${sandbox.store.products.catalog[0].vendorItemId}`;
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	afterEach(() => {
		sandbox.setClock(null);
	});

	it('accepts a correctly signed request', async () => {
		const result = await call<{ code: number }>(sandbox, 'GET', listPath);
		expect(result.status).toBe(200);
		expect(result.json.code).toBe(200);
	});

	it.each([
		['missing', null],
		['another scheme', 'Bearer abc'],
		['no signature part', 'CEA algorithm=HmacSHA256, access-key=sandbox-access-key, signed-date=250101T000000Z'],
		['another algorithm', `CEA algorithm=HmacSHA1, access-key=sandbox-access-key, signed-date=250101T000000Z, signature=${'a'.repeat(64)}`],
		['signed-date not yyMMddTHHmmssZ', `CEA algorithm=HmacSHA256, access-key=sandbox-access-key, signed-date=2025-01-01T00:00:00Z, signature=${'a'.repeat(64)}`],
		['impossible signed-date', `CEA algorithm=HmacSHA256, access-key=sandbox-access-key, signed-date=251341T000000Z, signature=${'a'.repeat(64)}`],
		['short signature', 'CEA algorithm=HmacSHA256, access-key=sandbox-access-key, signed-date=250101T000000Z, signature=abc123'],
	])('rejects an Authorization header that is %s with 401 "HMAC format is invalid."', async (_label, authorization) => {
		const result = await call<ErrorBody>(sandbox, 'GET', listPath, { authorization });
		expect(result.status).toBe(401);
		expect(result.json).toEqual({ code: 'ERROR', message: 'HMAC format is invalid.', transactionId: expect.any(String) });
	});

	it('rejects an unknown access key with 401 "Request is not authorized."', async () => {
		const result = await call<ErrorBody>(sandbox, 'GET', listPath, { accessKey: 'someone-else' });
		expect(result.status).toBe(401);
		expect(result.json.message).toBe('Request is not authorized.');
	});

	it('rejects a signature made with another secret with 401 "Invalid signature."', async () => {
		const result = await call<ErrorBody>(sandbox, 'GET', listPath, { secretKey: 'wrong-secret' });
		expect(result.status).toBe(401);
		expect(result.json.message).toBe('Invalid signature.');
	});

	it('rejects an uppercase-hex signature (Coupang signs lowercase hex)', async () => {
		const authorization = ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', listPath, sandbox.now());
		const upper = authorization.replace(/signature=([0-9a-f]{64})$/, (_all, hex: string) => `signature=${hex.toUpperCase()}`);
		expect(upper).not.toBe(authorization);
		const result = await call<ErrorBody>(sandbox, 'GET', listPath, { authorization: upper });
		expect(result.status).toBe(401);
		expect(result.json.message).toBe('Invalid signature.');
	});

	it('accepts a request without X-Requested-By (Coupang\'s own samples send none)', async () => {
		const result = await call<{ code: number }>(sandbox, 'GET', listPath, { requestedBy: null });
		expect([result.status, result.json.code]).toEqual([200, 200]);
	});

	it('refuses with code "ERROR" for every authentication failure', async () => {
		const wrongKey = await call<ErrorBody>(sandbox, 'GET', listPath, { accessKey: 'someone-else' });
		const expired = await call<ErrorBody>(sandbox, 'GET', listPath, { signAt: new Date(sandbox.now().getTime() - 6 * 60_000) });
		for (const result of [wrongKey, expired]) expect([result.status, result.json.code, typeof result.json.transactionId]).toEqual([401, 'ERROR', 'string']);
	});

	it('signs over the method: a GET signature does not authorize a POST', async () => {
		const path = `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}/1/replies`;
		const authorization = ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', path, sandbox.now());
		const result = await call<ErrorBody>(sandbox, 'POST', path, { authorization, body: { content: 'x', vendorId: sandbox.vendorId, replyBy: 'me' } });
		expect(result.status).toBe(401);
		expect(result.json.message).toBe('Invalid signature.');
	});

	it('verifies over the raw query as received: a signature over the decoded query is rejected', async () => {
		const wire = `${listPath}&memo=%ED%95%9C%EA%B8%80`;
		const decodedForm = `${listPath}&memo=한글`;
		const wrong = ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', decodedForm, sandbox.now());
		expect((await call<ErrorBody>(sandbox, 'GET', wire, { authorization: wrong })).json.message).toBe('Invalid signature.');
		const right = ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', wire, sandbox.now());
		expect((await call(sandbox, 'GET', wire, { authorization: right })).status).toBe(200);
		// Same parameters in another order are another message, so another signature.
		const reordered = `${PRODUCT_INQUIRIES_PATH(sandbox.vendorId)}?answeredType=ALL&vendorId=${sandbox.vendorId}&vendorItemId=${sandbox.store.products.catalog[0].vendorItemId}`;
		expect((await call<ErrorBody>(sandbox, 'GET', reordered, { authorization: ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', listPath, sandbox.now()) })).json.message).toBe(
			'Invalid signature.',
		);
	});

	it('accepts signed-date up to 5 minutes off the sandbox clock and rejects more as expired', async () => {
		const now = sandbox.now().getTime();
		expect((await call(sandbox, 'GET', listPath, { signAt: new Date(now - 4 * 60_000) })).status).toBe(200);
		expect((await call(sandbox, 'GET', listPath, { signAt: new Date(now + 4 * 60_000) })).status).toBe(200);
		const old = await call<ErrorBody>(sandbox, 'GET', listPath, { signAt: new Date(now - 6 * 60_000) });
		expect([old.status, old.json.message]).toEqual([401, 'Specified signature is expired.']);
		const future = await call<ErrorBody>(sandbox, 'GET', listPath, { signAt: new Date(now + 6 * 60_000) });
		expect([future.status, future.json.message]).toEqual([401, 'Specified signature is expired.']);
	});

	it('checks expiry against the sandbox clock, which setClock moves (and null restores)', async () => {
		const realNow = new Date();
		sandbox.setClock(new Date(realNow.getTime() + 10 * 60_000));
		expect(Math.abs(sandbox.now().getTime() - realNow.getTime() - 10 * 60_000)).toBeLessThan(2_000);
		const expired = await call<ErrorBody>(sandbox, 'GET', listPath, { signAt: realNow });
		expect([expired.status, expired.json.message]).toEqual([401, 'Specified signature is expired.']);
		sandbox.setClock(null);
		expect((await call(sandbox, 'GET', listPath, { signAt: new Date() })).status).toBe(200);
	});

	it('moves its clock over HTTP too (POST/GET /__sandbox/clock)', async () => {
		const target = '2030-05-05T05:05:05.000Z';
		const set = await control<{ now: string }>(sandbox, 'POST', '/__sandbox/clock', { now: target });
		expect(Math.abs(Date.parse(set.json.now) - Date.parse(target))).toBeLessThan(2_000);
		const got = await control<{ now: string; followsRealClock: boolean }>(sandbox, 'GET', '/__sandbox/clock');
		expect(got.json.followsRealClock).toBe(false);
		expect(Math.abs(Date.parse(got.json.now) - Date.parse(target))).toBeLessThan(2_000);
		expect((await call<ErrorBody>(sandbox, 'GET', listPath, { signAt: new Date() })).json.message).toBe('Specified signature is expired.');
		expect((await call(sandbox, 'GET', listPath, { signAt: new Date(target) })).status).toBe(200);
		await control(sandbox, 'POST', '/__sandbox/clock', { now: null });
		expect(Math.abs(sandbox.now().getTime() - Date.now())).toBeLessThan(1_000);
		expect((await control(sandbox, 'POST', '/__sandbox/clock', { now: 'not a date' })).status).toBe(400);
	});

	it('accepts a request signed by python3 (hmac/hashlib) with Korean and reserved characters, rejects one changed byte', async () => {
		const path = PRODUCT_INQUIRIES_PATH(sandbox.vendorId);
		const korean = encodeURIComponent('배송 문의 & 환불=?/#');
		const query = `vendorId=${sandbox.vendorId}&answeredType=ALL&vendorItemId=${sandbox.store.products.catalog[1].vendorItemId}&memo=${korean}&raw=*!(~),:@$;&plus=a+b%2Bc`;
		const authorization = execFileSync('python3', ['-c', PYTHON_SIGNER, sandbox.accessKey, sandbox.secretKey, 'GET', path, query], { encoding: 'utf8' }).trim();
		expect(authorization).toMatch(/^CEA algorithm=HmacSHA256, access-key=sandbox-access-key, signed-date=\d{6}T\d{6}Z, signature=[0-9a-f]{64}$/);
		// Our own signer agrees with python on the same message.
		const signedDate = /signed-date=(\S+),/.exec(authorization)?.[1] ?? '';
		const [yy, mo, dd, hh, mi, ss] = (signedDate.match(/\d\d/g) ?? []).map(Number);
		const pythonInstant = new Date(Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss));
		expect(ceaSignedDate(pythonInstant)).toBe(signedDate);
		expect(ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', `${path}?${query}`, pythonInstant)).toBe(authorization);

		sandbox.clearRequestLog();
		const accepted = await call(sandbox, 'GET', `${path}?${query}`, { authorization });
		expect(accepted.status).toBe(200);
		expect(sandbox.requestLog()[0].query).toBe(query); // what python signed is exactly what went on the wire

		const changedQuery = query.replace('a+b', 'a+c');
		const rejectedQuery = await call<ErrorBody>(sandbox, 'GET', `${path}?${changedQuery}`, { authorization });
		expect([rejectedQuery.status, rejectedQuery.json.message]).toEqual([401, 'Invalid signature.']);

		const last = authorization.slice(-1);
		const changedSignature = authorization.slice(0, -1) + (last === '0' ? '1' : '0');
		const rejectedSignature = await call<ErrorBody>(sandbox, 'GET', `${path}?${query}`, { authorization: changedSignature });
		expect([rejectedSignature.status, rejectedSignature.json.message]).toEqual([401, 'Invalid signature.']);
	});

	it('never records the secret key, the Authorization header or a signature in the request log or logger', async () => {
		await call(sandbox, 'GET', listPath);
		await call(sandbox, 'GET', listPath, { secretKey: 'wrong-secret' });
		const authorization = ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', listPath, sandbox.now());
		const signature = authorization.slice(-64);
		await call(sandbox, 'GET', listPath, { authorization });
		const inProcess = JSON.stringify(sandbox.requestLog());
		const overHttp = JSON.stringify((await control(sandbox, 'GET', '/__sandbox/requests')).json);
		const state = JSON.stringify((await control(sandbox, 'GET', '/__sandbox/state')).json);
		for (const text of [inProcess, overHttp, state, logLines.join('\n')]) {
			expect(text).not.toContain(sandbox.secretKey);
			expect(text).not.toContain(signature);
			expect(text).not.toContain('signature=');
			expect(text).not.toContain('CEA ');
		}
		expect(sandbox.requestLog().length).toBeGreaterThanOrEqual(3);
		expect(logLines.length).toBeGreaterThanOrEqual(3);
	});

	it('logs rejected requests with their status and authenticated ones with the vendor', async () => {
		sandbox.clearRequestLog();
		await call(sandbox, 'GET', listPath, { secretKey: 'nope' });
		await call(sandbox, 'GET', listPath);
		const log = sandbox.requestLog();
		expect(log.map((entry) => [entry.method, entry.status, entry.vendorId])).toEqual([
			['GET', 401, undefined],
			['GET', 200, sandbox.vendorId],
		]);
		expect(log[1].path).toBe(PRODUCT_INQUIRIES_PATH(sandbox.vendorId));
		expect(log[1].query).toBe(listPath.split('?')[1]);
		expect(Number.isNaN(Date.parse(log[1].at))).toBe(false);
	});
});
