import type { INodePropertyOptions } from 'n8n-workflow';

/** Coupang's status filters, shared by the Coupang node and the Coupang Trigger. */

/** Product inquiries: `answeredType`. */
export const ANSWER_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All', value: 'ALL' },
	{ name: 'Answered', value: 'ANSWERED' },
	{ name: 'Not Answered', value: 'NOANSWER' },
];

/** Call center inquiries: `partnerCounselingStatus`. */
export const CALL_CENTER_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All', value: 'NONE' },
	{ name: 'Answered', value: 'ANSWER' },
	{ name: 'Not Answered', value: 'NO_ANSWER' },
	{ name: 'Transferred', value: 'TRANSFER', description: 'Transferred to you by the contact center and waiting for your answer' },
];
