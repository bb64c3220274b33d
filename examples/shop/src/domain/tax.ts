import { readFileSync } from 'fs';
import { multiply, type Money } from './money';

// VAT rate per country code, for example { "DE": 0.19, "FR": 0.2 }.
type RateTable = Readonly<Record<string, number>>;

const rates = JSON.parse(readFileSync('config/vat-rates.json', 'utf8')) as RateTable;

export function vatFor(net: Money, country: string): Money {
  const rate = rates[country];
  if (rate === undefined) throw new Error(`no VAT rate for ${country}`);
  return multiply(net, rate);
}
