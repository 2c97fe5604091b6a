/**
 * One run of every operation of the Coupang node against the sandbox, with the parameters a seller would give:
 * the output schemas (test/node/schemas.test.ts) are inferred from these runs. A new operation adds its sample here.
 */
import type { INode } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { RunningSandbox } from '../../sandbox';
import { dateParameter, koreaDay } from './coupang';

type Sample = (sandbox: RunningSandbox) => INode['parameters'];

const koreaNow = (sandbox: RunningSandbox, hoursAgo = 0): string =>
	DateTime.fromJSDate(sandbox.now()).setZone('Asia/Seoul').minus({ hours: hoursAgo }).toFormat('yyyy-MM-dd HH:mm:ss');
const week = (sandbox: RunningSandbox): INode['parameters'] => ({ startDate: dateParameter(koreaDay(sandbox, 6)), endDate: dateParameter(koreaDay(sandbox, 0)) });

/** A box of one order in `status`, ordered two hours ago. */
function box(sandbox: RunningSandbox, status: string): { shipmentBoxId: number; orderId: number; items: Array<{ vendorItemId: number }> } {
	return sandbox.store.orders.add({ status, orderedAt: koreaNow(sandbox, 2).replace(' ', 'T'), itemCount: 2 })[0];
}

const waybill = (shipped: ReturnType<typeof box>, deliveryCompanyCode: string, invoiceNumber: string): INode['parameters'] => ({
	shipmentBoxId: String(shipped.shipmentBoxId),
	orderId: String(shipped.orderId),
	vendorItemIds: shipped.items.map((item) => item.vendorItemId).join(', '),
	deliveryCompanyCode,
	invoiceNumber,
});

export const OPERATION_SAMPLES: Record<string, Sample> = {
	'productInquiry:getMany': (sandbox) => ({ answerStatus: 'ALL', ...week(sandbox), returnAll: false, limit: 20 }),
	'productInquiry:reply': (sandbox) => {
		const [question] = sandbox.store.productInquiries.add({ inquiryAt: koreaNow(sandbox, 1) });
		return { inquiryId: String(question.inquiryId), content: '감사합니다', replyBy: 'wing-user' };
	},
	'callCenterInquiry:getMany': (sandbox) => {
		sandbox.store.callCenterInquiries.add({ kind: 'waiting', inquiryAt: koreaNow(sandbox, 1) });
		return { counselingStatus: 'NONE', ...week(sandbox), returnAll: false, limit: 20 };
	},
	'callCenterInquiry:get': (sandbox) => {
		const [inquiry] = sandbox.store.callCenterInquiries.add({ kind: 'waiting', inquiryAt: koreaNow(sandbox, 1) });
		return { inquiryId: String(inquiry.inquiryId) };
	},
	'callCenterInquiry:reply': (sandbox) => {
		const [inquiry] = sandbox.store.callCenterInquiries.add({ kind: 'waiting', inquiryAt: koreaNow(sandbox, 1) });
		return { inquiryId: String(inquiry.inquiryId), content: '확인했습니다', replyBy: 'wing-user' };
	},
	'callCenterInquiry:confirm': (sandbox) => {
		const [inquiry] = sandbox.store.callCenterInquiries.add({ kind: 'unconfirmed', inquiryAt: koreaNow(sandbox, 1) });
		return { inquiryId: String(inquiry.inquiryId), confirmBy: 'wing-user' };
	},
	'product:getManyByCreationTime': (sandbox) => {
		const newest = sandbox.store.products.all.filter((product) => product.vendorId === sandbox.vendorId).at(-1) as { createdAtMs: number };
		const korea = (ms: number): string => new Date(ms + 9 * 3600_000).toISOString().slice(0, 19);
		return { createdAtFrom: korea(newest.createdAtMs - 5 * 60_000), createdAtTo: korea(newest.createdAtMs), returnAll: true };
	},
	'order:getMany': (sandbox) => {
		box(sandbox, 'ACCEPT');
		return { status: 'ACCEPT', ...week(sandbox), returnAll: false, limit: 20 };
	},
	'order:get': (sandbox) => ({ shipmentBoxId: String(box(sandbox, 'INSTRUCT').shipmentBoxId) }),
	'order:getByOrderId': (sandbox) => ({ orderId: String(box(sandbox, 'INSTRUCT').orderId) }),
	'order:getDeliveryHistory': (sandbox) => ({ shipmentBoxId: String(box(sandbox, 'DEPARTURE').shipmentBoxId) }),
	'order:setToPreparing': (sandbox) => ({ shipmentBoxIds: String(box(sandbox, 'ACCEPT').shipmentBoxId) }),
	'order:uploadInvoice': (sandbox) => waybill(box(sandbox, 'INSTRUCT'), 'CJGLS', '123456789012'),
	'order:updateInvoice': (sandbox) => waybill(box(sandbox, 'DELIVERING'), 'EPOST', '1234567890123'),
	'product:getStatusHistory': (sandbox) => ({
		sellerProductId: String(sandbox.store.products.all.find((product) => product.vendorId === sandbox.vendorId)?.sellerProductId),
		returnAll: true,
	}),
};
