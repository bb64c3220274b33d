import type { Order } from '@domain/order';
// guardrails-ignore-next-line layered -- legacy screen, scheduled in PAY-200
import { renderReceiptHtml } from '../../ui/legacy/ReceiptScreen';

// Use case: the HTML the print service turns into a paper receipt.
export function printableReceipt(order: Order): string {
  return `<!doctype html><html><body>${renderReceiptHtml(order)}</body></html>`;
}
