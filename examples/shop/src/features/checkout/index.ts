// Public entry of the checkout feature.
export { checkout } from './checkoutService';
export { validateAddress, type Address } from './validation';
