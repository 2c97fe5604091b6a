/**
 * Headless Debian chromium for the browser check, driven by playwright-core (no browser download: the
 * Debian package is used). Installed with apt-get when missing and we are root (as on CI).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

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
	if (typeof process.getuid === 'function' && process.getuid() !== 0) return `${CHROMIUM_PATH} is missing and installing it needs root (apt-get install -y chromium)`;
	if (!existsSync('/usr/bin/apt-get')) return `${CHROMIUM_PATH} is missing and there is no apt-get to install it`;
	process.stdout.write('e2e: installing chromium with apt-get (once per machine)\n');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = await runCommand('apt-get update', 'apt-get', ['update', '-qq'], { env, timeoutMs: 300_000 });
	if (update.exitCode !== 0) return `apt-get update failed: ${update.stderr.slice(-500)}`;
	const install = await runCommand('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { env, timeoutMs: 600_000 });
	if (install.exitCode !== 0 || !existsSync(CHROMIUM_PATH)) return `apt-get install -y chromium failed: ${install.stderr.slice(-500)}`;
	return undefined;
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
