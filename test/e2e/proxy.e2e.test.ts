/**
 * Behind a fixed-IP forward proxy: Debian's tinyproxy on 127.0.0.1 opens its outgoing connections from
 * 127.0.0.2, so the gateway tells proxied requests (client 127.0.0.2, the "registered IP") from direct ones
 * (127.0.0.1), the way Coupang's IP allow-list does. The sandbox records the client address of every request.
 *
 * - The Coupang node with its "Request Options → Proxy" set (`n8n execute`): every request reaches the sandbox
 *   from the proxy, signed and accepted (a read and a reply); the proxy's log lists them. The same workflow
 *   without the option goes direct: the test can tell.
 * - The Coupang Trigger in an `n8n start` whose environment has HTTP_PROXY/HTTPS_PROXY: its polls reach the
 *   sandbox from the proxy, and the new inquiries come out. Over HTTPS too, as Coupang's real gateway is: an
 *   HTTPS front for the sandbox (a self-signed certificate n8n trusts through NODE_EXTRA_CA_CERTS) sees the
 *   proxy as its client, and the proxy logs the CONNECT tunnels.
 */
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { itemsCarriedBy, listExecutions, readExecution } from './harness/executions';
import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount, type WorkflowImport } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { waitFor } from './harness/processes';
import { TinyproxyProcess } from './harness/services';
import { TlsFront } from './harness/tls-front';
import { chainWorkflow, coupangTriggerNode, coupangNode, manualTriggerNode, pollTimesEvery, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-proxy-fixed-key';
const HTTP_CREDENTIAL: CredentialRef = { id: 'e2eProxyCredHttp', name: 'Coupang sandbox over HTTP (proxy e2e)' };
const HTTPS_CREDENTIAL: CredentialRef = { id: 'e2eProxyCredTls1', name: 'Coupang sandbox over HTTPS (proxy e2e)' };
const OWNER: OwnerAccount = { email: 'proxy@example.com', firstName: 'Proxy', lastName: 'Test', password: 'E2e-proxy-password-1' };
const KOREA = 'Asia/Seoul';
const NODE_WORKFLOW_PROXIED = 'e2eProxyNodeVia1';
const NODE_WORKFLOW_DIRECT = 'e2eProxyNodeDir1';
const TRIGGER_WORKFLOWS = { http: 'e2eProxyTrigHttp', https: 'e2eProxyTrigTls1' } as const;
const TRIGGER_NODE = 'Coupang Trigger';
const HTTP_TRIGGER_STATUS = 'NOANSWER';
const HTTPS_TRIGGER_STATUS = 'ALL';
const POLL_STEP_SECONDS = 5;
const PROXY_ADDRESS = '127.0.0.2';
const DIRECT_ADDRESS = '127.0.0.1';

function koreaDateTime(value: DateTime): string {
	return value.setZone(KOREA).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

describe('Coupang nodes behind a fixed-IP forward proxy (tinyproxy)', () => {
	let sandbox: RunningSandbox;
	let proxy: TinyproxyProcess;
	let front: TlsFront;
	let n8n: N8nUserFolder;
	let server: N8nServer | undefined;
	let replyTo: number;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0, seed: 51, productInquiries: 40, callCenterInquiries: 5, products: 5 });
		proxy = await TinyproxyProcess.start({ logFile: join(E2E_LOG_DIR, 'proxy-tinyproxy.log') });
		front = await TlsFront.start({ host: '127.0.0.1', port: sandbox.port });
		const unanswered = sandbox.store.productInquiries.add({ count: 1 })[0];
		replyTo = unanswered.inquiryId;

		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'proxy'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'proxy-n8n.log'));
		await n8n.installPackage(packedTarball());
		await n8n.importCredentials([sandboxCredential(HTTP_CREDENTIAL, sandbox.url), sandboxCredential(HTTPS_CREDENTIAL, front.url)]);
		const today = DateTime.now().setZone(KOREA).startOf('day');
		const lastWeek = { startDate: koreaDateTime(today.minus({ days: 7 })), endDate: koreaDateTime(today) };
		const nodeWorkflow = (id: string, requestOptions: Record<string, unknown>): WorkflowImport =>
			chainWorkflow(id, `e2e proxy: node ${id}`, [
				manualTriggerNode(),
				coupangNode('Get Inquiries', { resource: 'productInquiry', operation: 'getMany', answerStatus: 'ALL', ...lastWeek, returnAll: true, requestOptions }, HTTP_CREDENTIAL, [220, 0]),
				{
					...coupangNode('Reply', { resource: 'productInquiry', operation: 'reply', inquiryId: String(replyTo), content: 'Answered through the proxy.', replyBy: 'wing-e2e', requestOptions }, HTTP_CREDENTIAL, [440, 0]),
					executeOnce: true,
				},
			]);
		// The two triggers ask for different answer statuses, so the gateway's log tells their polls apart.
		const triggerWorkflow = (id: string, credential: CredentialRef, answeredType: string): WorkflowImport =>
			chainWorkflow(id, `e2e proxy: trigger ${id}`, [
				coupangTriggerNode(TRIGGER_NODE, { event: 'productInquiry', answeredType, pollTimes: pollTimesEvery(POLL_STEP_SECONDS) }, credential),
				{ id: 'received', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			]);
		await n8n.importWorkflows([
			nodeWorkflow(NODE_WORKFLOW_PROXIED, { proxy: proxy.url }),
			nodeWorkflow(NODE_WORKFLOW_DIRECT, {}),
			triggerWorkflow(TRIGGER_WORKFLOWS.http, HTTP_CREDENTIAL, HTTP_TRIGGER_STATUS),
			triggerWorkflow(TRIGGER_WORKFLOWS.https, HTTPS_CREDENTIAL, HTTPS_TRIGGER_STATUS),
		]);
		await n8n.publishWorkflow(TRIGGER_WORKFLOWS.http);
		await n8n.publishWorkflow(TRIGGER_WORKFLOWS.https);
	}, 10 * 60_000);

	afterAll(async () => {
		await server?.stop();
		await front?.stop();
		await proxy?.stop();
		await sandbox?.stop();
	});

	const apiRequests = (): ReturnType<RunningSandbox['requestLog']> => sandbox.requestLog().filter((entry) => !entry.path.startsWith('/__sandbox'));
	const sandboxHost = (): string => `127.0.0.1:${sandbox.port}`;

	test('the node with Request Options → Proxy reaches Coupang only through the proxy, signatures accepted', async () => {
		sandbox.clearRequestLog();
		const forwardedBefore = proxy.forwardedRequests().length;
		const outcome = await n8n.execute(NODE_WORKFLOW_PROXIED);
		expect(outcome.exitCode).toBe(0);
		expect(outcome.itemsOf('Get Inquiries').length).toBeGreaterThan(0);
		expect(outcome.itemsOf('Reply')).toHaveLength(1);

		const requests = apiRequests();
		expect(requests.map((entry) => entry.method).sort()).toEqual(expect.arrayContaining(['GET', 'POST']));
		// Every request came from the proxy's address, and the gateway accepted its signature.
		expect(new Set(requests.map((entry) => `${entry.remoteAddress} ${entry.status}`))).toEqual(new Set([`${PROXY_ADDRESS} 200`]));
		// The proxy's own log lists each of them.
		const forwarded = proxy.forwardedRequests().slice(forwardedBefore).filter((request) => request.url.startsWith(`http://${sandboxHost()}/`));
		expect(forwarded.map((request) => `${request.method} ${new URL(request.url).pathname}`).sort()).toEqual(requests.map((entry) => `${entry.method} ${entry.path}`).sort());
		expect(sandbox.store.productInquiries.all.find((inquiry) => inquiry.inquiryId === replyTo)?.comments.length ?? 0).toBeGreaterThan(0);
	});

	test('without the option the same workflow goes direct (the test tells them apart)', async () => {
		sandbox.clearRequestLog();
		const forwardedBefore = proxy.forwardedRequests().length;
		const outcome = await n8n.execute(NODE_WORKFLOW_DIRECT);
		// The reply fails now (already answered through the proxy): only the read matters here.
		expect(outcome.itemsOf('Get Inquiries').length).toBeGreaterThan(0);
		const requests = apiRequests();
		expect(requests.length).toBeGreaterThan(0);
		expect(new Set(requests.map((entry) => entry.remoteAddress))).toEqual(new Set([DIRECT_ADDRESS]));
		expect(proxy.forwardedRequests().slice(forwardedBefore).filter((request) => request.url.includes(sandboxHost()))).toEqual([]);
	});

	test('the trigger in an n8n with HTTP_PROXY/HTTPS_PROXY polls through the proxy, over HTTP and HTTPS, and emits the new inquiries', async () => {
		sandbox.clearRequestLog();
		const connectsBefore = proxy.connectTunnels().length;
		const tlsClientsBefore = front.clientAddresses.length;
		server = await n8n.start({
			env: {
				HTTP_PROXY: proxy.url,
				HTTPS_PROXY: proxy.url,
				NODE_EXTRA_CA_CERTS: front.certificateFile,
			},
		});
		const session = await N8nRestSession.setupOwner(server.url, OWNER);
		const listCalls = (): number => apiRequests().filter((entry) => entry.path.endsWith('/onlineInquiries')).length;
		// Both triggers polled once (activation), then add inquiries and wait for both to emit them.
		await waitFor('the first polls', async () => (listCalls() >= 2 ? true : undefined), 60_000, 250);
		const added = sandbox.store.productInquiries.add({ count: 2 }).map((inquiry) => inquiry.inquiryId);
		for (const workflowId of Object.values(TRIGGER_WORKFLOWS)) {
			await waitFor(
				`${workflowId} to emit ${added.join(', ')}`,
				async () => {
					const executions = await Promise.all((await listExecutions(session, workflowId)).map((execution) => readExecution(session, execution.id)));
					const emitted = executions.flatMap((execution) => itemsCarriedBy(execution, TRIGGER_NODE).map((item) => Number(item.inquiryId)));
					return added.every((id) => emitted.includes(id)) ? true : undefined;
				},
				POLL_STEP_SECONDS * 4000 + 30_000,
				500,
			);
		}
		const requests = apiRequests();
		const polls = (answeredType: string): typeof requests => requests.filter((entry) => entry.path.endsWith('/onlineInquiries') && entry.query.includes(`answeredType=${answeredType}&`));
		expect(new Set(requests.map((entry) => entry.status))).toEqual(new Set([200]));
		// HTTP: the sandbox saw every poll of that trigger come from the proxy; the proxy logged them.
		const httpPolls = polls(HTTP_TRIGGER_STATUS);
		expect(httpPolls.length).toBeGreaterThanOrEqual(2);
		expect(new Set(httpPolls.map((entry) => entry.remoteAddress))).toEqual(new Set([PROXY_ADDRESS]));
		const forwarded = proxy.forwardedRequests().filter((request) => request.url.startsWith(`http://${sandboxHost()}/`) && request.url.includes(`answeredType=${HTTP_TRIGGER_STATUS}&`));
		expect(forwarded.length).toBeGreaterThanOrEqual(httpPolls.length);
		// HTTPS: the front (the "gateway") saw only the proxy as client, through CONNECT tunnels the proxy logged;
		// the polls reached the sandbox from the front itself.
		const httpsPolls = polls(HTTPS_TRIGGER_STATUS);
		expect(httpsPolls.length).toBeGreaterThanOrEqual(2);
		expect(new Set(httpsPolls.map((entry) => entry.remoteAddress))).toEqual(new Set([DIRECT_ADDRESS]));
		const tlsClients = front.clientAddresses.slice(tlsClientsBefore);
		expect(tlsClients.length).toBeGreaterThan(0);
		expect(new Set(tlsClients)).toEqual(new Set([PROXY_ADDRESS]));
		expect(proxy.connectTunnels().slice(connectsBefore)).toContain(`127.0.0.1:${front.port}`);
	});
});
