// Deterministic, realistic-looking seed data. Everything is drawn from one Prng, so the same seed and the same
// "now" give the same data.

import { Prng } from './prng';
import { DAY_MS, startOfKoreaDay } from './time';
import type {
	CallCenterInquiry,
	CallCenterReply,
	CatalogItem,
	Product,
	ProductHistoryEntry,
	ProductInquiry,
	ProductInquiryComment,
} from './types';

export const OTHER_VENDOR_ID = 'A00099999';
export const SEEDED_PERIOD_DAYS = 30;

const QUESTIONS = [
	'스판이 강한가요?',
	'포장 3천원 입금하였습니다.',
	'언제 도착하나요? 주문한 지 3일 지났는데 아직 준비중이네요.',
	'사이즈가 정사이즈인가요? 평소 95 입습니다.',
	'색상이 사진과 같은가요?',
	'재입고 예정 있나요?',
	'유통기한이 언제까지인가요?',
	'교환하려면 어떻게 해야 하나요?',
	'세탁기 사용 가능한가요?',
	'선물 포장 가능한가요?',
	'A/S 기간은 얼마나 되나요?',
	'배송지 변경하고 싶습니다.\r\n주소: 서울시 강남구 ***',
	'정품 맞나요? 병행수입인가요?',
	'묶음 배송 되나요?',
	'두 개 주문하면 할인되나요?',
	'오늘 주문하면 내일 받을 수 있나요?',
	'전압이 220V인가요?',
	'구성품에 충전기 포함인가요?',
	'언제도착입니까? 문의해도 답변없고 취소도 안되고\r\n환불해줘요',
	'"특수문자" & 기호 테스트: 100% 면인가요? <확인>',
];

const ANSWERS = [
	'고객님 안녕하세요. 문의주신 상품은 정사이즈로 제작되었습니다. 감사합니다.',
	'고객님 안녕하세요. 입금 확인되었고 포장하여 금일 출고하겠습니다. 감사합니다.',
	'안녕하세요. 해당 상품은 다음 주 재입고 예정입니다.',
	'고객님, 주문하신 상품은 금일 출고되었습니다. 송장은 저녁에 자동 등록됩니다.',
	'안녕하세요. 정품만 취급하고 있습니다. 믿고 구매하셔도 됩니다.',
	'문의 감사합니다. 묶음 배송 가능합니다.',
];

