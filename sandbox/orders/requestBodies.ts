// Reading the JSON bodies of order, return and exchange writes: IDs sent as numbers or digit strings (the docs'
// examples do both), booleans as true/"true"/"False", the body vendorId, the outcome summary of per-box results.

import { INVALID_VENDOR_MESSAGE, SandboxApiError } from '../errors';
import type { OrderReadingValues } from './readings';

/** A numeric ID from a body field: a safe integer, or a string of digits. */
export function bodyId(value: unknown, field: string): number {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
	if (typeof value === 'string' && /^\d{1,16}$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
	throw new SandboxApiError(400, `${field} must be a number, got [${value === undefined ? '' : JSON.stringify(value)}].`);
}

/** A body boolean: true/false, or the strings "true"/"false" in any case (R19 examples send "False"). */
export function bodyBoolean(value: unknown, field: string): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
	throw new SandboxApiError(400, `${field} must be true or false, got [${value === undefined ? '' : JSON.stringify(value)}].`);
}

/** A body string; numbers are taken as their digits (R19 sends invoiceNumber as a number once). */
export function bodyText(value: unknown, field: string, allowEmpty = false): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || (!allowEmpty && text.trim() === '')) throw new SandboxApiError(400, `${field} must not be empty.`);
	return text;
}

/** The body's vendorId must be the account's; a missing one is fine unless the reading (or the endpoint) requires it. */
export function checkBodyVendor(body: Record<string, unknown>, vendorId: string, readings: OrderReadingValues, alwaysRequired = false): void {
	const given = body.vendorId;
	if (given === undefined || given === null) {
		if (alwaysRequired || readings.bodyVendorId === 'required') throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
		return;
	}
	if (given !== vendorId) throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
}

/** The path ID and the body's copy of it (when sent) must agree. */
export function checkBodyMatchesPath(body: Record<string, unknown>, field: string, pathId: number): void {
	if (body[field] === undefined || body[field] === null) return;
	if (bodyId(body[field], field) !== pathId) throw new SandboxApiError(400, `${field} in the body (${String(body[field])}) does not match the path (${pathId}).`);
}

export interface BoxResult {
	shipmentBoxId: number;
	succeed: boolean;
	resultCode: string;
	retryRequired: boolean;
	resultMessage: string | null;
}

/** responseCode of a batch: 0 all succeeded, 1 partial errors, 99 all failed (R19). */
export function batchResponseCode(results: readonly BoxResult[]): 0 | 1 | 99 {
	const succeeded = results.filter((result) => result.succeed).length;
	if (succeeded === results.length) return 0;
	return succeeded === 0 ? 99 : 1;
}
