import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { COUPANG_DEFAULT_BASE_URL, PACE, PATHS, THROTTLE_HOLD_SECONDS, VENDOR_ID_PATTERN } from '../nodes/Coupang/core/coupangFacts';
import { GATEWAY_REJECTION_HINTS } from '../nodes/Coupang/core/hints';
import { authenticateCoupangRequest } from '../nodes/Coupang/transport/authenticate';

export class CoupangApi implements ICredentialType {
	name = 'coupangApi';

	displayName = 'Coupang API';

	icon: Icon = { light: 'file:../nodes/Coupang/coupang.svg', dark: 'file:../nodes/Coupang/coupang.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-coupang/n8n-nodes-coupang#create-the-credential';

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
			description: `Your Coupang seller code: the letter A followed by 8 digits (pattern ${VENDOR_ID_PATTERN.source})`,
		},
		{
			displayName: 'Default Wing User ID',
			name: 'wingUserId',
			type: 'string',
			default: '',
			description: 'Optional. The Wing login ID that replies and confirms are made by when a node leaves Reply By or Confirm By empty.',
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
			default: PACE.default,
			typeOptions: { minValue: 1, maxValue: PACE.max, numberPrecision: 0 },
			description:
				`Pace shared by every Coupang node and trigger using this seller account. Coupang throttles at about ${PACE.coupangLimit} requests per second per seller; the default stays below.`,
		},
		{
			displayName: 'n8n Processes Sharing This Key',
			name: 'n8nProcesses',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: PACE.max, numberPrecision: 0 },
			description:
				'How many n8n processes send requests with this key at the same time: 1 for a single n8n; in queue mode the main process plus every worker. Each process keeps its share of Max Requests per Second.',
		},
		{
			displayName: 'Throttle Hold (Seconds)',
			name: 'throttleHoldSeconds',
			type: 'number',
			default: THROTTLE_HOLD_SECONDS.default,
			typeOptions: { minValue: THROTTLE_HOLD_SECONDS.min, maxValue: THROTTLE_HOLD_SECONDS.max, numberPrecision: 0 },
			description:
				'When Coupang refuses a request with 429 (too many requests) or a 403 block page, no request of this seller is sent for this long (Coupang lifts a block within minutes; a longer Retry-After wins)',
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
			url: `=${PATHS.productInquiries('{{$credentials.vendorId}}')}`,
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
