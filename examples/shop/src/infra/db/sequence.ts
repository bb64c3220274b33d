import { query } from './pool';

// Order numbers come from a Postgres sequence: unique across all shop instances.
export async function nextOrderNumber(): Promise<number> {
  const [row] = await query<{ value: string }>("select nextval('order_number') as value");
  if (!row) throw new Error('sequence order_number returned no row');
  return Number(row.value);
}
