import type { Money } from '@domain/money';

const formatters = new Map<string, Intl.NumberFormat>();

export function formatPrice(price: Money, locale = 'de-DE'): string {
  const key = `${locale}:${price.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency });
    formatters.set(key, formatter);
  }
  return formatter.format(price.amount / 100);
}
