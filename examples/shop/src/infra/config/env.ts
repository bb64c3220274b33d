// Settings read once from the environment, with defaults for local development.
export const env = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://shop:shop@localhost:5432/shop',
  dbPoolSize: Number(process.env.DB_POOL_SIZE ?? 10),
  paymentGatewayUrl: process.env.PAYMENT_GATEWAY_URL ?? 'https://sandbox.pay.example.com',
  paymentApiKey: process.env.PAYMENT_API_KEY ?? '',
} as const;
