import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_EXCHANGE_PAGE_SIZE, MAX_EXCHANGE_PERIOD_DAYS, MAX_PAGE_SIZE } from '../../core/coupangFacts';
import { checkWallClockRange, type RangeLabels, splitWallClockRange } from '../../core/dates';
import { checkPageSize } from '../../core/input';
import { listFields } from '../fields';
import { defineOperation } from '../operation';
import { exchangeStatusField, readExchangeStatus } from './fields';
import { EXCHANGE_WINDOW_SECONDS, listExchanges } from './list';
import { simplifyExchangeRequest } from './simplify';

const LABELS: RangeLabels = { from: 'Created From', to: 'Created To' };

const rangeFields: INodeProperties[] = [
	{
		displayName: 'Created From',
		name: 'createdFrom',
		type: 'dateTime',
		required: true,
		default: '',
		description: `When the requests were made, from (read in the workflow's time zone, sent in Korea time to the second). Without Return All the range may span at most ${MAX_EXCHANGE_PERIOD_DAYS} days; with Return All a longer range is read in windows of just under ${MAX_EXCHANGE_PERIOD_DAYS} days.`,
	},
	{
		displayName: 'Created To',
		name: 'createdTo',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the requests were made, to (inclusive), read the same way as Created From',
	},
];

/** Return All, Limit and Options, with Coupang's documented default page (10) when Page Size is left alone. */
const exchangeListFields: INodeProperties[] = listFields(MAX_PAGE_SIZE.exchangeRequests).map((field) =>
	field.name !== 'options'
		? field
		: {
				...field,
				options: (field.options as INodeProperties[]).map((option) =>
					option.name !== 'pageSize'
						? option
						: {
								...option,
								default: DEFAULT_EXCHANGE_PAGE_SIZE,
								description: `How many results to ask Coupang for per request (1 to ${MAX_PAGE_SIZE.exchangeRequests}). Coupang documents ${DEFAULT_EXCHANGE_PAGE_SIZE} as the default and no maximum.`,
							},
				),
			},
);

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	description: 'List exchange requests made in a period',
	action: 'Get many exchange requests',
	fields: [exchangeStatusField('ALL'), ...rangeFields, ...exchangeListFields],
	read(parameters) {
		const status = readExchangeStatus(parameters);
		const range = { from: parameters.koreaDateTime('createdFrom', LABELS.from), to: parameters.koreaDateTime('createdTo', LABELS.to) };
		if (parameters.returnAll()) splitWallClockRange(range.from, range.to, EXCHANGE_WINDOW_SECONDS, 1, LABELS);
		else checkWallClockRange(range.from, range.to, MAX_EXCHANGE_PERIOD_DAYS * 86400, LABELS);
		const pageSize = checkPageSize(parameters.options().pageSize, MAX_PAGE_SIZE.exchangeRequests, DEFAULT_EXCHANGE_PAGE_SIZE);
		const limit = parameters.limit();
		return { status, range, paging: { pageSize: limit === undefined ? pageSize : Math.min(pageSize, limit), limit } };
	},
	async run(client, { status, range, paging }) {
		return await listExchanges(client, status, range, paging);
	},
	simplify: simplifyExchangeRequest,
});
