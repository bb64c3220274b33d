import type { Product } from '@domain/product';
import { query } from '@infra/db/pool';

export function listProducts(limit = 50): Promise<Product[]> {
  return query<Product>('select * from products order by name limit $1', [limit]);
}

export async function findProduct(id: string): Promise<Product | undefined> {
  const rows = await query<Product>('select * from products where id = $1', [id]);
  return rows[0];
}
