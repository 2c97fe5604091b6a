/**
 * Once per `npm run test:e2e`: install n8n (cached in .n8n-cache/, seconds when warm), build our package and
 * pack it into .e2e/package/.
 */
import { mkdirSync } from 'node:fs';

import { installN8n } from './n8n';
import { buildAndPackPackage } from './package';
import { E2E_DIR, E2E_LOG_DIR } from './paths';

export default async function globalSetup(): Promise<void> {
	mkdirSync(E2E_LOG_DIR, { recursive: true });
	mkdirSync(E2E_DIR, { recursive: true });
	let startedAt = Date.now();
	const installed = await installN8n();
	process.stdout.write(`\ne2e: n8n ${installed.n8nVersion} on Node ${installed.nodeVersion} ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
	startedAt = Date.now();
	const tarball = await buildAndPackPackage();
	process.stdout.write(`e2e: built and packed ${tarball} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
}
