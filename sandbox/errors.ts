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
export const CANNOT_ANSWER_MESSAGE = "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer";
export const REPLY_BY_MESSAGE = 'The value of replyBy (Responder Seller Portal (WING) ID) is incorrect. Please enter the correct wing ID or vendorId.';
/** The zh-cn reply doc's 请输入内容 ("please enter the content"); the English wording is ours. */
export const EMPTY_CONTENT_MESSAGE = 'Please enter the content.';

/** A body field that must be a non-empty string; `message` defaults to "<field> must not be empty.". */
export function requireText(value: unknown, field: string, message = `${field} must not be empty.`): string {
	if (typeof value !== 'string' || value.trim() === '') throw new SandboxApiError(400, message);
	return value;
}

/**
 * `vendorId`, `content` and `replyBy` of a seller's reply. replyBy must not be empty; when `wingUserIds` is set (a
 * reading) it must be one of them or the vendor ID ("Please enter the correct wing ID or vendorId").
 */
export function replyText(body: Record<string, unknown>, vendorId: string, wingUserIds: readonly string[] | null): { content: string; replyBy: string } {
	if (body.vendorId !== vendorId) throw new SandboxApiError(400, INVALID_VENDOR_MESSAGE);
	const content = requireText(body.content, 'content', EMPTY_CONTENT_MESSAGE);
	const replyBy = requireText(body.replyBy, 'replyBy', REPLY_BY_MESSAGE);
	if (wingUserIds !== null && replyBy !== vendorId && !wingUserIds.includes(replyBy)) throw new SandboxApiError(400, REPLY_BY_MESSAGE);
	return { content, replyBy };
}
