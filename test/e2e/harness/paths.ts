import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
/** Git-ignored working folder of the end-to-end suite: n8n user folders, the packed package, logs. */
export const E2E_DIR = join(REPO_ROOT, '.e2e');
export const E2E_PACKAGE_DIR = join(E2E_DIR, 'package');
export const E2E_LOG_DIR = join(E2E_DIR, 'logs');
/** Git-ignored: screenshots of the browser check. */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'artifacts');
/** Committed: the README's screenshots of the editor, rewritten by every passing run of the browser check. */
export const DOCS_IMAGES_DIR = join(REPO_ROOT, 'docs/images');
export const N8N_CACHE_DIR = join(REPO_ROOT, '.n8n-cache');
export const INSTALL_SCRIPT = join(REPO_ROOT, 'scripts/n8n/install.sh');
export const TSX_BIN = join(REPO_ROOT, 'node_modules/.bin/tsx');
