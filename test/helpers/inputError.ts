import { CoupangInputError } from '../../nodes/Coupang/core/input';

/** The CoupangInputError `run` throws (anything else is rethrown; nothing thrown fails the test). */
export function inputError(run: () => unknown): CoupangInputError {
	try {
		run();
	} catch (error) {
		if (error instanceof CoupangInputError) return error;
		throw error;
	}
	throw new Error('expected a CoupangInputError, nothing was thrown');
}
