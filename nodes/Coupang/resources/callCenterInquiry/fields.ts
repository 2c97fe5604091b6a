import type { INodeProperties } from 'n8n-workflow';

import { idLocator, type ListSearchMethod } from '../listSearch';

/** Inquiry ID of a call-center operation: its list shows the inquiries waiting for that operation's to-do. */
export function callCenterInquiryId(list: ListSearchMethod, listLabel: string): INodeProperties {
	return idLocator({
		displayName: 'Inquiry ID',
		name: 'inquiryId',
		description: 'The contact center inquiry (inquiryId from Get Many, a list or the trigger)',
		placeholder: '1015668177',
		list,
		listLabel,
		listPlaceholder: 'Select an inquiry…',
	});
}
