// Deterministic, realistic-looking product inquiries (customer questions on our options).

import type { CatalogItem } from '../products/model';
import type { Prng } from '../prng';
import { IdSequence, spreadInstants } from '../seeding';
import type { ProductInquiry, ProductInquiryComment } from './model';

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

const EMAIL_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function maskedEmail(prng: Prng): string {
	let local = '';
	for (let i = 0; i < 3; i++) local += prng.pick(EMAIL_LETTERS.split(''));
	return `${local}***@${prng.pick(['na', 'da', 'gm', 'ha', 'ka'])}`;
}

export interface ProductInquiryIds {
	productInquiry: IdSequence;
	inquiryComment: IdSequence;
}

export function newProductInquiryIds(): ProductInquiryIds {
	return { productInquiry: new IdSequence(39_350_000, 7), inquiryComment: new IdSequence(36_880_000, 5) };
}

export interface ProductInquiryDraft {
	inquiryAtMs: number;
	item: CatalogItem;
	content?: string;
	answered: boolean;
}

export function buildProductInquiry(prng: Prng, ids: ProductInquiryIds, vendorId: string, draft: ProductInquiryDraft, nowMs: number): ProductInquiry {
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

/** Oldest first. */
export function generateProductInquiries(
	prng: Prng,
	ids: ProductInquiryIds,
	catalog: readonly CatalogItem[],
	vendorId: string,
	count: number,
	nowMs: number,
): ProductInquiry[] {
	return spreadInstants(prng, count, nowMs).map((inquiryAtMs) =>
		buildProductInquiry(prng, ids, vendorId, { inquiryAtMs, item: prng.pick(catalog), answered: prng.chance(0.55) }, nowMs),
	);
}
