/**
 * The Order resource and the New Order trigger in a real n8n, from our packed package, against the sandbox (a
 * separate process): every operation through `n8n execute` (one user folder, one workflow each), compared with what
 * the sandbox holds; Set to Preparing for 120 items made by n8n's own nodes (Set → Split Out), which must become 3
 * acknowledgement calls in the real n8n, where each item reads its credential from the database; and an active New
 * Order workflow in `n8n start` that emits each paid order once.
 */
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { N8nRestSession, N8nUserFolder, readInstalledN8n, type N8nServer, type OwnerAccount, type WorkflowImport, type WorkflowNode } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { waitFor } from './harness/processes';
import { SandboxProcess, type SandboxRequest } from './harness/sandbox';
import {
	chainWorkflow,
	coupangNode,
	coupangTriggerNode,
	manualTriggerNode,
	pollTimesEvery,
	sandboxCredential,
	type CredentialRef,
} from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-orders-fixed-key';
const CREDENTIAL: CredentialRef = { id: 'e2eCoupangCred05', name: 'Coupang sandbox (orders e2e)' };
const OWNER: OwnerAccount = { email: 'orders@example.com', firstName: 'E2E', lastName: 'Orders', password: 'E2e-orders-password-1' };
const KOREA = 'Asia/Seoul';
const VENDOR = 'A00012345';
const ORDERSHEETS = `/v2/providers/openapi/apis/api/v4/vendors/${VENDOR}/ordersheets`;

/** An order box as the sandbox's control surface dumps it: Coupang's v4 record plus the sandbox's own fields. */
interface SandboxOrder {
	shipmentBoxId: number;
	orderId: number;
	vendorId: string;
	status: string;
	orderedAt: string;
	paidAt: string;
	closedBy: string | null;
	deliveryCompanyCode: string | null;
	stopRequested: boolean;
	invoiceNumber: string;
	orderItems: Array<{ vendorItemId: number; holdCountForCancel: number }>;
	history: Array<{ deliveryStatus: string; deliveryStatusDesc: string; updatedAt: string }>;
	[field: string]: unknown;
}

const IDS = {
	reads: 'e2eOrderReads001',
	writes: 'e2eOrderWrites01',
	tooLong: 'e2eOrderTooLong1',
	trigger: 'e2eOrderTrigger1',
} as const;

