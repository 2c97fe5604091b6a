/** Small helpers shared by the benches. */
import { performance } from 'perf_hooks';

/** Runs `work` `iterations` times; µs per call. */
export function timeLoop(work: () => void, iterations: number): number {
	const started = performance.now();
	for (let index = 0; index < iterations; index++) work();
	return ((performance.now() - started) * 1000) / iterations;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export { maxInAnyWindow } from '../test/helpers/slidingWindow';

export function formatTable(header: string[], rows: string[][]): string {
	const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
	const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
