/**
 * Return / Cancel Request, Exchange Request and Product Item in a real n8n, from our packed package against the
 * sandbox process: one n8n user folder, one workflow run with `n8n execute` (each operation one node off the Manual
 * Trigger: the reads, then the writes, as n8n runs branches top to bottom), compared with what the sandbox holds;
 * then `n8n start` with the New Return/Cancel Request and New Exchange Request triggers active, each new record
 * emitted exactly once.
 */
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { N8nRestSession, N8nUserFolder, readInstalledN8n, type ExecutionOutcome, type N8nServer, type OwnerAccount, type WorkflowImport, type WorkflowNode } from './harness/n8n';
import { packedTarball } from './harness/package';
import { E2E_DIR, E2E_LOG_DIR } from './harness/paths';
import { waitFor } from './harness/processes';
import { SandboxProcess, type SandboxRequest } from './harness/sandbox';
import { coupangTriggerNode, coupangNode, manualTriggerNode, pollTimesEvery, sandboxCredential, type CredentialRef } from './harness/workflows';

const ENCRYPTION_KEY = 'e2e-claims-fixed-key';
const CREDENTIAL: CredentialRef = { id: 'e2eCoupangCred03', name: 'Coupang sandbox (claims e2e)' };
const OWNER: OwnerAccount = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-password-1' };
const KOREA = 'Asia/Seoul';
const VENDOR = 'A00012345';
const POLL_STEP_SECONDS = 5;
const WORKFLOW_IDS = { operations: 'e2eClaimsOperati', triggers: 'e2eClaimsTrigger' } as const;
const TRIGGER_NODES = { returnRequest: 'New Return Request', exchangeRequest: 'New Exchange Request' } as const;

interface ReturnDump {
	vendorId: string;
	receiptId: number;
	receiptType: string;
	receiptStatus: string;
	releaseStopStatus: string;
	createdAt: string;
	cancelCountSum: number;
	returnItems: Array<{ shipmentBoxId: number }>;
}
interface ExchangeDump {
	vendorId: string;
	exchangeId: number;
	exchangeStatus: string;
	createdAt: string;
	exchangeRejectCode: string | null;
	deliveryStatus: string;
	deliveryInvoiceGroupDtos: Array<{ shipmentBoxId: number; deliveryInvoiceDtos: Array<{ invoiceNumber: string }> }>;
}
interface ItemDump {
	vendorItemId: number;
	vendorId: string;
	amountInStock: number;
	salePrice: number;
	onSale: boolean;
}

/** Manual Trigger → every node on its own branch (top to bottom is the order n8n runs them in). */
function fanOutWorkflow(id: string, name: string, nodes: WorkflowNode[]): WorkflowImport {
	const start = manualTriggerNode();
	const placed = nodes.map((node, index) => ({ ...node, position: [260, index * 160] as [number, number] }));
	return {
		id,
		name,
		active: false,
		nodes: [start, ...placed],
		connections: { [start.name]: { main: [placed.map((node) => ({ node: node.name, type: 'main' as const, index: 0 }))] } },
		settings: { executionOrder: 'v1' },
	};
}

const node = (name: string, parameters: Record<string, unknown>, extra: Partial<WorkflowNode> = {}): WorkflowNode => ({ ...coupangNode(name, parameters, CREDENTIAL), ...extra });
const sorted = (values: unknown[]): number[] => values.map(Number).sort((a, b) => a - b);

