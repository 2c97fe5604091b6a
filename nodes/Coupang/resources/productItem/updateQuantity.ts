import { PATHS } from '../../core/coupangFacts';
import { checkWholeNumber } from '../../core/input';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { vendorItemIdField } from './fields';
import { updateProductItem } from './updates';

export const updateQuantity = defineOperation({
	value: 'updateQuantity',
	name: 'Update Quantity',
	description: "Set an option's stock quantity",
	action: 'Update the stock of a product option',
	fields: [
		vendorItemIdField,
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'The stock to set (amountInStock), a whole number from 0',
		},
		singleRequestOptions,
	],
	read(parameters) {
		return { vendorItemId: parameters.id('vendorItemId', 'Option ID'), quantity: checkWholeNumber(parameters.raw('quantity'), 'Quantity', 0) };
	},
	async run(client, { vendorItemId, quantity }) {
		return await updateProductItem(client, 'updateQuantity', { path: PATHS.vendorItemQuantity(vendorItemId, quantity) }, { vendorItemId, amountInStock: quantity });
	},
});
