/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }] },
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	// Real n8n installs and user folders (with their own node_modules) are not part of the module map.
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.e2e/', '<rootDir>/.demo/', '<rootDir>/.n8n-cache/', '<rootDir>/.scan-cache/', '<rootDir>/artifacts/'],
	testTimeout: 60000,
	reporters: ['default', ['<rootDir>/test/helpers/summary-reporter.js', { label: 'jest' }]],
};
