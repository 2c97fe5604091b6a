import { NodeHelpers } from 'n8n-workflow';
import { Coupang } from '../nodes/Coupang/Coupang.node.ts';
const t = new Coupang();
const p = NodeHelpers.getNodeParameters(t.description.properties, { resource: 'productInquiry', operation: 'getMany', filters: { vendorItemId: '12a' } }, true, false, null, t.description);
console.log(JSON.stringify(p));
const q = NodeHelpers.getNodeParameters(t.description.properties, p as never, false, false, null, t.description);
console.log(JSON.stringify(q));
const r = NodeHelpers.getNodeParameters(t.description.properties, { resource: 'callCenterInquiry', operation: 'getMany', filters: { vendorItemId: '12a', orderId: '5' } }, false, false, null, t.description);
console.log(JSON.stringify(r));
