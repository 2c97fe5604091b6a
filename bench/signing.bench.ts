/**
 * Signing cost per request: the package's `buildSignedUrl` + `signRequest` (nodes/Coupang/core/signing.ts)
 * against a bare HmacSHA256 over the same message, measured in the same run. Prints µs/request and the ratio.
 *
 *   npm run bench -- signing        (or: npx tsx bench/signing.bench.ts)
 */
import { createHmac } from 'crypto';

import { buildSignedUrl, signRequest } from '../nodes/Coupang/core/signing';
import { formatTable, median, timeLoop } from './util';

const ACCESS_KEY = 'bench-access-key';
const SECRET_KEY = 'bench-secret-key-that-is-not-a-real-secret';
const BASE_URL = 'https://api-gateway.coupang.com';
const PATH = '/v2/providers/openapi/apis/api/v4/vendors/A00012345/onlineInquiries';
const QUERY = { vendorId: 'A00012345', inquiryStartAt: '2026-11-17', inquiryEndAt: '2026-11-24', answeredType: 'NOANSWER', pageSize: 50, pageNum: 3 };

export interface SigningBenchResult {
	iterations: number;
	bareHmacMicros: number;
	signRequestMicros: number;
	buildUrlAndSignMicros: number;
}

export function runSigningBench(iterations = 50_000, rounds = 7): SigningBenchResult {
	const now = new Date('2026-11-24T01:02:03Z');
	const signed = buildSignedUrl(BASE_URL, PATH, QUERY);
	const message = `261124T010203ZGET${signed.path}${signed.query}`;
	let sink = 0;

	const bare = (): void => {
		sink += createHmac('sha256', SECRET_KEY).update(message, 'utf8').digest('hex').length;
	};
	const signOnly = (): void => {
		sink += signRequest({ method: 'GET', path: signed.path, query: signed.query, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, now }).signature.length;
	};
	const buildAndSign = (): void => {
		const url = buildSignedUrl(BASE_URL, PATH, QUERY);
		sink += signRequest({ method: 'GET', path: url.path, query: url.query, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, now }).authorization.length;
	};

	// Same signature as the bare HMAC: the bench compares equal work.
	const check = signRequest({ method: 'GET', path: signed.path, query: signed.query, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, now });
	if (check.signature !== createHmac('sha256', SECRET_KEY).update(message, 'utf8').digest('hex')) throw new Error('signing bench: signatures differ');

	// Warm-up, then interleaved rounds so drift hits every variant alike; median per variant.
	for (const work of [bare, signOnly, buildAndSign]) timeLoop(work, Math.min(iterations, 5000));
	const samples: Record<'bare' | 'sign' | 'build', number[]> = { bare: [], sign: [], build: [] };
	for (let round = 0; round < rounds; round++) {
		samples.bare.push(timeLoop(bare, iterations));
		samples.sign.push(timeLoop(signOnly, iterations));
		samples.build.push(timeLoop(buildAndSign, iterations));
	}
	if (sink === 0) throw new Error('unreachable');
	return {
		iterations,
		bareHmacMicros: median(samples.bare),
		signRequestMicros: median(samples.sign),
		buildUrlAndSignMicros: median(samples.build),
	};
}

export function printSigningBench(result: SigningBenchResult): void {
	const base = result.bareHmacMicros;
	console.log(`\nSigning cost (${result.iterations} iterations × 7 rounds, median µs/request; baseline measured in this run)`);
	console.log(
		formatTable(
			['variant', 'µs/request', 'vs bare HMAC'],
			[
				['bare createHmac (baseline)', base.toFixed(2), '1.00×'],
				['signRequest', result.signRequestMicros.toFixed(2), `${(result.signRequestMicros / base).toFixed(2)}×`],
				['buildSignedUrl + signRequest', result.buildUrlAndSignMicros.toFixed(2), `${(result.buildUrlAndSignMicros / base).toFixed(2)}×`],
			],
		),
	);
	console.log(`At 10 requests/s (Coupang's limit) signing costs ${((result.buildUrlAndSignMicros * 10) / 10_000).toFixed(4)}% of one core.`);
}

if (require.main === module) printSigningBench(runSigningBench(Number(process.env.BENCH_SIGNING_ITERATIONS ?? 50_000)));
