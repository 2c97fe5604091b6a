/**
 * Item 6 of the fault tests: nothing the nodes or the sandbox produce during fault runs may carry the secret key, a
 * signature (64 lowercase/uppercase hex characters) or the `signature=` part of an Authorization header.
 *
 * `LeakScan` collects everything produced (items, errors with their non-enumerable fields and causes, request logs,
 * the lines the sandbox's `log` option receives) and each test file checks the whole collection at the end.
 */
import { DEFAULT_SECRET_KEY } from '../../sandbox';

const SIGNATURE_PATTERN = /[0-9a-f]{64}/i;

/** Text of a value for scanning: JSON of plain data, and for errors every own field (message, stack, description, cause…). */
export function scanText(value: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const visit = (current: unknown, depth: number): void => {
		if (depth > 12 || parts.length > 50_000) return;
		if (current === null || current === undefined) return;
		if (typeof current === 'string') {
			parts.push(current);
			return;
		}
		if (typeof current === 'number' || typeof current === 'boolean' || typeof current === 'bigint') {
			parts.push(String(current));
			return;
		}
		if (typeof current === 'function' || typeof current === 'symbol') return;
		if (seen.has(current)) return;
		seen.add(current);
		if (Array.isArray(current)) {
			for (const element of current) visit(element, depth + 1);
			return;
		}
		const record = current as Record<string, unknown>;
		// Own names, enumerable or not (Error's message and stack are not enumerable), plus `cause`.
		for (const name of Object.getOwnPropertyNames(record)) {
			parts.push(name);
			let field: unknown;
			try {
				field = record[name];
			} catch {
				continue;
			}
			visit(field, depth + 1);
		}
		if (current instanceof Error && !Object.getOwnPropertyNames(current).includes('cause')) visit(current.cause, depth + 1);
		if (typeof record.toJSON === 'function') {
			try {
				visit((record.toJSON as () => unknown).call(record), depth + 1);
			} catch {
				// a toJSON that throws has nothing to scan
			}
		}
	};
	visit(value, 0);
	try {
		parts.push(JSON.stringify(value) ?? '');
	} catch {
		// cyclic: the walk above covered it
	}
	return parts.join('\n');
}

export interface Leak {
	label: string;
	what: 'secret key' | '64-hex signature' | 'signature=';
	/** A few characters around the hit, with the hit itself masked: never print a secret or a signature. */
	context: string;
}

export function findLeaks(label: string, value: unknown, secretKey: string = DEFAULT_SECRET_KEY): Leak[] {
	const text = scanText(value);
	const leaks: Leak[] = [];
	const around = (index: number, length: number): string =>
		`${text.slice(Math.max(0, index - 30), index)}<${length} chars masked>${text.slice(index + length, index + length + 30)}`;
	const secretAt = text.indexOf(secretKey);
	if (secretAt !== -1) leaks.push({ label, what: 'secret key', context: around(secretAt, secretKey.length) });
	const signature = SIGNATURE_PATTERN.exec(text);
	if (signature) leaks.push({ label, what: '64-hex signature', context: around(signature.index, signature[0].length) });
	const signatureField = text.toLowerCase().indexOf('signature=');
	if (signatureField !== -1) leaks.push({ label, what: 'signature=', context: around(signatureField, 'signature='.length + 64) });
	return leaks;
}

/** Everything a test file produced, scanned at the end. */
export class LeakScan {
	private readonly produced: Array<{ label: string; value: unknown }> = [];
	/** Lines the sandbox's `log` option received. */
	readonly sandboxLogLines: string[] = [];

	add(label: string, value: unknown): void {
		this.produced.push({ label, value });
	}

	/** For startSandbox({ log }). */
	readonly log = (line: string): void => {
		this.sandboxLogLines.push(line);
	};

	get size(): number {
		return this.produced.length + this.sandboxLogLines.length;
	}

	leaks(secretKey?: string): Leak[] {
		return [
			...this.produced.flatMap(({ label, value }) => findLeaks(label, value, secretKey)),
			...findLeaks('sandbox log lines', this.sandboxLogLines, secretKey),
		];
	}
}
