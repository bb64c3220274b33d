// Branded ids: a ProductId cannot be passed where an OrderId is expected.
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type ProductId = Brand<string, 'ProductId'>;
export type OrderId = Brand<string, 'OrderId'>;
export type CustomerId = Brand<string, 'CustomerId'>;

export function newId<Id extends Brand<string, string>>(prefix: string): Id {
  return `${prefix}_${globalThis.crypto.randomUUID()}` as Id;
}
