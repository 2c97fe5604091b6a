/**
 * npm run bench [-- signing|pacing]   (both by default)
 * Env: BENCH_SIGNING_ITERATIONS (50000), BENCH_REQUESTS (144), BENCH_RATE_LIMIT (10), BENCH_PACE (8).
 */
import { printPacingBench, runPacingBench } from './pacing.bench';
import { printSigningBench, runSigningBench } from './signing.bench';

async function main(): Promise<void> {
	const selected = process.argv.slice(2);
	const wants = (name: string): boolean => selected.length === 0 || selected.includes(name);
	const unknown = selected.filter((name) => name !== 'signing' && name !== 'pacing');
	if (unknown.length > 0) throw new Error(`Unknown bench: ${unknown.join(', ')} (choose signing, pacing)`);
	console.log(`node ${process.version}, ${new Date().toISOString()}`);
	if (wants('signing')) printSigningBench(runSigningBench(Number(process.env.BENCH_SIGNING_ITERATIONS ?? 50_000)));
	if (wants('pacing')) {
		const count = Number(process.env.BENCH_REQUESTS ?? 144);
		const rateLimit = Number(process.env.BENCH_RATE_LIMIT ?? 10);
		const pace = Number(process.env.BENCH_PACE ?? 8);
		printPacingBench(await runPacingBench(count, rateLimit, pace), count, rateLimit);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
