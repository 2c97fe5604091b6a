import { PATHS } from '../../core/coupangFacts';
import { idValue, writeResult } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { callCenterInquiryIdField } from './fields';

export const confirm = defineOperation({
	value: 'confirm',
	name: 'Confirm',
	description: 'Confirm an inquiry the contact center transferred to you',
	action: 'Confirm a transferred call center inquiry',
	fields: [
		callCenterInquiryIdField,
		{
			displayName: 'Confirm By (Wing User ID)',
			name: 'confirmBy',
			type: 'string',
			required: true,
			default: '',
			description: 'The Wing login ID of the person confirming',
		},
		singleRequestOptions,
	],
	read(parameters) {
		return {
			inquiryId: parameters.id('inquiryId', 'Inquiry ID'),
			confirmBy: parameters.requiredText('confirmBy', 'Confirm By (Wing User ID)'),
		};
	},
	async run(client, { inquiryId, confirmBy }) {
		const body = await client.request({
			method: 'POST',
			path: PATHS.callCenterInquiryConfirms(client.vendorId, inquiryId),
			body: { confirmBy },
			write: true,
		});
		return [writeResult('confirm', { inquiryId: idValue(inquiryId), confirmBy }, body)];
	},
});
