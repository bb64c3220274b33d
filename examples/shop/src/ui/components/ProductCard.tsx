import type { Product } from '@domain/product';
import { formatPrice } from '@ui/format/formatPrice';
import { Badge } from './Badge';

export interface ProductCardProps {
  product: Product;
  onAdd: (productId: string) => void;
}

export function ProductCard({ product, onAdd }: ProductCardProps) {
  return (
    <article className="product-card">
      <h3>{product.name}</h3>
      <p>{formatPrice(product.price)}</p>
      {product.stock < 5 && <Badge label="Only a few left" tone="warning" />}
      <button onClick={() => onAdd(product.id)}>Add to cart</button>
    </article>
  );
}
