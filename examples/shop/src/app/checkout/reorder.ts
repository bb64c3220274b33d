import type { Order } from '@domain/order';
import { saveCart } from '@features/cart';
import type { Address } from '@features/checkout';
import { startCheckout } from './checkoutFlow';

export function reorderLink(order: Order): string {
  return `/orders/${order.id}/reorder`;
}

// Use case: "buy again" puts the old lines back in the cart and runs the checkout.
export async function reorder(customerId: string, order: Order, address: Address, cardToken: string) {
  await saveCart(customerId, order.cart);
  return startCheckout(customerId, address, cardToken);
}
