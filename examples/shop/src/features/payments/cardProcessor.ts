import type { Order } from '@domain/order';
import { charge } from '@infra/http/paymentGateway';
import { log } from '@infra/logging/logger';
import { assessRisk } from './fraudCheck';

// DEBT(@alice, PAY-123, due 2026-12-31, est 2d, interest high): replace the legacy client
export async function payOrder(order: Order, cardToken: string): Promise<boolean> {
  const risk = assessRisk(order);
  if (risk === 'block') return false;
  // FIXME: a retry after a decline reuses the order id as idempotency key and is rejected /PAY-12
  const result = await charge(cardToken, order.total, order.id);
  log('info', 'payment attempted', { orderId: order.id, risk, status: result.status });
  return result.status === 'succeeded';
}
