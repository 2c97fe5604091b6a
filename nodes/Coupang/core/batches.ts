/**
 * Requests shared by the input items of one node run, pure (no n8n classes, no timers: `schedule` is a parameter).
 *
 * Coupang's acknowledgement takes up to 50 shipment boxes per call, and a workflow usually hands the node one box per
 * input item. n8n's RoutingNode calls each item's routing in one synchronous loop, so every item of a run joins its
 * batch before the first macrotask: `join` is called synchronously, and the batch closes on the next macrotask
 * (`schedule`). Items then read the credential (n8n may query its database, one item after the other), so the calls
 * go out only when every member has handed over its sender (`send`) or left (`leave`, e.g. its credential failed).
 *
 * The boxes of all members are sent once each (a box two items name is sent once; both get its result), in calls of
 * at most `maxPerCall`, packed at item boundaries: an item's boxes share one call unless they would not fit (an
 * item of more than `maxPerCall` boxes is split over calls). So a call that fails fails the items in it, and only
 * such a large item can have some boxes in a call that failed and others in one that succeeded. Calls go out one
 * after another; a failed call does not stop the next one.
 */

/** The outcome of one ID: its result, or the error of the call it was in. */
export type Outcome<R> = { id: string; result: R } | { id: string; error: unknown };

/** Sends one call for `ids` and gives each ID its result (an ID it leaves out gets the batches' `missing` result). */
export type SendCall<R> = (ids: string[]) => Promise<Map<string, R>>;

export interface BatchTicket<R> {
	/** Hands over how to send (any member's sender serves the whole batch); resolves with this member's outcomes, in its order. */
	send(sendCall: SendCall<R>): Promise<Array<Outcome<R>>>;
	/** Leaves the batch without sending (the item failed before its request). */
	leave(): void;
}

interface Member<R> {
	ids: string[];
	state: 'joined' | 'ready' | 'left';
	sendCall?: SendCall<R>;
	settle?: (outcomes: Array<Outcome<R>>) => void;
}

interface Batch<R> {
	members: Array<Member<R>>;
	closed: boolean;
	sent: boolean;
}

/** Packs the members' IDs (each ID once, first-seen order) into calls of at most `max`, keeping a member's new IDs together when they fit. */
export function packCalls(memberIds: string[][], max: number): string[][] {
	const calls: string[][] = [];
	const seen = new Set<string>();
	let current: string[] = [];
	for (const ids of memberIds) {
		const fresh = ids.filter((id) => !seen.has(id));
		for (const id of fresh) seen.add(id);
		if (fresh.length === 0) continue;
		if (current.length + fresh.length > max && current.length > 0) {
			calls.push(current);
			current = [];
		}
		for (let start = 0; start < fresh.length; start += max) {
			const part = fresh.slice(start, start + max);
			if (current.length + part.length > max) {
				calls.push(current);
				current = [];
			}
			current.push(...part);
		}
	}
	if (current.length > 0) calls.push(current);
	return calls;
}

export class SharedBatches<R> {
	private readonly open = new Map<string, Batch<R>>();

	constructor(
		private readonly maxPerCall: number,
		/** Runs `close` after everything already started synchronously (n8n: the next macrotask). */
		private readonly schedule: (close: () => void) => void,
		/** The result of an ID the answer did not mention. */
		private readonly missing: (id: string) => R,
	) {}

	/** Joins the open batch of `key` (a run of a node), or starts one that closes on the next `schedule`. */
	join(key: string, ids: string[]): BatchTicket<R> {
		let batch = this.open.get(key);
		if (!batch) {
			const started: Batch<R> = { members: [], closed: false, sent: false };
			this.open.set(key, started);
			this.schedule(() => {
				started.closed = true;
				if (this.open.get(key) === started) this.open.delete(key);
				this.maybeSend(started);
			});
			batch = started;
		}
		const member: Member<R> = { ids, state: 'joined' };
		batch.members.push(member);
		const joined = batch;
		return {
			send: async (sendCall) =>
				await new Promise<Array<Outcome<R>>>((resolve) => {
					member.state = 'ready';
					member.sendCall = sendCall;
					member.settle = resolve;
					this.maybeSend(joined);
				}),
			leave: () => {
				if (member.state !== 'joined') return;
				member.state = 'left';
				this.maybeSend(joined);
			},
		};
	}

	private maybeSend(batch: Batch<R>): void {
		if (batch.sent || !batch.closed || batch.members.some((member) => member.state === 'joined')) return;
		batch.sent = true;
		void this.sendAll(batch.members.filter((member) => member.state === 'ready'));
	}

	private async sendAll(members: Array<Member<R>>): Promise<void> {
		const outcomes = new Map<string, Outcome<R>>();
		const sendCall = members[0]?.sendCall;
		if (sendCall) {
			for (const ids of packCalls(members.map((member) => member.ids), this.maxPerCall)) {
				try {
					const results = await sendCall(ids);
					for (const id of ids) outcomes.set(id, { id, result: results.has(id) ? (results.get(id) as R) : this.missing(id) });
				} catch (error) {
					for (const id of ids) outcomes.set(id, { id, error });
				}
			}
		}
		for (const member of members) member.settle?.(member.ids.map((id) => outcomes.get(id) ?? { id, error: new Error(`No call was made for ${id}`) }));
	}
}
