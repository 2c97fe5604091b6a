// The log of API requests (never control calls), for tests and the control surface; one line per request to
// the optional logger.

const MAX_LOG_ENTRIES = 200_000;

export interface RequestLogEntry {
	at: string;
	method: string;
	path: string;
	query: string;
	/** 0 when the connection was dropped without an answer. */
	status: number;
	/** The authenticated vendor; for a call answered by a block, the vendor its access key names. */
	vendorId?: string;
	/** Set when a block answered the call: 429 (rate limit) or 403 (access denied). */
	blocked?: '429' | '403';
	/** The client's address as the gateway sees it (a proxy's, when the request came through one). */
	remoteAddress?: string;
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];

	constructor(private readonly log: (line: string) => void) {}

	get length(): number {
		return this.entries.length;
	}

	record(entry: RequestLogEntry): void {
		this.entries.push(entry);
		if (this.entries.length > MAX_LOG_ENTRIES) this.entries = this.entries.slice(this.entries.length - MAX_LOG_ENTRIES / 2);
		const outcome = entry.status === 0 ? 'dropped' : `${entry.status}${entry.blocked ? ' (blocked)' : ''}`;
		this.log(`${entry.method} ${entry.path}${entry.query === '' ? '' : '?' + entry.query} -> ${outcome}`);
	}

	/** Copies, oldest first. */
	list(): RequestLogEntry[] {
		return this.entries.map((entry) => ({ ...entry }));
	}

	clear(): void {
		this.entries = [];
	}
}
