import { MAX_PAGE_SIZE, PATHS } from '../../core/coupangFacts';
import { collectTokenPages } from '../../core/paging';
import { dataList } from '../answers';
import { listFields } from '../fields';
import { idLocator } from '../listSearch';
import { defineOperation } from '../operation';
import { simplifyStatusHistory } from '../simplified';

export const getStatusHistory = defineOperation({
	value: 'getStatusHistory',
	name: 'Get Status History',
	description: "Get a product's approval and status changes",
	action: 'Get the status history of a product',
	fields: [
		idLocator({
			displayName: 'Seller Product ID',
			name: 'sellerProductId',
			description: 'The registered product (sellerProductId)',
			placeholder: '786583589',
			list: 'recentProducts',
			listPlaceholder: 'Select a product…',
			listLabel: 'From List (registered in the last 2 hours)',
		}),
		...listFields(MAX_PAGE_SIZE.statusHistory),
	],
	read(parameters) {
		return {
			sellerProductId: parameters.id('sellerProductId', 'Seller Product ID'),
			maxPerPage: parameters.pageSize(MAX_PAGE_SIZE.statusHistory),
			limit: parameters.limit(),
		};
	},
	async run(client, { sellerProductId, maxPerPage, limit }) {
		// Follows `nextToken` until Coupang answers an empty one.
		return await collectTokenPages(async (nextToken) => {
			const qs = nextToken === undefined ? { maxPerPage } : { maxPerPage, nextToken };
			const body = await client.request({ method: 'GET', path: PATHS.productStatusHistory(sellerProductId), qs });
			return { items: dataList(client, body), nextToken: body.nextToken as string | null | undefined };
		}, limit);
	},
	simplify: simplifyStatusHistory,
});
