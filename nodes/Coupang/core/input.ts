/**
 * Checks of what a user typed or an expression produced, before any request. Pure: each check returns the value to
 * send or throws a CoupangInputError whose message names the field, the value and the rule.
 */

/** An input that breaks one of Coupang's rules. */
export class CoupangInputError extends Error {
	constructor(
		readonly field: string,
		readonly value: string,
		readonly rule: string,
	) {
		super(rule);
		this.name = 'CoupangInputError';
	}
}

/** A parameter as n8n hands it over, as trimmed text ('' for nothing). */
export function asText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** True when a parameter was left empty. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** An ID made of digits (inquiry, order, option, product…), trimmed; undefined when empty and optional. */
export function checkNumericId(value: unknown, label: string, required: true): string;
export function checkNumericId(value: unknown, label: string, required: boolean): string | undefined;
export function checkNumericId(value: unknown, label: string, required: boolean): string | undefined {
	const text = asText(value);
	if (text === '') {
		if (required) throw new CoupangInputError(label, text, `${label} is required`);
		return undefined;
	}
	if (!/^\d+$/.test(text)) throw new CoupangInputError(label, text, `${label} must be a number (digits only), got "${text}"`);
	return text;
}

/** Text that must not be empty (reply content, Wing user IDs), trimmed. */
export function checkRequiredText(value: unknown, label: string): string {
	const text = asText(value);
	if (text === '') throw new CoupangInputError(label, text, `${label} must not be empty`);
	return text;
}

/**
 * The Wing user a write is made by: the one given, else the credential's Default Wing User ID; one is needed.
 */
export function checkWingUser(given: unknown, fallback: string | undefined, label: string): string {
	const text = asText(given) || (fallback ?? '').trim();
	if (text === '') throw new CoupangInputError(label, '', `${label} must not be empty: give it here, or set Default Wing User ID in the credential`);
	return text;
}

/** Page Size option: 1..max; left empty, `fallback` (by default the maximum: the fewest requests). */
export function checkPageSize(value: unknown, max: number, fallback = max): number {
	if (isBlank(value)) return fallback;
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1 || size > max) {
		throw new CoupangInputError('Page Size', String(value), `Page Size is ${String(value)}; Coupang allows 1 to ${max}`);
	}
	return size;
}

/** Limit: a whole number of at least 1. */
export function checkLimit(value: unknown): number {
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) {
		throw new CoupangInputError('Limit', String(limit), `Limit is ${limit}; it must be a whole number of at least 1`);
	}
	return limit;
}

/** Extended Timeout option (X-EXTENDED-TIMEOUT, milliseconds): undefined when left empty. */
export function checkExtendedTimeout(value: unknown): number | undefined {
	if (isBlank(value)) return undefined;
	const milliseconds = Number(value);
	if (!Number.isInteger(milliseconds) || milliseconds < 1000) {
		throw new CoupangInputError('Extended Timeout', String(value), 'Extended Timeout must be a whole number of milliseconds, at least 1000');
	}
	return milliseconds;
}

/* ------------------------------------------------------------------ orders, claims and product items */

/**
 * A list of IDs (shipment boxes…): one ID, several separated by commas, spaces or new lines, or what an expression
 * gives (a number or an array of them). Kept as digits, in order, each once. A JavaScript number above 2^53 has
 * already lost digits before it reached the node: refused, with the advice to pass it as text.
 */
export function checkIdList(value: unknown, label: string): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;]+/) : [value];
	const ids: string[] = [];
	for (const part of parts) {
		if (typeof part === 'number' && !Number.isSafeInteger(part)) {
			throw new CoupangInputError(label, String(part), `${label}: ${String(part)} is larger than 2^53 and lost digits on its way here; pass it as text (a string of digits)`);
		}
		const text = asText(part);
		if (text === '') continue;
		if (!/^\d+$/.test(text)) throw new CoupangInputError(label, text, `${label} must be numbers (digits only), got "${text}"`);
		if (!ids.includes(text)) ids.push(text);
	}
	if (ids.length === 0) throw new CoupangInputError(label, asText(value), `${label} is required`);
	return ids;
}

/** A whole number from `min` (and up to `max` when given), e.g. a stock quantity or a cancel count. */
export function checkWholeNumber(value: unknown, label: string, min: number, max?: number): number {
	const text = asText(value);
	if (text === '') throw new CoupangInputError(label, text, `${label} is required`);
	const number = Number(text);
	if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(number) || number < min || (max !== undefined && number > max)) {
		const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
		throw new CoupangInputError(label, text, `${label} must be a whole number ${range}, got "${text}"`);
	}
	return number;
}

/** One of the values Coupang documents for a field (e.g. a reject reason), as given (trimmed). */
export function checkOneOf<T extends string>(value: unknown, label: string, allowed: readonly T[]): T {
	const text = asText(value);
	if (!(allowed as readonly string[]).includes(text)) {
		throw new CoupangInputError(label, text, `${label} must be one of ${allowed.join(', ')}, got "${text}"`);
	}
	return text as T;
}

/** A sale price in won: a whole number of at least `step`, in steps of `step` (Coupang: 10 won). */
export function checkSalePrice(value: unknown, label: string, step: number): number {
	const price = checkWholeNumber(value, label, step);
	if (price % step !== 0) {
		throw new CoupangInputError(label, String(price), `${label} ${price} is not in steps of ${step} won; Coupang takes prices in units of ${step} won (e.g. ${price - (price % step)} or ${price - (price % step) + step})`);
	}
	return price;
}
