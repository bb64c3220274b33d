import { checkout, type Address } from '@features/checkout';
import { payOrder } from '@features/payments';
import { fail, ok, type Result } from '@shared/result';
import { confirmOrder, type Confirmation } from './orderConfirmation';

// Use case: place the order, charge the card, confirm.
export async function startCheckout(customerId: string, address: Address, cardToken: string): Promise<Result<Confirmation>> {
  const placed = await checkout(customerId, address);
  if (!placed.ok) return placed;
  const paid = await payOrder(placed.value, cardToken);
  return paid ? ok(confirmOrder(placed.value)) : fail('the payment was declined');
}
