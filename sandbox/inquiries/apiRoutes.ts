// Coupang's endpoints for product inquiries (v4 onlineInquiries) and call-center inquiries (v4 list and writes,
// v5 lookup).

import { INQUIRY_NOT_FOUND_MESSAGE, SandboxApiError } from '../errors';
import { checkVendor, numericId, ok, OPENAPI_V4_VENDORS, optionalNumericParam, optionalParam, paginate, positiveIntegerParam } from '../gateway/apiConventions';
import type { ApiRoute } from '../gateway/routeTable';
import type { AnsweredType, PartnerCounselingStatus } from './model';
import { toCallCenterInquiryJson, toProductInquiryJson } from './wireFormat';

const ANSWERED_TYPES: readonly AnsweredType[] = ['ALL', 'ANSWERED', 'NOANSWER'];
const COUNSELING_STATUSES: readonly PartnerCounselingStatus[] = ['NONE', 'ANSWER', 'NO_ANSWER', 'TRANSFER'];

const listProductInquiries: ApiRoute = {
	name: 'product inquiries',
	method: 'GET',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/onlineInquiries$`),
	handle(request) {
		const { query, store } = request;
		checkVendor(request, request.params[0], query.get('vendorId') ?? '');
		const answeredType = query.get('answeredType');
		if (answeredType === null || !(ANSWERED_TYPES as readonly string[]).includes(answeredType)) {
			throw new SandboxApiError(400, `answeredType must be one of ALL, ANSWERED, NOANSWER, got [${answeredType ?? ''}].`);
		}
		const pageNum = positiveIntegerParam(query, 'pageNum', 1, 1_000_000_000);
		const pageSize = positiveIntegerParam(query, 'pageSize', 10, 50);
		const matches = store.productInquiries.query({
			answeredType: answeredType as AnsweredType,
			inquiryStartAt: optionalParam(query, 'inquiryStartAt'),
			inquiryEndAt: optionalParam(query, 'inquiryEndAt'),
			vendorItemId: optionalNumericParam(query, 'vendorItemId'),
		});
		return ok(paginate(matches, pageNum, pageSize, (item) => toProductInquiryJson(item)));
	},
};

const replyToProductInquiry: ApiRoute = {
	name: 'product inquiry reply',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/onlineInquiries/([^/]+)/replies$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		const comment = request.store.productInquiries.reply(request.vendorId, inquiryId, request.body);
		const inquiry = request.store.productInquiries.byId.get(inquiryId);
		if (!inquiry) throw new SandboxApiError(404, INQUIRY_NOT_FOUND_MESSAGE);
		const json = toProductInquiryJson(inquiry);
		return ok(json.commentDtoList.find((entry) => entry.inquiryCommentId === comment.inquiryCommentId));
	},
};

const listCallCenterInquiries: ApiRoute = {
	name: 'call-center inquiries',
	method: 'GET',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/callCenterInquiries$`),
	handle(request) {
		const { query, store } = request;
		checkVendor(request, request.params[0], query.get('vendorId') ?? '');
		const status = query.get('partnerCounselingStatus');
		if (status === null || !(COUNSELING_STATUSES as readonly string[]).includes(status)) {
			throw new SandboxApiError(400, `partnerCounselingStatus must be one of NONE, ANSWER, NO_ANSWER, TRANSFER, got [${status ?? ''}].`);
		}
		const pageNum = positiveIntegerParam(query, 'pageNum', 1, 1_000_000_000);
		const pageSize = positiveIntegerParam(query, 'pageSize', 10, 30);
		const matches = store.callCenterInquiries.query({
			vendorId: request.vendorId,
			partnerCounselingStatus: status as PartnerCounselingStatus,
			inquiryStartAt: optionalParam(query, 'inquiryStartAt'),
			inquiryEndAt: optionalParam(query, 'inquiryEndAt'),
			vendorItemId: optionalNumericParam(query, 'vendorItemId'),
			orderId: optionalNumericParam(query, 'orderId'),
		});
		return ok(paginate(matches, pageNum, pageSize, (item) => toCallCenterInquiryJson(item, 'v4')));
	},
};

const replyToCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry reply',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/callCenterInquiries/([^/]+)/replies$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		const reply = request.store.callCenterInquiries.reply(request.vendorId, inquiryId, request.body);
		const inquiry = request.store.callCenterInquiries.getFor(request.vendorId, inquiryId);
		const json = toCallCenterInquiryJson(inquiry, 'v4');
		return ok(json.replies.find((entry) => entry.answerId === reply.answerId));
	},
};

const confirmCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry confirm',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/callCenterInquiries/([^/]+)/confirms$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		const inquiry = request.store.callCenterInquiries.confirm(request.vendorId, inquiryId, request.body);
		return ok(toCallCenterInquiryJson(inquiry, 'v4'));
	},
};

const getCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry (v5)',
	method: 'GET',
	pattern: /^\/v2\/providers\/openapi\/apis\/api\/v5\/vendors\/callCenterInquiries\/([^/]+)$/,
	handle(request) {
		const inquiryId = numericId(request.params[0], 'inquiryId');
		const inquiry = request.store.callCenterInquiries.getFor(request.vendorId, inquiryId);
		return ok(toCallCenterInquiryJson(inquiry, 'v5'));
	},
};

export const INQUIRY_API_ROUTES: readonly ApiRoute[] = [
	listProductInquiries,
	replyToProductInquiry,
	listCallCenterInquiries,
	replyToCallCenterInquiry,
	confirmCallCenterInquiry,
	getCallCenterInquiry,
];
