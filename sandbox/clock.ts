// The sandbox clock: the real clock plus an offset, so a pinned "now" keeps moving and jest.setSystemTime moves it.

export class SandboxClock {
	private offsetMs: number;

	/** `start` pins the clock; without it the clock follows the real one. */
	constructor(start?: Date) {
		this.offsetMs = start ? start.getTime() - Date.now() : 0;
	}

	nowMs(): number {
		return Date.now() + this.offsetMs;
	}

	/** null = follow the real clock; otherwise a fixed offset from Date.now(). */
	set(now: Date | null): void {
		this.offsetMs = now === null ? 0 : now.getTime() - Date.now();
	}

	get followsRealClock(): boolean {
		return this.offsetMs === 0;
	}
}
