import { PATHS } from '../../core/coupangFacts';
import { idValue, writeResult } from '../answers';
import { checkWingUser } from '../../core/input';
import { CONFIRM_BY, singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { callCenterInquiryId } from './fields';

export const confirm = defineOperation({
	value: 'confirm',
	name: 'Confirm',
	description: 'Confirm an inquiry the contact center transferred to you (Coupang records that you took it over)',
	action: 'Confirm a transferred call center inquiry',
	fields: [
		callCenterInquiryId('callCenterInquiriesToConfirm', 'From List (transferred, not yet confirmed)'),
		{
			displayName: 'Confirm By (Wing User ID)',
			name: 'confirmBy',
			type: 'string',
			default: '',
			description: "The Wing login ID of the person confirming. Leave empty to use the credential's Default Wing User ID.",
		},
		singleRequestOptions,
	],
	read(parameters) {
		return {
			inquiryId: parameters.id('inquiryId', 'Inquiry ID'),
			confirmBy: parameters.text('confirmBy'),
		};
	},
	async run(client, { inquiryId, confirmBy: given }) {
		const confirmBy = checkWingUser(given, client.credentials.wingUserId, CONFIRM_BY);
		const body = await client.request({
			method: 'POST',
			path: PATHS.callCenterInquiryConfirms(client.vendorId, inquiryId),
			body: { confirmBy },
			write: true,
		});
		return [writeResult('confirm', { inquiryId: idValue(inquiryId), confirmBy }, body)];
	},
});
