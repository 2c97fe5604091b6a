import { countedReturnOperation } from './writes';

export const stopShipment = countedReturnOperation({
	value: 'stopShipment',
	name: 'Stop Shipment',
	description: 'Confirm you stopped a shipment the customer cancelled (the goods did not leave)',
	action: 'Stop the shipment of a cancelled order',
	returnAction: 'stoppedShipment',
});
