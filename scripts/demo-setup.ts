/**
 * The demo's credential and workflows (demo/*.json), filled in for one run: the sandbox URL and the folder the
 * CSV workflow may write to. Shared by scripts/demo.ts and the e2e test that runs the demo workflows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialImport, WorkflowImport } from '../test/e2e/harness/n8n';
import { REPO_ROOT } from '../test/e2e/harness/paths';

export const DEMO_SOURCE_DIR = join(REPO_ROOT, 'demo');
export const DEMO_CSV_FILE_NAME = 'new-product-inquiries.csv';
export const DEMO_CSV_HEADER = 'inquiryId,inquiryAtIso,vendorItemId,question';

export const DEMO_WORKFLOW_IDS = {
	inquiryToCsv: 'demoInquiryToCsv',
	dailyDigest: 'demoDailyDigest1',
	productReport: 'demoProductReport',
	orderToCsv: 'demoOrderToCsv01',
	returnsWaiting: 'demoReturnsWaiting',
} as const;

// The New Order workflow's CSV file (demo/workflows/new-order-to-csv.json).
export const DEMO_ORDER_CSV_FILE_NAME = 'new-orders.csv';
export const DEMO_ORDER_CSV_HEADER = 'shipmentBoxId,orderId,paidAtIso,receiverName,items,orderPrice';

export interface DemoPlaceholders {
	sandboxUrl: string;
	/** Absolute folder n8n may write files to (N8N_RESTRICT_FILE_ACCESS_TO). */
	filesDir: string;
}

function fill(text: string, placeholders: DemoPlaceholders): string {
	return text.split('__SANDBOX_URL__').join(placeholders.sandboxUrl).split('__DEMO_FILES_DIR__').join(placeholders.filesDir);
}

export function demoCredentials(placeholders: DemoPlaceholders): CredentialImport[] {
	return JSON.parse(fill(readFileSync(join(DEMO_SOURCE_DIR, 'credentials.json'), 'utf8'), placeholders)) as CredentialImport[];
}

export function demoWorkflows(placeholders: DemoPlaceholders): WorkflowImport[] {
	const directory = join(DEMO_SOURCE_DIR, 'workflows');
	return readdirSync(directory)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => JSON.parse(fill(readFileSync(join(directory, name), 'utf8'), placeholders)) as WorkflowImport);
}
