// The engine uses only the TypeScript compiler that ts-morph ships (`import { ts } from 'ts-morph'`),
// never ts-morph's wrapper layer. The bundles take `ts` straight from @ts-morph/common, so each
// process starts without evaluating ts-morph's own code (about 70 ms on every CLI run).
export { ts } from '@ts-morph/common';
