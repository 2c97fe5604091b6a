/**
 * Reading an operation's parameters, each checked by the pure rules of core/input.ts and core/dates.ts. A broken
 * rule throws CoupangInputError; the routing helper turns it into the node's error before any request is sent.
 */
import type { IDataObject, IExecuteSingleFunctions, IPollFunctions } from 'n8n-workflow';

import { toCoupangDate, toCoupangDateTime } from '../core/dates';
import {
	asText,
	checkExtendedTimeout,
	checkLimit,
	checkNumericId,
	checkPageSize,
	checkRequiredText,
	isBlank,
} from '../core/input';

/** Where parameters come from: the node's item (routing) or the trigger's poll. */
type ParameterSource = Pick<IExecuteSingleFunctions, 'getNodeParameter' | 'getTimezone'> | Pick<IPollFunctions, 'getNodeParameter' | 'getTimezone'>;

export class Parameters {
	constructor(private readonly context: ParameterSource) {}

	/** The value as n8n resolved it (expressions evaluated for this item; a resource locator's value). */
	raw(name: string, fallback: unknown = ''): unknown {
		return this.context.getNodeParameter(name, fallback, { extractValue: true }) as unknown;
	}

	text(name: string): string {
		return asText(this.raw(name));
	}

	isBlank(name: string): boolean {
		return isBlank(this.raw(name));
	}

	/** One of the values of an options parameter. */
	choice<T extends string>(name: string): T {
		return this.raw(name) as T;
	}

	id(name: string, label: string): string;
	id(name: string, label: string, required: false): string | undefined;
	id(name: string, label: string, required = true): string | undefined {
		return checkNumericId(this.raw(name), label, required);
	}

	requiredText(name: string, label: string): string {
		return checkRequiredText(this.raw(name), label);
	}

	/** A dateTime parameter as a Korea day (`yyyy-MM-dd`), read in the workflow's time zone. */
	koreaDate(name: string, label: string): string {
		return toCoupangDate(this.raw(name), this.context.getTimezone(), label);
	}

	/** A dateTime parameter as a Korea wall clock (`yyyy-MM-ddTHH:mm:ss`), read in the workflow's time zone. */
	koreaDateTime(name: string, label: string): string {
		return toCoupangDateTime(this.raw(name), this.context.getTimezone(), label);
	}

	returnAll(): boolean {
		return Boolean(this.raw('returnAll', false));
	}

	/** How many results are wanted: undefined with Return All. */
	limit(): number | undefined {
		return this.returnAll() ? undefined : checkLimit(this.raw('limit', 50));
	}

	/** The Options collection of the operation. */
	options(): IDataObject {
		return (this.raw('options', {}) as IDataObject | undefined) ?? {};
	}

	pageSize(max: number): number {
		return checkPageSize(this.options().pageSize, max);
	}

	extendedTimeout(): number | undefined {
		return checkExtendedTimeout(this.options().extendedTimeout);
	}
}
