import { fail, ok, type Result } from '@shared/result';

export interface Address {
  readonly name: string;
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  readonly country: string;
}

// DEBT(@erin, due 2027-01-15, est 1d): postcode rules are hard-coded; load them from the address service
const POSTCODE: Readonly<Record<string, RegExp>> = { DE: /^\d{5}$/, FR: /^\d{5}$/, NL: /^\d{4} ?[A-Z]{2}$/ };

export function validateAddress(address: Address): Result<Address> {
  if (address.name.trim() === '' || address.street.trim() === '') return fail('name and street are required');
  const rule = POSTCODE[address.country];
  if (!rule) return fail(`we do not ship to ${address.country} yet`);
  return rule.test(address.postcode) ? ok(address) : fail(`invalid postcode for ${address.country}`);
}
