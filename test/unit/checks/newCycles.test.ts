// Where a new cycle is reported: on the import that made it, with a baseline (the CLI) and as it is
// typed (the editor); and how the editor re-checks cycles after an edit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GuardrailsProject } from '../../../src/core/analysis/project';
import * as tangleAnalysis from '../../../src/core/checks/tangleAnalysis';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import type { AnalysisResult } from '../../../src/core/model/types';
import type { JsonReport } from '../../../src/core/report/jsonReport';
import { loadRules } from '../../../src/core/rules/loadRules';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

function workspace(files: Record<string, string>, rule: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-new-cycles-'));
  fs.writeFileSync(path.join(dir, 'guardrails.json'), JSON.stringify({ include: ['src/**'], baseline: '.guardrails/baseline.json', rules: [{ id: 'no-cycles', kind: 'no-cycle', ...rule }] }));
  fs.mkdirSync(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'src', name), text);
  return dir;
}

const imports = (...names: string[]): string => names.map((name) => `import './${name}';\n`).join('');

async function check(dir: string): Promise<JsonReport> {
  const run = await runCliCapture(['check', dir, '--format', 'json'], REPO_ROOT);
  return JSON.parse(run.stdout) as JsonReport;
}

/** `file:line -> to` of the findings a baseline does not cover. */
const fresh = (report: JsonReport): string[] => report.violations.filter((v) => !v.baselined).map((v) => `${v.file}:${v.line} -> ${v.to}`);

describe('a new import that closes cycles', () => {
  it('with a baseline, "report": "cycles": the new cycles are reported on the new import, not on a baselined one', async () => {
    // a ⇄ b is known. d → b then closes a → cN → d → b → a three times; each of those cycles
    // closes, by default, on b → a (the step back to the smallest file), the baselined import.
    const dir = workspace({ 'a.ts': imports('b', 'c1', 'c2', 'c3'), 'b.ts': imports('a'), 'c1.ts': imports('d'), 'c2.ts': imports('d'), 'c3.ts': imports('d'), 'd.ts': '' }, { report: 'cycles' });
    assert.equal((await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT)).code, 0);
    fs.writeFileSync(path.join(dir, 'src', 'd.ts'), `export const d = 1;\n${imports('b')}`);
    const report = await check(dir);
    assert.deepEqual(fresh(report), ['src/d.ts:2 -> src/b.ts', 'src/d.ts:2 -> src/b.ts', 'src/d.ts:2 -> src/b.ts']);
    assert.deepEqual(report.violations.filter((v) => v.baselined).map((v) => v.message), ['import cycle: src/b.ts → src/a.ts → src/b.ts']);
    assert.ok(!report.notices.some((notice) => notice.message.includes('fixed')));
  });

  it('with a baseline, "report": "tangles": the known cut stays known, the new cut is the new import', async () => {
    const dir = workspace({ 'a.ts': imports('b', 'c1', 'c2'), 'b.ts': imports('a'), 'c1.ts': imports('d'), 'c2.ts': imports('d'), 'd.ts': '' }, {});
    assert.equal((await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT)).code, 0);
    fs.writeFileSync(path.join(dir, 'src', 'd.ts'), `export const d = 1;\n${imports('a')}`);
    const report = await check(dir);
    assert.deepEqual(fresh(report), ['src/d.ts:2 -> src/a.ts']);
    assert.match(report.violations.find((v) => !v.baselined)!.message, /\(cut 1 of 2 imports to untangle 5 files with 3 cycles\)$/);
    assert.deepEqual(report.violations.filter((v) => v.baselined).map((v) => `${v.file} -> ${v.to}`), ['src/b.ts -> src/a.ts']);
  });

  it('a baseline keeps its cut: an import it lists is cut before another just as good', async () => {
    // Any one import of the triangle breaks it; the baseline names b → c.
    const dir = workspace({ 'a.ts': imports('b'), 'b.ts': imports('c'), 'c.ts': imports('a') }, {});
    fs.mkdirSync(path.join(dir, '.guardrails'));
    fs.writeFileSync(path.join(dir, '.guardrails', 'baseline.json'), JSON.stringify({ version: 1, violations: [{ ruleId: 'no-cycles', file: 'src/b.ts', to: 'src/c.ts', count: 1 }] }));
    fs.writeFileSync(path.join(dir, 'guardrails.json'), JSON.stringify({ include: ['src/**'], baseline: '.guardrails/baseline.json', rules: [{ id: 'no-cycles', kind: 'no-cycle' }] }));
    const report = await check(dir);
    assert.deepEqual(fresh(report), []);
    assert.deepEqual(report.tangles[0].cut, [{ from: 'src/b.ts', to: 'src/c.ts', line: 1 }]);
  });
});

