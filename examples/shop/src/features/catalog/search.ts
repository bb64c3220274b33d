import { sortBy } from 'lodash';
import type { Product } from '@domain/product';
import { listProducts } from './queries';

// The catalog is small enough to filter in memory; see listProducts for the cap.
export async function searchProducts(term: string): Promise<Product[]> {
  const needle = term.trim().toLowerCase();
  const products = await listProducts(500);
  const hits = needle === '' ? products : products.filter((p) => p.name.toLowerCase().includes(needle));
  return sortBy(hits, (p) => p.name);
}
