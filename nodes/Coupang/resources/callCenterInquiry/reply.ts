import { PATHS } from '../../core/coupangFacts';
import { idValue, writeResult } from '../answers';
import { readReply, replyFields, singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { callCenterInquiryIdField } from './fields';

export const reply = defineOperation({
	value: 'reply',
	name: 'Reply',
	description: 'Answer an inquiry the contact center transferred to you',
	action: 'Reply to a call center inquiry',
	fields: [
		callCenterInquiryIdField,
		...replyFields('Your answer to the contact center'),
		{
			displayName: 'Parent Answer ID',
			name: 'parentAnswerId',
			type: 'string',
			required: true,
			default: '',
			description:
				"The answerId of the contact center's transfer you are answering: the reply in the inquiry's replies whose partnerTransferStatus is requestAnswer",
		},
		singleRequestOptions,
	],
	read(parameters) {
		return { ...readReply(parameters), parentAnswerId: parameters.id('parentAnswerId', 'Parent Answer ID') };
	},
	async run(client, { inquiryId, content, replyBy, parentAnswerId }) {
		const body = await client.request({
			method: 'POST',
			path: PATHS.callCenterInquiryReplies(client.vendorId, inquiryId),
			body: { vendorId: client.vendorId, inquiryId: idValue(inquiryId), content, replyBy, parentAnswerId: idValue(parentAnswerId) },
			write: true,
		});
		return [writeResult('reply', { inquiryId: idValue(inquiryId), parentAnswerId: idValue(parentAnswerId), content, replyBy }, body)];
	},
});
