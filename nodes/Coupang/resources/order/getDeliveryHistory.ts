import type { IDataObject } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { idValue } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation } from '../operation';
import { simplifyDeliveryHistoryEntry } from '../simplified';
import { shipmentBoxIdField } from './fields';

/** The history object of the answer: in `data` (R19 sample), in a one-element `data` array (tables), or bare (current example). */
function historyOf(body: IDataObject): IDataObject | undefined {
	const data = Array.isArray(body.data) ? (body.data as unknown[])[0] : body.data;
	const history = data === undefined || data === null ? body : data;
	return typeof history === 'object' && history !== null && Array.isArray((history as IDataObject).details) ? (history as IDataObject) : undefined;
}

export const getDeliveryHistory = defineOperation({
	value: 'getDeliveryHistory',
	name: 'Get Delivery History',
	description: "A shipment box's status changes, newest first: one item per change",
	action: 'Get the delivery history of an order',
	fields: [shipmentBoxIdField, singleRequestOptions],
	read(parameters) {
		return { shipmentBoxId: parameters.id('shipmentBoxId', 'Shipment Box ID') };
	},
	async run(client, { shipmentBoxId }) {
		const body = await client.request({ method: 'GET', path: PATHS.orderDeliveryHistory(client.vendorId, shipmentBoxId) });
		const history = historyOf(body);
		if (!history) throw client.unexpectedAnswer('has no delivery history (details)', body);
		// Each change as Coupang sends it, with the box it belongs to (the entries do not name it).
		return (history.details as IDataObject[]).map((entry) => ({ shipmentBoxId: history.shipmentBoxId ?? idValue(shipmentBoxId), ...entry }));
	},
	simplify: simplifyDeliveryHistoryEntry,
});
