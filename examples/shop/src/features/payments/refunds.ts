import type { Order } from '@domain/order';
import { refund } from '@infra/http/paymentGateway';

/*
 * Refunds are only possible for paid orders.
 * DEBT(@carol, PAY-140, est 1w): refunds are sent synchronously; move them to the job queue
 */
export async function refundOrder(order: Order, chargeId: string): Promise<string> {
  if (order.status !== 'paid') throw new Error(`order ${order.number} is not paid`);
  const { refundId } = await refund(chargeId, order.total);
  return refundId;
}
