import { isAvailable, type Product } from '@domain/product';
import { catalogQueries, searchProducts } from '@features/catalog';

// Use case: what a visitor sees on the catalog page (only products in stock).
export async function browseCatalog(term: string): Promise<Product[]> {
  const products = term === '' ? await catalogQueries.listProducts() : await searchProducts(term);
  return products.filter((product) => isAvailable(product));
}
