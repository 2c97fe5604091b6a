/**
 * Once per `npm run test:e2e`: install n8n (cached in .n8n-cache/, seconds when warm), build our package and
 * pack it into .e2e/package/, make sure chromium is there for the browser check, and Postgres, Redis, tinyproxy
 * and openssl for the queue-mode, crash and proxy suites.
 */
import { mkdirSync } from 'node:fs';

import { ensureChromium, CHROMIUM_UNAVAILABLE_ENV } from './chromium';
import { installN8n } from './n8n';
import { buildAndPackPackage } from './package';
import { E2E_DIR, E2E_LOG_DIR } from './paths';
import { ensureDebianPackages } from './services';

export default async function globalSetup(): Promise<void> {
	mkdirSync(E2E_LOG_DIR, { recursive: true });
	mkdirSync(E2E_DIR, { recursive: true });
	let startedAt = Date.now();
	const installed = await installN8n();
	process.stdout.write(`\ne2e: n8n ${installed.n8nVersion} on Node ${installed.nodeVersion} ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
	startedAt = Date.now();
	const tarball = await buildAndPackPackage();
	process.stdout.write(`e2e: built and packed ${tarball} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
	// The browser check needs Debian's chromium: install it when missing (as root), else skip that test.
	const chromiumUnavailable = await ensureChromium();
	if (chromiumUnavailable) {
		process.stdout.write(`e2e: the browser check will be SKIPPED: ${chromiumUnavailable}\n`);
		process.env[CHROMIUM_UNAVAILABLE_ENV] = chromiumUnavailable;
	}
	// Not skipped when missing: those suites then fail, naming what to install.
	const servicesUnavailable = await ensureDebianPackages();
	if (servicesUnavailable) process.stdout.write(`e2e: the queue-mode, crash and proxy suites will FAIL: ${servicesUnavailable}\n`);
}
