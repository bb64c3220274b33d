import { useEffect, useState } from 'react';
import { addToCart } from '@app/cart/addToCart';
import { browseCatalog } from '@app/catalog/browseCatalog';
import type { Product } from '@domain/product';
import { ProductCard } from '../components/ProductCard';

export function CatalogPage({ customerId }: { customerId: string }) {
  const [term, setTerm] = useState('');
  const [products, setProducts] = useState<Product[]>([]);

  // TODO(alice): paginate once the catalog has more than 500 products
  useEffect(() => {
    void browseCatalog(term).then(setProducts);
  }, [term]);

  return (
    <main>
      <input value={term} onChange={(e) => setTerm(e.target.value)} placeholder="Search products" />
      {products.map((product) => (
        <ProductCard key={product.id} product={product} onAdd={(id) => void addToCart(customerId, id, 1)} />
      ))}
    </main>
  );
}
