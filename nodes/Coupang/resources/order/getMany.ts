import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE, ORDER_STATUSES } from '../../core/coupangFacts';
import { checkOneOf } from '../../core/input';
import { checkOrderMinuteRange, checkOrderPeriod, splitOrderMinuteRange, splitOrderPeriod } from '../../core/dates';
import { listFields } from '../fields';
import { defineOperation } from '../operation';
import { simplifyOrder } from '../simplified';
import { ORDER_STATUS_OPTIONS } from './fields';
import { listOrders, type OrderSearch } from './orderLists';

const zoneHint = "Read in the workflow's time zone and sent to Coupang in Korea time (Asia/Seoul).";

const searchFields: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: ORDER_STATUS_OPTIONS,
		default: 'ACCEPT',
		description: 'Which orders to list: Coupang lists one status per request',
	},
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day', description: 'Whole Korea days: up to 31 days per request, in pages of up to 50' },
			{ name: 'Minute', value: 'minute', description: 'A time range to the minute, under 24 hours, in one answer per window' },
		],
		default: 'day',
		description: 'Whether to search whole days or a time range to the minute',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: `First day of orders to include. ${zoneHint} Without Return All the period may span at most 31 days; with Return All a longer period is fetched in 31-day windows.`,
		displayOptions: { show: { searchBy: ['day'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of orders to include (inclusive), read the same way as Start Date',
		displayOptions: { show: { searchBy: ['day'] } },
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: `Start of the time range, to the minute (seconds are ignored). ${zoneHint} Without Return All the range must be under 24 hours; with Return All a longer range is fetched in windows of up to 12 hours.`,
		displayOptions: { show: { searchBy: ['minute'] } },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the time range: orders of this minute are included',
		displayOptions: { show: { searchBy: ['minute'] } },
	},
];

export const getMany = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	description: 'List orders (shipment boxes) in one status, by day or by minute',
	action: 'Get many orders',
	fields: [...searchFields, ...listFields(MAX_PAGE_SIZE.orders)],
	read(parameters) {
		const status = checkOneOf(parameters.raw('status'), 'Status', ORDER_STATUSES);
		const returnAll = parameters.returnAll();
		let search: OrderSearch;
		if (parameters.choice('searchBy') === 'minute') {
			const from = parameters.koreaDateTime('startTime', 'Start Time');
			const to = parameters.koreaDateTime('endTime', 'End Time');
			if (returnAll) splitOrderMinuteRange(from, to);
			else checkOrderMinuteRange(from, to);
			search = { by: 'minute', from, to };
		} else {
			const period = { start: parameters.koreaDate('startDate', 'Start Date'), end: parameters.koreaDate('endDate', 'End Date') };
			if (returnAll) splitOrderPeriod(period.start, period.end);
			else checkOrderPeriod(period.start, period.end);
			search = { by: 'day', period };
		}
		return { status, search, pageSize: parameters.pageSize(MAX_PAGE_SIZE.orders), limit: parameters.limit() };
	},
	async run(client, query) {
		return await listOrders(client, query);
	},
	simplify: simplifyOrder,
});
