import { addLine } from '@domain/cart';
import { isAvailable } from '@domain/product';
import { loadCart, saveCart } from '@features/cart';
import { catalogQueries } from '@features/catalog';
import { fail, ok, type Result } from '@shared/result';

export async function addToCart(customerId: string, productId: string, quantity: number): Promise<Result<number>> {
  const product = await catalogQueries.findProduct(productId);
  if (!product) return fail(`unknown product ${productId}`);
  if (!isAvailable(product, quantity)) return fail(`${product.name} is out of stock`);
  const cart = addLine(await loadCart(customerId), product, quantity);
  await saveCart(customerId, cart);
  return ok(cart.lines.length);
}
