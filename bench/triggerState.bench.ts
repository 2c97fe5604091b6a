/**
 * Size of the Coupang Trigger's state (n8n static data of the node, JSON bytes of `{ coupangTrigger: state }`)
 * while 100 000 inquiries flow through it, against the 64 KiB bound. SIMULATED with the trigger's pure functions
 * (nodes/Coupang/core/newItems.ts: initialState → planPoll → selectNew per poll, exactly what poll() does
 * around its requests), not through the sandbox: 50 000 polls over HTTP would not fit the bench's time. Each
 * inquiry becomes visible 0–10 minutes after its `inquiryAt` (listing lag), a poll runs every minute and is shown
 * every visible inquiry with `inquiryAt` in its read range. Scenarios:
 *   steady: 100 000 inquiries over 35 days (≈ 2/min);   peak: 100 000 inquiries in 24 hours (≈ 69/min).
 * Baseline in the same run: the JSON size of a state that remembered every emitted ID (no pruning).
 *
 *   npm run bench -- triggerState        (BENCH_STATE_INQUIRIES=100000)
 */
import { performance } from 'perf_hooks';

import { MAX_SEEN_IDS, initialState, OVERLAP_MS, planPoll, selectNew, type Candidate, type TriggerState } from '../nodes/Coupang/core/newItems';
import { formatTable } from './util';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BOUND = 64 * 1024;
/** A Korea midnight. */
const START = Date.parse('2026-11-01T00:00:00+09:00');

interface Inquiry {
	id: string;
	at: number;
	visibleAt: number;
}

export interface StateScenarioResult {
	name: string;
	inquiries: number;
	polls: number;
	emitted: number;
	repeated: number;
	largestBytes: number;
	largestSeen: number;
	finalBytes: number;
	/** The state with no ID kept: its fixed part. */
	emptyBytes: number;
	unprunedBytes: number;
	ms: number;
}

const staticDataBytes = (state: TriggerState): number => Buffer.byteLength(JSON.stringify({ coupangTrigger: state }), 'utf8');

function simulate(name: string, total: number, spanMs: number, seed: number): StateScenarioResult {
	let random = seed;
	const next = (): number => {
		random = (random * 1103515245 + 12345) % 2147483648;
		return random / 2147483648;
	};
	const inquiries: Inquiry[] = [];
	for (let index = 0; index < total; index++) {
		const at = START + Math.floor((next() * spanMs) / 1000) * 1000;
		// Coupang-like IDs (9 digits), increasing with time enough for realism; lag 0–10 minutes.
		inquiries.push({ id: String(300_000_000 + index), at, visibleAt: at + Math.floor(next() * 10 * MINUTE) });
	}
	inquiries.sort((a, b) => a.at - b.at);

	const started = performance.now();
	let state = initialState(new Date(START), 0, 'productInquiry|ALL|');
	const emittedIds = new Set<string>();
	let repeated = 0;
	let polls = 0;
	let largestBytes = 0;
	let largestSeen = 0;
	const lowerBound = (atMs: number): number => {
		let low = 0;
		let high = inquiries.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (inquiries[mid].at < atMs) low = mid + 1;
			else high = mid;
		}
		return low;
	};
	for (let now = START + MINUTE; now <= START + spanMs + 30 * MINUTE; now += MINUTE) {
		polls++;
		const from = planPoll(state, new Date(now)).from.getTime();
		// What the poll's day windows list with inquiryAt >= from (older ones are ignored by selectNew anyway).
		const listed: Array<Candidate<Inquiry>> = [];
		for (let index = lowerBound(from); index < inquiries.length && inquiries[index].at <= now; index++) {
			const inquiry = inquiries[index];
			if (inquiry.visibleAt <= now) listed.push({ id: inquiry.id, at: inquiry.at, value: inquiry });
		}
		const result = selectNew(state, listed, new Date(now));
		for (const inquiry of result.emit) {
			if (emittedIds.has(inquiry.id)) repeated++;
			emittedIds.add(inquiry.id);
		}
		state = result.nextState;
		largestBytes = Math.max(largestBytes, staticDataBytes(state));
		largestSeen = Math.max(largestSeen, Object.keys(state.seen).length);
	}
	const unpruned: TriggerState = { ...state, seen: Object.fromEntries(inquiries.map((inquiry) => [inquiry.id, Math.floor(inquiry.at / 1000)])) };
	return {
		name,
		inquiries: total,
		polls,
		emitted: emittedIds.size,
		repeated,
		largestBytes,
		largestSeen,
		finalBytes: staticDataBytes(state),
		emptyBytes: staticDataBytes({ ...state, seen: {} }),
		unprunedBytes: staticDataBytes(unpruned),
		ms: performance.now() - started,
	};
}

export function runTriggerStateBench(total = 100_000): StateScenarioResult[] {
	return [simulate('steady: over 35 days, poll/min', total, 35 * DAY, 12345), simulate('peak: within 24 hours, poll/min', total, DAY, 54321)];
}

export function printTriggerStateBench(results: StateScenarioResult[]): void {
	console.log(
		`\nTrigger state size (simulated with nodes/Coupang/core/newItems.ts, not the sandbox; overlap ${OVERLAP_MS / MINUTE} min, ` +
			`listing lag 0–10 min); bound ${BOUND} bytes; baseline = a state keeping every emitted ID, same run`,
	);
	console.log(
		formatTable(
			['scenario', 'inquiries', 'polls', 'emitted', 'repeats', 'largest bytes', 'vs 64 KiB', 'max IDs kept', 'final bytes', 'unpruned bytes', 'largest vs unpruned', 'sim ms'],
			results.map((result) => [
				result.name,
				String(result.inquiries),
				String(result.polls),
				String(result.emitted),
				String(result.repeated),
				String(result.largestBytes),
				`${((result.largestBytes / BOUND) * 100).toFixed(1)}%`,
				String(result.largestSeen),
				String(result.finalBytes),
				String(result.unprunedBytes),
				`${((result.largestBytes / result.unprunedBytes) * 100).toFixed(2)}%`,
				result.ms.toFixed(0),
			]),
		),
	);
	const perId = Math.max(...results.map((result) => (result.largestSeen > 0 ? (result.largestBytes - result.emptyBytes) / result.largestSeen : 0)));
	console.log(
		`≈ ${perId.toFixed(1)} bytes per kept ID; the trigger keeps at most ${MAX_SEEN_IDS} IDs (≈ ${Math.ceil((MAX_SEEN_IDS * perId) / 1024)} KiB), ` +
			`so the state is bounded whatever the traffic; up to ${MAX_SEEN_IDS} inquiries per overlap + poll interval ` +
			`(≈ ${OVERLAP_MS / MINUTE + 1} min, ≈ ${Math.floor(MAX_SEEN_IDS / (OVERLAP_MS / MINUTE + 1))} a minute) late listings are still caught.`,
	);
	const ok = results.every((result) => result.emitted === result.inquiries && result.repeated === 0);
	const under = results.every((result) => result.largestBytes < BOUND);
	console.log(`Every inquiry emitted exactly once: ${ok ? 'yes' : 'NO'}; largest state under 64 KiB in every scenario: ${under ? 'yes' : 'NO'}.`);
	if (!ok) process.exitCode = 1;
}

if (require.main === module) printTriggerStateBench(runTriggerStateBench(Number(process.env.BENCH_STATE_INQUIRIES ?? 100_000)));
