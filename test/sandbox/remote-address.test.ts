// The request log keeps the client address the sandbox saw (what an IP allow-list checks), e.g. a proxy's.

import { request } from 'node:http';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { call, CALL_CENTER_V5_PATH, ceaAuthorization } from '../helpers/sandboxHttp';

/** A signed GET sent from `localAddress` (127.0.0.2 is on the loopback interface too). */
function getFrom(sandbox: RunningSandbox, localAddress: string, path: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const outgoing = request(
			`${sandbox.url}${path}`,
			{
				method: 'GET',
				localAddress,
				headers: {
					Authorization: ceaAuthorization(sandbox.accessKey, sandbox.secretKey, 'GET', path, sandbox.now()),
					'X-Requested-By': sandbox.vendorId,
				},
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		outgoing.on('error', reject);
		outgoing.end();
	});
}

describe('request log: client address', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 3 });
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	it('records the remote address of each request', async () => {
		const ours = sandbox.store.callCenterInquiries.all.find((inquiry) => inquiry.vendorId === sandbox.vendorId);
		const path = CALL_CENTER_V5_PATH(ours?.inquiryId ?? 0);
		expect((await call(sandbox, 'GET', path)).status).toBe(200);
		expect(await getFrom(sandbox, '127.0.0.2', path)).toBe(200);
		expect(sandbox.requestLog().map((entry) => [entry.status, entry.remoteAddress])).toEqual([
			[200, '127.0.0.1'],
			[200, '127.0.0.2'],
		]);
	});
});
