/** yyyy-MM-dd of an instant in Korea time (UTC+9, no DST). */
export function formatKoreaDay(instant: Date): string {
	return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
