import type { Money } from '@domain/money';
import { postJson } from './httpClient';

export interface ChargeResult {
  readonly chargeId: string;
  readonly status: 'succeeded' | 'declined';
}

export function charge(cardToken: string, amount: Money, idempotencyKey: string): Promise<ChargeResult> {
  const body = { source: cardToken, amount: amount.amount, currency: amount.currency };
  return postJson<ChargeResult>('/v1/charges', body, { headers: { 'idempotency-key': idempotencyKey } });
}

export function refund(chargeId: string, amount: Money): Promise<{ refundId: string }> {
  return postJson('/v1/refunds', { charge: chargeId, amount: amount.amount });
}
