/** A rejection the sandbox answers with Coupang's status and message. */
export class SandboxApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'SandboxApiError';
	}
}

export const PERIOD_MESSAGE = 'time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd';
export const INVALID_VENDOR_MESSAGE = 'Invalid vendor ID';
export const INQUIRY_NOT_FOUND_MESSAGE = 'Inquiry not found';
export const OTHER_VENDOR_INQUIRY_MESSAGE = 'Vendor id should be same with the vendor id in this inquiry';
export const TIME_FRAME_RANGE_MESSAGE = 'It has exceeded the maximum search range. The maximum range is 10 minutes.';
export const INQUIRY_CLOSED_MESSAGE = 'This inquiry has closed. -522';

/** A body field that must be a non-empty string. */
export function requireText(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw new SandboxApiError(400, `${field} must not be empty.`);
	return value;
}
