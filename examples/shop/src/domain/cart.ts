import { add, multiply, zero, type Money } from './money';
import type { Product } from './product';

export interface CartLine {
  readonly product: Product;
  readonly quantity: number;
}

export interface Cart {
  readonly lines: readonly CartLine[];
}

export const emptyCart: Cart = { lines: [] };

export function addLine(cart: Cart, product: Product, quantity: number): Cart {
  const existing = cart.lines.find((line) => line.product.id === product.id);
  if (!existing) return { lines: [...cart.lines, { product, quantity }] };
  return {
    lines: cart.lines.map((line) => (line === existing ? { product, quantity: line.quantity + quantity } : line)),
  };
}

export function subtotal(cart: Cart): Money {
  return cart.lines.reduce((sum, line) => add(sum, multiply(line.product.price, line.quantity)), zero());
}
