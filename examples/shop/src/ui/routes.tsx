import { lazy } from 'react';
import { OrdersAdmin } from './admin/OrdersAdmin';
import { CatalogPage } from './pages/CatalogPage';

// Checkout is its own chunk: most visitors never reach it.
const CheckoutPage = lazy(() => import('./pages/CheckoutPage'));

export const routes = [
  { path: '/', component: CatalogPage },
  { path: '/checkout', component: CheckoutPage },
  { path: '/admin/orders', component: OrdersAdmin },
] as const;
