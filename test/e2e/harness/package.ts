/**
 * Builds our package and packs it the way it is published (`npm pack`: package.json "files" = dist), so
 * n8n loads exactly what a user would install from the registry.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { E2E_PACKAGE_DIR, REPO_ROOT } from './paths';
import { runCommandOrThrow } from './processes';

export async function buildAndPackPackage(): Promise<string> {
	await runCommandOrThrow('npm run build', 'npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 180_000 });
	rmSync(E2E_PACKAGE_DIR, { recursive: true, force: true });
	mkdirSync(E2E_PACKAGE_DIR, { recursive: true });
	await runCommandOrThrow('npm pack', 'npm', ['pack', '--pack-destination', E2E_PACKAGE_DIR, '--loglevel=error'], {
		cwd: REPO_ROOT,
		timeoutMs: 60_000,
	});
	return packedTarball();
}

/** The tarball made by buildAndPackPackage (the global setup runs it once per suite run). */
export function packedTarball(): string {
	const tarballs = readdirSync(E2E_PACKAGE_DIR).filter((name) => name.endsWith('.tgz'));
	if (tarballs.length !== 1) throw new Error(`Expected one packed tarball in ${E2E_PACKAGE_DIR}, found ${tarballs.length}`);
	return join(E2E_PACKAGE_DIR, tarballs[0]);
}
