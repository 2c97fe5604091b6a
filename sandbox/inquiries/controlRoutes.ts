// Control routes for inquiries: add some (POST) or dump all (GET). Call-center entries carry their vendorId.

import { SandboxApiError } from '../errors';
import { optionalBoolean, optionalNumber, optionalString } from '../gateway/controlFields';
import type { ControlRoute } from '../gateway/routeTable';
import { CALL_CENTER_KINDS, type CallCenterInquiry, type CallCenterKind } from './model';
import { toCallCenterInquiryJson, toProductInquiryJson } from './wireFormat';

function callCenterDump(inquiry: CallCenterInquiry): Record<string, unknown> {
	return { vendorId: inquiry.vendorId, ...toCallCenterInquiryJson(inquiry, 'v4') };
}

const addProductInquiries: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/product-inquiries',
	handle({ body, state }) {
		const created = state.store.productInquiries.add({
			count: optionalNumber(body.count, 'count'),
			inquiryAt: optionalString(body.inquiryAt, 'inquiryAt'),
			vendorItemId: optionalNumber(body.vendorItemId, 'vendorItemId'),
			content: optionalString(body.content, 'content'),
			answered: optionalBoolean(body.answered, 'answered'),
		});
		return { created: created.map((inquiry) => toProductInquiryJson(inquiry)) };
	},
};

const addCallCenterInquiries: ControlRoute = {
	method: 'POST',
	path: '/__sandbox/call-center-inquiries',
	handle({ body, state }) {
		const kind = optionalString(body.kind, 'kind');
		if (kind !== undefined && !(CALL_CENTER_KINDS as readonly string[]).includes(kind)) {
			throw new SandboxApiError(400, `kind must be one of ${CALL_CENTER_KINDS.join(', ')}.`);
		}
		const created = state.store.callCenterInquiries.add({
			count: optionalNumber(body.count, 'count'),
			inquiryAt: optionalString(body.inquiryAt, 'inquiryAt'),
			transferred: optionalBoolean(body.transferred, 'transferred'),
			kind: kind as CallCenterKind | undefined,
			vendorItemId: optionalNumber(body.vendorItemId, 'vendorItemId'),
			orderId: optionalNumber(body.orderId, 'orderId'),
			content: optionalString(body.content, 'content'),
			vendorId: optionalString(body.vendorId, 'vendorId'),
		});
		return { created: created.map(callCenterDump) };
	},
};

export const INQUIRY_CONTROL_ROUTES: readonly ControlRoute[] = [
	addProductInquiries,
	{ method: 'GET', path: '/__sandbox/product-inquiries', handle: ({ state }) => state.store.productInquiries.all.map((inquiry) => toProductInquiryJson(inquiry)) },
	addCallCenterInquiries,
	{ method: 'GET', path: '/__sandbox/call-center-inquiries', handle: ({ state }) => state.store.callCenterInquiries.all.map(callCenterDump) },
];
