import { checkCourierCode, checkWaybillNumber, COURIERS } from '../../nodes/Coupang/core/couriers';
import { inputError } from '../helpers/inputError';

describe('courier codes (fact sheet 11)', () => {
	it('accepts the codes of Coupang\'s list, in any case', () => {
		expect(checkCourierCode('CJGLS', 'Courier')).toBe('CJGLS');
		expect(checkCourierCode(' hanjin ', 'Courier')).toBe('HANJIN');
		expect(Object.keys(COURIERS)).toEqual(expect.arrayContaining(['HYUNDAI', 'KGB', 'EPOST', 'DIRECT', 'KDEXP', 'DHL', 'UPS', 'DHLGLOBALMAIL']));
	});

	it('refuses struck-out, renamed and third-party codes, saying what to use', () => {
		expect(inputError(() => checkCourierCode('LOGEN', 'Courier')).message).toBe('Courier "LOGEN" is not a Coupang courier code: Logen is KGB in Coupang\'s list');
		expect(inputError(() => checkCourierCode('KOREX', 'Courier')).message).toMatch(/merged into CJ Logistics: use CJGLS/);
		expect(inputError(() => checkCourierCode('LOTTE', 'Courier')).message).toMatch(/HYUNDAI/);
		expect(inputError(() => checkCourierCode('KPOST', 'Courier')).message).toMatch(/EPOST/);
		expect(inputError(() => checkCourierCode('FOO', 'Courier')).message).toBe("Courier \"FOO\" is not one of Coupang's courier codes (e.g. CJGLS, HANJIN, HYUNDAI, EPOST, KGB)");
		expect(inputError(() => checkCourierCode('', 'Courier')).message).toBe('Courier is required');
	});
});

describe('waybill numbers (KO-360034156033 lengths)', () => {
	it.each([
		['CJGLS', '340010913442'],
		['CJGLS', '3400109134'],
		['HYUNDAI', '1234567890123'],
		['EPOST', '6012345678901'],
		['KDEXP', '12345678'],
		['DIRECT', '1'],
		['UPS', '1Z999AA10123456784'],
		['FEDEX', '789012345678'],
	])('%s %s is accepted', (code, number) => {
		expect(checkWaybillNumber(code, number, 'Invoice Number')).toBe(number);
	});

	it.each([
		['CJGLS', '34001091344', 'Invoice Number "34001091344" has 11 characters; CJGLS waybills have 10 or 12'],
		['HYUNDAI', '12345', 'Invoice Number "12345" has 5 characters; HYUNDAI waybills have 10, 12 or 13'],
		['KDEXP', '1234567', 'Invoice Number "1234567" has 7 characters; KDEXP waybills have 8 to 16'],
		['KDEXP', '12345678901234567', 'Invoice Number "12345678901234567" has 17 characters; KDEXP waybills have 8 to 16'],
		['DIRECT', 'x1', 'Invoice Number "x1" must be digits only (no spaces or hyphens) for DIRECT'],
		['CJGLS', '3400-1091-3442', 'Invoice Number "3400-1091-3442" must be digits only (no spaces or hyphens) for CJGLS'],
		['UPS', '1Z 999', 'Invoice Number "1Z 999" must be letters and digits only (no spaces or hyphens) for UPS'],
		['EPOST', '', 'Invoice Number is required'],
	])('%s %s is refused', (code, number, message) => {
		expect(inputError(() => checkWaybillNumber(code, number, 'Invoice Number')).message).toBe(message);
	});
});
