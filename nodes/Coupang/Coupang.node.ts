import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { callCenterInquiryFields, callCenterInquiryOperations } from './descriptions/CallCenterInquiryDescription';
import { productFields, productOperations } from './descriptions/ProductDescription';
import { productInquiryFields, productInquiryOperations } from './descriptions/ProductInquiryDescription';

export class Coupang implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupang',
		name: 'coupang',
		icon: { light: 'file:coupang.svg', dark: 'file:coupang.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and answer customer inquiries and check your products on Coupang (Wing Open API)',
		defaults: { name: 'Coupang' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupangApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			headers: { Accept: 'application/json' },
			json: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Call Center Inquiry', value: 'callCenterInquiry', description: 'Inquiries from the Coupang contact center' },
					{ name: 'Product', value: 'product', description: 'Products you registered' },
					{ name: 'Product Inquiry', value: 'productInquiry', description: 'Customer questions about your products' },
				],
				default: 'productInquiry',
			},
			...productInquiryOperations,
			...productInquiryFields,
			...callCenterInquiryOperations,
			...callCenterInquiryFields,
			...productOperations,
			...productFields,
		],
	};
}
