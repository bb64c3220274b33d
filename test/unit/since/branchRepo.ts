// A repository with a branch that adds and fixes findings, for `check --since` and `newSince`.
import { TestRepo } from '../git/testRepo';

export const RULES = JSON.stringify({
  layers: { ui: 'src/ui/**', domain: 'src/domain/**' },
  rules: [{ id: 'layered', kind: 'layers', order: ['ui', 'domain'], why: 'The domain knows nothing of screens.' }],
});
export const at = (day: string) => ({ date: `2026-11-${day}T10:00:00+00:00`, author: 'Alice Martin' });

/**
 * main: two domain files import the UI (a.ts, b.ts), one TODO and one FIXME. A branch `feature`
 * moves a.ts's import down a line and adds a second one, fixes b.ts, adds c.ts with a new import
 * and a new TODO, and pays the FIXME. Meanwhile main moves on (d.ts): not the branch's doing.
 */
export function branchRepo(): TestRepo {
  const repo = TestRepo.create('guardrails-since-')
    .write('guardrails.json', RULES)
    .write('src/ui/view.ts', '// FIXME: paid on the branch\nexport const view = 1;\n')
    .write('src/domain/a.ts', "import { view } from '../ui/view';\n// TODO: old note\nexport const a = view;\n")
    .write('src/domain/b.ts', "import { view } from '../ui/view';\nexport const b = view;\n");
  repo.commit('Start', at('01'));
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.write('src/domain/a.ts', "// A comment above moves the old import down.\nimport { view } from '../ui/view';\nimport { view as again } from '../ui/view';\n// TODO: old note\nexport const a = view + again;\n");
  repo.write('src/domain/b.ts', 'export const b = 2;\n');
  repo.write('src/domain/c.ts', "import { view } from '../ui/view';\n// TODO(alice): new note\nexport const c = view;\n");
  repo.write('src/ui/view.ts', 'export const view = 1;\n');
  repo.commit('Feature work', at('02'));
  repo.git(['checkout', '-q', 'main']);
  repo.write('src/domain/d.ts', "import { view } from '../ui/view';\nexport const d = view;\n");
  repo.commit('Main moves on', at('03'));
  repo.git(['checkout', '-q', 'feature']);
  return repo;
}

/**
 * main: b.ts imports a.ts. The branch `feature` (checked out) makes a.ts import b.ts, closing a
 * cycle either import would break; without the merge base the cut falls on b.ts → a.ts (the step
 * back to the smallest file), a line the branch never touched.
 */
export function cycleClosingBranch(prefix: string): TestRepo {
  const repo = TestRepo.create(prefix)
    .write('guardrails.json', JSON.stringify({ rules: [{ id: 'no-cycles', kind: 'no-cycle' }] }))
    .write('src/a.ts', 'export const a = 1;\n')
    .write('src/b.ts', "import { a } from './a';\nexport const b = a;\n");
  repo.commit('Start', at('01'));
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.write('src/a.ts', "import { b } from './b';\nexport const a = 1;\nexport const again = b;\n");
  repo.commit('A cycle', at('02'));
  return repo;
}
