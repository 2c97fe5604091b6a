/** The data the node benches read, added to an in-process sandbox. */
import type { RunningSandbox } from '../sandbox';
import { formatKoreaDay } from './koreaDay';

const DAY_MS = 86_400_000;

/** `yyyy-MM-ddTHH:mm:ss` in Korea time. */
export const koreaTime = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19);

/** N inquiries spread evenly over the 5 Korea days before today; the period today-6 .. today holds exactly them. */
export function seedProductInquiryPeriod(sandbox: RunningSandbox, total: number): { startDay: string; endDay: string } {
	const todayStartMs = Date.parse(`${formatKoreaDay(sandbox.now())}T00:00:00+09:00`);
	const firstMs = todayStartMs - 5 * DAY_MS;
	const batches = 100;
	for (let batch = 0; batch < batches; batch++) {
		const count = Math.floor((total * (batch + 1)) / batches) - Math.floor((total * batch) / batches);
		if (count === 0) continue;
		const atMs = firstMs + Math.floor((batch * 5 * DAY_MS) / batches / 1000) * 1000;
		sandbox.store.productInquiries.add({ count, inquiryAt: koreaTime(atMs).replace('T', ' ') });
	}
	const startDay = formatKoreaDay(new Date(todayStartMs - 6 * DAY_MS));
	const endDay = formatKoreaDay(sandbox.now());
	const inPeriod = sandbox.store.productInquiries.query({ answeredType: 'ALL', inquiryStartAt: startDay, inquiryEndAt: endDay }).length;
	if (inPeriod !== total) throw new Error(`bench seed: the period ${startDay}..${endDay} holds ${inPeriod} inquiries, expected ${total}`);
	return { startDay, endDay };
}

/**
 * A frame of `hours` from the Korea midnight two days back: one product every 5 minutes, plus one at the instant
 * that ends the frame (both bounds are inclusive). Its bounds (ms) and how many of the vendor's products it holds.
 */
export function seedProductFrame(sandbox: RunningSandbox, hours = 24): { fromMs: number; toMs: number; productsInFrame: number } {
	const fromMs = Date.parse(`${formatKoreaDay(new Date(sandbox.now().getTime() - 2 * DAY_MS))}T00:00:00+09:00`);
	const toMs = fromMs + hours * 3_600_000;
	for (let atMs = fromMs; atMs <= toMs; atMs += 5 * 60_000) sandbox.store.products.add({ count: 1, createdAt: koreaTime(atMs) });
	const productsInFrame = sandbox.store.products.all.filter((product) => product.vendorId === sandbox.vendorId && product.createdAtMs >= fromMs && product.createdAtMs <= toMs).length;
	return { fromMs, toMs, productsInFrame };
}
