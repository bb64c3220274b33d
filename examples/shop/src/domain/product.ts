import type { ProductId } from '@shared/ids';
import type { Money } from './money';

export interface Product {
  readonly id: ProductId;
  readonly name: string;
  readonly price: Money;
  readonly weightGrams: number;
  readonly stock: number;
}

export function isAvailable(product: Product, quantity = 1): boolean {
  return quantity > 0 && product.stock >= quantity;
}
