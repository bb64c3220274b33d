// Root-relative paths for comparing a regex with the globs it became: random but repeatable
// (a seeded generator), built from folder and file names that the tested patterns talk about.
const NAMES = [
  'src', 'ui', 'uikit', 'ui.ts', 'common', 'casedata', 'shared', 'app', 'index.ts', 'index.tsx',
  'a.spec.ts', 'b.test.tsx', '.eslintrc.js', 'tsconfig.json', 'node_modules', '@types', 'zod', 'zodx',
  'internal', 'domain', 'services', 'x', 'features', 'f1', 'lib', 'main.ts', 'test', 'tests',
  'packages', 'dist', 'mocks', 'q.d.ts', 'r.d.mts', 'cli', 'cli2', 'a.ts', 'xspec.ts', 'src.ts',
  'srcx', 'bin', 'entities', 'gateways', 'utl', 'meta.cjs', 'report', 'tools', 'types',
];

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function samplePaths(count = 20_000, seed = 2026): string[] {
  const random = generator(seed);
  const paths = new Set<string>();
  for (let i = 0; i < count; i++) {
    const depth = 1 + Math.floor(random() * 5);
    const parts: string[] = [];
    for (let j = 0; j < depth; j++) parts.push(NAMES[Math.floor(random() * NAMES.length)]);
    paths.add(parts.join('/'));
  }
  return [...paths];
}
