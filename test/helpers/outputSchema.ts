/**
 * The JSON Schema of a node's output items (n8n reads `__schema__/v<version>/<resource>/<operation>.json` to show
 * fields before a run), inferred from real items: a field's type is the type its values have (null where it is
 * only ever null); an array's items and an object's properties are merged over every value seen.
 */
export interface JsonSchema {
	type: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'object' ? typeof value : 'string';
}

/** The schema of all `values` together (they describe the same field). */
export function inferSchema(values: unknown[]): JsonSchema {
	const present = values.filter((value) => value !== null && value !== undefined);
	if (present.length === 0) return { type: 'null' };
	const type = typeOf(present[0]);
	if (type === 'array') return { type, items: inferSchema(present.flatMap((value) => value as unknown[])) };
	if (type !== 'object') return { type };
	const keys: string[] = [];
	for (const value of present) for (const key of Object.keys(value as object)) if (!keys.includes(key)) keys.push(key);
	const properties: Record<string, JsonSchema> = {};
	for (const key of keys) properties[key] = inferSchema(present.map((value) => (value as Record<string, unknown>)[key]));
	return { type, properties };
}
