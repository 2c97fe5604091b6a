#!/usr/bin/env bash
# Runs the checks of n8n's community-package scanner (@n8n/scan-community-package) offline: its own ESLint
# configuration over our sources (the "source leg") and over the packed tarball's compiled files (the "tarball
# leg"), exactly as `npx @n8n/scan-community-package` does after downloading a published version from npm.
# The scanner is installed once into .scan-cache/ (git-ignored), apart from the project's own dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
SCANNER_VERSION=0.32.0
cache=".scan-cache/$SCANNER_VERSION"
if [ ! -f "$cache/node_modules/@n8n/scan-community-package/scanner/scanner.mjs" ]; then
	mkdir -p "$cache"
	echo '{"private":true}' > "$cache/package.json"
	npm install --prefix "$cache" --ignore-scripts --no-audit --no-fund --loglevel=error \
		"@n8n/scan-community-package@$SCANNER_VERSION" >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/package-dir"
tar -xzf "$work/$tarball" -C "$work/package-dir" --strip-components=1
node --input-type=module - "$PWD" "$work/package-dir" "$PWD/$cache" <<'JS'
const [source, packed, cache] = process.argv.slice(2);
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(`${cache}/node_modules/@n8n/scan-community-package/scanner/scanner.mjs`);
let failed = false;
for (const [leg, dir, patterns] of [
	['source', source, SOURCE_FILE_PATTERNS],
	['tarball', packed, ['**/*.js', 'package.json']],
]) {
	const result = await analyzePackage(dir, patterns);
	console.log(`${result.passed ? 'passed' : 'FAILED'}: scan-community-package ${leg} checks${result.message ? ` (${result.message})` : ''}`);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
}
process.exit(failed ? 1 : 0);
JS
