// Coupang's inquiry period rule, and the newest-first lists (inquiryAt desc, inquiryId desc) a period slices.

import { PERIOD_MESSAGE, SandboxApiError } from '../errors';
import { DAY_MS, parseKoreaDate } from '../time';

export const MAX_PERIOD_DAYS = 7;

/** Inclusive instants [startMs, endMs] of a validated inquiry period. */
export interface InquiryPeriod {
	startMs: number;
	endMs: number;
}

interface Listed {
	inquiryAtMs: number;
	inquiryId: number;
}

/**
 * Validates an inquiry period: both dates `yyyy-MM-dd` (real days), end not before start, end - start <= 7 days.
 * Returns undefined when neither is given. Both days are inclusive (whole Korea calendar days).
 */
export function parseInquiryPeriod(inquiryStartAt: string | undefined, inquiryEndAt: string | undefined): InquiryPeriod | undefined {
	if (inquiryStartAt === undefined && inquiryEndAt === undefined) return undefined;
	if (inquiryStartAt === undefined || inquiryEndAt === undefined) throw new SandboxApiError(400, PERIOD_MESSAGE);
	const start = parseKoreaDate(inquiryStartAt);
	const end = parseKoreaDate(inquiryEndAt);
	if (start === null || end === null || end < start || end - start > MAX_PERIOD_DAYS * DAY_MS) {
		throw new SandboxApiError(400, PERIOD_MESSAGE);
	}
	return { startMs: start, endMs: end + DAY_MS - 1 };
}

/** A list query needs a period or an option ID (rules a/b/c of Coupang's docs). */
export function periodOrVendorItem(query: { inquiryStartAt?: string; inquiryEndAt?: string; vendorItemId?: number }): InquiryPeriod | undefined {
	const period = parseInquiryPeriod(query.inquiryStartAt, query.inquiryEndAt);
	if (!period && query.vendorItemId === undefined) throw new SandboxApiError(400, PERIOD_MESSAGE);
	return period;
}

/** Index of the first element (newest-first array) that is not newer than `atMs`. */
function firstAtOrBefore(sorted: readonly Listed[], atMs: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (sorted[mid].inquiryAtMs > atMs) low = mid + 1;
		else high = mid;
	}
	return low;
}

export function sliceByPeriod<T extends Listed>(sorted: readonly T[], period: InquiryPeriod | undefined): readonly T[] {
	if (!period) return sorted;
	return sorted.slice(firstAtOrBefore(sorted, period.endMs), firstAtOrBefore(sorted, period.startMs - 1));
}

function compareNewestFirst(a: Listed, b: Listed): number {
	return b.inquiryAtMs - a.inquiryAtMs || b.inquiryId - a.inquiryId;
}

export function insertNewestFirst<T extends Listed>(sorted: T[], item: T): void {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compareNewestFirst(sorted[mid], item) < 0) low = mid + 1;
		else high = mid;
	}
	sorted.splice(low, 0, item);
}
