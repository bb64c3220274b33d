import type { Order } from '@domain/order';

export type Risk = 'allow' | 'review' | 'block';

// DEBT(@bob, PAY-7, due 2026-10-01, est 4h): thresholds are guesses; use the fraud service score
export function assessRisk(order: Order): Risk {
  if (order.total.amount > 200_000) return 'block';
  return order.total.amount > 50_000 ? 'review' : 'allow';
}
