import { ANSWER_STATUS_OPTIONS, filtersField, listFields, optionIdField, periodFields } from '../fields';
import { listInquiries, PRODUCT_INQUIRIES, readInquiryFilters } from '../inquiryLists';
import { defineOperation } from '../operation';

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	description: 'List customer questions about your products',
	action: 'Get many product inquiries',
	fields: [
		{
			displayName: 'Answer Status',
			name: 'answerStatus',
			type: 'options',
			options: ANSWER_STATUS_OPTIONS,
			default: 'ALL',
			description: 'Which questions to list, by whether you have answered them',
		},
		...periodFields('questions'),
		filtersField([optionIdField('questions')]),
		...listFields(PRODUCT_INQUIRIES.maxPageSize),
	],
	read(parameters) {
		const filters = readInquiryFilters(parameters);
		const pageSize = parameters.pageSize(PRODUCT_INQUIRIES.maxPageSize);
		const limit = parameters.limit();
		return {
			query: { status: parameters.choice('answerStatus'), ...filters },
			paging: { pageSize: limit === undefined ? pageSize : Math.min(pageSize, limit), limit },
		};
	},
	async run(client, { query, paging }) {
		return await listInquiries(client, PRODUCT_INQUIRIES, query, paging);
	},
	simplify: PRODUCT_INQUIRIES.simplify,
});