describe('Return / Cancel Request, Exchange Request and Product Item in a real n8n', () => {
	let sandbox: SandboxProcess;
	let n8n: N8nUserFolder;
	let server: N8nServer | undefined;
	const now = DateTime.now().setZone(KOREA);
	const twoMonths = { createdFrom: now.minus({ days: 40 }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"), createdTo: now.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") };
	const target: Record<string, number> = {};

	beforeAll(async () => {
		sandbox = await SandboxProcess.start({ seed: 9, productInquiries: 5, callCenterInquiries: 5, products: 5, quiet: true, logFile: join(E2E_LOG_DIR, 'claims-sandbox.log') });
		const addReturn = async (body: Record<string, unknown>): Promise<ReturnDump> => (await sandbox.control<{ created: ReturnDump[] }>('POST', 'returns', body)).created[0];
		const addExchange = async (stage: string): Promise<ExchangeDump> => (await sandbox.control<{ created: ExchangeDump[] }>('POST', 'exchanges', { stage })).created[0];
		// One record per write, in the state the write needs; and returns spread over 40 days for the lists.
		target.confirmReceipt = (await addReturn({ receiptStatus: 'RETURNS_UNCHECKED', quickRefund: false })).receiptId;
		target.approve = (await addReturn({ receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' })).receiptId;
		target.stopShipment = (await addReturn({ receiptStatus: 'RELEASE_STOP_UNCHECKED' })).receiptId;
		target.markAlreadyShipped = (await addReturn({ receiptStatus: 'RELEASE_STOP_UNCHECKED' })).receiptId;
		for (let daysAgo = 1; daysAgo <= 38; daysAgo += 3) await addReturn({ createdAt: now.minus({ days: daysAgo }).toFormat("yyyy-MM-dd'T'HH:mm:ss") });
		target.exchangeConfirm = (await addExchange('received')).exchangeId;
		target.exchangeReject = (await addExchange('received')).exchangeId;
		const confirmed = await addExchange('confirmed');
		target.exchangeInvoice = confirmed.exchangeId;
		target.exchangeInvoiceBox = confirmed.deliveryInvoiceGroupDtos[0].shipmentBoxId;
		const items = (await sandbox.control<{ created: ItemDump[] }>('POST', 'product-items', { count: 3, salePrice: 20000, amountInStock: 5 })).created;
		[target.price, target.quantity, target.stop] = items.map((item) => item.vendorItemId);
		target.resume = (await sandbox.control<{ created: ItemDump[] }>('POST', 'product-items', { count: 1, onSale: false })).created[0].vendorItemId;

		n8n = N8nUserFolder.createFresh(readInstalledN8n(), join(E2E_DIR, 'claims'), ENCRYPTION_KEY, join(E2E_LOG_DIR, 'claims-n8n.log'));
		await n8n.installPackage(packedTarball());
		await n8n.importCredentials([sandboxCredential(CREDENTIAL, sandbox.url)]);
		const raw = { output: 'raw' };
		// Both trigger events in one active workflow (one publish), each into its own No Operation node.
		const triggers: WorkflowImport = {
			id: WORKFLOW_IDS.triggers,
			name: 'e2e: new return and exchange requests',
			active: false,
			nodes: Object.entries(TRIGGER_NODES).flatMap(([event, name], index): WorkflowNode[] => [
				coupangTriggerNode(name, { event, pollTimes: pollTimesEvery(POLL_STEP_SECONDS) }, CREDENTIAL, [0, index * 200]),
				{ id: `${event}-received`, name: `${name} Received`, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, index * 200], parameters: {} },
			]),
			connections: Object.fromEntries(Object.values(TRIGGER_NODES).map((name) => [name, { main: [[{ node: `${name} Received`, type: 'main' as const, index: 0 }]] }])),
			settings: { executionOrder: 'v1' },
		};
		await n8n.importWorkflows([
			fanOutWorkflow(WORKFLOW_IDS.operations, 'e2e: claim operations, reads then writes', [
				node('Returns by Day', { resource: 'returnRequest', operation: 'getMany', returnStatus: 'REQUESTED', ...twoMonths, returnAll: true, options: { pageSize: 4 }, ...raw }),
				node('Returns by Minute', { resource: 'returnRequest', operation: 'getMany', searchBy: 'minute', createdFrom: now.minus({ days: 10 }).toISO(), createdTo: now.plus({ minutes: 5 }).toISO(), returnAll: true, ...raw }),
				node('Return', { resource: 'returnRequest', operation: 'get', receiptId: String(target.confirmReceipt) }),
				node('Exchanges', { resource: 'exchangeRequest', operation: 'getMany', createdFrom: now.minus({ days: 12 }).toISO(), createdTo: now.plus({ minutes: 5 }).toISO(), returnAll: true, options: { pageSize: 3 }, ...raw }),
				node('Inventory', { resource: 'productItem', operation: 'getInventory', vendorItemId: String(target.price) }),
				node('Confirm Return Receipt', { resource: 'returnRequest', operation: 'confirmReceipt', receiptId: String(target.confirmReceipt) }),
				node('Approve Return', { resource: 'returnRequest', operation: 'approve', receiptId: String(target.approve) }),
				node('Stop Shipment', { resource: 'returnRequest', operation: 'stopShipment', receiptId: String(target.stopShipment) }),
				node('Already Shipped', { resource: 'returnRequest', operation: 'markAlreadyShipped', receiptId: String(target.markAlreadyShipped), deliveryCompanyCode: 'CJGLS', invoiceNumber: '340010913442' }),
				node('Confirm Exchange', { resource: 'exchangeRequest', operation: 'confirmReceipt', exchangeId: String(target.exchangeConfirm) }),
				node('Reject Exchange', { resource: 'exchangeRequest', operation: 'reject', exchangeId: String(target.exchangeReject), exchangeRejectCode: 'SOLDOUT' }),
				node('Exchange Waybill', { resource: 'exchangeRequest', operation: 'uploadInvoice', exchangeId: String(target.exchangeInvoice), shipmentBoxId: String(target.exchangeInvoiceBox), goodsDeliveryCode: 'HANJIN', invoiceNumber: '412345678901' }),
				node('Update Price', { resource: 'productItem', operation: 'updatePrice', vendorItemId: String(target.price), salePrice: 21990 }),
				node('Update Quantity', { resource: 'productItem', operation: 'updateQuantity', vendorItemId: String(target.quantity), quantity: 0 }),
				node('Stop Sales', { resource: 'productItem', operation: 'stopSales', vendorItemId: String(target.stop) }),
				node('Resume Sales', { resource: 'productItem', operation: 'resumeSales', vendorItemId: String(target.resume) }),
				// A rule broken by an expression: the item fails before any request, the run goes on.
				node('Reject With Another Reason', { resource: 'exchangeRequest', operation: 'reject', exchangeId: String(target.exchangeReject), exchangeRejectCode: '={{ "DAMAGED" }}' }, { onError: 'continueRegularOutput' }),
			]),
			triggers,
		]);
		await n8n.publishWorkflow(WORKFLOW_IDS.triggers);
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.stop();
	});

	const dump = async <T>(path: string): Promise<T[]> => (await sandbox.control<T[]>('GET', path)).filter((entry) => (entry as { vendorId?: string }).vendorId === VENDOR);
	const requests = async (): Promise<SandboxRequest[]> => await sandbox.control<SandboxRequest[]>('GET', 'requests');

	let outcome: ExecutionOutcome;
	let before: { returns: ReturnDump[]; exchanges: ExchangeDump[] };

	test('reads: every list, the single receipt and the inventory equal what the sandbox held before the writes', async () => {
		before = { returns: await dump<ReturnDump>('returns'), exchanges: await dump<ExchangeDump>('exchanges') };
		await sandbox.control('DELETE', 'requests');
		outcome = await n8n.execute(WORKFLOW_IDS.operations);
		expect(outcome.exitCode).toBe(0);
		const returns = before.returns;
		const from = now.minus({ days: 40 }).toFormat('yyyy-MM-dd');
		const requested = returns.filter((entry) => entry.receiptType === 'RETURN' && ['RETURNS_UNCHECKED', 'RELEASE_STOP_UNCHECKED'].includes(entry.receiptStatus) && entry.createdAt.slice(0, 10) >= from);
		expect(requested.length).toBeGreaterThan(12);
		const byDay = outcome.itemsOf('Returns by Day');
		expect(sorted(byDay.map((item) => item.receiptId))).toEqual(sorted(requested.map((entry) => entry.receiptId)));
		// Raw: Coupang's record as the sandbox holds it (its dump adds vendorId and its quick-refund flag).
		for (const item of byDay) expect(returns.find((entry) => entry.receiptId === item.receiptId)).toMatchObject(item);

		const tenDays = now.minus({ days: 10 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
		const unchecked = returns.filter((entry) => entry.receiptType === 'RETURN' && entry.receiptStatus === 'RETURNS_UNCHECKED' && entry.createdAt >= tenDays);
		expect(sorted(outcome.itemsOf('Returns by Minute').map((item) => item.receiptId))).toEqual(sorted(unchecked.map((entry) => entry.receiptId)));

		expect(outcome.itemsOf('Return')).toEqual([expect.objectContaining({ receiptId: target.confirmReceipt, status: 'RETURNS_UNCHECKED', toDo: 'confirmReceipt' })]);

		const exchanges = before.exchanges;
		const since = now.minus({ days: 12 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
		expect(sorted(outcome.itemsOf('Exchanges').map((item) => item.exchangeId))).toEqual(sorted(exchanges.filter((entry) => entry.createdAt >= since).map((entry) => entry.exchangeId)));

		expect(outcome.itemsOf('Inventory')).toEqual([{ vendorItemId: target.price, amountInStock: 5, salePrice: 20000, onSale: true }]);
		const listCalls = (await requests()).filter((request) => request.path.endsWith('/returnRequests') || request.path.endsWith('/exchangeRequests'));
		expect(listCalls.every((request) => request.status === 200)).toBe(true);
		expect(listCalls.some((request) => request.query.includes('nextToken='))).toBe(true); // pages followed
	});

	test('writes: each changes the sandbox as documented, as a PUT (the waybill a POST); a broken rule fails its item without a request', async () => {
		const returns = new Map((await dump<ReturnDump>('returns')).map((entry) => [entry.receiptId, entry]));
		expect(returns.get(target.confirmReceipt)?.receiptStatus).toBe('VENDOR_WAREHOUSE_CONFIRM');
		expect(returns.get(target.approve)?.receiptStatus).toBe('RETURNS_COMPLETED');
		expect([returns.get(target.stopShipment)?.receiptStatus, returns.get(target.stopShipment)?.releaseStopStatus]).toEqual(['RETURNS_COMPLETED', '처리(출고중지)']);
		expect([returns.get(target.markAlreadyShipped)?.receiptStatus, returns.get(target.markAlreadyShipped)?.releaseStopStatus]).toEqual(['RETURNS_UNCHECKED', '처리(이미출고)']);
		expect(outcome.itemsOf('Stop Shipment')).toEqual([expect.objectContaining({ success: true, operation: 'stopShipment', receiptId: target.stopShipment, resultCode: 'SUCCESS' })]);

		const exchanges = new Map((await dump<ExchangeDump>('exchanges')).map((entry) => [entry.exchangeId, entry]));
		expect(exchanges.get(target.exchangeConfirm)?.exchangeStatus).toBe('PROGRESS');
		expect(exchanges.get(target.exchangeConfirm)?.deliveryInvoiceGroupDtos).toHaveLength(1);
		expect([exchanges.get(target.exchangeReject)?.exchangeStatus, exchanges.get(target.exchangeReject)?.exchangeRejectCode]).toEqual(['REJECT', 'SOLDOUT']);
		expect(exchanges.get(target.exchangeInvoice)?.deliveryStatus).toBe('CompleteDirection');
		expect(outcome.itemsOf('Exchange Waybill')).toEqual([expect.objectContaining({ success: true, shipmentBoxId: target.exchangeInvoiceBox, resultMessage: 'Invoice number save successfully' })]);

		const items = new Map((await sandbox.control<ItemDump[]>('GET', 'product-items')).map((entry) => [entry.vendorItemId, entry]));
		expect(items.get(target.price)?.salePrice).toBe(21990);
		expect(items.get(target.quantity)?.amountInStock).toBe(0);
		expect(items.get(target.stop)?.onSale).toBe(false);
		expect(items.get(target.resume)?.onSale).toBe(true);

		expect(String(outcome.itemsOf('Reject With Another Reason')[0].error)).toMatch(/Reason must be one of SOLDOUT, WITHDRAW, got "DAMAGED"/);
		const writes = (await requests()).filter((request) => request.method !== 'GET');
		expect(writes.map((request) => request.method).sort()).toEqual([...Array(10).fill('PUT'), 'POST'].sort());
		expect(writes.every((request) => request.status === 200)).toBe(true);
		expect(writes.filter((request) => request.path.endsWith(`/${target.exchangeReject}/rejection`))).toHaveLength(1);
	});

	test('triggers: New Return/Cancel Request and New Exchange Request emit each new record once', async () => {
		server = await n8n.start();
		const session = await N8nRestSession.setupOwner(server.url, OWNER);
		const listCalls = async (path: string): Promise<number> => (await requests()).filter((request) => request.path.endsWith(path)).length;
		const pollsDone = async (polls: number): Promise<void> => {
			const [returns, exchanges] = [await listCalls('/returnRequests'), await listCalls('/exchangeRequests')];
			await waitFor(
				`${polls} more polls of each trigger`,
				async () => ((await listCalls('/returnRequests')) >= returns + 2 * polls && (await listCalls('/exchangeRequests')) >= exchanges + polls ? true : undefined),
				(polls + 3) * POLL_STEP_SECONDS * 1000,
				1_000,
			);
		};
		/** Every record each trigger node emitted, over all of the workflow's executions. */
		const emitted = async (): Promise<{ returns: number[]; exchanges: number[] }> => {
			const ids = { returns: [] as number[], exchanges: [] as number[] };
			for (const summary of await session.executionsOf(WORKFLOW_IDS.triggers)) {
				if (summary.status !== 'success') throw new Error(`Execution ${summary.id} ended ${summary.status}`);
				const { runData } = (await session.execution(summary.id)).data.resultData;
				for (const run of runData[TRIGGER_NODES.returnRequest] ?? []) for (const item of run.data?.main?.[0] ?? []) ids.returns.push(Number(item.json.receiptId));
				for (const run of runData[TRIGGER_NODES.exchangeRequest] ?? []) for (const item of run.data?.main?.[0] ?? []) ids.exchanges.push(Number(item.json.exchangeId));
			}
			return ids;
		};
		await pollsDone(1); // the starting points are set: nothing before them is emitted

		const added = {
			returns: [
				...(await sandbox.control<{ created: ReturnDump[] }>('POST', 'returns', { count: 2 })).created,
				...(await sandbox.control<{ created: ReturnDump[] }>('POST', 'returns', { receiptStatus: 'RELEASE_STOP_UNCHECKED' })).created,
			].map((entry) => entry.receiptId),
			exchanges: (await sandbox.control<{ created: ExchangeDump[] }>('POST', 'exchanges', { count: 2 })).created.map((entry) => entry.exchangeId),
		};
		await waitFor(
			'both triggers to emit the new records',
			async () => {
				const { returns, exchanges } = await emitted();
				return added.returns.every((id) => returns.includes(id)) && added.exchanges.every((id) => exchanges.includes(id)) ? true : undefined;
			},
			60_000,
			1_000,
		);
		await pollsDone(2); // a duplicate would show now (two more polls of each)
		const { returns, exchanges } = await emitted();
		expect(sorted(returns)).toEqual(sorted(added.returns));
		expect(sorted(exchanges)).toEqual(sorted(added.exchanges));
	});
});
