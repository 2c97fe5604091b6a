/**
 * Korea time for test oracles, written independently of the code under test: Korea is UTC+9 without daylight
 * saving, so its wall clock is the UTC ISO string of (instant + 9 h).
 */
const KOREA_OFFSET_MS = 9 * 3600_000;

/** Korea day `yyyy-MM-dd` of epoch ms. */
export const koreaDateOfMs = (ms: number): string => new Date(ms + KOREA_OFFSET_MS).toISOString().slice(0, 10);

/** Korea wall clock `yyyy-MM-dd HH:mm:ss` of epoch ms (Coupang's list format). */
export const kstText = (ms: number): string => new Date(ms + KOREA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** Korea wall clock `yyyy-MM-ddTHH:mm:ss` of epoch ms (the `createdAt` of return and exchange lists). */
export const kstWallClock = (ms: number): string => new Date(ms + KOREA_OFFSET_MS).toISOString().slice(0, 19);

/** Epoch ms of a Korea wall clock `yyyy-MM-dd HH:mm:ss`. */
export const kst = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+09:00`);

/** The `inquiryStartAt..inquiryEndAt` window of a list request's query string. */
export function inquiryWindowOf(query: string): string {
	const params = new URLSearchParams(query);
	return `${params.get('inquiryStartAt')}..${params.get('inquiryEndAt')}`;
}
