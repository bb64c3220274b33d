import type { Order } from '@domain/order';
import { formatPrice } from '../format/formatPrice';

// The old receipt page. It builds HTML by hand because the print service needs a string.
export function renderReceiptHtml(order: Order): string {
  const rows = order.cart.lines
    .map((line) => `<tr><td>${line.product.name}</td><td>${line.quantity}</td></tr>`)
    .join('');
  return `<h1>Order ${order.number}</h1><table>${rows}</table><p>Total ${formatPrice(order.total)}</p>`;
}

export function ReceiptScreen({ order }: { order: Order }) {
  return <iframe title={`Receipt ${order.number}`} srcDoc={renderReceiptHtml(order)} />;
}
