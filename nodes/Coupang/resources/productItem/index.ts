import type { ResourceDescription } from '../operation';
import { getInventory } from './getInventory';
import { resumeSales, stopSales } from './sales';
import { updatePrice } from './updatePrice';
import { updateQuantity } from './updateQuantity';

export const productItem: ResourceDescription = {
	name: 'Product Item',
	value: 'productItem',
	description: 'The options (vendor items) of your products: stock, price and sale state',
	operations: [getInventory, resumeSales, stopSales, updatePrice, updateQuantity],
	defaultOperation: 'getInventory',
};
