#!/usr/bin/env node
// Scans test output and logs for what must never be printed: the secret keys the tests use, a full
// Authorization header, or a 64-hex signature after "signature=". Usage: scan-for-secrets.js <file|dir>...
const fs = require('node:fs');
const path = require('node:path');

// Every secret key used by the tests, the sandbox and the demo (test sources use no other).
const SECRETS = ['sandbox-secret-key', 'wire-test-secret', 'not-the-secret', 'wrong-secret', 'top-secret-for-this-test'];
const PATTERNS = [/signature=[0-9a-f]{64}/, /CEA algorithm=HmacSHA256, access-key=[^,\s]+, signed-date=\d{6}T\d{6}Z, signature=/];

function files(target) {
	if (!fs.existsSync(target)) return [];
	if (fs.statSync(target).isDirectory()) return fs.readdirSync(target).flatMap((name) => files(path.join(target, name)));
	return [target];
}

let scanned = 0;
const findings = [];
for (const file of process.argv.slice(2).flatMap(files)) {
	scanned++;
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	lines.forEach((line, index) => {
		for (const secret of SECRETS) if (line.includes(secret)) findings.push(`${file}:${index + 1}: a secret key`);
		for (const pattern of PATTERNS) if (pattern.test(line)) findings.push(`${file}:${index + 1}: a signature`);
	});
}
if (findings.length > 0) {
	console.log(`secret scan: FOUND in ${findings.length} places (not printed):\n${findings.slice(0, 20).join('\n')}`);
	process.exit(1);
}
console.log(`secret scan: ${scanned} files of test output and logs, no secret key, Authorization header or signature`);
