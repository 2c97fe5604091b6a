// Where Coupang's sources on orders, claims and product items are silent or disagree, each plausible reading is a
// switch (README.md lists them with their sources). Settable in process (`store.orderReadings.set`) and over
// /__sandbox/order-readings; a reset (reseed) goes back to the defaults.

import { SandboxApiError } from '../errors';

export const ORDER_READING_CHOICES = {
	/** A window exactly at its limit (31 days, 24 hours, 7 days): 'exclusive' refuses it, 'inclusive' accepts it. */
	windowEdge: ['exclusive', 'inclusive'],
	/** PO minute lists: 'span' = createdAtTo - createdAtFrom under 24 h; 'sameDay' = also both in one Korea day. */
	minuteWindow: ['span', 'sameDay'],
	/** PO minute lists: does the createdAtTo minute count whole ('inclusive', to HH:mm:59) or end there ('exclusive')? */
	minuteToEdge: ['inclusive', 'exclusive'],
	/** PO lists: maxPerPage over 50 is refused ('reject') or served as 50 ('clamp'). */
	maxPerPageOverLimit: ['reject', 'clamp'],
	/** Single PO by orderId: `data` is one record (R19) or an array of the order's boxes (3P). */
	orderByOrderIdData: ['object', 'array'],
	/** Delivery history: `{code,message,data:{...}}` (R19 sample), `data` as an array (tables), or the bare object (current page). */
	historyEnvelope: ['object', 'array', 'bare'],
	/** retryRequired of NOT_FOUND_SHIPMENT_BOX: as each endpoint documents it (acknowledgement true, invoices false), or always one value. */
	notFoundBoxRetry: ['perEndpoint', 'true', 'false'],
	/** The resultCode for a waybill number already used for another recipient. */
	duplicateInvoice: ['DUPLICATE_INVOICE_NUMBER', 'NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD'],
	/** The status a box gets from a DIRECT (vendor's own delivery) waybill. */
	directDelivery: ['DEPARTURE', 'NONE_TRACKING'],
	/** vendorId in write bodies (acknowledgement, stoppedShipment, exchange writes): R19 optional, current pages required. */
	bodyVendorId: ['optional', 'required'],
	/** Return list: searchType may be omitted (R19, text) or is required (current EN table). */
	returnSearchType: ['optional', 'required'],
	/** completedShipment answer: everything inside `data` (both examples) or `{code,message,data:{resultCode,...}}` (table). */
	completedShipmentShape: ['nested', 'table'],
	/** Exchange waybill: possible right after the receipt confirmation, or only 10 minutes later. */
	exchangeCollectDelay: ['none', 'tenMinutes'],
} as const;

export type OrderReadingName = keyof typeof ORDER_READING_CHOICES;
export type OrderReadingValues = { -readonly [K in OrderReadingName]: (typeof ORDER_READING_CHOICES)[K][number] };

export function defaultOrderReadings(): OrderReadingValues {
	const values: Record<string, string> = {};
	for (const [name, choices] of Object.entries(ORDER_READING_CHOICES)) values[name] = choices[0];
	return values as OrderReadingValues;
}

export class OrderReadings {
	values: OrderReadingValues = defaultOrderReadings();

	/** Sets some switches; an unknown name or value → 400 and nothing changes. */
	set(partial: Partial<Record<string, unknown>>): OrderReadingValues {
		const next: Record<string, unknown> = { ...this.values };
		for (const [name, value] of Object.entries(partial)) {
			const choices = (ORDER_READING_CHOICES as Record<string, readonly string[]>)[name];
			if (!choices) throw new SandboxApiError(400, `Unknown reading "${name}"; known: ${Object.keys(ORDER_READING_CHOICES).join(', ')}.`);
			if (typeof value !== 'string' || !choices.includes(value)) throw new SandboxApiError(400, `Reading ${name} must be one of ${choices.join(', ')}.`);
			next[name] = value;
		}
		this.values = next as OrderReadingValues;
		return this.values;
	}

	reset(): void {
		this.values = defaultOrderReadings();
	}
}
