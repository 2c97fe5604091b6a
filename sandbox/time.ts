// Korea time (Asia/Seoul, UTC+9, no DST) formatting and strict parsing. Instants are epoch milliseconds.

export const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

function koreaIso(ms: number): string {
	return new Date(ms + KOREA_OFFSET_MS).toISOString();
}

/** `yyyy-MM-dd HH:mm:ss` in Korea time (list responses). */
export function formatKoreaDateTime(ms: number): string {
	return koreaIso(ms).slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-ddTHH:mm:ss` in Korea time (product responses). */
export function formatKoreaLocalDateTime(ms: number): string {
	return koreaIso(ms).slice(0, 19);
}

/** `yyyy-MM-dd` in Korea time. */
export function formatKoreaDate(ms: number): string {
	return koreaIso(ms).slice(0, 10);
}

/** ISO-8601 with microseconds and an offset (`±hh:mm`, default Korea's +09:00), as the v5 call-center lookup returns. */
export function formatIsoWithOffset(ms: number, extraMicros = 0, offset = '+09:00'): string {
	const sign = offset.startsWith('-') ? -1 : 1;
	const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
	const micros = String(Math.abs(Math.trunc(extraMicros)) % 1000).padStart(3, '0');
	return `${new Date(ms + offsetMs).toISOString().slice(0, 23)}${micros}${offset}`;
}

/** Epoch ms of 00:00:00 Korea time of the Korea calendar day containing `ms`. */
export function startOfKoreaDay(ms: number): number {
	return Math.floor((ms + KOREA_OFFSET_MS) / DAY_MS) * DAY_MS - KOREA_OFFSET_MS;
}

function fieldsToMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
	const utc = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(utc);
	if (
		check.getUTCFullYear() !== y ||
		check.getUTCMonth() !== mo - 1 ||
		check.getUTCDate() !== d ||
		check.getUTCHours() !== h ||
		check.getUTCMinutes() !== mi ||
		check.getUTCSeconds() !== s
	) {
		return null;
	}
	return utc - KOREA_OFFSET_MS;
}

/** Strict `yyyy-MM-dd` (a real calendar day) → epoch ms of its 00:00:00 Korea time, or null. */
export function parseKoreaDate(text: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return null;
	return fieldsToMs(Number(match[1]), Number(match[2]), Number(match[3]), 0, 0, 0);
}

/** Strict `yyyy-MM-dd<sep>HH:mm:ss` Korea time → epoch ms, or null. */
export function parseKoreaDateTime(text: string, separator: ' ' | 'T'): number | null {
	const pattern = separator === 'T' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/ : /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
	const match = pattern.exec(text);
	if (!match) return null;
	const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
	return fieldsToMs(y, mo, d, h, mi, s);
}

/** Strict CEA signed-date `yyMMdd'T'HHmmss'Z'` (UTC) → epoch ms, or null. */
export function parseSignedDate(text: string): number | null {
	const match = /^(\d{2})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
	if (!match) return null;
	const [yy, mo, d, h, mi, s] = match.slice(1).map(Number);
	const ms = fieldsToMs(2000 + yy, mo, d, h, mi, s);
	return ms === null ? null : ms + KOREA_OFFSET_MS;
}
