/**
 * Every operation has an output schema under nodes/Coupang/__schema__/v1.0.0/<resource>/<operation>.json (n8n shows
 * its fields before a run), and it is the schema of what the operation really outputs (default Output) against the
 * sandbox. `npm run schemas` writes them anew after a change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Coupang } from '../../nodes/Coupang/Coupang.node';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { liftPaceForThisFile, runCoupang } from '../helpers/coupang';
import { OPERATION_SAMPLES } from '../helpers/operationSamples';
import { inferSchema } from '../helpers/outputSchema';

const SCHEMA_DIR = join(__dirname, '..', '..', 'nodes', 'Coupang', '__schema__', 'v1.0.0');
const UPDATE = process.env.UPDATE_SCHEMAS === '1';

const operations = new Coupang().description.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) => ((property.options ?? []) as Array<{ value: string }>).map((option) => `${String(property.displayOptions?.show?.resource?.[0])}:${option.value}`));

let sandbox: RunningSandbox;
beforeAll(async () => {
	liftPaceForThisFile();
	sandbox = await startSandbox({ port: 0, seed: 41 });
});
afterAll(async () => await sandbox.stop());

it('every operation has a sample run', () => {
	expect(operations.length).toBeGreaterThan(5);
	expect(operations.filter((key) => !(key in OPERATION_SAMPLES))).toEqual([]);
});

it.each(operations)('%s: the schema file is the schema of its output', async (key) => {
	const [resource, operation] = key.split(':');
	const parameters = OPERATION_SAMPLES[key](sandbox);
	// The default Output (Simplified where the operation has the option): what a seller's next node sees.
	const result = await runCoupang(sandbox, { resource, operation, output: 'simple', ...parameters });
	expect(result.error).toBeUndefined();
	expect(result.json.length).toBeGreaterThan(0);
	const schema = inferSchema(result.json);
	const file = join(SCHEMA_DIR, resource, `${operation}.json`);
	if (UPDATE) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
	}
	expect(existsSync(file)).toBe(true);
	expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schema);
});
