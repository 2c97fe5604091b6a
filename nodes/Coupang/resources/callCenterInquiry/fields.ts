import type { INodeProperties } from 'n8n-workflow';

import { inquiryIdField } from '../fields';

export const callCenterInquiryIdField: INodeProperties = inquiryIdField(
	'1015668177',
	'The contact center inquiry (inquiryId from Get Many or the trigger)',
);
