// `check --since` with a tangles rule: the merge base's cut is known, so what a branch adds to a
// tangle is reported on the import it added, not on an old import whose line it never touched.
import * as assert from 'node:assert/strict';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { TestRepo } from '../git/testRepo';
import { at, cycleClosingBranch } from './branchRepo';

const RULES = JSON.stringify({ rules: [{ id: 'no-cycles', kind: 'no-cycle' }] });

interface Finding { ruleId: string; file: string; line: number; to: string }
const describe_ = (v: Finding): string => `${v.ruleId} ${v.file}:${v.line} -> ${v.to}`;

async function since(repo: TestRepo): Promise<{ added: string[]; fixed: string[] }> {
  const run = await runCliCapture(['check', repo.dir, '--since', 'main', '--format', 'json', '--today', '2026-11-27'], REPO_ROOT);
  const report = JSON.parse(run.stdout);
  return { added: report.violations.map(describe_), fixed: report.fixed.violations.map(describe_) };
}

describe('check --since: new cycles in tangles', function () {
  this.timeout(60_000);
  let repo: TestRepo | undefined;
  afterEach(() => repo?.dispose());

  it('reports a new import that closes a cycle on that import, though the old one is where the cut would fall', async () => {
    repo = cycleClosingBranch('guardrails-since-tangle-');
    assert.deepEqual(await since(repo), { added: ['no-cycles src/a.ts:1 -> src/b.ts'], fixed: [] });
  });

  it('keeps the cut the merge base had, so a tangle that grows reports only what the branch added', async () => {
    // main: a ⇄ b, cut at b → a. The branch adds b → c → a: cutting a → b alone would now break
    // both cycles, but a → b was never touched; the branch's own import is what to cut.
    repo = TestRepo.create('guardrails-since-tangle-').write('guardrails.json', RULES)
      .write('src/a.ts', "import { b } from './b';\nexport const a = b;\n")
      .write('src/b.ts', "import { a } from './a';\nexport const b = 1;\nexport const viaA = () => a;\n")
      .write('src/c.ts', 'export const c = 1;\n');
    repo.commit('Start', at('01'));
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('src/c.ts', "import { a } from './a';\nexport const c = () => a;\n");
    repo.write('src/b.ts', "import { a } from './a';\nimport { c } from './c';\nexport const b = 1;\nexport const viaA = () => [a, c];\n");
    repo.commit('The tangle grows', at('02'));
    const found = await since(repo);
    assert.deepEqual(found.fixed, []);
    assert.equal(found.added.length, 1, found.added.join('\n'));
    assert.match(found.added[0], /^no-cycles (src\/b\.ts:2 -> src\/c\.ts|src\/c\.ts:1 -> src\/a\.ts)$/);
  });
});
