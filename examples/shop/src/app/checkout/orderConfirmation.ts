import type { Order } from '@domain/order';
import { reorderLink } from './reorder';

export interface Confirmation {
  readonly orderNumber: number;
  readonly message: string;
  readonly reorderUrl: string;
}

export function confirmOrder(order: Order): Confirmation {
  return {
    orderNumber: order.number,
    message: `Thank you! Order ${order.number} is on its way.`,
    reorderUrl: reorderLink(order),
  };
}
