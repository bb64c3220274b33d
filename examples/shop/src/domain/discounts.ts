import { multiply, type Money } from './money';

export type Discount =
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'fixed'; readonly off: Money };

// TODO: support stacking a percentage and a fixed discount on one order
export function applyDiscount(total: Money, discount: Discount): Money {
  if (discount.kind === 'percent') return multiply(total, 1 - discount.percent / 100);
  return { amount: Math.max(0, total.amount - discount.off.amount), currency: total.currency };
}
