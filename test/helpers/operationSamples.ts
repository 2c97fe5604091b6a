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

/** A box of one order in `status`, ordered two hours ago, with a delivery message (so the schema shows its type). */
function box(sandbox: RunningSandbox, status: string): { shipmentBoxId: number; orderId: number; items: Array<{ vendorItemId: number }> } {
	const [added] = sandbox.store.orders.add({ status, orderedAt: koreaNow(sandbox, 2).replace(' ', 'T'), itemCount: 2 });
	added.parcelPrintMessage ??= '문 앞에 놓아주세요';
	return added;
}

const waybill = (shipped: ReturnType<typeof box>, deliveryCompanyCode: string, invoiceNumber: string): INode['parameters'] => ({
	shipmentBoxId: String(shipped.shipmentBoxId),
	orderId: String(shipped.orderId),
	vendorItemIds: shipped.items.map((item) => item.vendorItemId).join(', '),
	deliveryCompanyCode,
	invoiceNumber,
});

/** An option on sale with stock, priced 20 000 won. */
const item = (sandbox: RunningSandbox) => sandbox.store.productItems.add({ count: 1, salePrice: 20000, amountInStock: 7 })[0];

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
	'returnRequest:getMany': (sandbox) => {
		sandbox.store.returns.add({ createdAt: koreaNow(sandbox, 2).replace(' ', 'T') });
		return { createdFrom: dateParameter(koreaDay(sandbox, 6)), createdTo: dateParameter(koreaDay(sandbox, 0)), returnAll: false, limit: 20 };
	},
	'returnRequest:get': (sandbox) => ({ receiptId: String(sandbox.store.returns.add({})[0].receiptId) }),
	'returnRequest:confirmReceipt': (sandbox) => ({ receiptId: String(sandbox.store.returns.add({ quickRefund: false })[0].receiptId) }),
	'returnRequest:approve': (sandbox) => ({ receiptId: String(sandbox.store.returns.add({ receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' })[0].receiptId) }),
	'returnRequest:stopShipment': (sandbox) => ({ receiptId: String(sandbox.store.returns.add({ receiptStatus: 'RELEASE_STOP_UNCHECKED' })[0].receiptId) }),
	'returnRequest:markAlreadyShipped': (sandbox) => ({
		receiptId: String(sandbox.store.returns.add({ receiptStatus: 'RELEASE_STOP_UNCHECKED' })[0].receiptId),
		deliveryCompanyCode: 'CJGLS',
		invoiceNumber: '123456789012',
	}),
	'exchangeRequest:getMany': (sandbox) => {
		sandbox.store.exchanges.add({ stage: 'received', createdAt: koreaNow(sandbox, 2).replace(' ', 'T') });
		return { createdFrom: koreaNow(sandbox, 24 * 6).replace(' ', 'T'), createdTo: koreaNow(sandbox).replace(' ', 'T'), returnAll: false, limit: 20 };
	},
	'exchangeRequest:confirmReceipt': (sandbox) => ({ exchangeId: String(sandbox.store.exchanges.add({ stage: 'received' })[0].exchangeId) }),
	'exchangeRequest:reject': (sandbox) => ({ exchangeId: String(sandbox.store.exchanges.add({ stage: 'received' })[0].exchangeId), exchangeRejectCode: 'SOLDOUT' }),
	'exchangeRequest:uploadInvoice': (sandbox) => {
		const [exchange] = sandbox.store.exchanges.add({ stage: 'confirmed' });
		return { exchangeId: String(exchange.exchangeId), shipmentBoxId: String(exchange.redelivery[0].shipmentBoxId), goodsDeliveryCode: 'HANJIN', invoiceNumber: '412345678901' };
	},
	'productItem:getInventory': (sandbox) => ({ vendorItemId: String(item(sandbox).vendorItemId) }),
	'productItem:updatePrice': (sandbox) => ({ vendorItemId: String(item(sandbox).vendorItemId), salePrice: 21000 }),
	'productItem:updateQuantity': (sandbox) => ({ vendorItemId: String(item(sandbox).vendorItemId), quantity: 5 }),
	'productItem:stopSales': (sandbox) => ({ vendorItemId: String(item(sandbox).vendorItemId) }),
	'productItem:resumeSales': (sandbox) => {
		const stopped = item(sandbox);
		stopped.onSale = false;
		return { vendorItemId: String(stopped.vendorItemId) };
	},
	'product:getStatusHistory': (sandbox) => ({
		sellerProductId: String(sandbox.store.products.all.find((product) => product.vendorId === sandbox.vendorId)?.sellerProductId),
		returnAll: true,
	}),
};
