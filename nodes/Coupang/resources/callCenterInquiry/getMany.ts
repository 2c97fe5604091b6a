import { CALL_CENTER_STATUS_OPTIONS, filtersField, listFields, optionIdField, periodFields } from '../fields';
import { CALL_CENTER_INQUIRIES, listInquiries, readInquiryFilters } from '../inquiryLists';
import { defineOperation } from '../operation';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	description: 'List inquiries customers made to the Coupang contact center about your products',
	action: 'Get many call center inquiries',
	fields: [
		{
			displayName: 'Status',
			name: 'counselingStatus',
			type: 'options',
			options: CALL_CENTER_STATUS_OPTIONS,
			default: 'NONE',
			description: 'Which inquiries to list (partnerCounselingStatus)',
		},
		...periodFields('inquiries'),
		filtersField([
			optionIdField('inquiries'),
			{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '', placeholder: '19000012345678', description: 'Only inquiries about this order number' },
		]),
		...listFields(CALL_CENTER_INQUIRIES.maxPageSize),
	],
	read(parameters) {
		const filters = readInquiryFilters(parameters);
		const orderId = parameters.id('filters.orderId', 'Order ID', false);
		const pageSize = parameters.pageSize(CALL_CENTER_INQUIRIES.maxPageSize);
		const limit = parameters.limit();
		return {
			query: { status: parameters.choice('counselingStatus'), ...filters, orderId },
			paging: { pageSize: limit === undefined ? pageSize : Math.min(pageSize, limit), limit },
		};
	},
	async run(client, { query, paging }) {
		return await listInquiries(client, CALL_CENTER_INQUIRIES, query, paging);
	},
	simplify: CALL_CENTER_INQUIRIES.simplify,
});
