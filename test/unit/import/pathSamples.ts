// Root-relative paths for comparing a regex with the globs it became: random but repeatable
// (a seeded generator), built from folder and file names that the tested patterns talk about.
import { seededRandom } from '../../../src/core/util/seededRandom';

const NAMES = [
  'src', 'ui', 'uikit', 'ui.ts', 'common', 'casedata', 'shared', 'app', 'index.ts', 'index.tsx',
  'a.spec.ts', 'b.test.tsx', '.eslintrc.js', 'tsconfig.json', 'node_modules', '@types', 'zod', 'zodx',
  'internal', 'domain', 'services', 'x', 'features', 'f1', 'lib', 'main.ts', 'test', 'tests',
  'packages', 'dist', 'mocks', 'q.d.ts', 'r.d.mts', 'cli', 'cli2', 'a.ts', 'xspec.ts', 'src.ts',
  'srcx', 'bin', 'entities', 'gateways', 'utl', 'meta.cjs', 'report', 'tools', 'types',
];

export function samplePaths(count = 20_000, seed = 2026): string[] {
  const random = seededRandom(seed);
  const paths = new Set<string>();
  for (let i = 0; i < count; i++) {
    const depth = 1 + Math.floor(random() * 5);
    const parts: string[] = [];
    for (let j = 0; j < depth; j++) parts.push(NAMES[Math.floor(random() * NAMES.length)]);
    paths.add(parts.join('/'));
  }
  return [...paths];
}
