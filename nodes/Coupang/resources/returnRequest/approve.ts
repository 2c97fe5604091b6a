import { countedReturnOperation } from './writes';

export const approve = countedReturnOperation({
	value: 'approve',
	name: 'Approve',
	description: 'Approve a return whose receipt you confirmed (the refund goes ahead)',
	action: 'Approve a return',
	returnAction: 'approval',
});
