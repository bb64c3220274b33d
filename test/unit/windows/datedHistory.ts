// A git history whose outcome numbers, hotspot counts, trend and hold are known by hand: the
// windows' CLI tests and the language server's tests read the same one.
import { TestRepo } from '../git/testRepo';

export const OUTCOMES_RULES = `{
  "include": ["src/**"],
  "layers": { "core": "src/core/**", "io": "src/io/**" },
  "rules": [
    { "id": "core-pure", "kind": "forbidden", "from": "core", "to": ["io"] },
    { "id": "no-cycles", "kind": "no-cycle" }
  ],
  "debt": { "tags": { "TODO": "info", "FIXME": "warning" } },
  "windows": [
    { "id": "tidy", "title": "Tidy the core", "start": "2026-03-02", "end": "2026-03-15",
      "scope": ["src/core/**"], "hold": "error",
      "goals": [ { "metric": "debt", "target": 0 }, { "metric": "violations", "rule": "core-pure", "target": 0 } ] }
  ]
}
`;

/**
 * A history whose numbers are known by hand (committer dates in UTC). The window runs Mar 2–15;
 * "today" is Mar 25, so before = Feb 16–Mar 1, during = Mar 2–15, after = Mar 16–25.
 * In scope (src/core/**), by period:
 *   before  c2 Bob "Fix rounding in a" (a.ts +1 −1), c4 Bob "bugfix: b and util" (b.ts +3, util +1 −1)
 *   during  c5 Alice (a.ts −2), c6 Dave on a branch "Prefix fixture names" (b.ts +1), merged by Erin
 *           (a merge: never counted), c7 Carol (a.ts −1)
 *   after   c8 Bob "Revert: b saves again" (b.ts +2, brings a core-pure finding back); c9 touches util only
 */
export function buildOutcomesHistory(): { repo: TestRepo; commits: Record<string, string> } {
  const repo = TestRepo.create('guardrails-outcomes-');
  const commits: Record<string, string> = {};
  const at = (day: string, hour = 12) => `${day}T${String(hour).padStart(2, '0')}:00:00+00:00`;
  repo.write('guardrails.json', OUTCOMES_RULES)
    .write('tsconfig.json', '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "bundler", "strict": true } }\n')
    .write('README.md', '# Tidy\n')
    .write('src/core/a.ts', "import { save } from '../io/db';\n// TODO: validate amounts\nexport function a(x: number): number {\n  save([x]);\n  return x;\n}\n")
    .write('src/core/b.ts', '// FIXME(bob): b is too clever\nexport function b(x: number): number {\n  return x * 2;\n}\n')
    .write('src/io/db.ts', 'export function save(entries: readonly number[]): void {\n  console.log(entries.length);\n}\n')
    .write('src/util/u.ts', 'export const u = 1;\n');
  commits.c1 = repo.commit('Start', { date: at('2026-02-10'), author: 'Alice Martin' });
  repo.edit('src/core/a.ts', '  return x;\n', '  return Math.round(x);\n');
  commits.c2 = repo.commit('Fix rounding in a', { date: at('2026-02-17'), author: 'Bob Okafor' });
  repo.write('README.md', '# Tidy\n\nA small core.\n');
  commits.c3 = repo.commit('Add docs', { date: at('2026-02-20'), author: 'Carol Jensen' });
  repo.edit('src/core/b.ts', '  return x * 2;\n}\n', '  return x * 2;\n}\nexport const b2 = 2;\nexport const b3 = 3;\nexport const b4 = 4;\n');
  repo.write('src/util/u.ts', 'export const u = 2;\n');
  commits.c4 = repo.commit('bugfix: b and util', { date: at('2026-02-25'), author: 'Bob Okafor' });
  repo.edit('src/core/a.ts', "import { save } from '../io/db';\n", '').edit('src/core/a.ts', '  save([x]);\n', '');
  commits.c5 = repo.commit('Remove io import from a', { date: at('2026-03-03'), author: 'Alice Martin' });
  repo.git(['checkout', '-q', '-b', 'prefix']);
  repo.edit('src/core/b.ts', 'export const b4 = 4;\n', "export const b4 = 4;\nexport const fixtureName = 'b';\n");
  commits.c6 = repo.commit('Prefix fixture names', { date: at('2026-03-05'), author: 'Dave Silva' });
  repo.git(['checkout', '-q', 'main']);
  commits.merge = repo.merge('prefix', { date: at('2026-03-06'), author: 'Erin Kowalski' });
  repo.edit('src/core/a.ts', '// TODO: validate amounts\n', '');
  commits.c7 = repo.commit('Remove the TODO in a', { date: at('2026-03-10'), author: 'Carol Jensen' });
  repo.edit('src/core/b.ts', '// FIXME(bob): b is too clever\n', "import { save } from '../io/db';\n// FIXME(bob): b is too clever\nexport { save };\n");
  commits.c8 = repo.commit('Revert: b saves again', { date: at('2026-03-18'), author: 'Bob Okafor' });
  repo.write('src/util/u.ts', 'export const u = 3;\n');
  commits.c9 = repo.commit('Tidy util', { date: at('2026-03-20'), author: 'Alice Martin' });
  return { repo, commits };
}
