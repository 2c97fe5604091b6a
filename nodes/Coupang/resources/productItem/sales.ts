import { PATHS } from '../../core/coupangFacts';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { vendorItemIdField } from './fields';
import { updateProductItem } from './updates';

/** Stop Sales and Resume Sales: the same request but for its last word. */
function salesOperation(action: 'stop' | 'resume') {
	const stop = action === 'stop';
	return defineOperation({
		value: stop ? 'stopSales' : 'resumeSales',
		name: stop ? 'Stop Sales' : 'Resume Sales',
		description: stop
			? 'Take an option off sale (stopping a stopped option succeeds again)'
			: 'Put an option back on sale (not one Coupang stopped by monitoring)',
		action: stop ? 'Stop sales of a product option' : 'Resume sales of a product option',
		fields: [vendorItemIdField, singleRequestOptions],
		read(parameters) {
			return { vendorItemId: parameters.id('vendorItemId', 'Option ID') };
		},
		async run(client, { vendorItemId }) {
			return await updateProductItem(client, stop ? 'stopSales' : 'resumeSales', { path: PATHS.vendorItemSales(vendorItemId, action) }, { vendorItemId, onSale: !stop });
		},
	});
}

export const stopSales = salesOperation('stop');
export const resumeSales = salesOperation('resume');