const ITEM_NAMES = [
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

const RECEIPT_CATEGORIES = [
	'배송>배송>배송',
	'기타문의>기타>전상담사통화요청',
	'취소/반품 후단관리>회수확인>고객반송확인',
	'교환>교환>상품불량',
	'반품>반품>단순변심',
	'상품>상품정보>상품문의',
];

const TRANSFER_TEXTS = [
	'[판매자이관]\n◼주문번호: 1900000*******\n◼고객명/연락처: <<***/01*-****-****>>\n◼문의내용: 고객 상품 반송하였다고 합니다.\n입고 확인후 환불 처리 부탁 드립니다.\n',
	'[입고완료이관]\nㅁ 반송장번호: ********* CJ대한통운\n반송장조회 결과 입고완료로 확인됩니다.\n★환불승인★ 부탁드립니다.',
	"※ 영업시간 기준 24시간 경과시, 자동으로 '24시간 미답변'에 대한 메세지가 노출될 예정입니다.\n\n안녕하세요 판매자님.\n반품/교환 관련해서 회신 부탁드립니다.",
	'[배송지연이관]\n고객님께서 배송 일정 확인을 요청하셨습니다. 출고 예정일 회신 부탁드립니다.',
];

const CS_ONLY_TEXTS = ['고객님께 배송 현황 안내 완료하였습니다.', '단순 문의로 상담 종료합니다.', '교환 접수 안내 드렸습니다.'];

const VENDOR_REPLY_TEXTS = [
	'안녕하세요, \r\n입고 된것으로 확인됩니다.\r\n3영업일이 정상 검수기간으로 양해 바랍니다.\r\n감사합니다.\r\n',
	'안녕하세요, 담당부서측으로 내용 전달 완료 하였습니다. 감사합니다.',
	'출고 예정일은 내일입니다. 불편을 드려 죄송합니다.',
];

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

const EMAIL_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function maskedEmail(prng: Prng): string {
	let local = '';
	for (let i = 0; i < 3; i++) local += prng.pick(EMAIL_LETTERS.split(''));
	return `${local}***@${prng.pick(['na', 'da', 'gm', 'ha', 'ka'])}`;
}

export class IdSequence {
	constructor(
		private current: number,
		private readonly maxGap: number,
	) {}

	next(prng: Prng): number {
		this.current += prng.int(1, this.maxGap);
		return this.current;
	}

	peek(): number {
		return this.current;
	}
}

export interface IdSequences {
	productInquiry: IdSequence;
	inquiryComment: IdSequence;
	callCenterInquiry: IdSequence;
	answer: IdSequence;
	product: IdSequence;
}

export function newIdSequences(): IdSequences {
	return {
		productInquiry: new IdSequence(39_350_000, 7),
		inquiryComment: new IdSequence(36_880_000, 5),
		callCenterInquiry: new IdSequence(1_015_600_000, 9),
		answer: new IdSequence(21_128_942_400_000, 9),
		product: new IdSequence(786_500_000, 97),
	};
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

/** Inquiry instants spread over the 30 days before now, with some exactly at 00:00:00 and 23:59:59 Korea time. */
function spreadInstants(prng: Prng, count: number, nowMs: number): number[] {
	const instants: number[] = new Array<number>(count);
	const earliest = nowMs - SEEDED_PERIOD_DAYS * DAY_MS;
	for (let i = 0; i < count; i++) {
		const roll = prng.next();
		let at = earliest + Math.floor(prng.next() * (nowMs - earliest) / 1000) * 1000;
		if (roll < 0.04) {
			at = startOfKoreaDay(at);
		} else if (roll < 0.08) {
			at = startOfKoreaDay(at) + DAY_MS - 1000;
		}
		if (at > nowMs) at -= DAY_MS;
		if (at < earliest) at += DAY_MS;
		instants[i] = at;
	}
	instants.sort((a, b) => a - b);
	return instants;
}

export interface ProductInquiryDraft {
	inquiryAtMs: number;
	item: CatalogItem;
	content?: string;
	answered: boolean;
}

export function buildProductInquiry(prng: Prng, ids: IdSequences, vendorId: string, draft: ProductInquiryDraft, nowMs: number): ProductInquiry {
	const inquiryId = ids.productInquiry.next(prng);
	const orderRoll = prng.next();
	const orderIds: number[] = [];
	if (orderRoll < 0.6) orderIds.push(19_000_041_000_000 + prng.int(0, 999_999));
	if (orderRoll < 0.1) orderIds.push(5_000_041_000_000 + prng.int(0, 999_999));
	const comments: ProductInquiryComment[] = [];
	if (draft.answered) {
		const latest = Math.max(draft.inquiryAtMs, nowMs);
		const answerAt = Math.min(latest, draft.inquiryAtMs + prng.int(600, 2 * 86_400) * 1000);
		comments.push({
			inquiryCommentId: ids.inquiryComment.next(prng),
			inquiryId,
			content: prng.pick(ANSWERS),
			inquiryCommentAtMs: answerAt,
			replyBy: 'seller01',
		});
	}
	return {
		inquiryId,
		vendorId,
		productId: draft.item.productId,
		sellerProductId: draft.item.sellerProductId,
		sellerItemId: draft.item.sellerItemId,
		vendorItemId: draft.item.vendorItemId,
		content: draft.content ?? prng.pick(QUESTIONS),
		inquiryAtMs: draft.inquiryAtMs,
		orderIds,
		buyerEmail: maskedEmail(prng),
		comments,
	};
}

export function generateProductInquiries(
	prng: Prng,
	ids: IdSequences,
	catalog: readonly CatalogItem[],
	vendorId: string,
	count: number,
	nowMs: number,
): ProductInquiry[] {
	return spreadInstants(prng, count, nowMs).map((inquiryAtMs) =>
		buildProductInquiry(prng, ids, vendorId, { inquiryAtMs, item: prng.pick(catalog), answered: prng.chance(0.55) }, nowMs),
	);
}

/**
 * Call-center inquiry kinds:
 * - waiting: transferred to the seller, awaiting an answer (csAgent reply with partnerTransferStatus requestAnswer)
 * - vendorAnswered: transferred and answered by the seller
 * - csOnly: handled by Coupang's agent, never transferred
 * - fresh: no reply yet, not transferred
 */
export type CallCenterKind = 'waiting' | 'vendorAnswered' | 'csOnly' | 'fresh';

export interface CallCenterDraft {
	inquiryAtMs: number;
	vendorId: string;
	kind: CallCenterKind;
	vendorItemId?: number;
	orderId?: number;
	content?: string;
}

export function buildCallCenterInquiry(prng: Prng, ids: IdSequences, draft: CallCenterDraft, nowMs: number): CallCenterInquiry {
	const inquiryAtMs = draft.inquiryAtMs;
	const itemIndex = prng.int(0, ITEM_NAMES.length - 1);
	const vendorItemId = draft.vendorItemId ?? 75_235_680_000 + itemIndex * 7_919;
	const agentAt = Math.min(Math.max(inquiryAtMs, nowMs), inquiryAtMs + prng.int(30, 3_600) * 1000);
	const vendorAt = Math.min(Math.max(agentAt, nowMs), agentAt + prng.int(300, 86_400) * 1000);
	const replies: CallCenterReply[] = [];
	let csPartnerCounselingStatus: CallCenterInquiry['csPartnerCounselingStatus'] = 'answered';
	let inquiryStatus: CallCenterInquiry['inquiryStatus'] = 'complete';
	let answeredAtMs: number | null = null;
	const agent = (status: CallCenterReply['partnerTransferStatus'], content: string, needAnswer: boolean): CallCenterReply => ({
		answerId: ids.answer.next(prng),
		parentAnswerId: null,
		partnerTransferStatus: status,
		partnerTransferCompleteReason: 'NONE',
		answerType: 'csAgent',
		needAnswer,
		receptionistName: 'OO스토아',
		receptionist: `cssp-agent${prng.int(10, 99)}`,
		replyAtMs: agentAt,
		content,
	});
	switch (draft.kind) {
		case 'waiting':
			replies.push(agent('requestAnswer', prng.pick(TRANSFER_TEXTS), true));
			csPartnerCounselingStatus = 'requestAnswer';
			inquiryStatus = 'progress';
			answeredAtMs = agentAt;
			break;
		case 'vendorAnswered': {
			const transfer = agent('answered', prng.pick(TRANSFER_TEXTS), false);
			replies.push(transfer, {
				answerId: ids.answer.next(prng),
				parentAnswerId: transfer.answerId,
				partnerTransferStatus: null,
				partnerTransferCompleteReason: 'NONE',
				answerType: 'vendor',
				needAnswer: false,
				receptionistName: 'AA몰',
				receptionist: 'seller01',
				replyAtMs: vendorAt,
				content: prng.pick(VENDOR_REPLY_TEXTS),
			});
			inquiryStatus = prng.chance(0.5) ? 'progress' : 'complete';
			answeredAtMs = vendorAt;
			break;
		}
		case 'csOnly':
			replies.push(agent('none', prng.pick(CS_ONLY_TEXTS), false));
			answeredAtMs = agentAt;
			break;
		case 'fresh':
			csPartnerCounselingStatus = 'requestAnswer';
			inquiryStatus = 'progress';
			break;
	}
	return {
		inquiryId: ids.callCenterInquiry.next(prng),
		vendorId: draft.vendorId,
		inquiryStatus,
		csPartnerCounselingStatus,
		vendorItemId,
		itemName: ITEM_NAMES[itemIndex],
		content: draft.content ?? '상담이력',
		answeredAtMs,
		replies,
		inquiryAtMs,
		buyerPhone: '010-****-****',
		orderId: draft.orderId ?? 19_000_000_000_000 + prng.int(0, 9_999_999),
		orderDateMs: inquiryAtMs - prng.int(3_600, 14 * 86_400) * 1000,
		receiptCategory: prng.pick(RECEIPT_CATEGORIES),
		saleStartedAt: '2023-07-24',
		saleEndedAt: '2099-12-29',
		micros: prng.int(0, 999),
	};
}

export function randomCallCenterKind(prng: Prng): CallCenterKind {
	const roll = prng.next();
	if (roll < 0.35) return 'waiting';
	if (roll < 0.7) return 'vendorAnswered';
	if (roll < 0.9) return 'csOnly';
	return 'fresh';
}

export function generateCallCenterInquiries(prng: Prng, ids: IdSequences, vendorId: string, count: number, nowMs: number): CallCenterInquiry[] {
	const instants = spreadInstants(prng, count, nowMs);
	// A few (at least 3 when count allows) belong to another vendor: never listed for ours, 404 on lookup.
	const otherVendorEvery = 17;
	return instants.map((inquiryAtMs, index) => {
		const millis = prng.int(0, 999);
		const isOther = index % otherVendorEvery === 5 || (count >= 6 && index === count - 2);
		return buildCallCenterInquiry(
			prng,
			ids,
			{ inquiryAtMs: inquiryAtMs + millis, vendorId: isOther ? OTHER_VENDOR_ID : vendorId, kind: randomCallCenterKind(prng) },
			nowMs,
		);
	});
}

const STATUS_FLOW: Array<{ status: string; comment: string; by: 'seller' | 'system' | 'md' }> = [
	{ status: '임시저장', comment: '판매자 임시저장', by: 'seller' },
	{ status: '승인요청', comment: '판매자 승인요청', by: 'seller' },
	{ status: '심사중', comment: '승인 관련 정보 생성 중', by: 'system' },
	{ status: '승인대기중', comment: '컨텐츠 확인 대기중', by: 'system' },
];

const FINAL_STATUSES = ['승인완료', '승인완료', '승인완료', '승인대기중', '부분승인완료', '승인반려', '임시저장', '상품삭제'];

export function buildProduct(prng: Prng, ids: IdSequences, vendorId: string, createdAtMs: number, nowMs: number, longHistory: boolean): Product {
	const sellerProductId = ids.product.next(prng);
	const finalStatus = prng.pick(FINAL_STATUSES);
	const sellerName = prng.pick(['(주)5천원', '(주)한빛상사', '스토어OO']);
	const histories: ProductHistoryEntry[] = [];
	const span = Math.max(60_000, nowMs - createdAtMs);
	const total = longHistory ? prng.int(25, 60) : prng.int(2, 8);
	const step = Math.max(1000, Math.floor(span / (total + 1)));
	let at = createdAtMs;
	const creator = (by: 'seller' | 'system' | 'md'): string => (by === 'seller' ? sellerName : by === 'system' ? '쿠팡 셀러 시스템' : '박**');
	for (let i = 0; i < total - 1; i++) {
		const flow = i < STATUS_FLOW.length ? STATUS_FLOW[i] : prng.pick([
			{ status: '승인대기중', comment: '판매자 상품 수정 요청', by: 'seller' as const },
			{ status: '승인대기중', comment: '큐레이터 컨텐츠 확인 요청', by: 'md' as const },
			{ status: '승인완료', comment: '승인완료 - Items 생성 완료', by: 'md' as const },
			{ status: '심사중', comment: '가격 변경 심사', by: 'system' as const },
		]);
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
export function generateProducts(prng: Prng, ids: IdSequences, vendorId: string, count: number, nowMs: number): Product[] {
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
