/**
 * Shaping Coupang's records for a workflow, pure: ISO-8601 instants beside Coupang's Korea-time strings, and the
 * fields a user selected.
 */
import { parseCoupangTimestamp } from './dates';

type Json = Record<string, unknown>;

/**
 * A Coupang timestamp as an ISO-8601 instant with its offset: Korea-time strings (no offset, `yyyy-MM-dd HH:mm:ss`
 * or with `T`) get `+09:00`; v5 strings keep the instant they name, written in Korea time. Undefined for anything
 * else (empty, null, not a timestamp).
 */
export function isoInstant(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	try {
		return parseCoupangTimestamp(value).toISO({ suppressMilliseconds: true }) ?? undefined;
	} catch {
		return undefined;
	}
}

/** `value` and, when it is a Coupang timestamp, its ISO twin under `<name>Iso` (null when it is not one). */
export function withIso(name: string, value: unknown): Json {
	return { [name]: value ?? null, [`${name}Iso`]: isoInstant(value) ?? null };
}

function valueAt(record: unknown, path: string[]): unknown {
	let current: unknown = record;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Json)[key];
	}
	return current;
}

/** The fields named in `list` (comma-separated, dot notation for nested ones), under the names given. */
export function pickFields(record: Json, list: string): Json {
	const picked: Json = {};
	for (const name of list.split(',').map((field) => field.trim()).filter((field) => field !== '')) {
		const value = valueAt(record, name.split('.'));
		if (value !== undefined) picked[name] = value;
	}
	return picked;
}
