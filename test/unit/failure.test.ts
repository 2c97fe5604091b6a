import { readFailure } from '../../nodes/Coupang/core/failure';
import { hintFor } from '../../nodes/Coupang/core/hints';

describe('reading Coupang failures', () => {
	it('finds status and message through nested causes', () => {
		const error = {
			message: 'Bad request - please check your parameters',
			httpCode: '400',
			cause: { response: { status: 400, data: { code: 400, message: 'Invalid vendor ID', transactionId: 'x' } } },
		};
		const failure = readFailure(error);
		expect(failure).toEqual({ status: 400, message: 'Invalid vendor ID', messageFromBody: true, cancelled: false });
		expect(hintFor(failure)).toMatch(/seller ID/);
	});

	it('recognises an HTML Access Denied page and empty bodies', () => {
		expect(readFailure({ response: { status: 403, data: '<html><h1>Access Denied</h1></html>' } }).message).toBe('Access Denied');
		expect(readFailure({ response: { status: 502, data: '' } }).message).toMatch(/empty body/);
		expect(hintFor({ status: 403, message: 'Access Denied' })).toMatch(/IP address/);
	});

	it('maps gateway messages to what a seller should do', () => {
		expect(hintFor({ status: 401, message: 'Invalid signature.' })).toMatch(/Secret Key/);
		expect(hintFor({ status: 401, message: 'Specified signature is expired.' })).toMatch(/clock/);
		expect(hintFor({ status: 401, message: 'Request is not authorized.' })).toMatch(/Access Key/);
		expect(hintFor({ status: 400, message: 'time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd' })).toMatch(/7 days/);
		expect(hintFor({ message: 'No answer', networkCode: 'ETIMEDOUT' })).toMatch(/Extended Timeout/);
	});

	it('explains key lifetime, temporary blocks, closed inquiries and replies that cannot be made', () => {
		expect(hintFor({ status: 401, message: 'Request is not authorized.' })).toMatch(/180 days.*24 hours/);
		expect(hintFor({ status: 401, message: 'Some other refusal' })).toMatch(/180 days/);
		expect(hintFor({ status: 403, message: 'Access Denied' })).toMatch(/IP address.*temporary block after many failed calls: wait a few minutes and do not repeat/);
		expect(hintFor({ status: 400, message: 'This inquiry has closed. -522' })).toMatch(/already confirmed.*24 hours/);
		expect(hintFor({ status: 400, message: "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer" })).toMatch(
			/Waiting for Your Reply.*Confirm.*24 hours/,
		);
		expect(hintFor({ status: 400, message: 'time interval needs to be less than or equal to 7 days, pattern should be yyyy-MM-dd' })).toMatch(
			/Option ID alone.*requires a period/,
		);
	});

	it('reports network errors by code', () => {
		const failure = readFailure({ message: 'socket hang up', cause: { code: 'ECONNRESET' } });
		expect(failure.networkCode).toBe('ECONNRESET');
		expect(failure.status).toBeUndefined();
	});
});

describe('axios error codes', () => {
	it('an HTTP error (ERR_BAD_REQUEST) is not mistaken for a network failure', () => {
		const failure = readFailure({ code: 'ERR_BAD_REQUEST', response: { status: 400, data: { message: 'Invalid vendor ID' } } });
		expect(failure).toEqual({ status: 400, message: 'Invalid vendor ID', messageFromBody: true, cancelled: false });
	});
});
