// Money in minor units (cents), so sums never drift.
export type Currency = 'EUR' | 'USD';

export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

export function money(amount: number, currency: Currency = 'EUR'): Money {
  if (!Number.isInteger(amount)) throw new RangeError(`amount must be in minor units: ${amount}`);
  return { amount, currency };
}

export function zero(currency: Currency = 'EUR'): Money {
  return { amount: 0, currency };
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function multiply(m: Money, factor: number): Money {
  return { amount: Math.round(m.amount * factor), currency: m.currency };
}
