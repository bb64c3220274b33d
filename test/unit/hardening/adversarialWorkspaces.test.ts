// Workspaces made to trip the walk and the load, generated here: symlink loops, a file deleted
// between listing and reading, 20,000 files, folders 200 deep. Each run ends with the right
// counts and exit code, never a hang or an exception.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import type { TextRead } from '../../../src/core/fs/fileSystem';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

interface JsonReport {
  files: number;
  violations: { ruleId: string; file: string; to: string }[];
  debt: { file: string }[];
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-adversarial-'));
}

function write(root: string, name: string, text: string): void {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const LAYERS = JSON.stringify({
  layers: { ui: 'src/ui/**', domain: 'src/domain/**' },
  rules: [{ id: 'layered', kind: 'layers', order: ['ui', 'domain'] }, { id: 'no-cycles', kind: 'no-cycle', scope: 'src/**' }],
});

async function checkJson(dir: string, ...extra: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await runCliCapture(['check', dir, '--format', 'json', ...extra], REPO_ROOT);
  assert.doesNotMatch(run.stderr, /internal error|RangeError/, run.stderr);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

describe('adversarial workspaces', function () {
  this.timeout(180_000);

  it('symlink loops (a folder linking to its parent, to itself, and a loop through the outside): each file once', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    write(dir, 'guardrails.json', LAYERS);
    write(dir, 'src/ui/view.ts', "import { rule } from '../domain/rule';\nexport const view = rule;\n");
    write(dir, 'src/domain/rule.ts', 'export const rule = 1;\n');
    fs.symlinkSync('..', path.join(dir, 'src', 'ui', 'up'));
    fs.symlinkSync('.', path.join(dir, 'src', 'domain', 'self'));
    const outside = tempDir();
    fs.symlinkSync(path.join(dir, 'src'), path.join(outside, 'back'));
    fs.symlinkSync(outside, path.join(dir, 'src', 'out'));
    const { code, report } = await checkJson(dir);
    assert.equal(code, 0);
    assert.equal(report.files, 2);
    assert.deepEqual(report.violations, []);
  });

  it('a file deleted between the listing and the read: the others are analysed, nothing is made up', async () => {
    const dir = tempDir();
    write(dir, 'guardrails.json', LAYERS);
    write(dir, 'src/ui/view.ts', "import { rule } from '../domain/rule';\nexport const view = rule;\n");
    write(dir, 'src/domain/rule.ts', "import { view } from '../ui/view';\n// TODO: gone\nexport const rule = view;\n");
    write(dir, 'src/domain/other.ts', "// TODO: stays\nimport '../ui/view';\n");
    const victim = path.join(dir, 'src', 'domain', 'rule.ts');
    // Listed by the walk, gone by the time it is read: the race made deterministic.
    class VanishingFileSystem extends NodeFileSystem {
      override readText(p: string, maxBytes: number): TextRead {
        if (p === victim && fs.existsSync(victim)) fs.rmSync(victim);
        return super.readText(p, maxBytes);
      }
    }
    const outcome = await analyzeDirectory(dir, { fs: new VanishingFileSystem(), today: '2026-01-01' });
    assert.ok(outcome.ok);
    const { result } = outcome;
    const rel = (file: string): string => path.relative(dir, file).split(path.sep).join('/');
    assert.deepEqual(result.debt.map((item) => `${rel(item.file)} ${item.text}`), ['src/domain/other.ts stays']);
    assert.ok(result.violations.every((v) => rel(v.location.file) !== 'src/domain/rule.ts'), 'no finding in the file that is gone');
    assert.deepEqual(result.violations.filter((v) => v.ruleId === 'layered').map((v) => rel(v.location.file)), ['src/domain/other.ts']);
  });

  it('20,000 files: exit 1 with exactly the violations and debt they hold', async () => {
    const dir = tempDir();
    write(dir, 'guardrails.json', LAYERS);
    for (let folder = 0; folder < 100; folder++) {
      for (let n = 0; n < 100; n++) {
        const i = folder * 100 + n;
        // Every 100th domain file imports the UI (a layers violation); every 50th UI file has a TODO.
        const domain = i % 100 === 0 ? `import { u${i} } from '../../ui/f${folder}/u${i}';\nexport const d${i} = u${i};\n` : `export const d${i} = ${i};\n`;
        write(dir, `src/domain/f${folder}/d${i}.ts`, domain);
        const todo = i % 50 === 0 ? '// TODO: tidy\n' : '';
        write(dir, `src/ui/f${folder}/u${i}.ts`, `${todo}import { d${i} } from '../../domain/f${folder}/d${i}';\nexport const u${i} = 1 + (d${i} ? 0 : 1);\n`);
      }
    }
    const { code, report } = await checkJson(dir, '--today', '2026-01-01');
    assert.equal(code, 1);
    assert.equal(report.files, 20_000);
    const layered = report.violations.filter((v) => v.ruleId === 'layered');
    assert.equal(layered.length, 100);
    assert.ok(layered.every((v) => /^src\/domain\/f\d+\/d\d+00\.ts$|^src\/domain\/f0\/d0\.ts$/.test(v.file)), layered[0]?.file);
    // Each of those imports closes a two-file cycle with the UI file that imports it back.
    assert.equal(report.violations.filter((v) => v.ruleId === 'no-cycles').length, 100);
    assert.equal(report.debt.length, 200);
  });

  it('folders 200 deep, with imports across all of them', async () => {
    const dir = tempDir();
    write(dir, 'guardrails.json', JSON.stringify({ layers: { deep: 'src/d/**', top: 'src/*.ts' }, rules: [{ id: 'layered', kind: 'layers', order: ['top', 'deep'] }] }));
    const segments = Array.from({ length: 200 }, () => 'd');
    write(dir, 'src/top.ts', 'export const top = 1;\n');
    for (const depth of [1, 50, 100, 199, 200]) {
      const folder = segments.slice(0, depth).join('/');
      write(dir, `src/${folder}/x${depth}.ts`, `import { top } from '${'../'.repeat(depth)}top';\n// TODO: depth ${depth}\nexport const x${depth} = top;\n`);
    }
    const { code, report } = await checkJson(dir, '--today', '2026-01-01');
    assert.equal(code, 1);
    assert.equal(report.files, 6);
    assert.equal(report.violations.filter((v) => v.ruleId === 'layered').length, 5);
    assert.equal(report.debt.length, 5);
  });
});
