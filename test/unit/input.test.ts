import { checkOneOf, checkPageSize, checkSalePrice, checkWholeNumber } from '../../nodes/Coupang/core/input';
import { inputError } from '../helpers/inputError';

const message = (run: () => unknown): string => inputError(run).message;

describe('checks of the claim and product item operations', () => {
	it('checkWholeNumber: digits from the minimum, no fractions, exponents or words', () => {
		expect(checkWholeNumber(0, 'Quantity', 0)).toBe(0);
		expect(checkWholeNumber(' 12 ', 'Quantity', 0)).toBe(12);
		expect(message(() => checkWholeNumber(-1, 'Quantity', 0))).toBe('Quantity must be a whole number of at least 0, got "-1"');
		expect(message(() => checkWholeNumber(1.5, 'Quantity', 0))).toBe('Quantity must be a whole number of at least 0, got "1.5"');
		expect(message(() => checkWholeNumber('1e3', 'Cancel Count', 1))).toBe('Cancel Count must be a whole number of at least 1, got "1e3"');
		expect(message(() => checkWholeNumber('', 'Cancel Count', 1))).toBe('Cancel Count is required');
		expect(message(() => checkWholeNumber(11, 'Size', 1, 10))).toBe('Size must be a whole number from 1 to 10, got "11"');
	});

	it('checkSalePrice: at least 10 won, in steps of 10 won', () => {
		expect(checkSalePrice(15000, 'Sale Price (Won)', 10)).toBe(15000);
		expect(message(() => checkSalePrice(15005, 'Sale Price (Won)', 10))).toBe(
			'Sale Price (Won) 15005 is not in steps of 10 won; Coupang takes prices in units of 10 won (e.g. 15000 or 15010)',
		);
		expect(message(() => checkSalePrice(0, 'Sale Price (Won)', 10))).toBe('Sale Price (Won) must be a whole number of at least 10, got "0"');
	});

	it('checkOneOf: only the documented values', () => {
		expect(checkOneOf('SOLDOUT', 'Reason', ['SOLDOUT', 'WITHDRAW'])).toBe('SOLDOUT');
		expect(message(() => checkOneOf('OTHER', 'Reason', ['SOLDOUT', 'WITHDRAW']))).toBe('Reason must be one of SOLDOUT, WITHDRAW, got "OTHER"');
	});

	it('checkPageSize: a fallback other than the maximum for an empty value', () => {
		expect(checkPageSize(undefined, 50, 10)).toBe(10);
		expect(checkPageSize('', 50)).toBe(50);
		expect(message(() => checkPageSize(51, 50, 10))).toBe('Page Size is 51; Coupang allows 1 to 50');
	});
});
