import { subtotal } from '@domain/cart';
import { add } from '@domain/money';
import { createOrder, type Order } from '@domain/order';
import { shippingCost } from '@domain/shipping';
import { saveOrder } from '@infra/db/orderRepository';
import { newId } from '@shared/ids';
import { ok, type Result } from '@shared/result';
import { loadCart } from '../cart/cartStore';
import { validateAddress, type Address } from './validation';

export async function checkout(customerId: string, address: Address): Promise<Result<Order>> {
  const valid = validateAddress(address);
  if (!valid.ok) return valid;
  const cart = await loadCart(customerId);
  const net = subtotal(cart);
  const order = await createOrder(newId('ord'), cart, add(net, shippingCost(cart, net)));
  await saveOrder(order);
  return ok(order);
}
