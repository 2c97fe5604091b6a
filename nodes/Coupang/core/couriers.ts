/**
 * Coupang's courier codes (`deliveryCompanyCode`, the exchange waybill's `goodsDeliveryCode`) and the waybill
 * numbers each courier takes, pure. Source: fact sheet section 11 — the full code list of R19
 * `distribution-center-api/ko/lookup-delivery-code` (codes struck out there are merged or closed) and the digit
 * counts of the current page KO-360034156033 ("Unsupported codes or badly formed waybills cause errors").
 */
import { asText, CoupangInputError } from './input';

interface Courier {
	/** What the seller knows it as (the Korean name in Coupang's list). */
	name: string;
	/** Waybill lengths KO-360034156033 gives; absent where it gives none. */
	lengths?: readonly number[];
	/** International couriers whose numbers carry letters (UPS "1Z…", DHL parcel "JJD…"). */
	letters?: true;
}

const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, index) => min + index);

/** Every code Coupang's list has that is not struck out, with the waybill lengths where Coupang states them. */
export const COURIERS: Readonly<Record<string, Courier>> = {
	HYUNDAI: { name: 'Lotte 롯데택배', lengths: [10, 12, 13] },
	KGB: { name: 'Logen 로젠택배', lengths: [10, 11] },
	EPOST: { name: 'Korea Post 우체국', lengths: [13] },
	HANJIN: { name: 'Hanjin 한진택배', lengths: [10, 12] },
	CJGLS: { name: 'CJ Logistics CJ대한통운', lengths: [10, 12] },
	KGBPS: { name: 'KGB 택배' },
	KDEXP: { name: 'Kyungdong 경동택배', lengths: range(8, 16) },
	ILYANG: { name: 'Ilyang 일양택배', lengths: range(8, 16) },
	CHUNIL: { name: 'Chunil 천일택배', lengths: [11] },
	AJOU: { name: 'Ajou 아주택배' },
	CSLOGIS: { name: 'SC Logis SC로지스' },
	DAESIN: { name: 'Daesin 대신택배', lengths: [13] },
	CVS: { name: 'CVS 택배', lengths: [10, 12] },
	HDEXP: { name: 'Hapdong 합동택배', lengths: range(8, 16) },
	DHL: { name: 'DHL', lengths: [10, 13, 20], letters: true },
	UPS: { name: 'UPS', lengths: [9, 18], letters: true },
	FEDEX: { name: 'FedEx', letters: true },
	REGISTPOST: { name: 'Registered Mail 우편등기' },
	DIRECT: { name: "Seller's Own Delivery 업체직송" },
	COUPANG: { name: 'Coupang Delivery 쿠팡자체배송' },
	EMS: { name: 'EMS 우체국 EMS', letters: true },
	TNT: { name: 'TNT', letters: true },
	USPS: { name: 'USPS', letters: true },
	IPARCEL: { name: 'i-parcel', letters: true },
	GSMNTON: { name: 'GSM NtoN' },
	SWGEXP: { name: 'Sungwon Global 성원글로벌' },
	PANTOS: { name: 'Pantos 범한판토스' },
	ACIEXPRESS: { name: 'ACI Express' },
	DAEWOON: { name: 'Daewoon Global 대운글로벌' },
	AIRBOY: { name: 'Airboy Express 에어보이익스프레스' },
	KGLNET: { name: 'KGL Networks KGL네트웍스' },
	KUNYOUNG: { name: 'Kunyoung 건영택배' },
	SLX: { name: 'SLX 택배' },
	HONAM: { name: 'Honam 호남택배' },
	LINEEXPRESS: { name: 'LineExpress' },
	TWOFASTEXP: { name: '2FastsExpress' },
	ECMS: { name: 'ECMS Express ECMS익스프레스' },
	SELC: { name: 'Samsung Direct 삼성직배송' },
	WONDERS: { name: 'Wonders Quick 원더스퀵' },
	YONGMA: { name: 'Yongma Logis 용마로지스' },
	SEBANG: { name: 'Sebang 세방택배' },
	NHLOGIS: { name: 'NH Logis 농협택배' },
	LOTTEGLOBAL: { name: 'Lotte Global 롯데글로벌', letters: true },
	GSIEXPRESS: { name: 'GSI Express GSI익스프레스', letters: true },
	EFS: { name: 'EFS', letters: true },
	DHLGLOBALMAIL: { name: 'DHL GlobalMail', letters: true },
};

/** Codes that are no longer valid, with what to use instead (R19's struck-out codes and renames; 3P's wrong codes). */
const REPLACED: Readonly<Record<string, string>> = {
	KOREX: 'Korex merged into CJ Logistics: use CJGLS',
	DONGBU: 'Dongbu/KG Logis (Dream) is struck out of Coupang\'s list: use the courier that took the parcel',
	INNOGIS: 'GTX Logis (INNOGIS) closed: use the courier that took the parcel',
	IQS: 'Goodspost (IQS) is struck out of Coupang\'s list: use the courier that took the parcel',
	LOGEN: 'Logen is KGB in Coupang\'s list',
	KYUNGDONG: 'Kyungdong is KDEXP in Coupang\'s list',
	LOTTE: 'Lotte is HYUNDAI in Coupang\'s list',
	KPOST: 'Korea Post is EPOST in Coupang\'s list',
	KGBLS: 'the KGB parcel code is KGBPS in Coupang\'s list',
};

/** A courier code Coupang lists (upper case), or an error naming the field, the code and what to use. */
export function checkCourierCode(value: unknown, label: string): string {
	const code = asText(value).toUpperCase();
	if (code === '') throw new CoupangInputError(label, code, `${label} is required`);
	if (COURIERS[code]) return code;
	const replaced = REPLACED[code];
	const rule = replaced ? `${label} "${code}" is not a Coupang courier code: ${replaced}` : `${label} "${code}" is not one of Coupang's courier codes (e.g. CJGLS, HANJIN, HYUNDAI, EPOST, KGB)`;
	throw new CoupangInputError(label, code, rule);
}

/**
 * A waybill number for a listed courier: letters and digits only (digits only for Korean couriers), of a length
 * Coupang states for that courier where it states one.
 */
export function checkWaybillNumber(code: string, value: unknown, label: string): string {
	const number = asText(value);
	const courier = COURIERS[code];
	if (number === '') throw new CoupangInputError(label, number, `${label} is required`);
	const pattern = courier?.letters ? /^[0-9A-Za-z]+$/ : /^\d+$/;
	if (!pattern.test(number)) {
		const allowed = courier?.letters ? 'letters and digits' : 'digits';
		throw new CoupangInputError(label, number, `${label} "${number}" must be ${allowed} only (no spaces or hyphens) for ${code}`);
	}
	if (courier?.lengths && !courier.lengths.includes(number.length)) {
		const lengths = courier.lengths;
		const expected = lengths.length > 3 ? `${lengths[0]} to ${lengths[lengths.length - 1]}` : `${lengths.slice(0, -1).join(', ')}${lengths.length > 1 ? ' or ' : ''}${lengths[lengths.length - 1]}`;
		throw new CoupangInputError(label, number, `${label} "${number}" has ${number.length} characters; ${code} waybills have ${expected}`);
	}
	return number;
}
