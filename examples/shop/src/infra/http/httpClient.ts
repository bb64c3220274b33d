import { env } from '../config/env';

// The payment worker still runs as CommonJS, so lodash is loaded with require here.
const merge: <A, B>(target: A, source: B) => A & B = require('lodash/merge');

export async function postJson<T>(path: string, body: unknown, init: RequestInit = {}): Promise<T> {
  const defaults = { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': env.paymentApiKey } };
  const response = await fetch(new URL(path, env.paymentGatewayUrl), { ...merge(defaults, init), body: JSON.stringify(body) });
  const payload = (await response.json()) as T & { error?: string };
  // HACK: the gateway sometimes answers 200 with an error body, so look inside it
  if (!response.ok || payload.error) throw new Error(payload.error ?? `HTTP ${response.status}`);
  return payload;
}
