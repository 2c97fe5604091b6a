/**
 * The Coupang Trigger while n8n crashes: an active workflow (Coupang Trigger → Wait 1 s → Done) in a real
 * `n8n start` (regular mode, SQLite: n8n's default setup), a new inquiry at the sandbox every second, and n8n
 * killed with SIGKILL at least 20 times at random moments (in polls, in executions, anywhere; see
 * harness/crash-run.ts), restarted each time. Then, per inquiry, the executions that carried it, read from n8n's
 * execution records.
 *
 * Two n8n instances run side by side, one per mode, each with its own sandbox:
 * - durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED and what it needs): the trigger's state is
 *   committed in the transaction that creates the execution. Asserted: no inquiry lost, none duplicated.
 * - n8n's default mode: the state is saved when a poll emits, before the execution exists. Measured and
 *   reported (artifacts/crash-figures.json and the test output); the README quotes the figures.
 *
 * E2E_CRASH_KILLS overrides the number of kills per mode (default 20); E2E_CRASH_SEQUENTIAL=1 runs the modes one
 * after the other instead of side by side.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CrashRun, type CrashFigures, type CrashMode } from './harness/crash-run';
import { ARTIFACTS_DIR, E2E_DIR, E2E_LOG_DIR } from './harness/paths';

const KILLS = Number(process.env.E2E_CRASH_KILLS ?? 20);
const SEQUENTIAL = process.env.E2E_CRASH_SEQUENTIAL === '1';
const POLL_EVERY_SECONDS = 4;
const INQUIRY_EVERY_MS = 1_000;
const MODES: CrashMode[] = ['durable', 'default'];

function summary(figures: CrashFigures): string {
	const { killsByKind: kinds } = figures;
	const restarts = figures.kills.map((kill) => kill.restartSeconds);
	return [
		`crash ${figures.mode}: ${figures.kills.length} kills (${kinds.poll} in polls, ${kinds.execution} in executions, ${kinds.anytime} anywhere)`,
		`${figures.inquiries} inquiries, ${figures.lost.length} lost, ${figures.duplicated.length} duplicated, ${figures.notEmitted.length} not emitted by the end (by the kill that followed: lost ${JSON.stringify(figures.lostByKillKind)}, duplicated ${JSON.stringify(figures.duplicatedByKillKind)})`,
		`${figures.deliveredOnceAndSucceeded} in one execution that succeeded, ${figures.deliveredOnceNotSucceeded.length} in one execution a kill cut short`,
		`executions ${JSON.stringify(figures.executionsByStatus)}, ${figures.failedStarts} failed starts`,
		`restart ${Math.min(...restarts).toFixed(1)}–${Math.max(...restarts).toFixed(1)} s, run ${figures.durationSeconds.toFixed(0)} s`,
	].join('; ');
}

describe('Coupang Trigger while n8n is killed (SIGKILL) and restarted', () => {
	const runs = new Map<CrashMode, CrashRun>();
	const figures = new Map<CrashMode, CrashFigures>();

	beforeAll(async () => {
		for (const [index, mode] of MODES.entries()) {
			runs.set(
				mode,
				new CrashRun({
					mode,
					kills: KILLS,
					pollEverySeconds: POLL_EVERY_SECONDS,
					inquiryEveryMs: INQUIRY_EVERY_MS,
					folder: join(E2E_DIR, `crash-${mode}`),
					logDir: E2E_LOG_DIR,
					seed: 31 + index,
					log: (line) => process.stdout.write(`${line}\n`),
				}),
			);
		}
		// Side by side: each run spends most of its time restarting n8n. E2E_CRASH_SEQUENTIAL=1 runs one mode
		// after the other (a machine with other load).
		let results: CrashFigures[];
		if (SEQUENTIAL) {
			results = [];
			for (const run of runs.values()) {
				await run.setUp();
				results.push(await run.run());
			}
		} else {
			await Promise.all([...runs.values()].map((run) => run.setUp()));
			results = await Promise.all([...runs.values()].map((run) => run.run()));
		}
		for (const result of results) figures.set(result.mode, result);
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		writeFileSync(join(ARTIFACTS_DIR, 'crash-figures.json'), JSON.stringify(results, null, 2));
		for (const result of results) process.stdout.write(`${summary(result)}\n`);
	}, 30 * 60_000);

	afterAll(async () => {
		await Promise.all([...runs.values()].map((run) => run.tearDown()));
	});

	function measured(mode: CrashMode): CrashFigures {
		const result = figures.get(mode);
		if (!result) throw new Error(`The ${mode} run did not finish`);
		// The run is what it claims: enough kills of each kind, inquiries all along, kills inside executions.
		expect(result.kills.length).toBeGreaterThanOrEqual(KILLS);
		for (const kind of ['poll', 'execution', 'anytime'] as const) expect(result.killsByKind[kind]).toBeGreaterThanOrEqual(Math.floor(KILLS / 3));
		expect(result.inquiries).toBeGreaterThanOrEqual(KILLS * 4);
		expect(result.executionsByStatus.crashed ?? 0).toBeGreaterThanOrEqual(1);
		// Every inquiry is accounted for exactly once in the figures.
		expect(result.lost.length + result.notEmitted.length + result.duplicated.length + result.deliveredOnceAndSucceeded + result.deliveredOnceNotSucceeded.length).toBe(result.inquiries);
		return result;
	}

	test('with durable poll cursors, every inquiry is carried by exactly one execution: 0 lost, 0 duplicated', () => {
		const result = measured('durable');
		expect({ lost: result.lost, duplicated: result.duplicated, notEmitted: result.notEmitted }).toEqual({ lost: [], duplicated: [], notEmitted: [] });
	});

	test("in n8n's default mode, the figures are measured and reported", () => {
		const result = measured('default');
		// Not a guarantee: what the README quotes (printed by beforeAll, kept in artifacts/crash-figures.json).
		process.stdout.write(`default mode: lost by the kill that followed: ${JSON.stringify(result.lostByKillKind)}; duplicated: ${JSON.stringify(result.duplicatedByKillKind)}\n`);
	});
});
