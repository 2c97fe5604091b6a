import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeHints, nodeProperties, nodeSubtitle } from './resources';
import { listSearch } from './resources/listSearch';

export class Coupang implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupang',
		name: 'coupang',
		icon: { light: 'file:coupang.svg', dark: 'file:coupang.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: nodeSubtitle,
		description: 'Read and answer customer inquiries, handle orders, returns and exchanges, and check your products and stock on Coupang (Wing Open API)',
		defaults: { name: 'Coupang' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupangApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			headers: { Accept: 'application/json' },
			json: true,
		},
		// requestDefaults make this a declarative node: n8n adds its Request Options (proxy, timeout, batching) and
		// runs each operation's routing (resources/operation.ts).
		properties: nodeProperties,
		hints: nodeHints,
	};

	methods = { listSearch };
}
