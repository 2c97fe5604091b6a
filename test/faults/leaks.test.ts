/**
 * The leak scan used by the other fault tests can fail: it finds the secret key, a signature and "signature=" where
 * they would hide (an error's non-enumerable fields, a cause, a log line, a real Authorization header).
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { CoupangApi } from '../../credentials/CoupangApi.credentials';
import { DEFAULT_SECRET_KEY } from '../../sandbox';
import { findLeaks, LeakScan } from '../helpers/leaks';

const credentials = { accessKey: 'sandbox-access-key', secretKey: DEFAULT_SECRET_KEY, vendorId: 'A00012345', baseUrl: 'http://127.0.0.1:1' };

describe('leak scan', () => {
	it('finds the secret key in the cause of an error, where JSON.stringify does not look', () => {
		const error = new Error('outer', { cause: new Error(`inner ${DEFAULT_SECRET_KEY}`) });
		expect(JSON.stringify(error)).not.toContain(DEFAULT_SECRET_KEY);
		expect(findLeaks('error', error).map((leak) => leak.what)).toEqual(['secret key']);
	});

	it('finds a real Authorization header (signature= and the 64-hex HMAC) and masks them in its report', async () => {
		const signed: IHttpRequestOptions = await new CoupangApi().authenticate(credentials, {
			method: 'GET',
			url: '/v2/providers/openapi/apis/api/v4/vendors/A00012345/onlineInquiries',
			qs: { vendorId: 'A00012345' },
		});
		const leaks = findLeaks('request', { config: { headers: signed.headers } });
		expect(leaks.map((leak) => leak.what).sort()).toEqual(['64-hex signature', 'signature=']);
		const signature = /signature=([0-9a-f]{64})/.exec(JSON.stringify(signed.headers))?.[1] ?? 'missing';
		expect(JSON.stringify(leaks)).not.toContain(signature);
	});

	it('finds them in a sandbox log line and passes clean output', () => {
		const scan = new LeakScan();
		scan.add('items', [{ inquiryId: 1, content: 'hello', transactionId: 'sandbox-abc-1' }]);
		scan.log('GET /v2/x?vendorId=A00012345 -> 200');
		expect(scan.leaks()).toEqual([]);
		scan.log(`GET /v2/x?signature=${'ab'.repeat(32)} -> 200`);
		expect(scan.leaks().map((leak) => leak.what).sort()).toEqual(['64-hex signature', 'signature=']);
	});
});