/** Manual Trigger → each branch (a node, or a chain of nodes), side by side. */
function fanOutWorkflow(id: string, name: string, branches: Array<WorkflowNode | WorkflowNode[]>): WorkflowImport {
	const start = manualTriggerNode();
	const chains = branches.map((branch) => (Array.isArray(branch) ? branch : [branch]));
	const connections: WorkflowImport['connections'] = { [start.name]: { main: [chains.map((chain) => ({ node: chain[0].name, type: 'main' as const, index: 0 }))] } };
	for (const chain of chains) {
		for (let index = 0; index + 1 < chain.length; index++) connections[chain[index].name] = { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes: [start, ...chains.flat()], connections, settings: { executionOrder: 'v1' } };
}

/** Coupang's record: the dump without the sandbox's own fields. */
function coupangRecord(order: SandboxOrder): Record<string, unknown> {
	const record: Record<string, unknown> = { ...order };
	for (const field of ['vendorId', 'closedBy', 'deliveryCompanyCode', 'stopRequested', 'history']) delete record[field];
	return record;
}

describe('Order resource and New Order trigger in a real n8n', () => {
	let sandbox: SandboxProcess;
	let n8n: N8nUserFolder;
	let server: N8nServer | undefined;
	const now = DateTime.now().setZone(KOREA);
	const dateTime = (value: DateTime): string => value.setZone(KOREA).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	let paid: SandboxOrder[];
	let preparing: SandboxOrder;
	let shipped: SandboxOrder;
	let twoBoxes: SandboxOrder[];

	const dump = async (): Promise<SandboxOrder[]> => await sandbox.control<SandboxOrder[]>('GET', 'orders');
	const addOrders = async (body: Record<string, unknown>): Promise<SandboxOrder[]> => (await sandbox.control<{ created: SandboxOrder[] }>('POST', 'orders', body)).created;
	const requests = async (): Promise<SandboxRequest[]> => await sandbox.control<SandboxRequest[]>('GET', 'requests');

	beforeAll(async () => {
		sandbox = await SandboxProcess.start({ seed: 14, productInquiries: 5, callCenterInquiries: 5, products: 5, quiet: true, logFile: join(E2E_LOG_DIR, 'orders-sandbox.log') });
		// 117 paid boxes for Set to Preparing (and Get Many), 35 and 40 days back too, so Get Many reads two windows.
		paid = await addOrders({ count: 117, status: 'ACCEPT', orderedAt: now.minus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
		await addOrders({ count: 3, status: 'ACCEPT', orderedAt: now.minus({ days: 35 }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
		await addOrders({ count: 2, status: 'ACCEPT', orderedAt: now.minus({ days: 40 }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
		[preparing] = await addOrders({ count: 1, status: 'INSTRUCT', itemCount: 2 });
		[shipped] = await addOrders({ count: 1, status: 'DELIVERING', orderedAt: now.minus({ days: 3 }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
		twoBoxes = await addOrders({ count: 1, status: 'FINAL_DELIVERY', boxCount: 2, orderedAt: now.minus({ days: 8 }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
		await sandbox.control('POST', 'order-readings', { orderByOrderIdData: 'array' });

		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'orders'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'orders-n8n.log'));
		await n8n.installPackage(packedTarball());
		await n8n.importCredentials([sandboxCredential(CREDENTIAL, sandbox.url)]);

		const node = (name: string, parameters: Record<string, unknown>, row: number): WorkflowNode => coupangNode(name, { resource: 'order', ...parameters }, CREDENTIAL, [400, row * 200]);
		const invoice = (box: SandboxOrder, courier: string, number: string): Record<string, unknown> => ({
			shipmentBoxId: String(box.shipmentBoxId),
			orderId: String(box.orderId),
			vendorItemIds: box.orderItems.map((item) => item.vendorItemId).join(','),
			deliveryCompanyCode: courier,
			invoiceNumber: number,
		});
		const boxes: WorkflowNode = {
			id: 'boxes',
			name: 'Boxes',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				assignments: { assignments: [{ id: 'b', name: 'boxes', type: 'array', value: `={{ ${JSON.stringify([...paid.map((box) => ({ box: box.shipmentBoxId })), { box: preparing.shipmentBoxId }, { box: 9999999999999 }, { box: paid[0].shipmentBoxId }])} }}` }] },
				options: {},
			},
		};
		const splitOut: WorkflowNode = { id: 'split', name: 'One Item per Box', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [300, 0], parameters: { fieldToSplitOut: 'boxes', options: {} } };
		// One `n8n execute` per workflow: the reads side by side after the Manual Trigger, then the writes, then a
		// validation error (each run takes seconds on a busy machine).
		await n8n.importWorkflows([
			fanOutWorkflow(IDS.reads, 'e2e: order reads', [
				node('Get Many', { operation: 'getMany', status: 'ACCEPT', startDate: dateTime(now.minus({ days: 44 })), endDate: dateTime(now), returnAll: true, options: { pageSize: 40 } }, 0),
				node('Get', { operation: 'get', shipmentBoxId: String(shipped.shipmentBoxId), output: 'raw' }, 1),
				node('Get by Order ID', { operation: 'getByOrderId', orderId: String(twoBoxes[0].orderId) }, 2),
				node('Get Delivery History', { operation: 'getDeliveryHistory', shipmentBoxId: String(shipped.shipmentBoxId) }, 3),
			]),
			fanOutWorkflow(IDS.writes, 'e2e: order writes', [
				[boxes, splitOut, node('Set to Preparing', { operation: 'setToPreparing', shipmentBoxIds: '={{ $json.box }}' }, 0)],
				node('Upload Invoice', { operation: 'uploadInvoice', ...invoice(preparing, 'CJGLS', '123456789012') }, 1),
				node('Update Invoice', { operation: 'updateInvoice', ...invoice(shipped, 'HANJIN', '1234567890') }, 2),
			]),
			fanOutWorkflow(IDS.tooLong, 'e2e: 40 days without Return All', [
				node('Coupang', { operation: 'getMany', status: 'ACCEPT', startDate: dateTime(now.minus({ days: 40 })), endDate: dateTime(now), returnAll: false, limit: 5 }, 0),
			]),
			chainWorkflow(IDS.trigger, 'e2e: new orders', [
				coupangTriggerNode('New Order', { event: 'order', orderStatus: 'ACCEPT', pollTimes: pollTimesEvery(10) }, CREDENTIAL),
				{ id: 'received', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			]),
		]);
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.stop();
	});

	async function run(workflowId: string): Promise<ReturnType<N8nUserFolder['execute']>> {
		await sandbox.control('DELETE', 'requests');
		return await n8n.execute(workflowId);
	}

	test('reads: Get Many over two windows and pages, Get, Get by Order ID, Get Delivery History equal the sandbox', async () => {
		const outcome = await run(IDS.reads);
		expect(outcome.exitCode).toBe(0);
		const held = await dump();
		const lists = (await requests()).filter((request) => request.path === ORDERSHEETS);

		// Get Many (Paid, 45 days, Return All, pages of 40): every paid box once, Simplified fields as held.
		const windows = [
			[now.minus({ days: 44 }), now.minus({ days: 14 })],
			[now.minus({ days: 13 }), now],
		].map(([from, to]) => [from.toFormat('yyyy-MM-dd'), to.toFormat('yyyy-MM-dd')]);
		const inWindow = ([from, to]: string[]): SandboxOrder[] =>
			held.filter((box) => box.vendorId === VENDOR && box.closedBy === null && box.status === 'ACCEPT' && box.orderedAt.slice(0, 10) >= from && box.orderedAt.slice(0, 10) <= to);
		const expected = windows.flatMap(inWindow);
		expect(expected.length).toBeGreaterThanOrEqual(122);
		const items = outcome.itemsOf('Get Many');
		expect(items.map((item) => item.shipmentBoxId).sort()).toEqual(expected.map((box) => box.shipmentBoxId).sort());
		const byId = new Map(expected.map((box) => [box.shipmentBoxId, box]));
		for (const item of items) {
			const box = byId.get(item.shipmentBoxId as number) as SandboxOrder;
			expect(item).toMatchObject({ orderId: box.orderId, status: 'ACCEPT', statusName: 'Paid', orderedAt: box.orderedAt, paidAt: box.paidAt, paidAtIso: `${box.paidAt}+09:00` });
		}
		expect(lists.map((request) => new URLSearchParams(request.query).get('createdAtFrom'))).toEqual(
			windows.flatMap((window) => Array.from({ length: Math.max(1, Math.ceil(inWindow(window).length / 40)) }, () => window[0])),
		);

		// Get (Raw): the box exactly as the sandbox holds it.
		const box = held.find((candidate) => candidate.shipmentBoxId === shipped.shipmentBoxId) as SandboxOrder;
		expect(outcome.itemsOf('Get')).toEqual([coupangRecord(box)]);
		// Get by Order ID: one item per box of the order.
		expect(outcome.itemsOf('Get by Order ID').map((item) => [item.shipmentBoxId, item.orderId, item.statusName])).toEqual(twoBoxes.map((order) => [order.shipmentBoxId, order.orderId, 'Delivered']));
		// Get Delivery History: each status change, newest first.
		expect(outcome.itemsOf('Get Delivery History').map((item) => [item.status, item.statusDescription, item.updatedAt])).toEqual(
			box.history.map((entry) => [entry.deliveryStatus, entry.deliveryStatusDesc, entry.updatedAt]),
		);
	});

	test('writes: 120 items from Split Out become 3 acknowledgement calls with one result per box; waybills uploaded and updated', async () => {
		const outcome = await run(IDS.writes);
		expect(outcome.exitCode).toBe(0);
		const calls = (await requests()).filter((request) => request.path.endsWith('/ordersheets/acknowledgement'));
		expect(calls.map((request) => `${request.method} ${request.status}`)).toEqual(['PUT 200', 'PUT 200', 'PUT 200']);
		const items = outcome.itemsOf('Set to Preparing');
		expect(items).toHaveLength(120);
		expect(items.slice(0, 117).map((item) => [item.shipmentBoxId, item.success, item.resultCode])).toEqual(paid.map((box) => [box.shipmentBoxId, true, 'OK']));
		expect(items[117]).toMatchObject({ shipmentBoxId: preparing.shipmentBoxId, success: false, resultCode: 'INVALID_STATUS', retryRequired: false });
		expect(items[118]).toMatchObject({ shipmentBoxId: 9999999999999, success: false, resultCode: 'NOT_FOUND_SHIPMENT_BOX' });
		expect(items[119]).toMatchObject({ shipmentBoxId: paid[0].shipmentBoxId, success: true, resultCode: 'OK' });
		expect(outcome.itemsOf('Upload Invoice')).toEqual([expect.objectContaining({ success: true, operation: 'uploadInvoice', shipmentBoxId: preparing.shipmentBoxId, resultCode: 'OK' })]);
		expect(outcome.itemsOf('Update Invoice')).toEqual([expect.objectContaining({ success: true, operation: 'updateInvoice', shipmentBoxId: shipped.shipmentBoxId, resultCode: 'OK' })]);
		const held = new Map((await dump()).map((box) => [box.shipmentBoxId, box]));
		for (const box of paid) expect(held.get(box.shipmentBoxId)?.status).toBe('INSTRUCT');
		expect(held.get(preparing.shipmentBoxId)).toMatchObject({ status: 'DEPARTURE', deliveryCompanyCode: 'CJGLS', invoiceNumber: '123456789012' });
		expect(held.get(shipped.shipmentBoxId)).toMatchObject({ status: 'DEPARTURE', deliveryCompanyCode: 'HANJIN', invoiceNumber: '1234567890' });
	});

	test('a period over 31 days without Return All fails before any request', async () => {
		const outcome = await run(IDS.tooLong);
		expect(outcome.exitCode).toBe(1);
		expect(outcome.errorMessage).toMatch(/spans 41 days; Coupang allows at most 31 days/);
		expect(await requests()).toEqual([]);
	});

	test('New Order in a running n8n emits each paid order once', async () => {
		await n8n.publishWorkflow(IDS.trigger);
		server = await n8n.start();
		const session = await N8nRestSession.setupOwner(server.url, OWNER);
		const polls = async (): Promise<number> => (await requests()).filter((request) => request.path === ORDERSHEETS).length;
		const emitted = async (): Promise<number[]> => {
			const ids: number[] = [];
			for (const summary of await session.executionsOf(IDS.trigger)) {
				const execution = await session.execution(summary.id);
				for (const run of execution.data.resultData.runData['New Order'] ?? []) for (const item of run.data?.main?.[0] ?? []) ids.push(Number(item.json.shipmentBoxId));
			}
			return ids;
		};
		await waitFor('the first poll', async () => ((await polls()) >= 1 ? true : undefined), 60_000, 500);
		await new Promise((resolve) => setTimeout(resolve, 1500)); // orders of a later second than the activation
		const added = (await addOrders({ count: 2, status: 'ACCEPT' })).map((box) => box.shipmentBoxId);
		await waitFor('the new orders to be emitted', async () => ((await emitted()).length >= 2 ? true : undefined), 60_000, 1_000);
		const before = await polls();
		await waitFor('one more poll', async () => ((await polls()) >= before + 1 ? true : undefined), 30_000, 1_000);
		expect((await emitted()).sort()).toEqual(added.sort());
	});
});
