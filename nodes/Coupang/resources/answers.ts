/** Reading Coupang's JSON answers. */
import type { IDataObject } from 'n8n-workflow';

import type { CoupangClient } from '../transport/client';

/** `data` of an answer as a list of records: none when Coupang sends no data, an error when it is not a list. */
export function dataList(client: CoupangClient, body: IDataObject): IDataObject[] {
	if (body.data === undefined || body.data === null) return [];
	if (!Array.isArray(body.data)) throw client.unexpectedAnswer('has no list at data', body);
	return body.data as IDataObject[];
}
