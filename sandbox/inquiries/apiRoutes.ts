// Coupang's endpoints for product inquiries (v4 onlineInquiries) and call-center inquiries (v4 list and writes,
// v5 lookup).

import {
	checkVendor,
	numericId,
	ok,
	oneOfParam,
	OPENAPI_V4_VENDORS,
	optionalNumericParam,
	optionalParam,
	pageParams,
	paginate,
	written,
} from '../gateway/apiConventions';
import type { ApiRoute } from '../gateway/routeTable';
import type { AnsweredType, PartnerCounselingStatus } from './model';
import { toCallCenterInquiryJson, toProductInquiryJson } from './wireFormat';

const ANSWERED_TYPES: readonly AnsweredType[] = ['ALL', 'ANSWERED', 'NOANSWER'];
const COUNSELING_STATUSES: readonly PartnerCounselingStatus[] = ['NONE', 'ANSWER', 'NO_ANSWER', 'TRANSFER'];
/** The 2017 doc's values (its sample sends partnerCounselingStatus=none), accepted as the current ones. */
const COUNSELING_STATUS_ALIASES: Readonly<Record<string, PartnerCounselingStatus>> = { none: 'NONE', answered: 'ANSWER', requestAnswer: 'NO_ANSWER' };

/** The period and option filters both inquiry lists take. */
function periodAndItem(query: URLSearchParams): { inquiryStartAt?: string; inquiryEndAt?: string; vendorItemId?: number } {
	return {
		inquiryStartAt: optionalParam(query, 'inquiryStartAt'),
		inquiryEndAt: optionalParam(query, 'inquiryEndAt'),
		vendorItemId: optionalNumericParam(query, 'vendorItemId'),
	};
}

const listProductInquiries: ApiRoute = {
	name: 'product inquiries',
	method: 'GET',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/onlineInquiries$`),
	handle(request) {
		const { query, store } = request;
		checkVendor(request, request.params[0], query.get('vendorId') ?? '');
		const answeredType = oneOfParam(query, 'answeredType', ANSWERED_TYPES);
		const { pageNum, pageSize } = pageParams(query, 50);
		const docRevision = request.readings.productInquiryDocRevision;
		// The newer doc has no vendorItemId parameter: ignored, not even read.
		const filters = docRevision === 'newer' ? { inquiryStartAt: optionalParam(query, 'inquiryStartAt'), inquiryEndAt: optionalParam(query, 'inquiryEndAt') } : periodAndItem(query);
		const matches = store.productInquiries.query({ answeredType, ...filters, docRevision, vendorId: request.vendorId });
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
		request.store.productInquiries.reply(request.vendorId, inquiryId, request.body, request.readings.wingUserIds);
		return written();
	},
};

const listCallCenterInquiries: ApiRoute = {
	name: 'call-center inquiries',
	method: 'GET',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/callCenterInquiries$`),
	handle(request) {
		const { query, store } = request;
		checkVendor(request, request.params[0], query.get('vendorId') ?? '');
		const partnerCounselingStatus = oneOfParam(query, 'partnerCounselingStatus', COUNSELING_STATUSES, COUNSELING_STATUS_ALIASES);
		const { pageNum, pageSize } = pageParams(query, 30);
		const matches = store.callCenterInquiries.query({
			vendorId: request.vendorId,
			partnerCounselingStatus,
			...periodAndItem(query),
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
		request.store.callCenterInquiries.reply(request.vendorId, inquiryId, request.body, request.readings.wingUserIds);
		return written();
	},
};

const confirmCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry confirm',
	method: 'POST',
	pattern: new RegExp(`^${OPENAPI_V4_VENDORS}/([^/]+)/callCenterInquiries/([^/]+)/confirms$`),
	handle(request) {
		checkVendor(request, request.params[0], undefined);
		const inquiryId = numericId(request.params[1], 'inquiryId');
		request.store.callCenterInquiries.confirm(request.vendorId, inquiryId, request.body);
		return written();
	},
};

const getCallCenterInquiry: ApiRoute = {
	name: 'call-center inquiry (v5)',
	method: 'GET',
	pattern: /^\/v2\/providers\/openapi\/apis\/api\/v5\/vendors\/callCenterInquiries\/([^/]+)$/,
	handle(request) {
		const inquiryId = numericId(request.params[0], 'inquiryId');
		const inquiry = request.store.callCenterInquiries.getFor(request.vendorId, inquiryId);
		return ok(toCallCenterInquiryJson(inquiry, 'v5', request.readings.callCenterV5Offset));
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
