import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GuardrailsProject } from '../../../src/core/analysis/project';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { toSarif } from '../../../src/core/report/sarifReport';
import { loadRules } from '../../../src/core/rules/loadRules';
import { toRelative } from '../../../src/core/util/paths';
import { fixturePath } from '../helpers/analyzeFixture';

const ROOT = fixturePath('checks', 'kinds');

async function loadProject(): Promise<GuardrailsProject> {
  const fs = new NodeFileSystem();
  const loaded = loadRules(path.join(ROOT, 'guardrails.json'), fs);
  assert.ok(loaded.ok, loaded.problems.map((p) => p.message).join('\n'));
  const project = new GuardrailsProject(loaded.config, fs, { today: '2026-11-27' });
  await project.load();
  return project;
}

describe('rule kinds', () => {
  it('name the rules that guard each import (the hover), one kind at a time', async () => {
    const project = await loadProject();
    project.check();
    const guards = project.allEdges().map((edge) => {
      const to = path.isAbsolute(edge.to) ? toRelative(ROOT, edge.to) : edge.to;
      return `${toRelative(ROOT, edge.from)} -> ${to}: ${project.rulesForEdge(edge).map((rule) => rule.id).join(', ')}`;
    });
    assert.deepEqual(guards, [
      'src/app/run.ts -> src/domain/order.ts: layered, app-allowed, no-cycles',
      'src/app/run.ts -> pkg:lodash: layered, app-allowed',
      'src/app/run.ts -> src/ui/view.ts: layered, app-allowed, no-cycles',
      'src/domain/order.ts -> node:fs: layered, domain-pure',
      'src/features/cart/index.ts -> src/features/cart/store.ts: no-cycles, public-api',
      // The layers rule excepts legacy.ts; the rule that is off guards nothing.
      'src/ui/legacy.ts -> src/app/run.ts: no-cycles',
      'src/ui/view.ts -> src/app/run.ts: layered, no-cycles',
      'src/ui/view.ts -> src/features/cart/store.ts: layered, no-cycles, public-api',
      'src/ui/view.ts -> unresolved:../missing: layered, no-unresolved',
    ]);
  });

  it('describe each kind in one line in SARIF rule descriptors', async () => {
    const project = await loadProject();
    const log = toSarif(project.check(), { version: '0.0.0', rules: project.config, informationUri: 'https://example.com' });
    const described = (log.runs[0].tool.driver.rules ?? []).filter((rule) => project.config.rules.some((r) => r.id === rule.id));
    assert.deepEqual(described.map((rule) => `${rule.id}: ${rule.shortDescription?.text}`), [
      'layered: Layers depend inwards only: ui → app → domain',
      'domain-pure: domain must not depend on ui; packages pg; built-ins fs',
      'app-allowed: app may depend only on domain; packages lodash',
      'no-cycles: No dependency cycles between files in src/**',
      'public-api: Modules src/features/* are imported only through index.ts',
      'no-unresolved: Relative and aliased imports must resolve to a file',
      'quiet: ui must not depend on domain',
    ]);
  });
});
