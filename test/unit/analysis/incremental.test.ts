import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GuardrailsProject } from '../../../src/core/analysis/project';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import type { AnalysisResult } from '../../../src/core/model/types';
import { REPO_ROOT } from '../helpers/analyzeFixture';

const SHOP = path.join(REPO_ROOT, 'examples', 'shop');
const file = (rel: string): string => path.join(SHOP, ...rel.split('/'));

function describe_(result: AnalysisResult): string[] {
  return result.violations.map((v) => `${v.ruleId} ${path.relative(SHOP, v.location.file)}:${v.location.range.start.line}:${v.location.range.start.column} -> ${v.to}`).sort();
}

async function load(fs: OverlayFileSystem): Promise<GuardrailsProject> {
  const loaded = loadRules(path.join(SHOP, 'guardrails.json'), fs);
  assert.ok(loaded.ok);
  const project = new GuardrailsProject(loaded.config, fs, { today: '2026-11-27' });
  await project.load();
  return project;
}

/** After each edit, what the kept project reports must equal a project analysed from scratch. */
describe('re-checking after edits', () => {
  const edits: [string, (text: string) => string][] = [
    ['a body edit', (text) => `${text}\nexport const touched = 1;\n`],
    ['an import that closes a new cycle', (text) => `import { emailReceipt } from '../receipts/emailReceipt';\n${text}`],
    ['a forbidden import', (text) => `import { sequence } from '@infra/db/sequence';\n${text}`],
    ['an import of a file that does not exist', (text) => `import { nothing } from './nothing';\n${text}`],
  ];
  for (const [what, edit] of edits) {
    it(`gives the same findings as a fresh analysis after ${what}, and after undoing it`, async () => {
      const fs = new OverlayFileSystem(new NodeFileSystem());
      const kept = await load(fs);
      const before = describe_(kept.check());
      const target = file('src/app/checkout/reorder.ts');
      const original = fs.readFile(target)!;
      fs.setOverlay(target, edit(original));
      kept.updateFile(target, fs.readFile(target));
      const edited = describe_(kept.check());
      assert.deepEqual(edited, describe_((await load(fs)).check()));
      if (what !== 'a body edit') assert.notDeepEqual(edited, before, 'the edit changes the findings');
      fs.clearOverlay(target);
      kept.updateFile(target);
      assert.deepEqual(describe_(kept.check()), before);
    });
  }

  it('resolves nothing again after a tsconfig edit module resolution does not read, and everything after one it does', async () => {
    const fs = new OverlayFileSystem(new NodeFileSystem());
    const kept = await load(fs);
    const before = describe_(kept.check());
    const tsconfig = file('tsconfig.json');
    const original = fs.readFile(tsconfig)!;
    fs.setOverlay(tsconfig, original.replace('"strict": true', '"strict": false, "noUnusedLocals": true'));
    assert.equal(kept.reloadCompilerOptions(true), false, 'a strictness flag changes no import');
    assert.deepEqual(describe_(kept.check()), before);

    // The infrastructure alias now leads into the domain: the imports through it change findings.
    fs.setOverlay(tsconfig, original.replace('"@infra/*": ["src/infra/*"]', '"@infra/*": ["src/domain/*"]'));
    assert.equal(kept.reloadCompilerOptions(true), true);
    const aliased = describe_(kept.check());
    assert.notDeepEqual(aliased, before);
    assert.deepEqual(aliased, describe_((await load(fs)).check()));
    fs.clearOverlay(tsconfig);
    assert.equal(kept.reloadCompilerOptions(true), true);
    assert.deepEqual(describe_(kept.check()), before);
  });

  it('gives the same findings after a file is created and deleted', async () => {
    const fs = new OverlayFileSystem(new NodeFileSystem());
    const kept = await load(fs);
    const before = describe_(kept.check());
    const created = file('src/ui/components/Icon.tsx');
    fs.setOverlay(created, 'export const Icon = () => null;\n');
    kept.updateFile(created);
    const after = describe_(kept.check());
    assert.ok(!after.some((line) => line.startsWith('no-unresolved')), 'the new file satisfies the import that was unresolved');
    assert.deepEqual(after, describe_((await load(fs)).check()));
    fs.clearOverlay(created);
    kept.removeFile(created);
    assert.deepEqual(describe_(kept.check()), before);
  });
});
