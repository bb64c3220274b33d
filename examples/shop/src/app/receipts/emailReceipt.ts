import type { Order } from '@domain/order';
import { formatPrice } from '@ui/format/formatPrice';

export interface Email {
  readonly subject: string;
  readonly text: string;
}

export function receiptEmail(order: Order, customerName: string): Email {
  return {
    subject: `Your receipt for order ${order.number}`,
    text: `Hello ${customerName},\n\nwe received your payment of ${formatPrice(order.total)}.`,
  };
}
