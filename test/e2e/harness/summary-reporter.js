/**
 * Prints one plain closing line after jest's own summary, e.g. "e2e: 15 passed, 0 failed, 0 skipped", so
 * tools that read closing lines (not jest's format) see the counts.
 */
class PlainSummaryReporter {
	onRunComplete(_contexts, results) {
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		// On stderr, after jest's own summary (jest writes its results there).
		process.stderr.write(`e2e: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped\n`);
	}
}

module.exports = PlainSummaryReporter;
