import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './analyzeFixture';

/** Every JavaScript and TypeScript source of this repository (sources, tests, fixtures, examples): real code for differential tests. */
export function repositorySources(keep: (name: string) => boolean = () => true): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name) && keep(entry.name)) files.push(full);
    }
  };
  for (const dir of ['src', 'test', 'examples', 'bench/src']) walk(path.join(REPO_ROOT, dir));
  return files;
}
