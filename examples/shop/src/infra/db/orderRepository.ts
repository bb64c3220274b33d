import type { Order, OrderStatus } from '@domain/order';
import { query } from './pool';

export async function saveOrder(order: Order): Promise<void> {
  await query(
    'insert into orders (id, number, status, total, currency) values ($1, $2, $3, $4, $5)',
    [order.id, order.number, order.status, order.total.amount, order.total.currency],
  );
}

export async function findOrderStatus(id: string): Promise<OrderStatus | undefined> {
  const rows = await query<{ status: OrderStatus }>('select status from orders where id = $1', [id]);
  return rows[0]?.status;
}
