/**
 * Headless Debian chromium for the browser check, driven by playwright-core (no browser download: the
 * Debian package is used). Installed, when missing, by scripts/setup.sh (apt-get, as root: as on CI).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

import { REPO_ROOT } from './paths';
import { runCommand } from './processes';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Set by the global setup (same process: the suite runs in band) when chromium cannot be had. */
export const CHROMIUM_UNAVAILABLE_ENV = 'E2E_CHROMIUM_UNAVAILABLE';

export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Resolves to undefined when chromium is there (or was installed), or to the reason it cannot be. */
export async function ensureChromium(): Promise<string | undefined> {
	if (existsSync(CHROMIUM_PATH)) return undefined;
	const setup = await runCommand('scripts/setup.sh packages', 'bash', [join(REPO_ROOT, 'scripts', 'setup.sh'), 'packages'], { timeoutMs: 900_000 });
	if (existsSync(CHROMIUM_PATH)) return undefined;
	return `${CHROMIUM_PATH} is missing and scripts/setup.sh could not install it (it needs root and apt-get): ${(setup.stderr || setup.stdout).slice(-500)}`;
}

/** A fresh, empty profile each time. */
export async function launchChromium(viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
	const profile = mkdtempSync(join(tmpdir(), 'n8n-e2e-chromium-'));
	return chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport,
	});
}
