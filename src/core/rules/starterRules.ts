import type { FileSystem } from '../fs/fileSystem';
import { SOURCE_FILE } from '../graph/discoverFiles';

const NOT_SOURCE_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', 'test', 'tests', '__tests__', 'e2e', 'scripts']);

/**
 * A first `guardrails.json` for a workspace that has none: its top-level source folders (below
 * `src/` when there is one) as layers, a no-cycle rule and the usual debt tags. A starting point
 * to edit, written with comments that say what to do next.
 */
export function starterRules(root: string, fs: FileSystem): string {
  const base = fs.directoryExists(`${root}/src`) ? 'src' : '';
  const parent = base ? `${root}/${base}` : root;
  const folders = fs
    .readDirectory(parent)
    .filter((entry) => entry.kind === 'directory' && !entry.name.startsWith('.') && !NOT_SOURCE_DIRS.has(entry.name))
    .map((entry) => entry.name)
    .filter((name) => containsSource(`${parent}/${name}`, fs, 3))
    .sort();
  const prefix = base ? `${base}/` : '';
  const layers = folders.map((name) => `    ${JSON.stringify(name)}: ${JSON.stringify(`${prefix}${name}/**`)}`).join(',\n');
  const layerNames = folders.map((name) => JSON.stringify(name)).join(', ');
  return `// Guardrails rules: architecture and debt policy for this workspace.
// Each top-level source folder became a layer. Put them in "order" (outermost first) to enforce
// layering, add "forbidden" rules between them, and see the README for every rule kind.
{
  "include": [${JSON.stringify(base ? `${base}/**` : '**/*')}],
  "exclude": ["**/*.test.*", "**/*.spec.*", "**/node_modules/**"],
  "layers": {
${layers}
  },
  "rules": [
    { "id": "no-cycles", "kind": "no-cycle", "why": "Cycles make modules impossible to understand, test or ship alone." }${folders.length >= 2 ? `,
    // Uncomment and order the layers, outermost first: a layer may import only the layers after it.
    // { "id": "layered", "kind": "layers", "order": [${layerNames}] },` : ','}
    { "id": "no-unresolved", "kind": "no-unresolved", "severity": "warning" }
  ],
  "debt": {
    "tags": { "TODO": "info", "FIXME": "warning", "HACK": "warning", "DEBT": "warning" },
    "require": { "owner": ["DEBT", "HACK"] },
    "overdueSeverity": "error"
  }
}
`;
}

function containsSource(dir: string, fs: FileSystem, depth: number): boolean {
  for (const entry of fs.readDirectory(dir)) {
    if (entry.kind === 'file' && SOURCE_FILE.test(entry.name)) return true;
    if (entry.kind === 'directory' && depth > 1 && entry.name !== 'node_modules' && containsSource(`${dir}/${entry.name}`, fs, depth - 1)) return true;
  }
  return false;
}
