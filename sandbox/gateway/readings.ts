// Readings: how the sandbox behaves where Coupang's docs are silent or two revisions disagree, one switch per
// plausible reading, so the node can be tested under each (README.md, "Readings").

export interface SandboxReadings {
	/** onlineInquiries: 'older' doc (our spec, modes a/b/c) or 'newer' (period required, vendorItemId ignored). */
	productInquiryDocRevision: 'older' | 'newer';
	/** Offset written in the v5 call-center lookup's ISO-8601 timestamps (same instants), `±hh:mm`. */
	callCenterV5Offset: string;
	/** Time frame of exactly 10:00 between createdAtFrom and createdAtTo. */
	timeFrameExactTenMinutes: 'accepted' | 'rejected';
	/** Whether a product created at createdAtTo is in the time frame. */
	timeFrameCreatedAtTo: 'inclusive' | 'exclusive';
	/** `code` of an endpoint's error body: the HTTP status as a number, or the string "ERROR". */
	endpointErrorCode: 'status' | 'ERROR';
	/** Wing user IDs `replyBy` may name besides the vendor ID; null = any non-empty replyBy. */
	wingUserIds: string[] | null;
	/** Largest status-history `maxPerPage`; null = no maximum. */
	historyMaxPerPage: number | null;
	/** A larger `maxPerPage`: answered with at most the maximum ('clamp') or refused with 400 ('reject'). */
	historyOverMax: 'clamp' | 'reject';
}

export function defaultReadings(): SandboxReadings {
	return {
		productInquiryDocRevision: 'older',
		callCenterV5Offset: '+09:00',
		timeFrameExactTenMinutes: 'accepted',
		timeFrameCreatedAtTo: 'inclusive',
		endpointErrorCode: 'status',
		wingUserIds: null,
		historyMaxPerPage: null,
		historyOverMax: 'clamp',
	};
}

const CHOICES = {
	productInquiryDocRevision: ['older', 'newer'],
	timeFrameExactTenMinutes: ['accepted', 'rejected'],
	timeFrameCreatedAtTo: ['inclusive', 'exclusive'],
	endpointErrorCode: ['status', 'ERROR'],
	historyOverMax: ['clamp', 'reject'],
} as const;

type ChoiceName = keyof typeof CHOICES;

function checkOffset(value: unknown): string {
	const match = typeof value === 'string' ? /^[+-](\d\d):(\d\d)$/.exec(value) : null;
	if (!match || Number(match[1]) > 18 || Number(match[2]) > 59) throw new Error('callCenterV5Offset must be ±hh:mm, e.g. +09:00 or -08:00');
	return value as string;
}

function checkWingUserIds(value: unknown): string[] | null {
	if (value === null) return null;
	if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id.trim() !== '')) {
		throw new Error('wingUserIds must be null or an array of non-empty strings');
	}
	return value.slice();
}

function checkMaxPerPage(value: unknown): number | null {
	if (value === null) return null;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error('historyMaxPerPage must be a positive integer or null');
	return value;
}

/** Checks a partial readings object (control surface or in-process); throws an Error naming the field. */
export function validateReadings(partial: Record<string, unknown>): Partial<SandboxReadings> {
	const known = Object.keys(defaultReadings());
	const unknown = Object.keys(partial).filter((key) => !known.includes(key));
	if (unknown.length > 0) throw new Error(`Unknown reading(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
	const result: Record<string, unknown> = {};
	for (const name of Object.keys(CHOICES) as ChoiceName[]) {
		const value = partial[name];
		if (value === undefined) continue;
		if (!(CHOICES[name] as readonly unknown[]).includes(value)) throw new Error(`${name} must be one of ${CHOICES[name].join(', ')}`);
		result[name] = value;
	}
	if (partial.callCenterV5Offset !== undefined) result.callCenterV5Offset = checkOffset(partial.callCenterV5Offset);
	if (partial.wingUserIds !== undefined) result.wingUserIds = checkWingUserIds(partial.wingUserIds);
	if (partial.historyMaxPerPage !== undefined) result.historyMaxPerPage = checkMaxPerPage(partial.historyMaxPerPage);
	return result as Partial<SandboxReadings>;
}

/** The current readings of a running sandbox; a reset goes back to the defaults. */
export class Readings {
	current: SandboxReadings = defaultReadings();

	set(partial: Partial<SandboxReadings>): void {
		this.current = { ...this.current, ...validateReadings(partial as Record<string, unknown>) };
	}

	clear(): void {
		this.current = defaultReadings();
	}
}
