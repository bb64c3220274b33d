import { Pool } from 'pg';

// Staff-only screen, rendered on the server. It queries the orders table directly.
const pool = new Pool({ connectionString: process.env.ADMIN_DATABASE_URL });

interface OrderRow {
  id: string;
  number: number;
  status: string;
}

export async function loadRecentOrders(): Promise<OrderRow[]> {
  const result = await pool.query('select id, number, status from orders order by number desc limit 50');
  return result.rows as OrderRow[];
}

export function OrdersAdmin({ orders }: { orders: OrderRow[] }) {
  return (
    <table>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td>{order.number}</td>
            <td>{order.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
