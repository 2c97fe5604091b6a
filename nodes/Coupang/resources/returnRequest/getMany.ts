import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE, MAX_RETURN_PERIOD_DAYS } from '../../core/coupangFacts';
import { checkKoreaDayCount, checkWallClockRange, type RangeLabels, splitKoreaDays, splitWallClockRange } from '../../core/dates';
import { checkOneOf } from '../../core/input';
import { listFields } from '../fields';
import { defineOperation } from '../operation';
import type { Parameters } from '../parameters';
import { readReturnQuery, returnFilterFields } from './fields';
import { listReturns, type ReturnSearch, RETURN_WINDOW_DAYS } from './list';
import { simplifyReturnRequest } from './simplify';

const LABELS: RangeLabels = { from: 'Created From', to: 'Created To' };

const searchFields: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: 'Whole Korea days, read in pages' },
			{ name: 'Minute', value: 'minute', description: 'To the minute, in one answer per window' },
		],
		default: 'day',
		description: 'Whether Created From and Created To are whole days or times',
	},
	{
		displayName: 'Created From',
		name: 'createdFrom',
		type: 'dateTime',
		required: true,
		default: '',
		description: `When the receipts were made, from: by day the Korea day of this date, by minute this time (read in the workflow's time zone, sent in Korea time). Without Return All the range may cover at most ${MAX_RETURN_PERIOD_DAYS} days; with Return All a longer range is read in ${RETURN_WINDOW_DAYS}-day windows.`,
	},
	{
		displayName: 'Created To',
		name: 'createdTo',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the receipts were made, to (inclusive), read the same way as Created From',
	},
];

/** Search By and the range: checked against Coupang's 31 days unless Return All splits it. */
function readSearch(parameters: Parameters): ReturnSearch {
	const by = checkOneOf(parameters.raw('searchBy', 'day'), 'Search By', ['day', 'minute'] as const);
	const returnAll = parameters.returnAll();
	if (by === 'day') {
		const days = { start: parameters.koreaDate('createdFrom', LABELS.from), end: parameters.koreaDate('createdTo', LABELS.to) };
		if (returnAll) splitKoreaDays(days.start, days.end, RETURN_WINDOW_DAYS, LABELS);
		else checkKoreaDayCount(days.start, days.end, MAX_RETURN_PERIOD_DAYS, LABELS);
		return { by, days };
	}
	const range = { from: parameters.koreaDateTime('createdFrom', LABELS.from), to: parameters.koreaDateTime('createdTo', LABELS.to) };
	if (returnAll) splitWallClockRange(range.from, range.to, RETURN_WINDOW_DAYS * 86400, 60, LABELS);
	else checkWallClockRange(range.from, range.to, MAX_RETURN_PERIOD_DAYS * 86400, LABELS);
	return { by, range };
}

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	description: 'List return and cancellation requests made in a period',
	action: 'Get many return or cancel requests',
	fields: [...returnFilterFields('RETURNS_UNCHECKED'), ...searchFields, ...listFields(MAX_PAGE_SIZE.returnRequests)],
	read(parameters) {
		const query = readReturnQuery(parameters);
		const search = readSearch(parameters);
		const pageSize = parameters.pageSize(MAX_PAGE_SIZE.returnRequests);
		const limit = parameters.limit();
		return { query, search, paging: { pageSize: limit === undefined ? pageSize : Math.min(pageSize, limit), limit } };
	},
	async run(client, { query, search, paging }) {
		return await listReturns(client, query, search, paging);
	},
	simplify: simplifyReturnRequest,
});
