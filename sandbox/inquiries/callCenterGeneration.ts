// Deterministic, realistic-looking call-center inquiries: questions Coupang's contact center handled and
// perhaps transferred to the seller.

import { ITEM_NAMES } from '../products/productGeneration';
import type { Prng } from '../prng';
import { IdSequence, OTHER_VENDOR_ID, spreadInstants } from '../seeding';
import type { CallCenterInquiry, CallCenterKind, CallCenterReply } from './model';

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

const INFORM_TEXTS = [
	'[판매자확인요청]\n고객님께 교환 접수 안내 완료하였습니다. 내용 확인 부탁드립니다.',
	'[판매자확인요청]\n고객님 주소지 변경 요청 건 안내 완료되었습니다. 출고 전 확인 바랍니다.',
];

const CS_ONLY_TEXTS = ['고객님께 배송 현황 안내 완료하였습니다.', '단순 문의로 상담 종료합니다.', '교환 접수 안내 드렸습니다.'];

const VENDOR_REPLY_TEXTS = [
	'안녕하세요, \r\n입고 된것으로 확인됩니다.\r\n3영업일이 정상 검수기간으로 양해 바랍니다.\r\n감사합니다.\r\n',
	'안녕하세요, 담당부서측으로 내용 전달 완료 하였습니다. 감사합니다.',
	'출고 예정일은 내일입니다. 불편을 드려 죄송합니다.',
];

export interface CallCenterIds {
	callCenterInquiry: IdSequence;
	answer: IdSequence;
}

export function newCallCenterIds(): CallCenterIds {
	return { callCenterInquiry: new IdSequence(1_015_600_000, 9), answer: new IdSequence(21_128_942_400_000, 9) };
}

export interface CallCenterDraft {
	inquiryAtMs: number;
	vendorId: string;
	kind: CallCenterKind;
	vendorItemId?: number;
	orderId?: number;
	content?: string;
}

/** The replies of one kind of inquiry and the state they leave it in. */
interface Conversation {
	replies: CallCenterReply[];
	csPartnerCounselingStatus: CallCenterInquiry['csPartnerCounselingStatus'];
	inquiryStatus: CallCenterInquiry['inquiryStatus'];
	answeredAtMs: number | null;
}

function agentReply(prng: Prng, ids: CallCenterIds, status: CallCenterReply['partnerTransferStatus'], content: string, needAnswer: boolean, replyAtMs: number): CallCenterReply {
	return {
		answerId: ids.answer.next(prng),
		parentAnswerId: null,
		partnerTransferStatus: status,
		partnerTransferCompleteReason: 'NONE',
		answerType: 'csAgent',
		needAnswer,
		receptionistName: 'OO스토아',
		receptionist: `cssp-agent${prng.int(10, 99)}`,
		replyAtMs,
		content,
	};
}

function vendorAnsweredConversation(prng: Prng, ids: CallCenterIds, agentAt: number, vendorAt: number): Conversation {
	const transfer = agentReply(prng, ids, 'answered', prng.pick(TRANSFER_TEXTS), false, agentAt);
	const vendorReply: CallCenterReply = {
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
	};
	const inquiryStatus = prng.chance(0.5) ? 'progress' : 'complete';
	return { replies: [transfer, vendorReply], csPartnerCounselingStatus: 'answered', inquiryStatus, answeredAtMs: vendorAt };
}

/** A transfer Coupang's agent answered itself and only reports to the seller: it awaits the seller's confirm. */
function informingConversation(prng: Prng, ids: CallCenterIds, agentAt: number, closedByAgent: boolean): Conversation {
	const transfer = agentReply(prng, ids, 'answered', prng.pick(INFORM_TEXTS), false, agentAt);
	if (closedByAgent) transfer.partnerTransferCompleteReason = 'CANCEL';
	return { replies: [transfer], csPartnerCounselingStatus: 'answered', inquiryStatus: closedByAgent ? 'complete' : 'progress', answeredAtMs: agentAt };
}

function conversationOf(kind: CallCenterKind, prng: Prng, ids: CallCenterIds, agentAt: number, vendorAt: number): Conversation {
	switch (kind) {
		case 'waiting': {
			const transfer = agentReply(prng, ids, 'requestAnswer', prng.pick(TRANSFER_TEXTS), true, agentAt);
			// answeredAt is the transfer's time, as the v5 doc's example of a requestAnswer inquiry shows.
			return { replies: [transfer], csPartnerCounselingStatus: 'requestAnswer', inquiryStatus: 'progress', answeredAtMs: agentAt };
		}
		case 'unconfirmed':
		case 'agentClosed':
			return informingConversation(prng, ids, agentAt, kind === 'agentClosed');
		case 'vendorAnswered':
			return vendorAnsweredConversation(prng, ids, agentAt, vendorAt);
		case 'csOnly': {
			const agent = agentReply(prng, ids, 'none', prng.pick(CS_ONLY_TEXTS), false, agentAt);
			return { replies: [agent], csPartnerCounselingStatus: 'answered', inquiryStatus: 'complete', answeredAtMs: agentAt };
		}
		case 'fresh':
			return { replies: [], csPartnerCounselingStatus: 'requestAnswer', inquiryStatus: 'progress', answeredAtMs: null };
	}
}

export function buildCallCenterInquiry(prng: Prng, ids: CallCenterIds, draft: CallCenterDraft, nowMs: number): CallCenterInquiry {
	const inquiryAtMs = draft.inquiryAtMs;
	const itemIndex = prng.int(0, ITEM_NAMES.length - 1);
	const vendorItemId = draft.vendorItemId ?? 75_235_680_000 + itemIndex * 7_919;
	const agentAt = Math.min(Math.max(inquiryAtMs, nowMs), inquiryAtMs + prng.int(30, 3_600) * 1000);
	const vendorAt = Math.min(Math.max(agentAt, nowMs), agentAt + prng.int(300, 86_400) * 1000);
	const conversation = conversationOf(draft.kind, prng, ids, agentAt, vendorAt);
	return {
		inquiryId: ids.callCenterInquiry.next(prng),
		vendorId: draft.vendorId,
		inquiryStatus: conversation.inquiryStatus,
		csPartnerCounselingStatus: conversation.csPartnerCounselingStatus,
		vendorItemId,
		itemName: ITEM_NAMES[itemIndex],
		content: draft.content ?? '상담이력',
		answeredAtMs: conversation.answeredAtMs,
		replies: conversation.replies,
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

function randomCallCenterKind(prng: Prng): CallCenterKind {
	const roll = prng.next();
	if (roll < 0.2) return 'waiting';
	if (roll < 0.35) return 'unconfirmed';
	if (roll < 0.7) return 'vendorAnswered';
	if (roll < 0.9) return 'csOnly';
	return 'fresh';
}

/** Oldest first. */
export function generateCallCenterInquiries(prng: Prng, ids: CallCenterIds, vendorId: string, count: number, nowMs: number): CallCenterInquiry[] {
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
