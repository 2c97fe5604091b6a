import { createHmac } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { runNode } from '../helpers/n8n';

/** A node that sends one GET with the query parameters it is given, through n8n's httpRequestWithAuthentication. */
class SendQuery implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send Query',
		name: 'sendQuery',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Send Query' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'coupangApi', required: true }],
		properties: [{ displayName: 'Query', name: 'query', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const qs = JSON.parse(this.getNodeParameter('query', 0) as string) as IDataObject;
		const credentials = await this.getCredentials('coupangApi');
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'coupangApi', {
			method: 'GET',
			baseURL: credentials.baseUrl as string,
			url: '/v2/providers/openapi/apis/api/v4/vendors/A00012345/echo',
			qs,
			json: true,
		})) as IDataObject;
		return [[{ json: body }]];
	}
}

interface Received {
	rawUrl: string;
	headers: IncomingHttpHeaders;
}

describe('query on the wire equals the signed query (through n8n-core request helpers)', () => {
	let server: Server;
	let url: string;
	const received: Received[] = [];
	const secretKey = 'wire-test-secret';

	beforeAll(async () => {
		server = createServer((req, res) => {
			received.push({ rawUrl: req.url ?? '', headers: req.headers });
			res.setHeader('content-type', 'application/json');
			res.end('{"ok":true}');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

	const cases: Array<[string, IDataObject]> = [
		['Korean text and spaces', { keyword: '게이밍 노트북', limit: 10, srpLinkOnly: false }],
		['reserved characters', { q: "~+/ !'()*&=?#%;:@,$[]", plus: 'a+b', slash: '/x/y' }],
		['arrays and empty values', { id: ['1', '2', '3'], empty: '', zero: 0 }],
		['call-center status with Korean category', { partnerCounselingStatus: 'NO_ANSWER', receiptCategory: '배송>배송>배송' }],
	];

	it.each(cases)('%s', async (_label, query) => {
		received.length = 0;
		const result = await runNode({
			type: 'test.sendQuery',
			nodeType: new SendQuery(),
			parameters: { query: JSON.stringify(query) },
			credentials: { accessKey: 'wire-access', secretKey, vendorId: 'A00012345', baseUrl: url },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ ok: true });
		expect(received).toHaveLength(1);

		const { rawUrl, headers } = received[0];
		const [path, rawQuery = ''] = rawUrl.split('?');
		const authorization = String(headers.authorization);
		const match = /^CEA algorithm=HmacSHA256, access-key=wire-access, signed-date=(\d{6}T\d{6}Z), signature=([0-9a-f]{64})$/.exec(authorization);
		expect(match).not.toBeNull();
		const [, signedDate, signature] = match as RegExpExecArray;
		// Recompute the signature over what actually arrived: it only matches if the signed query is the wire query.
		const expected = createHmac('sha256', secretKey).update(`${signedDate}GET${path}${rawQuery}`).digest('hex');
		expect(signature).toBe(expected);
		// Every parameter arrived with its value intact.
		const parsed = new URLSearchParams(rawQuery.replace(/\+/g, '%2B'));
		for (const [key, value] of Object.entries(query)) {
			expect(parsed.getAll(key)).toEqual((Array.isArray(value) ? value : [value]).map(String));
		}
		expect(headers['x-requested-by']).toBe('A00012345');
	});
});
