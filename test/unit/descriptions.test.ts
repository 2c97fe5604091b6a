/**
 * The editor's text: every display name, description, placeholder, hint and option of the node, the trigger and the
 * credential reads as a sentence — no empty interpolation, doubled punctuation or leftover `${…}`.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { CoupangApi } from '../../credentials/CoupangApi.credentials';
import { Coupang } from '../../nodes/Coupang/Coupang.node';
import { CoupangTrigger } from '../../nodes/Coupang/CoupangTrigger.node';

type Option = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** What broken text looks like; each with a name for the failure message. */
const BREAKAGE: Array<[string, RegExp]> = [
	['space before punctuation (an empty interpolation)', /\s[,.;:)]/],
	['doubled punctuation', /,\s*[,.]|\.\s*[,]|;;|::|\.\.(?!\.)|(?<!\.)\.\.\.?\s*\./],
	['empty parentheses or quotes', /\(\s*\)|""|''/],
	['a leftover template or object', /\$\{|\[object |\bundefined\b|\bNaN\b/],
	['doubled space', / {2}/],
	['space at an end', /^\s|\s$/],
];

function texts(label: string, item: Option): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	const record = item as unknown as Record<string, unknown>;
	for (const key of ['displayName', 'name', 'description', 'placeholder', 'hint', 'action']) {
		const value = record[key];
		if (typeof value === 'string' && !(key === 'name' && 'type' in record)) found.push([`${label} ${key}`, value]);
	}
	for (const child of (record.options ?? record.values ?? []) as Option[]) {
		if (typeof child === 'object' && child !== null) found.push(...texts(`${label} › ${String((child as { name?: string }).name)}`, child));
	}
	return found;
}

const descriptions = [
	['Coupang', new Coupang().description.properties, new Coupang().description.description],
	['Coupang Trigger', new CoupangTrigger().description.properties, new CoupangTrigger().description.description],
	['Coupang API credential', new CoupangApi().properties, new CoupangApi().displayName],
] as const;

describe.each(descriptions)('%s: the editor text reads as written', (name, properties, summary) => {
	const all = [[`${name} description`, summary] as [string, string], ...properties.flatMap((property) => texts(property.name, property))];

	it('has text everywhere a user reads it', () => {
		expect(all.length).toBeGreaterThan(10);
		expect(all.filter(([, text]) => text.trim() === '').map(([where]) => where)).toEqual([]);
		for (const property of properties) {
			expect(property.displayName.trim()).not.toBe('');
			// Inputs explain themselves; selectors (resource, operation, event) and collections explain their options.
			if (!['notice', 'collection', 'fixedCollection'].includes(property.type) && !['resource', 'operation', 'event'].includes(property.name)) {
				expect({ property: property.name, description: (property.description ?? '').length > 10 }).toEqual({ property: property.name, description: true });
			}
		}
	});

	it.each(BREAKAGE)('no %s', (_rule, pattern) => {
		expect(all.filter(([, text]) => pattern.test(text)).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
	});
});

describe('the checks catch what broke before', () => {
	it.each([
		'Last day of , to include (inclusive). ,.',
		'Only  inquiries',
		'Pattern ${VENDOR_ID_PATTERN}',
		'Waits undefined ms',
		'Ends here. ',
	])('%s', (broken) => {
		expect(BREAKAGE.some(([, pattern]) => pattern.test(broken))).toBe(true);
	});
});

describe('the node in the editor', () => {
	it('has a readable subtitle for every operation ("Get Many: Product Inquiry")', () => {
		const subtitle = new Coupang().description.subtitle ?? '';
		const map = JSON.parse(/=\{\{ (\{.*\})\[/.exec(subtitle)?.[1] ?? '{}') as Record<string, string>;
		expect(map['productInquiry:getMany']).toBe('Get Many: Product Inquiry');
		expect(map['callCenterInquiry:confirm']).toBe('Confirm: Call Center Inquiry');
		const operations = new Coupang().description.properties.filter((property) => property.name === 'operation');
		const count = operations.reduce((sum, property) => sum + (property.options?.length ?? 0), 0);
		expect(Object.keys(map)).toHaveLength(count);
	});

	it('keeps numbers in range in the editor (typeOptions) and marks writes as customer-visible', () => {
		const properties = new Coupang().description.properties;
		const pageSizes = properties.flatMap((property) => (property.options ?? []) as Array<{ name: string; typeOptions?: { minValue?: number; maxValue?: number } }>).filter((option) => option.name === 'pageSize');
		expect(pageSizes.length).toBeGreaterThan(0);
		for (const option of pageSizes) expect(option.typeOptions).toMatchObject({ minValue: 1, maxValue: expect.any(Number) });
		const replies = properties.filter((property) => property.name === 'operation').flatMap((property) => (property.options ?? []) as Array<{ value: string; description?: string }>).filter((option) => option.value === 'reply');
		for (const reply of replies) expect(reply.description).toMatch(/customer/);
		expect(new Coupang().description.hints?.some((hint) => /published on Coupang/.test(hint.message))).toBe(true);
	});
});
