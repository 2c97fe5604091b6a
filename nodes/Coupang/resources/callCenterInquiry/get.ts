import type { IDataObject } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { simplifyCallCenterInquiry } from '../simplified';
import { callCenterInquiryId } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Get one contact center inquiry by its ID',
	action: 'Get a call center inquiry',
	fields: [callCenterInquiryId('callCenterInquiries', 'From List (last 7 days)'), singleRequestOptions],
	read(parameters) {
		return { inquiryId: parameters.id('inquiryId', 'Inquiry ID') };
	},
	async run(client, { inquiryId }) {
		const body = await client.request({ method: 'GET', path: PATHS.callCenterInquiry(inquiryId) });
		return [(body.data ?? {}) as IDataObject];
	},
	simplify: simplifyCallCenterInquiry,
});

