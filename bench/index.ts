/**
 * npm run bench [-- <name> ...]   (all by default)
 * Names: signing, pacing, returnAll, timeFrame, triggerIdle, triggerState, throttle, latency.
 * Env: BENCH_SIGNING_ITERATIONS (50000), BENCH_REQUESTS (144), BENCH_RATE_LIMIT (10), BENCH_PACE (8),
 *      BENCH_RETURN_ALL_ITEMS (10000), BENCH_RETURN_ALL_RUNS (5), BENCH_RETURN_ALL_PACED (1; 0 skips the 8/s run),
 *      BENCH_TIME_FRAME_RUNS (3), BENCH_TRIGGER_POLLS (20), BENCH_TRIGGER_GAP_MS (200), BENCH_STATE_INQUIRIES (100000),
 *      BENCH_THROTTLE_BLOCK_MS (3000), BENCH_THROTTLE_HOLD_MS (4000),
 *      BENCH_LATENCY_RTTS (0,50,150,300), BENCH_LATENCY_ITEMS (10000), BENCH_LATENCY_HOURS (24), BENCH_LATENCY_RUNS (1),
 *      BENCH_LATENCY_WORKLOADS (returnAll,timeFrame), BENCH_LATENCY_HANDSHAKE_RTS (1), BENCH_LATENCY_PROBES (5).
 * Everything talks to in-process sandboxes on 127.0.0.1 (random ports); every loop is bounded.
 */
import { latencyOptionsFromEnv, printLatencyBench, runLatencyBench } from './latency.bench';
import { printPacingBench, runPacingBench } from './pacing.bench';
import { printReturnAllBench, runReturnAllBench } from './returnAll.bench';
import { printSigningBench, runSigningBench } from './signing.bench';
import { printThrottleBench, runThrottleBench } from './throttle.bench';
import { printTimeFrameBench, runTimeFrameBench } from './timeFrame.bench';
import { printTriggerIdleBench, runTriggerIdleBench } from './triggerIdle.bench';
import { printTriggerStateBench, runTriggerStateBench } from './triggerState.bench';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

const BENCHES: Record<string, () => Promise<void>> = {
	signing: async () => printSigningBench(runSigningBench(env('BENCH_SIGNING_ITERATIONS', 50_000))),
	pacing: async () => {
		const count = env('BENCH_REQUESTS', 144);
		const rateLimit = env('BENCH_RATE_LIMIT', 10);
		printPacingBench(await runPacingBench(count, rateLimit, env('BENCH_PACE', 8)), count, rateLimit);
	},
	returnAll: async () =>
		printReturnAllBench(await runReturnAllBench(env('BENCH_RETURN_ALL_ITEMS', 10_000), env('BENCH_RETURN_ALL_RUNS', 5), process.env.BENCH_RETURN_ALL_PACED !== '0')),
	timeFrame: async () => printTimeFrameBench(await runTimeFrameBench(env('BENCH_TIME_FRAME_RUNS', 3))),
	triggerIdle: async () => printTriggerIdleBench(await runTriggerIdleBench(env('BENCH_TRIGGER_POLLS', 20), env('BENCH_TRIGGER_GAP_MS', 200))),
	triggerState: async () => printTriggerStateBench(runTriggerStateBench(env('BENCH_STATE_INQUIRIES', 100_000))),
	throttle: async () => {
		const blockMs = env('BENCH_THROTTLE_BLOCK_MS', 3000);
		printThrottleBench(await runThrottleBench(blockMs, env('BENCH_THROTTLE_HOLD_MS', 4000)), blockMs);
	},
	latency: async () => printLatencyBench(await runLatencyBench(latencyOptionsFromEnv())),
};

async function main(): Promise<void> {
	const selected = process.argv.slice(2);
	const unknown = selected.filter((name) => !(name in BENCHES));
	if (unknown.length > 0) throw new Error(`Unknown bench: ${unknown.join(', ')} (choose ${Object.keys(BENCHES).join(', ')})`);
	console.log(`node ${process.version}, ${new Date().toISOString()}`);
	const started = Date.now();
	for (const [name, run] of Object.entries(BENCHES)) if (selected.length === 0 || selected.includes(name)) await run();
	console.log(`\nBench run took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
