import { PATHS } from '../../core/coupangFacts';
import { idValue, writeResult } from '../answers';
import { inquiryIdField, readReply, replyFields, singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';

export const reply = defineOperation({
	value: 'reply',
	name: 'Reply',
	description: "Answer a customer's question about a product",
	action: 'Reply to a product inquiry',
	fields: [
		inquiryIdField('39352323', 'The question to answer (inquiryId from Get Many or the trigger)'),
		...replyFields('The answer the customer will see'),
		singleRequestOptions,
	],
	read(parameters) {
		return readReply(parameters);
	},
	async run(client, { inquiryId, content, replyBy }) {
		const body = await client.request({
			method: 'POST',
			path: PATHS.productInquiryReplies(client.vendorId, inquiryId),
			body: { vendorId: client.vendorId, content, replyBy },
			write: true,
		});
		return [writeResult('reply', { inquiryId: idValue(inquiryId), content, replyBy }, body)];
	},
});
