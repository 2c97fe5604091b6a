// Coupang's blocks, per vendor, on the sandbox clock: more than N calls in a sliding second start a 429 block;
// N failed calls in a sliding second start a 403 "Access Denied" block. Every call made during a block extends
// it: the block ends `blockMs` after the last call made during it.

export type BlockKind = '429' | '403';

export interface ThrottleSettings {
	/** Calls per sliding second before the 429 block; null = off. */
	rateLimitPerSecond: number | null;
	rateLimitBlockMs: number;
	/** Failed calls (answered ≥ 400) per sliding second that start the 403 block; null = off. */
	accessDeniedAfterFailures: number | null;
	accessDeniedBlockMs: number;
}

interface VendorState {
	/** Calls counted in the sliding second (not those answered by a block). */
	calls: number[];
	failures: number[];
	blockedUntil: Partial<Record<BlockKind, number>>;
}

function withinSecond(instants: number[], nowMs: number): number[] {
	return instants.filter((at) => at > nowMs - 1000 && at <= nowMs);
}

function blockMs(kind: BlockKind, settings: ThrottleSettings): number {
	return kind === '429' ? settings.rateLimitBlockMs : settings.accessDeniedBlockMs;
}

export class Throttle {
	private readonly vendors = new Map<string, VendorState>();

	/** The block this call runs into (all active ones are extended; 403 answers first), or the 429 block it starts. */
	admit(vendorId: string, nowMs: number, settings: ThrottleSettings): BlockKind | undefined {
		const state = this.stateOf(vendorId);
		const active = (['403', '429'] as const).filter((kind) => nowMs < (state.blockedUntil[kind] ?? -Infinity));
		for (const kind of active) state.blockedUntil[kind] = nowMs + blockMs(kind, settings);
		if (active.length > 0) return active[0];
		const limit = settings.rateLimitPerSecond;
		if (limit === null) return undefined;
		state.calls = withinSecond(state.calls, nowMs);
		if (state.calls.length >= limit) {
			state.blockedUntil['429'] = nowMs + settings.rateLimitBlockMs;
			return '429';
		}
		state.calls.push(nowMs);
		return undefined;
	}

	/** A call of `vendorId` was answered with `status`; the failure that reaches the threshold starts the 403 block. */
	answered(vendorId: string, status: number, nowMs: number, settings: ThrottleSettings): void {
		const threshold = settings.accessDeniedAfterFailures;
		if (threshold === null || status < 400) return;
		const state = this.stateOf(vendorId);
		state.failures = withinSecond(state.failures, nowMs);
		state.failures.push(nowMs);
		if (state.failures.length >= threshold) state.blockedUntil['403'] = nowMs + settings.accessDeniedBlockMs;
	}

	clear(): void {
		this.vendors.clear();
	}

	private stateOf(vendorId: string): VendorState {
		let state = this.vendors.get(vendorId);
		if (!state) {
			state = { calls: [], failures: [], blockedUntil: {} };
			this.vendors.set(vendorId, state);
		}
		return state;
	}
}
