// Public entry of the payments feature.
export { payOrder } from './cardProcessor';
export { refundOrder } from './refunds';
export type { Risk } from './fraudCheck';
