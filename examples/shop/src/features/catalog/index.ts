// Public entry of the catalog feature: code outside src/features/catalog imports from here only.
export { searchProducts } from './search';
export * as catalogQueries from './queries';
