import { useState } from 'react';
import { startCheckout } from '@app/checkout/checkoutFlow';
import type { Address } from '@features/checkout';
import { PLACEHOLDER_COPY } from '@shared/text';

export interface CheckoutPageProps {
  customerId: string;
  address: Address;
  cardToken: string;
}

export default function CheckoutPage({ customerId, address, cardToken }: CheckoutPageProps) {
  const [message, setMessage] = useState(PLACEHOLDER_COPY);

  async function pay() {
    const result = await startCheckout(customerId, address, cardToken);
    setMessage(result.ok ? result.value.message : result.error);
  }

  return (
    <section>
      <p>{message}</p>
      <button onClick={() => void pay()}>Pay now</button>
    </section>
  );
}
