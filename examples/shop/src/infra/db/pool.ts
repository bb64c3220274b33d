import { Pool } from 'pg';
import { env } from '../config/env';

// One pool per process; pg opens connections lazily.
export const pool = new Pool({ connectionString: env.databaseUrl, max: env.dbPoolSize });

export async function query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  const result = await pool.query(sql, [...params]);
  return result.rows as Row[];
}
