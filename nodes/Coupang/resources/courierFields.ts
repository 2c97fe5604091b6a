/** The courier and waybill number fields of waybill operations, checked by core/couriers.ts. */
import type { INodeProperties } from 'n8n-workflow';

import { checkCourierCode, checkWaybillNumber, COURIERS } from '../core/couriers';
import type { Parameters } from './parameters';

/** Courier options, readable names first (value: Coupang's code). */
export const COURIER_OPTIONS = Object.entries(COURIERS)
	.map(([code, courier]) => ({ name: `${courier.name} (${code})`, value: code }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** A courier (Coupang's code) and a waybill number, under the body field names of the endpoint. */
export function waybillFields(names: { courier: string; invoiceNumber: string }, what: string): INodeProperties[] {
	return [
		{
			displayName: 'Courier',
			name: names.courier,
			type: 'options',
			options: COURIER_OPTIONS,
			default: 'CJGLS',
			description: `The courier that carries ${what} (Coupang's courier code)`,
		},
		{
			displayName: 'Invoice Number',
			name: names.invoiceNumber,
			type: 'string',
			required: true,
			default: '',
			placeholder: '340010913442',
			description: 'The waybill (tracking) number, digits only for Korean couriers',
		},
	];
}

/** The courier code and waybill number, checked against Coupang's list and the courier's waybill lengths. */
export function readWaybill(parameters: Parameters, names: { courier: string; invoiceNumber: string }): { courier: string; invoiceNumber: string } {
	const courier = checkCourierCode(parameters.raw(names.courier), 'Courier');
	return { courier, invoiceNumber: checkWaybillNumber(courier, parameters.raw(names.invoiceNumber), 'Invoice Number') };
}
