/**
 * Upload Invoice (INSTRUCT → DEPARTURE) and Update Invoice (a shipped box gets a new waybill): one box per input
 * item, one entry per option (vendorItemId) of the box in `orderSheetInvoiceApplyDtos` (fact sheet 6.1, 6.2).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../core/coupangFacts';
import { checkCourierCode, checkWaybillNumber } from '../../core/couriers';
import { checkIdList, CoupangInputError } from '../../core/input';
import { idValue } from '../answers';
import { singleRequestOptions } from '../fields';
import { defineOperation, type OperationDescription } from '../operation';
import type { Parameters } from '../parameters';
import { boxEntries, boxResult } from './boxResults';
import { COURIER_OPTIONS } from '../courierFields';
import { orderIdField, shipmentBoxIdField } from './fields';

interface InvoiceInput {
	shipmentBoxId: string;
	orderId: string;
	vendorItemIds: string[];
	deliveryCompanyCode: string;
	invoiceNumber: string;
	splitShipping: boolean;
	preSplitShipped: boolean;
	estimatedShippingDate: string;
}

function invoiceFields(numberDescription: string): INodeProperties[] {
	return [
		shipmentBoxIdField,
		orderIdField,
		{
			displayName: 'Option IDs',
			name: 'vendorItemIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '3242596358, 3242596359',
			description:
				'The options (vendorItemId) shipped under this waybill, separated by commas: every option of the box, or with Split Shipping the ones of this shipment',
		},
		{
			displayName: 'Courier',
			name: 'deliveryCompanyCode',
			type: 'options',
			options: COURIER_OPTIONS,
			default: 'CJGLS',
			description: "The courier (Coupang's deliveryCompanyCode)",
		},
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			placeholder: '123456789012',
			description: numberDescription,
		},
		{
			displayName: 'Split Shipping',
			name: 'splitShipping',
			type: 'boolean',
			default: false,
			description: 'Whether the order ships in several parcels, each with its own waybill (not with own delivery)',
		},
		{
			displayName: 'Pre-Split Shipped',
			name: 'preSplitShipped',
			type: 'boolean',
			default: false,
			description: 'Whether other options of this order were already shipped separately (false for the first split shipment)',
			displayOptions: { show: { splitShipping: [true] } },
		},
		{
			displayName: 'Estimated Shipping Date',
			name: 'estimatedShippingDate',
			type: 'dateTime',
			default: '',
			description: 'For a split shipment that leaves later: its shipping date instead of an invoice number (give one or the other)',
			displayOptions: { show: { splitShipping: [true] } },
		},
		singleRequestOptions,
	];
}

function readInvoice(parameters: Parameters): InvoiceInput {
	const deliveryCompanyCode = checkCourierCode(parameters.raw('deliveryCompanyCode'), 'Courier');
	const splitShipping = Boolean(parameters.raw('splitShipping', false));
	const estimatedShippingDate = splitShipping && !parameters.isBlank('estimatedShippingDate') ? parameters.koreaDate('estimatedShippingDate', 'Estimated Shipping Date') : '';
	let invoiceNumber = '';
	if (estimatedShippingDate === '') invoiceNumber = checkWaybillNumber(deliveryCompanyCode, parameters.raw('invoiceNumber'), 'Invoice Number');
	else if (!parameters.isBlank('invoiceNumber')) {
		throw new CoupangInputError('Invoice Number', parameters.text('invoiceNumber'), 'Give an Invoice Number or an Estimated Shipping Date for a split shipment, not both');
	}
	return {
		shipmentBoxId: parameters.id('shipmentBoxId', 'Shipment Box ID'),
		orderId: parameters.id('orderId', 'Order ID'),
		vendorItemIds: checkIdList(parameters.raw('vendorItemIds'), 'Option IDs'),
		deliveryCompanyCode,
		invoiceNumber,
		splitShipping,
		preSplitShipped: splitShipping && Boolean(parameters.raw('preSplitShipped', false)),
		estimatedShippingDate,
	};
}

function invoiceOperation(mode: 'upload' | 'update'): OperationDescription {
	const operation = mode === 'upload' ? 'uploadInvoice' : 'updateInvoice';
	return defineOperation({
		value: operation,
		name: mode === 'upload' ? 'Upload Invoice' : 'Update Invoice',
		description:
			mode === 'upload'
				? "Register a box's waybill (Preparing → Shipping Instructed): one output item with Coupang's result for the box"
				: "Correct the waybill of a box that has shipped: one output item with Coupang's result for the box",
		action: mode === 'upload' ? 'Upload an invoice for an order' : 'Update the invoice of an order',
		fields: invoiceFields(
			mode === 'upload'
				? "The courier's waybill number, digits only (letters too for UPS, DHL, EMS…), of the length Coupang's courier list gives (e.g. 10 or 12 for CJ Logistics)"
				: 'The new waybill number, digits only, of the length Coupang\'s courier list gives',
		),
		read: readInvoice,
		async run(client, input) {
			const { shipmentBoxId, orderId, vendorItemIds, deliveryCompanyCode, invoiceNumber, splitShipping, preSplitShipped, estimatedShippingDate } = input;
			const dtos = vendorItemIds.map((vendorItemId) => ({
				shipmentBoxId: idValue(shipmentBoxId),
				orderId: idValue(orderId),
				vendorItemId: idValue(vendorItemId),
				deliveryCompanyCode,
				invoiceNumber,
				splitShipping,
				preSplitShipped,
				estimatedShippingDate,
			}));
			const body = await client.request({
				method: 'POST',
				path: mode === 'upload' ? PATHS.orderInvoices(client.vendorId) : PATHS.orderInvoiceUpdates(client.vendorId),
				body: { vendorId: client.vendorId, orderSheetInvoiceApplyDtos: dtos },
				write: true,
			});
			const done: IDataObject = {
				orderId: idValue(orderId),
				vendorItemIds: vendorItemIds.map(idValue),
				deliveryCompanyCode,
				invoiceNumber,
				splitShipping,
				estimatedShippingDate: estimatedShippingDate || null,
			};
			return [boxResult(operation, shipmentBoxId, boxEntries(client, body, [shipmentBoxId]).get(shipmentBoxId), body, done)];
		},
	});
}

export const uploadInvoice = invoiceOperation('upload');
export const updateInvoice = invoiceOperation('update');
