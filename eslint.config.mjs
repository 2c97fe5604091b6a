// n8n's community-node rules (as shipped by @n8n/node-cli) apply to what we publish: credentials/ and
// nodes/ (and package.json). Tooling around it (sandbox, tests, scripts, benchmarks) runs in Node, not in
// n8n, so it gets typescript-eslint's recommended rules only.
import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const published = ['credentials/**/*.ts', 'nodes/**/*.ts'];
const tooling = ['sandbox/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.n8n-cache/**', '.n8n-user/**', '.e2e/**', '.demo/**', 'artifacts/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
	...n8nCommunityConfig.map((block) =>
		block.files && block.files.includes('**/*.ts') ? { ...block, files: published } : block,
	),
	...tseslint.config({ files: tooling, extends: [tseslint.configs.recommended] }),
	// nodes/Coupang/core/ is pure by construction: no n8n, nothing outside core/ (ARCHITECTURE.md).
	{
		files: ['nodes/Coupang/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['n8n-workflow', 'n8n-workflow/*', 'n8n-core', 'n8n-core/*', '@n8n/*'], message: 'core/ is pure: n8n glue belongs in transport/ or resources/.' },
						{ group: ['../*'], message: 'core/ imports only core/ (and luxon, node:crypto).' },
					],
				},
			],
		},
	},
];
