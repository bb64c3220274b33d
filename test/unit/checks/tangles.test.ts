import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '../../../src/core/util/seededRandom';
import { cyclicComponents } from '../../../src/core/checks/cycles';
import type { JsonReport } from '../../../src/core/report/jsonReport';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

type Files = Record<string, string>;

function workspace(files: Files, rules: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-tangles-'));
  fs.writeFileSync(path.join(dir, 'guardrails.json'), JSON.stringify({ include: ['src/**'], rules }, null, 2));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** `count` files importing each other at random (`src/fNN.ts`), some imports type-only. */
function denseFiles(count: number, importsEach: number, seed: number, typeOnlyShare = 0): Files {
  const random = seededRandom(seed);
  const name = (i: number): string => `f${String(i).padStart(2, '0')}`;
  const files: Files = {};
  for (let i = 0; i < count; i++) {
    const targets = new Set<number>();
    while (targets.size < importsEach) {
      const j = Math.floor(random() * count);
      if (j !== i) targets.add(j);
    }
    const lines = [...targets].map((j) => (random() < typeOnlyShare ? `import type { T${j} } from './${name(j)}';` : `import './${name(j)}';`));
    files[`src/${name(i)}.ts`] = `${lines.join('\n')}\nexport type T${i} = number;\n`;
  }
  return files;
}

async function checkJson(dir: string, ...args: string[]): Promise<JsonReport> {
  const run = await runCliCapture(['check', dir, '--format', 'json', ...args], REPO_ROOT);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as JsonReport;
}

/** Reads the imports back from the files (relative specifiers only), as `from → to` pairs of relative paths. */
function importPairs(dir: string, files: readonly string[], withTypeOnly: boolean): [string, string][] {
  const pairs: [string, string][] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(/^import (type )?.*'(\.[^']+)';$/gm)) {
      if (match[1] && !withTypeOnly) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), `${match[2]}.ts`));
      pairs.push([file, target]);
    }
  }
  return pairs;
}

/** Every tangle of the report: cutting its imports leaves its files without a cycle. */
function assertCutsUntangle(dir: string, report: JsonReport, withTypeOnly = true): void {
  assert.ok(report.tangles.length > 0, 'there are tangles');
  for (const tangle of report.tangles) {
    const members = new Set(tangle.files);
    const cut = new Set(tangle.cut.map((step) => `${step.from}>${step.to}`));
    const adjacency = new Map<string, string[]>();
    for (const [from, to] of importPairs(dir, tangle.files, withTypeOnly)) {
      if (!members.has(to) || cut.has(`${from}>${to}`)) continue;
      adjacency.set(from, [...(adjacency.get(from) ?? []), to]);
    }
    assert.deepEqual(cyclicComponents(adjacency), [], `${tangle.files.length} files: no cycle left after cutting ${tangle.cut.length}`);
    // Before the cut there was one.
    const whole = new Map<string, string[]>();
    for (const [from, to] of importPairs(dir, tangle.files, withTypeOnly)) if (members.has(to)) whole.set(from, [...(whole.get(from) ?? []), to]);
    assert.equal(cyclicComponents(whole).length, 1);
  }
}

describe('cycle tangles', () => {
  it('cuts each tangle of the fixture so no cycle is left, and reports the cut imports', async () => {
    const dir = fixturePath('checks', 'cycles');
    const report = await checkJson(dir);
    assert.deepEqual(report.tangles, [{
      ruleId: 'no-cycles',
      files: ['src/a/four.ts', 'src/a/one.ts', 'src/a/three.ts', 'src/a/two.ts'],
      cycles: 2,
      cyclesWithoutTypeOnly: 2,
      cut: [{ from: 'src/a/three.ts', to: 'src/a/four.ts', line: 2 }, { from: 'src/a/three.ts', to: 'src/a/one.ts', line: 1 }],
    }]);
    assertCutsUntangle(dir, report, false);
  });

  it('cuts a generated dense graph: one finding per cut import instead of one per cycle', async () => {
    const files = denseFiles(60, 4, 3);
    const tangles = workspace(files, [{ id: 'no-cycles', kind: 'no-cycle' }]);
    const byTangle = await checkJson(tangles);
    assertCutsUntangle(tangles, byTangle);
    const cut = byTangle.tangles.reduce((sum, tangle) => sum + tangle.cut.length, 0);
    const cycles = byTangle.tangles.reduce((sum, tangle) => sum + tangle.cycles, 0);
    assert.equal(byTangle.violations.length, cut);
    assert.ok(cut * 3 < cycles, `${cut} cuts for ${cycles} cycles`);
    // Each finding sits on a cut import and names its tangle.
    const cutImports = new Set(byTangle.tangles.flatMap((tangle) => tangle.cut.map((step) => `${step.from}:${step.line}>${step.to}`)));
    for (const violation of byTangle.violations) {
      assert.ok(cutImports.has(`${violation.file}:${violation.line}>${violation.to}`), violation.message);
      assert.match(violation.message, /^import cycle: .* \(cut 1 of \d+ imports to untangle \d+ files with \d+ cycles\)$/);
    }

    const perCycle = workspace(files, [{ id: 'no-cycles', kind: 'no-cycle', report: 'cycles' }]);
    const byCycle = await checkJson(perCycle);
    assert.equal(byCycle.violations.length, cycles, 'report "cycles": one finding per cycle, as the tangles count them');
    assert.deepEqual(byCycle.tangles, byTangle.tangles);
  });

  it('says when most cycles run through type-only imports, with the count without them', async () => {
    // A ring of values, closed many ways by type-only imports.
    const files: Files = {};
    for (let i = 0; i < 6; i++) {
      const typeImports = [...Array(i).keys()].map((j) => `import type { T${j} } from './r${j}';`);
      files[`src/r${i}.ts`] = [`import './r${(i + 1) % 6}';`, ...typeImports, `export type T${i} = number;`].join('\n');
    }
    const rule = { id: 'no-cycles', kind: 'no-cycle' };
    const dir = workspace(files, [rule]);
    const report = await checkJson(dir);
    const cycles = report.tangles[0].cycles;
    assert.ok(cycles > 2);
    assert.deepEqual(report.notices.filter((notice) => notice.message.includes('type-only')), [{
      level: 'info',
      file: 'guardrails.json',
      message: `rule "no-cycles": ${cycles - 1} of its ${cycles} cycles run through type-only imports; with "allowTypeOnly": true, 1 would be left`,
    }]);
    const text = await runCliCapture(['check', dir, '--no-color'], REPO_ROOT);
    assert.match(text.stdout, /ℹ rule "no-cycles": \d+ of its \d+ cycles run through type-only imports; with "allowTypeOnly": true, 1 would be left/);

    const allowed = await checkJson(workspace(files, [{ ...rule, allowTypeOnly: true }]));
    assert.ok(!allowed.notices.some((notice) => notice.message.includes('type-only')));
    assert.equal(allowed.tangles[0].cycles, 1);
  });
});
