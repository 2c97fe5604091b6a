/** The pure pieces of the Order resource: order periods and minute windows, ID lists, shared batches (waybills: couriers.test.ts). */
import { packCalls, SharedBatches, type Outcome } from '../../nodes/Coupang/core/batches';
import { checkOrderMinuteRange, checkOrderPeriod, isUpToMinute, splitOrderMinuteRange, splitOrderPeriod } from '../../nodes/Coupang/core/dates';
import { checkIdList } from '../../nodes/Coupang/core/input';

describe('order periods (PO list by day)', () => {
	it('accepts 31 days with both ends included, refuses 32', () => {
		expect(() => checkOrderPeriod('2026-07-01', '2026-07-31')).not.toThrow();
		expect(() => checkOrderPeriod('2026-07-01', '2026-08-01')).toThrow('Order period 2026-07-01 to 2026-08-01 spans 32 days; Coupang allows at most 31 days, Start Date and End Date included');
		expect(() => checkOrderPeriod('2026-07-02', '2026-07-01')).toThrow('End Date 2026-07-01 is before Start Date 2026-07-02');
	});

	it('splits a long period into contiguous 31-day windows, oldest first, covering it exactly', () => {
		expect(splitOrderPeriod('2026-01-01', '2026-03-15')).toEqual([
			{ start: '2026-01-01', end: '2026-01-31' },
			{ start: '2026-02-01', end: '2026-03-03' },
			{ start: '2026-03-04', end: '2026-03-15' },
		]);
		expect(splitOrderPeriod('2026-02-28', '2026-02-28')).toEqual([{ start: '2026-02-28', end: '2026-02-28' }]);
		for (const window of splitOrderPeriod('2025-12-01', '2026-12-31')) expect(() => checkOrderPeriod(window.start, window.end)).not.toThrow();
	});
});

describe('order minute ranges (PO list by minute)', () => {
	it('accepts up to 23:59 between the minutes, refuses 24 hours; seconds do not count', () => {
		expect(() => checkOrderMinuteRange('2026-11-01T10:00:59', '2026-11-02T09:59:00')).not.toThrow();
		expect(() => checkOrderMinuteRange('2026-11-01T10:00:59', '2026-11-02T10:00:00')).toThrow(
			'Time range 2026-11-01T10:00 to 2026-11-02T10:00 is 24 hours; Coupang allows less than 24 hours between Start Time and End Time',
		);
		expect(() => checkOrderMinuteRange('2026-11-01T10:00:00', '2026-11-03T12:30:00')).toThrow(/is 50 hours 30 minutes;/);
	});

	it('splits at the Korea 00:00 and 12:00 marks, sharing boundary minutes, ending a minute after the last one', () => {
		expect(splitOrderMinuteRange('2026-11-01T10:30:45', '2026-11-02T14:20:10')).toEqual([
			{ from: '2026-11-01T10:30', to: '2026-11-01T12:00' },
			{ from: '2026-11-01T12:00', to: '2026-11-02T00:00', toWithinDay: '2026-11-01T23:59' },
			{ from: '2026-11-02T00:00', to: '2026-11-02T12:00' },
			{ from: '2026-11-02T12:00', to: '2026-11-02T14:21' },
		]);
		expect(splitOrderMinuteRange('2026-11-01T23:59:00', '2026-11-01T23:59:00')).toEqual([{ from: '2026-11-01T23:59', to: '2026-11-02T00:00', toWithinDay: '2026-11-01T23:59' }]);
		expect(splitOrderMinuteRange('2026-11-01T12:00:00', '2026-11-01T12:00:00')).toEqual([{ from: '2026-11-01T12:00', to: '2026-11-01T12:01' }]);
	});

	it('keeps what lies up to the end of the last minute', () => {
		expect(isUpToMinute('2026-11-02T14:20:10', '2026-11-02T14:20:59')).toBe(true);
		expect(isUpToMinute('2026-11-02T14:20:10', '2026-11-02 14:21:00')).toBe(false);
		expect(isUpToMinute('2026-11-02T14:20:10', 'not a time')).toBe(true);
	});
});

