// Deterministic, realistic-looking products and the options (catalog) that inquiries refer to.

import type { Prng } from '../prng';
import { IdSequence, OTHER_VENDOR_ID, SEEDED_PERIOD_DAYS } from '../seeding';
import { DAY_MS } from '../time';
import type { CatalogItem, Product, ProductHistoryEntry } from './model';

/** Option names; call-center inquiries name these items too. */
export const ITEM_NAMES = [
	'제주 삼다수, 2L, 6개',
	'스파오(SPAO) 인조가죽 A라인 4부 스커트, (49)Khaki, L',
	'스파오(SPAO) 맨투맨 (17)Dark Gray, S',
	'곰곰 무농약 바나나, 1.2kg, 1봉',
	'탐사 물티슈 캡형, 100매, 10개',
	'코멧 두루마리 휴지 30m, 30롤, 1팩',
	'농심 신라면 120g, 5개',
	'LG 코드제로 무선청소기 A9',
	'삼성 갤럭시 버즈2 프로, 그라파이트',
	'한샘 원목 책상 1200, 내추럴',
	'나이키 에어맥스 270, 블랙, 260',
	'오뚜기 진라면 매운맛 120g, 20개',
];

const BRANDS = ['스파오', '제주삼다수', '곰곰', '탐사', '코멧', '농심', 'LG전자', '삼성전자', '한샘', '나이키', null];

const PRODUCT_NAMES = [
	'[스파오] 베이직 라운드 티셔츠',
	'[삼다수] 생수 2L 12병',
	'[곰곰] 국산 햇사과 2kg',
	'[코멧] 3겹 데코 화장지',
	'[농심] 신라면 멀티팩',
	'[LG] 무선청소기 코드제로',
	'[한샘] 원목 책상',
	'[나이키] 러닝화 에어줌',
	'[탐사] 대용량 물티슈',
	'[인xx] 컴퓨터잡지',
];

type Actor = 'seller' | 'system' | 'md';

const STATUS_FLOW: Array<{ status: string; comment: string; by: Actor }> = [
	{ status: '임시저장', comment: '판매자 임시저장', by: 'seller' },
	{ status: '승인요청', comment: '판매자 승인요청', by: 'seller' },
	{ status: '심사중', comment: '승인 관련 정보 생성 중', by: 'system' },
	{ status: '승인대기중', comment: '컨텐츠 확인 대기중', by: 'system' },
];

const LATER_CHANGES: Array<{ status: string; comment: string; by: Actor }> = [
	{ status: '승인대기중', comment: '판매자 상품 수정 요청', by: 'seller' },
	{ status: '승인대기중', comment: '큐레이터 컨텐츠 확인 요청', by: 'md' },
	{ status: '승인완료', comment: '승인완료 - Items 생성 완료', by: 'md' },
	{ status: '심사중', comment: '가격 변경 심사', by: 'system' },
];

const FINAL_STATUSES = ['승인완료', '승인완료', '승인완료', '승인대기중', '부분승인완료', '승인반려', '임시저장', '상품삭제'];

export interface ProductIds {
	product: IdSequence;
}

export function newProductIds(): ProductIds {
	return { product: new IdSequence(786_500_000, 97) };
}

/** A small set of options, so that looking up one option ID returns several inquiries. */
export function generateCatalog(prng: Prng, products: readonly Product[], vendorId: string): CatalogItem[] {
	const ours = products.filter((product) => product.vendorId === vendorId);
	const items: CatalogItem[] = [];
	for (let i = 0; i < 12; i++) {
		const sellerProductId = ours.length > 0 ? ours[i % ours.length].sellerProductId : 786_400_000 + i * 131;
		items.push({
			productId: 231_526_000 + i * 7919,
			sellerProductId,
			sellerItemId: 1_891_732_000 + i * 1009,
			vendorItemId: 4_855_652_000 + i * 104_729,
			itemName: ITEM_NAMES[i % ITEM_NAMES.length],
		});
	}
	return items;
}

/** The approval history from creation to `finalStatus`, oldest first, spread between creation and now. */
function buildHistories(prng: Prng, createdAtMs: number, nowMs: number, longHistory: boolean, finalStatus: string): ProductHistoryEntry[] {
	const sellerName = prng.pick(['(주)5천원', '(주)한빛상사', '스토어OO']);
	const histories: ProductHistoryEntry[] = [];
	const span = Math.max(60_000, nowMs - createdAtMs);
	const total = longHistory ? prng.int(25, 60) : prng.int(2, 8);
	const step = Math.max(1000, Math.floor(span / (total + 1)));
	let at = createdAtMs;
	const creator = (by: Actor): string => (by === 'seller' ? sellerName : by === 'system' ? '쿠팡 셀러 시스템' : '박**');
	for (let i = 0; i < total - 1; i++) {
		const flow = i < STATUS_FLOW.length ? STATUS_FLOW[i] : prng.pick(LATER_CHANGES);
		histories.push({ createdAtMs: at, status: flow.status, createdBy: creator(flow.by), comment: flow.comment });
		at += Math.floor(step * (0.5 + prng.next()) / 1000) * 1000;
		if (at > nowMs) at = nowMs;
	}
	histories.push({
		createdAtMs: Math.min(nowMs, Math.max(at, createdAtMs)),
		status: finalStatus,
		createdBy: finalStatus === '승인완료' ? '쿠팡 셀러 시스템' : creator('seller'),
		comment: finalStatus === '승인완료' ? '승인완료 - Items 생성 완료' : `상태 변경: ${finalStatus}`,
	});
	return histories;
}

export function buildProduct(prng: Prng, ids: ProductIds, vendorId: string, createdAtMs: number, nowMs: number, longHistory: boolean): Product {
	const sellerProductId = ids.product.next(prng);
	const finalStatus = prng.pick(FINAL_STATUSES);
	const histories = buildHistories(prng, createdAtMs, nowMs, longHistory, finalStatus);
	return {
		sellerProductId,
		sellerProductName: prng.pick(PRODUCT_NAMES),
		displayCategoryCode: prng.chance(0.3) ? null : prng.int(56_000, 80_000),
		categoryId: prng.int(1_000, 9_999),
		productId: prng.int(3_000_000, 9_000_000),
		vendorId,
		mdId: 'jxxx@',
		mdName: '박xxx',
		saleStartedAtMs: createdAtMs - (createdAtMs % 60_000),
		saleEndedAt: '2099-01-01T00:00:00',
		brand: prng.pick(BRANDS),
		statusName: finalStatus,
		createdAtMs,
		histories,
	};
}

/** Products in clusters: several are created within the same 10 minutes. About 1 in 8 belongs to another vendor. */
export function generateProducts(prng: Prng, ids: ProductIds, vendorId: string, count: number, nowMs: number): Product[] {
	const products: Product[] = [];
	const earliest = nowMs - SEEDED_PERIOD_DAYS * DAY_MS;
	while (products.length < count) {
		const clusterStart = earliest + Math.floor(prng.next() * (nowMs - earliest - 15 * 60_000) / 1000) * 1000;
		const clusterSize = Math.min(count - products.length, prng.int(1, 5));
		for (let i = 0; i < clusterSize; i++) {
			const createdAtMs = clusterStart + prng.int(0, 9 * 60) * 1000;
			const owner = products.length % 8 === 3 ? OTHER_VENDOR_ID : vendorId;
			products.push(buildProduct(prng, ids, owner, createdAtMs, nowMs, products.length % 7 === 1));
		}
	}
	products.sort((a, b) => a.createdAtMs - b.createdAtMs || a.sellerProductId - b.sellerProductId);
	return products;
}
