/**
 * The credential's Test button in a real n8n: n8n's own credentials tester runs our `test` request, signed by our
 * `authenticate`, against the sandbox, and maps the gateway's refusals to what a seller should do.
 */
import { join } from 'node:path';

import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { SANDBOX_ACCESS_KEY, SANDBOX_SECRET_KEY, SANDBOX_VENDOR_ID, SandboxProcess, type SandboxRequest } from './harness/sandbox';
import { COUPANG_CREDENTIAL_TYPE } from './harness/workflows';

const OWNER: OwnerAccount = { email: 'cred-owner@example.com', firstName: 'Cred', lastName: 'Owner', password: 'E2e-cred-password-1' };

interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

describe('Coupang API credential test in a running n8n', () => {
	let sandbox: SandboxProcess;
	let server: N8nServer | undefined;
	let session: N8nRestSession;

	beforeAll(async () => {
		sandbox = await SandboxProcess.start({ quiet: true, logFile: join(E2E_LOG_DIR, 'credential-sandbox.log') });
		const n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'credential'), 'e2e-credential-fixed-key', join(E2E_LOG_DIR, 'credential-n8n.log'));
		await n8n.installPackage(packedTarball());
		server = await n8n.start();
		session = await N8nRestSession.setupOwner(server.url, OWNER);
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.stop();
	});

	async function testCredential(data: Record<string, string>): Promise<TestResult> {
		if (!server) throw new Error('n8n did not start');
		const response = await fetch(`${server.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: `n8n-auth=${session.authCookieValue}`, [N8nRestSession.browserIdHeader]: session.browserId },
			body: JSON.stringify({ credentials: { id: '', name: 'Coupang (test)', type: COUPANG_CREDENTIAL_TYPE, data } }),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`POST /rest/credentials/test: ${response.status} ${text}`);
		return (JSON.parse(text) as { data: TestResult }).data;
	}

	const good = () => ({ accessKey: SANDBOX_ACCESS_KEY, secretKey: SANDBOX_SECRET_KEY, vendorId: SANDBOX_VENDOR_ID, baseUrl: sandbox.url });

	it('passes with the right keys, making one cheap signed call', async () => {
		await sandbox.control('DELETE', 'requests');
		expect(await testCredential(good())).toMatchObject({ status: 'OK' });
		const requests = await sandbox.control<SandboxRequest[]>('GET', 'requests');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', status: 200 });
		expect(requests[0].query).toMatch(/pageSize=1/);
	});

	it('explains a wrong secret key (401 from the gateway) without echoing it', async () => {
		const result = await testCredential({ ...good(), secretKey: 'wrong-secret-for-e2e' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept the keys/);
		expect(result.message).not.toContain('wrong-secret-for-e2e');
	});

	it('explains an IP that is not registered (403 Access Denied page)', async () => {
		await sandbox.control('POST', 'faults', { accessDenied: true });
		try {
			const result = await testCredential(good());
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/IP address/);
		} finally {
			await sandbox.control('DELETE', 'faults');
		}
	});
});
