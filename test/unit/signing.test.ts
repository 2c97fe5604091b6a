import { execFileSync } from 'child_process';
import fc from 'fast-check';

import {
	buildSignedUrl,
	encodeQuery,
	formatSignedDate,
	signRequest,
	type QueryParameters,
} from '../../nodes/Coupang/core/signing';

describe('Coupang CEA signing', () => {
	it('matches the published vector', () => {
		const result = signRequest({
			method: 'GET',
			path: '/v2/providers/affiliate_open_api/apis/openapi/v1/products/search',
			query: 'keyword=%EA%B2%8C%EC%9D%B4%EB%B0%8D%20%EB%85%B8%ED%8A%B8%EB%B6%81&limit=10&srpLinkOnly=false',
			accessKey: 'ACC',
			secretKey: 'SEC',
			now: new Date('2026-01-05T15:30:22Z'),
		});
		expect(result.signedDate).toBe('260105T153022Z');
		expect(result.signature).toBe('8ab30f95314427bf26b3595007bb2130f3304e7694dbb94a8f4cc1bcfa2dc26f');
		expect(result.authorization).toBe(
			'CEA algorithm=HmacSHA256, access-key=ACC, signed-date=260105T153022Z, signature=' + result.signature,
		);
	});

	it('builds the vector query from parameters (Korean text, space as %20, order kept)', () => {
		expect(encodeQuery({ keyword: '게이밍 노트북', limit: 10, srpLinkOnly: false })).toBe(
			'keyword=%EA%B2%8C%EC%9D%B4%EB%B0%8D%20%EB%85%B8%ED%8A%B8%EB%B6%81&limit=10&srpLinkOnly=false',
		);
	});

	it('encodes reserved characters, arrays and empty values deterministically', () => {
		expect(encodeQuery({ a: "~+/ !'()*&=?#%", b: ['1', '2'], c: '', d: undefined, e: null })).toBe(
			'a=~%2B%2F%20%21%27%28%29%2A%26%3D%3F%23%25&b=1&b=2&c=',
		);
	});

	it('formats signed-date in UTC whatever the local offset of the instant', () => {
		expect(formatSignedDate(new Date('2026-12-31T23:59:59+09:00'))).toBe('261231T145959Z');
		expect(formatSignedDate(new Date('2000-02-29T00:00:00Z'))).toBe('000229T000000Z');
	});

	it('keeps a query already in the URL and joins base URL and path', () => {
		const signed = buildSignedUrl('http://127.0.0.1:9/', '/v2/x?y=1', { z: '가' });
		expect(signed).toEqual({ url: 'http://127.0.0.1:9/v2/x?y=1&z=%EA%B0%80', path: '/v2/x', query: 'y=1&z=%EA%B0%80' });
	});

	it('produces a query string that the WHATWG URL parser leaves byte-for-byte unchanged', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (parameters) => {
				const { url, query } = buildSignedUrl('https://api-gateway.coupang.com', '/v2/p', parameters);
				expect(new URL(url).search).toBe(query ? `?${query}` : '');
			}),
			{ numRuns: 300 },
		);
	});

	it('agrees with an independent implementation (python3 hmac + urllib) on hundreds of generated requests', () => {
		const unicodeText = fc.string({ unit: 'grapheme', maxLength: 12 });
		const reservedText = fc.string({ unit: fc.constantFrom(...'~+/ !\'()*&=?#%;:@,$[]"<>^`{|}\\'.split('')), maxLength: 8 });
		const value = fc.oneof(unicodeText, reservedText, fc.constantFrom('', '가나다', '상담 이력', '0'), fc.integer().map(String));
		const key = fc.oneof(fc.constantFrom('vendorId', 'inquiryStartAt', 'pageNum', 'a b', '키'), reservedText.filter((s) => s.length > 0));
		const request = fc.record({
			method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
			path: fc.constantFrom(
				'/v2/providers/openapi/apis/api/v4/vendors/A00012345/onlineInquiries',
				'/v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/123',
				'/v2/providers/seller_api/apis/api/v1/marketplace/seller-products/time-frame',
			),
			pairs: fc.array(fc.tuple(key, fc.oneof(value, fc.array(value, { maxLength: 3 }))), { maxLength: 12 }),
			epochSeconds: fc.integer({ min: 946684800, max: 4102444799 }),
			accessKey: fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom(...'abcdef0123456789-'.split('')) }),
			secretKey: fc.string({ minLength: 1, maxLength: 40 }),
		});
		const requests = fc.sample(request, { numRuns: 400, seed: 20260105 });

		const ours = requests.map((r) => {
			const parameters: QueryParameters = {};
			// Keys may repeat in pairs; the last one wins, as in a JS object.
			for (const [k, v] of r.pairs) parameters[k] = v;
			const query = encodeQuery(parameters);
			const signature = signRequest({
				method: r.method,
				path: r.path,
				query,
				accessKey: r.accessKey,
				secretKey: r.secretKey,
				now: new Date(r.epochSeconds * 1000),
			});
			return { parameters: Object.entries(parameters), query, signature: signature.signature, signedDate: signature.signedDate };
		});

		const python = `
import hashlib, hmac, json, sys, time
from urllib.parse import quote
requests = json.load(sys.stdin)
out = []
for r in requests:
    pairs = []
    for key, value in r['parameters']:
        for v in (value if isinstance(value, list) else [value]):
            pairs.append(quote(key, safe='~') + '=' + quote(v, safe='~'))
    query = '&'.join(pairs)
    signed_date = time.strftime('%y%m%dT%H%M%SZ', time.gmtime(r['epochSeconds']))
    message = signed_date + r['method'] + r['path'] + query
    signature = hmac.new(r['secretKey'].encode('utf-8'), message.encode('utf-8'), hashlib.sha256).hexdigest()
    out.append({'query': query, 'signedDate': signed_date, 'signature': signature})
json.dump(out, sys.stdout)
`;
		const input = requests.map((r, i) => ({ ...r, parameters: ours[i].parameters }));
		const theirs = JSON.parse(
			execFileSync('python3', ['-c', python], { input: JSON.stringify(input), encoding: 'utf8' }),
		) as Array<{ query: string; signedDate: string; signature: string }>;

		expect(theirs).toHaveLength(400);
		const mismatches = theirs.filter(
			(t, i) => t.query !== ours[i].query || t.signature !== ours[i].signature || t.signedDate !== ours[i].signedDate,
		);
		expect(mismatches).toEqual([]);
		// The generated set really exercises non-ASCII and reserved characters.
		expect(ours.filter((o) => /%E[A-D]/.test(o.query)).length).toBeGreaterThan(20);
		expect(ours.filter((o) => /%2[1-9A-F]|%3[A-F]/.test(o.query)).length).toBeGreaterThan(100);
	});
});
