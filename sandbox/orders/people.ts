// Deterministic Korean customers for orders and claims: masked names, safe numbers, addresses (no real people).

import type { Prng } from '../prng';

const FAMILY_NAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권'];
const GIVEN_SYLLABLES = ['민', '서', '지', '현', '수', '영', '준', '희', '은', '숙', '우', '진', '하', '윤', '아', '호'];

const ADDRESSES: ReadonlyArray<{ addr1: string; postCode: string }> = [
	{ addr1: '서울특별시 송파구 송파대로 570 (신천동)', postCode: '05510' },
	{ addr1: '서울특별시 강남구 테헤란로 152 (역삼동)', postCode: '06236' },
	{ addr1: '경기도 성남시 분당구 판교역로 235', postCode: '13494' },
	{ addr1: '부산광역시 해운대구 센텀중앙로 79', postCode: '48058' },
	{ addr1: '경기 오산시 가수동 **아파트', postCode: '447-700' },
	{ addr1: '인천광역시 연수구 송도과학로 32', postCode: '21984' },
	{ addr1: '대구광역시 수성구 달구벌대로 2450', postCode: '42020' },
	{ addr1: '경기도 화성시 동탄면 동탄대로9길 20', postCode: '18488' },
	{ addr1: '대전광역시 유성구 대학로 99', postCode: '34134' },
	{ addr1: '제주특별자치도 제주시 첨단로 242', postCode: '63309' },
];

const DETAILS = ['101동 1203호', '109동 *호', 'Tower 730', '3층', '205호', '꿈마을건영아파트 *', '107동701호', '상가 1층'];

export interface Customer {
	/** Full name as the customer typed it. */
	fullName: string;
	/** 신*희 style. */
	maskedName: string;
	/** 0503-****-5464 style safe number. */
	safeNumber: string;
	addr1: string;
	addr2: string;
	postCode: string;
	/** eu*****@na style. */
	maskedEmail: string;
	/** Southern islands and Jeju pay a remote-area surcharge. */
	remoteArea: boolean;
}

export function maskName(fullName: string): string {
	if (fullName.length <= 2) return `${fullName[0]}*`;
	return `${fullName[0]}${'*'.repeat(fullName.length - 2)}${fullName[fullName.length - 1]}`;
}

export function randomCustomer(prng: Prng): Customer {
	const fullName = prng.pick(FAMILY_NAMES) + prng.pick(GIVEN_SYLLABLES) + prng.pick(GIVEN_SYLLABLES);
	const address = prng.pick(ADDRESSES);
	const local = 'abcdefghijklmnopqrstuvwxyz';
	return {
		fullName,
		maskedName: maskName(fullName),
		safeNumber: `0503-****-${String(prng.int(0, 9999)).padStart(4, '0')}`,
		addr1: address.addr1,
		addr2: prng.pick(DETAILS),
		postCode: address.postCode,
		maskedEmail: `${local[prng.int(0, 25)]}${local[prng.int(0, 25)]}*****@na`,
		remoteArea: address.addr1.startsWith('제주'),
	};
}
