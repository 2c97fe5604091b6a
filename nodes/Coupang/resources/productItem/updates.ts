/**
 * Product item changes (R19 product-api; productItems/SOURCES.md of the sandbox): PUT only, no body, the value in the
 * path. Answers `{"code":"SUCCESS","message":…}`; a 2xx whose code is "ERROR" is a refusal (the client's rule).
 * Product APIs are throttled more strictly than others: every request goes through the seller's pace and hold.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CoupangClient } from '../../transport/client';
import { idValue, writeResult } from '../answers';

export async function updateProductItem(
	client: CoupangClient,
	operation: string,
	request: { path: string; qs?: IDataObject },
	done: IDataObject & { vendorItemId: string },
): Promise<IDataObject[]> {
	const body = await client.request({ method: 'PUT', path: request.path, qs: request.qs, write: true });
	return [writeResult(operation, { ...done, vendorItemId: idValue(done.vendorItemId) }, body)];
}