describe('cycles in the editor', () => {
  async function open(dir: string): Promise<{ project: GuardrailsProject; fs: OverlayFileSystem }> {
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    const loaded = loadRules(path.join(dir, 'guardrails.json'), overlay);
    assert.ok(loaded.ok);
    const project = new GuardrailsProject(loaded.config, overlay, { today: '2026-11-27', trackNewImports: true });
    await project.load();
    return { project, fs: overlay };
  }

  const where = (result: AnalysisResult, dir: string): string[] =>
    result.violations.filter((v) => v.ruleId === 'no-cycles').map((v) => `${path.relative(dir, v.location.file)}:${v.location.range.start.line}`).sort();

  for (const report of ['tangles', 'cycles']) {
    it(`reports a cycle on the import just typed ("report": "${report}")`, async () => {
      // b → c → a exists; typing a → b closes the cycle. A fresh analysis would put it on c → a.
      const dir = workspace({ 'a.ts': 'export const a = 1;\n', 'b.ts': imports('c'), 'c.ts': imports('a') }, { report });
      const { project, fs: overlay } = await open(dir);
      assert.deepEqual(where(project.check(), dir), []);
      const a = path.join(dir, 'src', 'a.ts');
      overlay.setOverlay(a, `export const a = 1;\n${imports('b')}`);
      project.updateFile(a, overlay.readFile(a));
      assert.deepEqual(where(project.check(), dir), [path.join('src', 'a.ts:2')]);
    });
  }

  it('moves a cycle finding with its import when lines are added above it', async () => {
    const dir = workspace({ 'a.ts': imports('b'), 'b.ts': imports('a') }, {});
    const { project, fs: overlay } = await open(dir);
    assert.deepEqual(where(project.check(), dir), [path.join('src', 'b.ts:1')]);
    const b = path.join(dir, 'src', 'b.ts');
    overlay.setOverlay(b, `// a comment\n\n${imports('a')}`);
    project.updateFile(b, overlay.readFile(b));
    const moved = project.check().violations.find((v) => v.ruleId === 'no-cycles')!;
    assert.equal(moved.location.range.start.line, 3);
    assert.deepEqual(moved.cycle!.map((step) => step.location.range.start.line), [3, 1]);
  });

  it('works out again only the tangle an edit changed', async () => {
    const dir = workspace({ 'a.ts': imports('b'), 'b.ts': imports('a'), 'c.ts': imports('d'), 'd.ts': imports('e'), 'e.ts': imports('c') }, {});
    const { project, fs: overlay } = await open(dir);
    const module = tangleAnalysis as { analyseTangle: typeof tangleAnalysis.analyseTangle };
    const original = module.analyseTangle;
    const analysed: string[][] = [];
    module.analyseTangle = (nodes, ...rest) => {
      analysed.push(nodes.map((node) => path.basename(node)));
      return original(nodes, ...rest);
    };
    try {
      project.check();
      assert.deepEqual(analysed, [['a.ts', 'b.ts'], ['c.ts', 'd.ts', 'e.ts']]);
      analysed.length = 0;
      const c = path.join(dir, 'src', 'c.ts');
      overlay.setOverlay(c, imports('d', 'e'));
      project.updateFile(c, overlay.readFile(c));
      const result = project.check();
      assert.deepEqual(analysed, [['c.ts', 'd.ts', 'e.ts']]);
      assert.equal(result.tangles?.length, 2);
      analysed.length = 0;
      overlay.setOverlay(c, `\n${imports('d', 'e')}`);
      project.updateFile(c, overlay.readFile(c));
      project.check();
      assert.deepEqual(analysed, [], 'a line moved: nothing to work out again');
      overlay.setOverlay(c, imports('d'));
      project.updateFile(c, overlay.readFile(c));
      project.check();
      assert.deepEqual(analysed, [], 'the edit undone: the tangle as it was is remembered');
    } finally {
      module.analyseTangle = original;
    }
  });
});
