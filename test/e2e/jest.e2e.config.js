/**
 * End-to-end suite: a real n8n (scripts/n8n/install.sh) running our packed package against the sandbox.
 * `npm run test:e2e` (runs in band: each file starts its own n8n and sandbox on free ports).
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }] },
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
	testTimeout: 240000,
	// A hung n8n must not hold the run: the harness kills every process group it started when jest exits.
	forceExit: true,
	verbose: true,
	reporters: ['default', ['<rootDir>/test/helpers/summary-reporter.js', { label: 'e2e' }]],
};
