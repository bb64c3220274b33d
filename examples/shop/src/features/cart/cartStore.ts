import { emptyCart, type Cart } from '@domain/cart';
import { query } from '@infra/db/pool';

export interface CartSnapshot {
  readonly customerId: string;
  readonly cart: Cart;
  readonly updatedAt: string;
}

export async function loadCart(customerId: string): Promise<Cart> {
  const rows = await query<CartSnapshot>('select * from carts where customer_id = $1', [customerId]);
  return rows[0]?.cart ?? emptyCart;
}

export async function saveCart(customerId: string, cart: Cart): Promise<void> {
  await query(
    'insert into carts (customer_id, cart) values ($1, $2) on conflict (customer_id) do update set cart = $2',
    [customerId, JSON.stringify(cart)],
  );
}
