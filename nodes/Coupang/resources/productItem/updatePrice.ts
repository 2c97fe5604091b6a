import { PATHS, SALE_PRICE_STEP_WON } from '../../core/coupangFacts';
import { checkSalePrice } from '../../core/input';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { vendorItemIdField } from './fields';
import { updateProductItem } from './updates';

export const updatePrice = defineOperation({
	value: 'updatePrice',
	name: 'Update Price',
	description: "Change an option's sale price (in steps of 10 won)",
	action: 'Update the price of a product option',
	fields: [
		vendorItemIdField,
		{
			displayName: 'Sale Price (Won)',
			name: 'salePrice',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: SALE_PRICE_STEP_WON },
			description: `The new sale price in won, in steps of ${SALE_PRICE_STEP_WON} won`,
		},
		{
			displayName: 'Allow a Large Change',
			name: 'forceSalePriceUpdate',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow a price more than 50% below or 100% above the current one (sends forceSalePriceUpdate=true); otherwise Coupang refuses such a change',
		},
		singleRequestOptions,
	],
	read(parameters) {
		return {
			vendorItemId: parameters.id('vendorItemId', 'Option ID'),
			salePrice: checkSalePrice(parameters.raw('salePrice'), 'Sale Price (Won)', SALE_PRICE_STEP_WON),
			force: parameters.raw('forceSalePriceUpdate', false) === true,
		};
	},
	async run(client, { vendorItemId, salePrice, force }) {
		const request = { path: PATHS.vendorItemPrice(vendorItemId, salePrice), qs: force ? { forceSalePriceUpdate: true } : undefined };
		return await updateProductItem(client, 'updatePrice', request, { vendorItemId, salePrice, forceSalePriceUpdate: force });
	},
});
