/**
 * Prints one plain closing line after jest's own summary, e.g. "e2e: 15 passed, 0 failed, 0 skipped" (label from the reporter options), so
 * tools that read closing lines (not jest's format) see the counts.
 */
const fs = require('node:fs');

class PlainSummaryReporter {
	constructor(_globalConfig, options = {}) {
		this.label = options.label ?? 'tests';
	}

	onRunComplete(_contexts, results) {
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const line = `${this.label}: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped\n`;
		// jest prints its summary after every other reporter's onRunComplete: print ours last, on the way out
		// (with fs.writeSync: once jest exits, its exit helper silences process.stderr.write).
		process.once('exit', () => fs.writeSync(2, line));
	}
}

module.exports = PlainSummaryReporter;
