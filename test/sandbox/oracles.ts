// Independent readings of Coupang's call-center JSON, written from the docs and the sandbox README's model (not from
// the sandbox's code): which inquiries await the seller's reply (NO_ANSWER) and which its confirm (TRANSFER).

import type { CallCenterInquiryJson } from '../../sandbox';

type Reply = CallCenterInquiryJson['replies'][number];

/** In progress with a transfer whose partnerTransferStatus is requestAnswer. */
export function awaitsReply(item: CallCenterInquiryJson): boolean {
	return item.inquiryStatus === 'progress' && item.replies.some((reply) => reply.partnerTransferStatus === 'requestAnswer');
}

/** In progress with an agent's transfer Coupang answered, not completed, that no vendor reply answers. */
export function awaitsConfirm(item: CallCenterInquiryJson): boolean {
	const answeredByVendor = (transfer: Reply): boolean => item.replies.some((reply) => reply.answerType === 'vendor' && reply.parentAnswerId === transfer.answerId);
	return (
		item.inquiryStatus === 'progress' &&
		item.replies.some(
			(reply) =>
				reply.answerType === 'csAgent' &&
				reply.partnerTransferStatus === 'answered' &&
				!reply.needAnswer &&
				reply.partnerTransferCompleteReason === 'NONE' &&
				!answeredByVendor(reply),
		)
	);
}

export const COUNSELING_ORACLES: ReadonlyArray<[string, (item: CallCenterInquiryJson) => boolean]> = [
	['NONE', () => true],
	['ANSWER', (item) => item.csPartnerCounselingStatus === 'answered'],
	['NO_ANSWER', awaitsReply],
	['TRANSFER', awaitsConfirm],
];
