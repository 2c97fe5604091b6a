/**
 * What a seller can do about a failure: the "how to resolve" of Coupang's error tables and the meaning of the
 * gateway's refusals. Pure; decided from what ./failure.ts read.
 */
import { DateTime } from 'luxon';

import type { CoupangFailure } from './failure';

/** What the gateway's refusals mean for a seller, by HTTP status (also the credential test's messages). */
export const GATEWAY_REJECTION_HINTS: Record<400 | 401 | 403, string> = {
	400: 'Coupang rejected the request parameters. Check that the Vendor ID is your own seller code (e.g. A00012345).',
	401: 'Coupang did not accept the keys. Check the Access Key and Secret Key (Wing → Seller Info → Open API Key) and that the n8n server clock is correct (signatures expire after 5 minutes). Keys expire after 180 days (reissue them in Wing), and a newly issued key can take up to 24 hours to start working.',
	403: "Coupang refused this server. Register the n8n server's public IP address in Wing's Open API key settings (a changed IP takes up to 30 minutes to apply). A 403 can also be a temporary block after many failed calls: wait a few minutes and do not repeat the call.",
};

const TOO_MANY_REQUESTS_HINT = 'Coupang allows about 10 requests per second per seller. Lower the request rate or run fewer workflows at once.';
const TIMEOUT_HINT = 'The request timed out. For heavy lists set the Extended Timeout option (sends X-EXTENDED-TIMEOUT) or shorten the period.';

