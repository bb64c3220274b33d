import type { OrderId } from '@shared/ids';
import { nextOrderNumber } from '@infra/db/sequence';
import type { Cart } from './cart';
import type { Money } from './money';

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'cancelled';

export interface Order {
  readonly id: OrderId;
  readonly number: number;
  readonly cart: Cart;
  readonly total: Money;
  readonly status: OrderStatus;
}

export async function createOrder(id: OrderId, cart: Cart, total: Money): Promise<Order> {
  if (cart.lines.length === 0) throw new Error('an order needs at least one line');
  return { id, number: await nextOrderNumber(), cart, total, status: 'placed' };
}

export function canCancel(order: Order): boolean {
  return order.status === 'placed' || order.status === 'paid';
}
