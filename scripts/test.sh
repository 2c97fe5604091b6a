#!/usr/bin/env bash
# `npm test`: dependencies and Debian packages if missing (scripts/setup.sh), the jest suite (unit, sandbox, node
# and trigger through n8n-core), then the end-to-end suite in a real n8n (installs it once, cached). Everything printed is kept in artifacts/test-output.log and scanned, with
# the e2e logs, for secrets. The last line is the total: "total: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
log=artifacts/test-output.log
: >"$log"

bash scripts/setup.sh deps packages 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" = 0 ] || exit 1

npx jest --ci 2>&1 | tee -a "$log"
jest_status=${PIPESTATUS[0]}
npm run --silent test:e2e 2>&1 | tee -a "$log"
e2e_status=${PIPESTATUS[0]}

node scripts/scan-for-secrets.js "$log" .e2e/logs 2>&1 | tee -a "$log"
scan_status=${PIPESTATUS[0]}

node - "$log" "$jest_status" "$e2e_status" "$scan_status" <<'JS'
const [log, ...statuses] = process.argv.slice(2);
const text = require('node:fs').readFileSync(log, 'utf8');
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const suite of ['jest', 'e2e']) {
	const lines = [...text.matchAll(new RegExp(`^${suite}: (\\d+) passed, (\\d+) failed, (\\d+) skipped$`, 'gm'))];
	const last = lines.at(-1);
	if (!last) {
		totals.failed += 1; // the suite did not get to report: count it as a failure
		continue;
	}
	totals.passed += Number(last[1]);
	totals.failed += Number(last[2]);
	totals.skipped += Number(last[3]);
}
// A suite that failed without a failing test (crash, setup error) or a secret found still fails the run.
if (totals.failed === 0 && statuses.some((status) => status !== '0')) totals.failed = 1;
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
JS
