import { money, type Money } from './money';
import type { Cart } from './cart';

const FREE_SHIPPING_FROM = 5000;

/**
 * Shipping cost of a cart: free from 50.00, otherwise by weight.
 * FIXME(dave): oversize parcels are priced like normal ones /PAY-31
 */
export function shippingCost(cart: Cart, subtotal: Money): Money {
  if (subtotal.amount >= FREE_SHIPPING_FROM) return money(0, subtotal.currency);
  const grams = cart.lines.reduce((sum, line) => sum + line.product.weightGrams * line.quantity, 0);
  return money(grams <= 2000 ? 499 : 899, subtotal.currency);
}
