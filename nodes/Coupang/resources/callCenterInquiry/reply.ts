import type { IDataObject } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { checkWingUser, CoupangInputError } from '../../core/input';
import type { CoupangClient } from '../../transport/client';
import { idValue, writeResult } from '../answers';
import { readReply, REPLY_BY, replyFields, singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { callCenterInquiryId } from './fields';

/**
 * The answerId of the transfer the seller answers: the reply whose partnerTransferStatus is requestAnswer, read
 * from the inquiry (one extra request) when the user leaves Parent Answer ID empty.
 */
async function pendingTransfer(client: CoupangClient, inquiryId: string): Promise<string> {
	const body = await client.request({ method: 'GET', path: PATHS.callCenterInquiry(inquiryId) });
	const replies = ((body.data as IDataObject | undefined)?.replies ?? []) as IDataObject[];
	const request = replies.find((reply) => reply.partnerTransferStatus === 'requestAnswer');
	if (request?.answerId === undefined || request.answerId === null) {
		throw new CoupangInputError(
			'Parent Answer ID',
			'',
			`Inquiry ${inquiryId} is not waiting for your reply: none of its replies has partnerTransferStatus requestAnswer (it may be answered, closed after 24 hours, or only need Confirm)`,
		);
	}
	return String(request.answerId);
}

export const reply = defineOperation({
	value: 'reply',
	name: 'Reply',
	description: 'Send your answer to an inquiry the contact center passed to you (Coupang shows it to the customer)',
	action: 'Reply to a call center inquiry',
	fields: [
		callCenterInquiryId('callCenterInquiriesToReply', 'From List (waiting for your reply)'),
		...replyFields('Your answer. The contact center and the customer read it.'),
		{
			displayName: 'Parent Answer ID',
			name: 'parentAnswerId',
			type: 'string',
			default: '',
			description:
				"The answerId of the contact center's request you are answering (the reply whose partnerTransferStatus is requestAnswer). Leave empty to look it up from the inquiry (one extra request).",
		},
		singleRequestOptions,
	],
	read(parameters) {
		return { ...readReply(parameters), parentAnswerId: parameters.id('parentAnswerId', 'Parent Answer ID', false) };
	},
	async run(client, { inquiryId, content, replyBy: given, parentAnswerId: givenParent }) {
		const replyBy = checkWingUser(given, client.credentials.wingUserId, REPLY_BY);
		const parentAnswerId = givenParent ?? (await pendingTransfer(client, inquiryId));
		const body = await client.request({
			method: 'POST',
			path: PATHS.callCenterInquiryReplies(client.vendorId, inquiryId),
			body: { vendorId: client.vendorId, inquiryId: idValue(inquiryId), content, replyBy, parentAnswerId: idValue(parentAnswerId) },
			write: true,
		});
		return [writeResult('reply', { inquiryId: idValue(inquiryId), parentAnswerId: idValue(parentAnswerId), content, replyBy }, body)];
	},
});
