/**
 * The Output option of reading operations and the trigger: Simplified (the fields a workflow needs, flat, with
 * readable names and ISO-8601 instants; never buyers' phone numbers or e-mail addresses), Raw (Coupang's record as
 * it sends it) or Selected Fields.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pickFields } from '../core/records';
import type { Parameters } from './parameters';

export type OutputMode = 'simple' | 'raw' | 'fields';

/** How an operation's records look when simplified. */
export type Simplify = (record: IDataObject) => IDataObject;

export const outputFields: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'simple',
		options: [
			{
				name: 'Simplified',
				value: 'simple',
				description: 'The fields a workflow needs, flat, with readable names and ISO-8601 times (no buyer phone or e-mail)',
			},
			{ name: 'Raw', value: 'raw', description: "Coupang's record as Coupang sends it (times in Korea time, without an offset)" },
			{ name: 'Selected Fields', value: 'fields', description: "Only the fields you name from Coupang's record" },
		],
		description: 'What each output item holds',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'inquiryId, content, inquiryAt',
		description: "Fields of Coupang's record, separated by commas; dot notation for nested ones (e.g. pagination.totalPages)",
		displayOptions: { show: { output: ['fields'] } },
	},
];

export interface OutputChoice {
	mode: OutputMode;
	fields: string;
}

export function readOutput(parameters: Parameters): OutputChoice {
	const mode = parameters.raw('output', 'simple') as OutputMode;
	return { mode, fields: mode === 'fields' ? parameters.requiredText('fields', 'Fields') : '' };
}

export function shapeOutput(records: IDataObject[], choice: OutputChoice, simplify: Simplify): IDataObject[] {
	if (choice.mode === 'raw') return records;
	if (choice.mode === 'fields') return records.map((record) => pickFields(record, choice.fields) as IDataObject);
	return records.map(simplify);
}
