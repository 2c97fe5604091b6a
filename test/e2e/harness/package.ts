/**
 * Builds our package and packs it the way it is published (`npm pack`: package.json "files" = dist), so
 * n8n loads exactly what a user would install from the registry.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { E2E_PACKAGE_DIR, REPO_ROOT } from './paths';
import { runCommandOrThrow } from './processes';

export async function buildAndPackPackage(destination = E2E_PACKAGE_DIR): Promise<string> {
	await runCommandOrThrow('npm run build', 'npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 180_000 });
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	await runCommandOrThrow('npm pack', 'npm', ['pack', '--pack-destination', destination, '--loglevel=error'], {
		cwd: REPO_ROOT,
		timeoutMs: 60_000,
	});
	return packedTarball(destination);
}

/** The tarball made by buildAndPackPackage (the global setup runs it once per suite run). */
export function packedTarball(directory = E2E_PACKAGE_DIR): string {
	const tarballs = readdirSync(directory).filter((name) => name.endsWith('.tgz'));
	if (tarballs.length !== 1) throw new Error(`Expected one packed tarball in ${directory}, found ${tarballs.length}`);
	return join(directory, tarballs[0]);
}