/** Coupang's messages (endpoint docs and gateway), each with what to do. First match wins. */
const MESSAGE_HINTS: Array<[RegExp, string]> = [
	[
		/time interval needs to be less than or equal to 7 days/i,
		'Make sure that the query period is 7 days or less (or turn on Return All to fetch longer periods in 7-day windows). If you searched by Option ID alone, also give Start Date and End Date: the newer revision of Coupang\'s docs requires a period.',
	],
	[/read timed out/i, 'Shorten the query period (1 day) and page size (10) and try again, or raise the Extended Timeout option (X-EXTENDED-TIMEOUT).'],
	[/invalid vendor id/i, 'Make sure that the seller ID (Vendor ID in the credential) is correct.'],
	[/cannot query a list of products by another vendor/i, 'Check that the seller ID (Vendor ID in the credential) is correct.'],
	[/exceeded the maximum search range/i, 'Check Created From and Created To: Coupang returns at most 10 minutes per request (turn on Return All to fetch longer ranges in 10-minute windows).'],
	[/invalid format inquiryid|inquiry not found|vendor id should be same/i, 'Check that the Inquiry ID is correct and belongs to your seller account.'],
	[/too many requests/i, TOO_MANY_REQUESTS_HINT],
	[
		/inquiry has closed|-522/i,
		'The inquiry can no longer be confirmed or answered: it was already confirmed, the contact center closed it, or 24 hours passed (Coupang then answers it with a notice). Check it in Wing.',
	],
	[
		/can't be answer|can not be answer|cannot be answer/i,
		'Only inquiries waiting for your reply can be answered (inquiryStatus progress, transfer status requestAnswer; Status "Waiting for Your Reply"). Transferred inquiries that only need confirming take Confirm, and Coupang closes inquiries left for 24 hours.',
	],
	// Returns, exchanges and product items.
	[/취소반품접수수량과 cancelCount/, "Cancel Count must be the receipt's total quantity (cancelCountSum, e.g. 2 of one item and 3 of another: 5). Leave Cancel Count empty and the node reads it from the receipt."],
	[/product is already returned/i, 'The stop-shipment request was already answered (shipment stopped, already shipped, or the receipt completed). Check the receipt with Get.'],
	[/no history of the warehouse receipt confirmation/i, 'Approve a return only after Confirm Receipt (status VENDOR_WAREHOUSE_CONFIRM). Quick-refund returns complete at Confirm Receipt and need no approval.'],
	[/cannot find the receipt|doesn't belong to the vendorid/i, 'Check the Receipt ID: it must be one of your return receipts (Coupang does not look up cancellation receipts by ID).'],
	[/completecollect/i, 'Coupang takes the exchange waybill once the pickup is complete (collectStatus CompleteCollect), up to 10 minutes after Confirm Receipt: try again later, on the re-delivery box (redeliveryShipmentBoxId).'],
	[/최대 50% 인하|decreasing 50% and increasing 100%/i, 'Coupang changes a price by at most 50% down or 100% up at once. Turn on Allow a Large Change (forceSalePriceUpdate) if the new price is right.'],
	[/모니터링/, 'Coupang stopped this option by its monitoring: it cannot be resumed through the API. Check the option in Wing.'],
	[/invalid signature/i, 'The Secret Key does not match the Access Key. Copy both again from Wing → Seller Info → Open API Key.'],
	[/signature is expired/i, "The n8n server's clock is off by more than 5 minutes. Synchronise it (NTP) and retry."],
	[
		/not authorized/i,
		'Coupang does not know this Access Key: it is wrong, revoked, expired (keys last 180 days; reissue in Wing) or was issued less than a day ago (a new key can take up to 24 hours). Check it in Wing → Seller Info → Open API Key.',
	],
	[/hmac format/i, 'The request was not signed. Select the Coupang API credential on the node.'],
	[/access denied/i, GATEWAY_REJECTION_HINTS[403]],
];

/** The doc's "how to resolve" for a failure, the gateway's meaning of a 401/403, or a timeout hint. */
export function hintFor(failure: Pick<CoupangFailure, 'status' | 'message' | 'networkCode'>): string | undefined {
	for (const [pattern, hint] of MESSAGE_HINTS) if (pattern.test(failure.message)) return hint;
	if (failure.status === 401 || failure.status === 403) return GATEWAY_REJECTION_HINTS[failure.status];
	if (failure.networkCode === 'ETIMEDOUT' || failure.networkCode === 'ECONNABORTED' || /timeout/i.test(failure.message)) return TIMEOUT_HINT;
	if (failure.status === 429) return TOO_MANY_REQUESTS_HINT;
	return undefined;
}

/** Who meets a throttle hold, for what the notice asks of the seller. */
export type HeldSituation = 'trigger' | 'read' | 'write-refused' | 'write-not-sent';

const HELD_OUTCOME: Record<HeldSituation, string> = {
	trigger: 'Nothing is lost: the first poll after that catches up on everything since the last successful poll.',
	read: 'Nothing was lost: run it again after that time.',
	'write-refused': 'It was not applied (Coupang refused it before it reached the record): send it again after that time.',
	'write-not-sent': 'Nothing was sent: send it again after that time.',
};

/** An instant as the workflow's zone shows it, with its offset. */
export function localTime(ms: number, zone: string): string {
	const time = DateTime.fromMillis(ms, { zone });
	return (time.isValid ? time : DateTime.fromMillis(ms, { zone: 'UTC' })).toFormat('yyyy-MM-dd HH:mm:ss ZZ');
}

function inWords(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** The error a held request gets: since when Coupang throttles the seller, when requests resume, what was lost. */
export function throttleNotice(
	hold: { since: number; until: number; status: number },
	now: number,
	zone: string,
	situation: HeldSituation,
): { message: string; description: string } {
	const why =
		hold.status === 403
			? `Coupang refused this seller's requests with HTTP 403 (Access Denied) since ${localTime(hold.since, zone)}: this server's IP address is not registered for the key, or Coupang blocks it for a while after many failed calls.`
			: `Coupang refused this seller's requests with HTTP 429 (too many requests) since ${localTime(hold.since, zone)}; it lifts such a block within minutes.`;
	return {
		message: `Coupang is throttling this seller (HTTP ${hold.status}); requests resume at ${localTime(hold.until, zone)}`,
		description: `${why} No request of this seller leaves this n8n process before ${localTime(hold.until, zone)} (in ${inWords(hold.until - now)}), so that the block can lift. ${HELD_OUTCOME[situation]}`,
	};
}
