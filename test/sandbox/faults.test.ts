import { startSandbox, type RunningSandbox } from '../../sandbox';
import { call, CALL_CENTER_V5_PATH, control } from '../helpers/sandboxHttp';

describe('fault injection', () => {
	let sandbox: RunningSandbox;
	let okPath: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 9 });
		const ours = sandbox.store.callCenterInquiries.all.find((inquiry) => inquiry.vendorId === sandbox.vendorId);
		okPath = CALL_CENTER_V5_PATH(ours?.inquiryId ?? 0);
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.clearFaults();
		sandbox.clearRequestLog();
	});

	it('failNext fails exactly the next N requests in order, then answers normally; all are logged', async () => {
		sandbox.setFaults({ failNext: [{ status: 503, count: 2 }, { status: 429 }, { status: 502, body: 'html' }] });
		const first = await call<{ code: string; message: string }>(sandbox, 'GET', okPath);
		expect([first.status, first.json.code, first.json.message]).toEqual([503, 'ERROR', 'Service Unavailable']);
		expect((await call(sandbox, 'GET', okPath)).status).toBe(503);
		const limited = await call<{ message: string }>(sandbox, 'GET', okPath);
		expect([limited.status, limited.headers.get('retry-after'), limited.json.message]).toEqual([429, null, 'Too Many Requests']);
		const html = await call(sandbox, 'GET', okPath);
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
		expect(html.text).toContain('502 Bad Gateway');
		expect((await call(sandbox, 'GET', okPath)).status).toBe(200);
		expect(sandbox.requestLog().map((entry) => entry.status)).toEqual([503, 503, 429, 502, 200]);
	});

	it('failNext with a 2xx status answers a success whose body is a refusal (code "ERROR" and a message)', async () => {
		sandbox.setFaults({ failNext: [{ status: 200, message: '처리 중 오류가 발생했습니다.' }, { status: 200, body: 'codeError', message: 'Product not found' }] });
		const gateway = await call(sandbox, 'GET', okPath);
		expect([gateway.status, gateway.json]).toEqual([200, { code: 'ERROR', message: '처리 중 오류가 발생했습니다.', transactionId: expect.any(String) }]);
		const endpoint = await call(sandbox, 'GET', okPath);
		expect([endpoint.status, endpoint.text]).toEqual([200, '{"code":"ERROR","message":"Product not found","data":null}']);
		expect((await call(sandbox, 'GET', okPath)).status).toBe(200);
		expect((await control(sandbox, 'POST', '/__sandbox/faults', { failNext: [{ status: 200, body: 'xml' }] })).status).toBe(400);
	});

	it('failNext status 0 drops the connection without an answer (logged with status 0)', async () => {
		sandbox.setFaults({ failNext: [{ status: 0 }] });
		await expect(call(sandbox, 'GET', okPath)).rejects.toThrow();
		expect((await call(sandbox, 'GET', okPath)).status).toBe(200);
		expect(sandbox.requestLog().map((entry) => entry.status)).toEqual([0, 200]);
	});

	it('dropConnectionRate 1 drops every request', async () => {
		sandbox.setFaults({ dropConnectionRate: 1 });
		await expect(call(sandbox, 'GET', okPath)).rejects.toThrow();
		await expect(call(sandbox, 'GET', okPath)).rejects.toThrow();
	});

	it('errorRate 1 answers random 500/502/503/504 with JSON or HTML bodies, reproducibly for a seed', async () => {
		const run = async (): Promise<string[]> => {
			sandbox.setFaults({ errorRate: 1, seed: 42 });
			const outcomes: string[] = [];
			for (let i = 0; i < 16; i++) {
				const result = await call(sandbox, 'GET', okPath);
				expect([500, 502, 503, 504]).toContain(result.status);
				const isHtml = (result.headers.get('content-type') ?? '').startsWith('text/html');
				if (!isHtml) expect(result.json).toMatchObject({ code: 'ERROR', message: expect.any(String) });
				outcomes.push(`${result.status}${isHtml ? 'h' : 'j'}`);
			}
			return outcomes;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		expect(first.some((outcome) => outcome.endsWith('h'))).toBe(true);
		expect(first.some((outcome) => outcome.endsWith('j'))).toBe(true);
		expect(new Set(first.map((outcome) => outcome.slice(0, 3))).size).toBeGreaterThan(1);
	});

	it('errorRate 0.5 fails a share of requests', async () => {
		sandbox.setFaults({ errorRate: 0.5, seed: 1 });
		const statuses: number[] = [];
		for (let i = 0; i < 30; i++) statuses.push((await call(sandbox, 'GET', okPath)).status);
		const failed = statuses.filter((status) => status >= 500).length;
		expect(failed).toBeGreaterThan(5);
		expect(failed).toBeLessThan(25);
		expect(statuses.filter((status) => status === 200).length).toBe(30 - failed);
	});

	it('latencyMs delays answers', async () => {
		sandbox.setFaults({ latencyMs: 300 });
		const started = Date.now();
		expect((await call(sandbox, 'GET', okPath)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
	});

	it('accessDenied answers Akamai\'s 403 HTML page', async () => {
		sandbox.setFaults({ accessDenied: true });
		const result = await call(sandbox, 'GET', okPath);
		expect(result.status).toBe(403);
		expect(result.headers.get('content-type')).toMatch(/^text\/html/);
		expect(result.text).toMatch(/^<HTML>[\s\S]*Access Denied[\s\S]*<\/HTML>\s*$/);
	});

	it('malformedJson sends a truncated prefix of the real body; emptyBody sends nothing; both with 200', async () => {
		const real = await call(sandbox, 'GET', okPath);
		sandbox.setFaults({ malformedJson: true });
		const truncated = await call(sandbox, 'GET', okPath);
		expect(truncated.status).toBe(200);
		expect(() => JSON.parse(truncated.text)).toThrow();
		expect(truncated.text.length).toBeGreaterThan(0);
		expect(real.text.startsWith(truncated.text)).toBe(true);
		sandbox.setFaults({ malformedJson: false, emptyBody: true });
		const empty = await call(sandbox, 'GET', okPath);
		expect([empty.status, empty.text]).toEqual([200, '']);
		// Errors keep their real body.
		expect((await call<{ message: string }>(sandbox, 'GET', CALL_CENTER_V5_PATH(1))).json.message).toBe('Inquiry not found');
	});

	it('faults are set and cleared over HTTP, and never touch the control surface', async () => {
		const set = await control<{ accessDenied: boolean; failNext: unknown[] }>(sandbox, 'POST', '/__sandbox/faults', { accessDenied: true });
		expect(set.json.accessDenied).toBe(true);
		expect((await control(sandbox, 'GET', '/__sandbox/state')).status).toBe(200);
		expect((await call(sandbox, 'GET', okPath)).status).toBe(403);
		await control(sandbox, 'DELETE', '/__sandbox/faults');
		expect((await call(sandbox, 'GET', okPath)).status).toBe(200);
		await control(sandbox, 'POST', '/__sandbox/faults', { failNext: [{ status: 500, count: 1 }] });
		expect((await call(sandbox, 'GET', okPath)).status).toBe(500);
		expect((await control(sandbox, 'POST', '/__sandbox/faults', { failNext: [{ status: 42 }] })).status).toBe(400);
		expect((await control(sandbox, 'POST', '/__sandbox/faults', { rateLimitPerSecond: 0 })).status).toBe(400);
		await control(sandbox, 'DELETE', '/__sandbox/requests');
		expect(sandbox.requestLog()).toEqual([]);
	});
});
