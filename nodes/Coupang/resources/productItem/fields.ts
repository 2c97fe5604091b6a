/** The option every Product Item operation acts on. */
import type { INodeProperties } from 'n8n-workflow';

export const vendorItemIdField: INodeProperties = {
	displayName: 'Option ID',
	name: 'vendorItemId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '3000000001',
	description: 'The option (vendor item) of your product: vendorItemId, also called sellerItemId in the inventory',
};
