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
	vendorId?: string;
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
		this.log(`${entry.method} ${entry.path}${entry.query === '' ? '' : '?' + entry.query} -> ${entry.status === 0 ? 'dropped' : entry.status}`);
	}

	/** Copies, oldest first. */
	list(): RequestLogEntry[] {
		return this.entries.map((entry) => ({ ...entry }));
	}

	clear(): void {
		this.entries = [];
	}
}
