import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authenticateCoupangRequest,
	COUPANG_DEFAULT_BASE_URL,
	DEFAULT_REQUESTS_PER_SECOND,
	GATEWAY_REJECTION_HINTS,
	MAX_REQUESTS_PER_SECOND,
	VENDOR_ID_PATTERN_SOURCE,
} from '../nodes/Coupang/core/authentication';

export class CoupangApi implements ICredentialType {
	name = 'coupangApi';

	displayName = 'Coupang API';

	icon: Icon = { light: 'file:../nodes/Coupang/coupang.svg', dark: 'file:../nodes/Coupang/coupang.dark.svg' };

	documentationUrl = 'https://developers.coupangcorp.com/hc/en-us/articles/360033461914-Creating-HMAC-Signature';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			description: 'Open API access key from Wing: Seller Info → Open API Key Issuance',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Open API secret key issued together with the access key. It signs every request and is never sent.',
		},
		{
			displayName: 'Vendor ID',
			name: 'vendorId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'A00012345',
			description: `Your Coupang seller code: the letter A followed by 8 digits (pattern ${VENDOR_ID_PATTERN_SOURCE})`,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: COUPANG_DEFAULT_BASE_URL,
			description: 'Coupang Open API gateway. Change only to use a proxy or the local Coupang sandbox.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: DEFAULT_REQUESTS_PER_SECOND,
			typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_PER_SECOND, numberPrecision: 0 },
			description:
				'Pace shared by every Coupang node and trigger using this seller account. Coupang throttles at about 10 requests per second per seller; the default stays below.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateCoupangRequest(credentials, requestOptions, new Date());
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=/v2/providers/openapi/apis/api/v4/vendors/{{$credentials.vendorId}}/onlineInquiries',
			method: 'GET',
			qs: {
				vendorId: '={{$credentials.vendorId}}',
				answeredType: 'ALL',
				inquiryStartAt: "={{$now.setZone('Asia/Seoul').toFormat('yyyy-MM-dd')}}",
				inquiryEndAt: "={{$now.setZone('Asia/Seoul').toFormat('yyyy-MM-dd')}}",
				pageSize: 1,
				pageNum: 1,
			},
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: GATEWAY_REJECTION_HINTS[401] } },
			{ type: 'responseCode', properties: { value: 403, message: GATEWAY_REJECTION_HINTS[403] } },
			{ type: 'responseCode', properties: { value: 400, message: GATEWAY_REJECTION_HINTS[400] } },
		],
	};
}
