// Public entry of the cart feature.
export { loadCart, saveCart } from './cartStore';
export type { CartSnapshot } from './cartStore';
