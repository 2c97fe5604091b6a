// What the data parts of every domain share: one context (vendor, clock, the seeded Prng), ID sequences,
// the seeded period and the limit on how many items one add() may make.

import { SandboxApiError } from './errors';
import { Prng } from './prng';
import { DAY_MS, startOfKoreaDay } from './time';

export const OTHER_VENDOR_ID = 'A00099999';
export const SEEDED_PERIOD_DAYS = 30;

/** Shared by all data parts of one store: every part draws from the same Prng, which a reseed replaces. */
export class DataContext {
	prng = new Prng(1);

	constructor(
		readonly vendorId: string,
		readonly clock: () => number,
	) {}
}

/** Increasing IDs with random gaps, like Coupang's. */
export class IdSequence {
	constructor(
		private current: number,
		private readonly maxGap: number,
	) {}

	next(prng: Prng): number {
		this.current += prng.int(1, this.maxGap);
		return this.current;
	}
}

/** Instants spread over the 30 days before now, with some exactly at 00:00:00 and 23:59:59 Korea time. */
export function spreadInstants(prng: Prng, count: number, nowMs: number): number[] {
	const instants: number[] = new Array<number>(count);
	const earliest = nowMs - SEEDED_PERIOD_DAYS * DAY_MS;
	for (let i = 0; i < count; i++) {
		const roll = prng.next();
		let at = earliest + Math.floor(prng.next() * (nowMs - earliest) / 1000) * 1000;
		if (roll < 0.04) {
			at = startOfKoreaDay(at);
		} else if (roll < 0.08) {
			at = startOfKoreaDay(at) + DAY_MS - 1000;
		}
		if (at > nowMs) at -= DAY_MS;
		if (at < earliest) at += DAY_MS;
		instants[i] = at;
	}
	instants.sort((a, b) => a - b);
	return instants;
}

/** How many items one add() makes: 1 by default, at most 100 000. */
export function checkCount(count: number | undefined): number {
	const value = count ?? 1;
	if (!Number.isInteger(value) || value < 1 || value > 100_000) throw new SandboxApiError(400, 'count must be an integer from 1 to 100000.');
	return value;
}
