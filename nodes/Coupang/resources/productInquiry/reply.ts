import { PATHS } from '../../core/coupangFacts';
import { idValue, writeResult } from '../answers';
import { checkWingUser } from '../../core/input';
import { readReply, REPLY_BY, replyFields, singleRequestOptions } from '../fields';
import { idLocator } from '../listSearch';
import { defineOperation } from '../operation';

export const reply = defineOperation({
	value: 'reply',
	name: 'Reply',
	description: "Publish an answer to a customer's question about a product (the customer and other shoppers see it on Coupang)",
	action: 'Reply to a product inquiry',
	fields: [
		idLocator({
			displayName: 'Inquiry ID',
			name: 'inquiryId',
			description: 'The question to answer (inquiryId from Get Many, the list or the trigger)',
			placeholder: '39352323',
			list: 'unansweredProductInquiries',
			listPlaceholder: 'Select an inquiry…',
			listLabel: 'From List (unanswered, last 7 days)',
		}),
		...replyFields('The answer the customer will see'),
		singleRequestOptions,
	],
	read(parameters) {
		return readReply(parameters);
	},
	async run(client, { inquiryId, content, replyBy: given }) {
		const replyBy = checkWingUser(given, client.credentials.wingUserId, REPLY_BY);
		const body = await client.request({
			method: 'POST',
			path: PATHS.productInquiryReplies(client.vendorId, inquiryId),
			body: { vendorId: client.vendorId, content, replyBy },
			write: true,
		});
		return [writeResult('reply', { inquiryId: idValue(inquiryId), content, replyBy }, body)];
	},
});
