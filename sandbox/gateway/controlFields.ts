// Optional fields of a control call's JSON body: absent or null → undefined, the wrong type → 400.

import { SandboxApiError } from '../errors';

export function optionalNumber(value: unknown, name: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) throw new SandboxApiError(400, `${name} must be a number.`);
	return value;
}

export function optionalString(value: unknown, name: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SandboxApiError(400, `${name} must be a string.`);
	return value;
}

export function optionalBoolean(value: unknown, name: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw new SandboxApiError(400, `${name} must be a boolean.`);
	return value;
}