describe('ID lists', () => {
	it('reads one ID, a list in text, numbers and arrays; each once, in order', () => {
		expect(checkIdList(' 123 ', 'IDs')).toEqual(['123']);
		expect(checkIdList('1, 2;3\n2  4', 'IDs')).toEqual(['1', '2', '3', '4']);
		expect(checkIdList(6425389700001, 'IDs')).toEqual(['6425389700001']);
		expect(checkIdList([1, '642538970006401429', ' 3 '], 'IDs')).toEqual(['1', '642538970006401429', '3']);
	});

	it('refuses nothing, non-digits and numbers that already lost digits', () => {
		expect(() => checkIdList(' , ', 'IDs')).toThrow('IDs is required');
		expect(() => checkIdList('12a', 'IDs')).toThrow('IDs must be numbers (digits only), got "12a"');
		expect(() => checkIdList(642538970006401429, 'IDs')).toThrow(/larger than 2\^53/);
	});
});

describe('shared batches', () => {
	it('packs calls of at most 50 at item boundaries, each ID once', () => {
		const ids = (from: number, count: number): string[] => Array.from({ length: count }, (_, index) => String(from + index));
		expect(packCalls(ids(1, 120).map((id) => [id]), 50).map((call) => call.length)).toEqual([50, 50, 20]);
		expect(packCalls([ids(1, 30), ids(31, 30), ids(61, 10)], 50).map((call) => call.length)).toEqual([30, 40]);
		expect(packCalls([ids(1, 120)], 50).map((call) => call.length)).toEqual([50, 50, 20]);
		expect(packCalls([['1', '2'], ['2', '3'], ['1']], 50)).toEqual([['1', '2', '3']]);
	});

	/** A batch whose close runs when the test says so. */
	function batchesWithManualClose(): { batches: SharedBatches<string>; close: () => void } {
		const pending: Array<() => void> = [];
		const batches = new SharedBatches<string>(2, (close) => pending.push(close), (id) => `missing ${id}`);
		return { batches, close: () => pending.splice(0).forEach((close) => close()) };
	}

	it('sends when the batch is closed and every member has sent or left; one call per ≤ 2 boxes; failures per call', async () => {
		const { batches, close } = batchesWithManualClose();
		const calls: string[][] = [];
		const send = async (ids: string[]): Promise<Map<string, string>> => {
			calls.push(ids);
			if (ids.includes('4')) throw new Error('call failed');
			return new Map(ids.filter((id) => id !== '2').map((id) => [id, `ok ${id}`]));
		};
		const a = batches.join('run', ['1', '2']);
		const b = batches.join('run', ['3', '4']);
		const c = batches.join('run', ['5']);
		const other = batches.join('another run', ['9']);
		const outcomesA = a.send(send);
		close();
		expect(calls).toEqual([]); // b has not handed over its sender yet
		c.leave();
		const outcomesB = b.send(send);
		const [resultA, resultB] = await Promise.all([outcomesA, outcomesB]);
		expect(calls).toEqual([['1', '2'], ['3', '4']]);
		expect(resultA).toEqual([
			{ id: '1', result: 'ok 1' },
			{ id: '2', result: 'missing 2' },
		]);
		expect(resultB.map((outcome: Outcome<string>) => ('error' in outcome ? (outcome.error as Error).message : outcome.result))).toEqual(['call failed', 'call failed']);
		const otherOutcome = other.send(send);
		close();
		expect(await otherOutcome).toEqual([{ id: '9', result: 'ok 9' }]);
	});

	it('a member that joins after the close starts the next batch', async () => {
		const { batches, close } = batchesWithManualClose();
		const calls: string[][] = [];
		const send = async (ids: string[]): Promise<Map<string, string>> => {
			calls.push(ids);
			return new Map(ids.map((id) => [id, id]));
		};
		const first = batches.join('run', ['1']).send(send);
		close();
		await first;
		const second = batches.join('run', ['2']).send(send);
		close();
		await second;
		expect(calls).toEqual([['1'], ['2']]);
	});
});
