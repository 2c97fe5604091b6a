import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { checkTimeFrame, isInTimeFrame, splitTimeFrame } from '../../core/dates';
import { collectWindows } from '../../core/paging';
import { dataList } from '../answers';
import { listFields } from '../fields';
import { defineOperation } from '../operation';
import { simplifyProduct } from '../simplified';

const timeFrameFields: INodeProperties[] = [
	{
		displayName: 'Created From',
		name: 'createdAtFrom',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"Start of the creation time range, in the workflow's time zone (sent as Korea time). Without Return All the range may span at most 10 minutes; with Return All a longer range is fetched in 10-minute windows.",
	},
	{
		displayName: 'Created To',
		name: 'createdAtTo',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the creation time range (inclusive)',
	},
];

export const getManyByCreationTime = defineOperation({
	value: 'getManyByCreationTime',
	name: 'Get Many by Creation Time',
	description: 'List the products you registered in a time range',
	action: 'Get many products by creation time',
	// The time-frame API has no pages: no Page Size option.
	fields: [...timeFrameFields, ...listFields()],
	read(parameters) {
		const from = parameters.koreaDateTime('createdAtFrom', 'Created From');
		const to = parameters.koreaDateTime('createdAtTo', 'Created To');
		if (parameters.returnAll()) splitTimeFrame(from, to);
		else checkTimeFrame(from, to);
		return { from, to, limit: parameters.limit() };
	},
	async run(client, { from, to, limit }) {
		return await collectWindows(
			splitTimeFrame(from, to),
			async (window, _remaining, signal) => {
				const qs = { vendorId: client.vendorId, createdAtFrom: window.from, createdAtTo: window.to };
				const products = dataList(client, await client.request({ method: 'GET', path: PATHS.productsByTimeFrame(), qs, signal }));
				return products.filter((product) => isInTimeFrame(from, to, product.createdAt));
			},
			(record) => String(record.sellerProductId),
			limit,
		);
	},
	simplify: simplifyProduct,
});
