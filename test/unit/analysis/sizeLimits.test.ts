// No size limit by accident (issue 14): a spread of a large array into a call's arguments
// (`push(...edges)`, `Math.max(...widths)`) overflows the call stack from about 125,000 elements.
// A 50,000-file workspace has that many edges; these feed each place that once did so with more.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GuardrailsProject } from '../../../src/core/analysis/project';
import { combineResults } from '../../../src/core/analysis/combineResults';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from '../../../src/core/fs/fileSystem';
import type { AnalysisResult } from '../../../src/core/model/types';
import { formatDebtText } from '../../../src/core/report/debtText';
import { formatText } from '../../../src/core/report/textReport';
import { loadRules } from '../../../src/core/rules/loadRules';
import { appendAll, maxOf, minOf } from '../../../src/core/util/arrays';
import { debt, edge, ROOT, violation } from '../report/sampleResult';

const MANY = 500_000;

function part(count: number, file = 'src/big.ts'): AnalysisResult {
  const one = edge(file, 'pkg:x', 1);
  const finding = violation({ ruleId: 'r', file, line: 1 });
  const item = debt({ tag: 'TODO', file, line: 2 });
  return {
    root: ROOT, files: 1, durationMs: 0,
    violations: Array<typeof finding>(count).fill(finding),
    debt: Array<typeof item>(count).fill(item),
    edges: Array<typeof one>(count).fill(one),
    notices: Array(count).fill({ level: 'info', message: 'n' }),
  };
}

describe('no size limit by accident', function () {
  this.timeout(60_000);

  it('appendAll, maxOf and minOf take half a million elements', () => {
    const values = Array.from({ length: MANY }, (_, i) => i);
    assert.equal(appendAll([-1], values).length, MANY + 1);
    assert.equal(maxOf(values), MANY - 1);
    assert.equal(minOf(values), 0);
    assert.equal(maxOf([], 4), 4);
    assert.equal(maxOf([2, 7], 4), 7);
    assert.ok(Number.isNaN(maxOf([1, NaN, 3])));
  });

  it('combines rules files whose results hold half a million edges, findings and debt items (the 50,000-file crash)', () => {
    const combined = combineResults(ROOT, undefined, [], [part(MANY), part(10)]);
    assert.equal(combined.edges.length, MANY + 10);
    assert.equal(combined.violations.length, MANY + 10);
    assert.equal(combined.debt.length, MANY + 10);
    assert.equal(combined.notices.length, MANY + 10);
    assert.equal(combined.files, 2);
  });

  it('prints 200,000 findings and debt items of one file as text', () => {
    const big = part(200_000);
    big.notices = [];
    const text = formatText(big, { color: false, showDebt: true });
    assert.equal(text.split('\n').filter((line) => line.includes('r broken')).length, 200_000);
    const debtText = formatDebtText(big, { color: false });
    assert.equal(debtText.split('\n').filter((line) => line.includes('something to do')).length, 200_000);
  });

  it('loads a workspace whose discovery skips 200,000 files, one notice each', async () => {
    const count = 200_000;
    const fs = new GeneratedFileSystem(count);
    const loaded = loadRules(path.join(ROOT, 'guardrails.json'), fs);
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map((p) => p.message).join('; '));
    const project = new GuardrailsProject(loaded.config, fs, { today: '2026-11-27' });
    assert.equal(await project.load(), true);
    const result = project.check();
    assert.equal(result.files, 1);
    assert.equal(result.notices.filter((notice) => /binary content/.test(notice.message)).length, count);
  });
});

/** `src/` holds one real module and `count` files with a NUL byte (skipped as binary, one notice each). */
class GeneratedFileSystem implements FileSystem {
  private readonly src = path.join(ROOT, 'src');
  private readonly names: string[];
  constructor(count: number) {
    this.names = Array.from({ length: count }, (_, i) => `b${String(i).padStart(6, '0')}.js`);
  }
  private text(p: string): string | undefined {
    if (p === path.join(ROOT, 'guardrails.json')) return '{ "include": ["src/**"], "rules": [] }';
    if (p === path.join(this.src, 'main.ts')) return 'export const x = 1;\n';
    if (path.dirname(p) === this.src && /^b\d+\.js$/.test(path.basename(p))) return '\0binary';
    return undefined;
  }
  readFile(p: string): string | undefined {
    return this.text(p);
  }
  readText(p: string): TextRead {
    const text = this.text(p);
    return text === undefined ? { ok: false, reason: 'missing', detail: 'no such file' } : { ok: true, text };
  }
  fileExists(p: string): boolean {
    return this.text(p) !== undefined;
  }
  directoryExists(p: string): boolean {
    return p === ROOT || p === this.src;
  }
  readDirectory(p: string): DirectoryEntry[] {
    if (p === ROOT) return [{ name: 'guardrails.json', kind: 'file' }, { name: 'src', kind: 'directory' }];
    if (p === this.src) return [{ name: 'main.ts', kind: 'file' }, ...this.names.map((name): DirectoryEntry => ({ name, kind: 'file' }))];
    return [];
  }
  realpath(p: string): string {
    return p;
  }
  stat(p: string): FileStat | undefined {
    if (this.directoryExists(p)) return { size: 0, isFile: false, isDirectory: true };
    const text = this.text(p);
    return text === undefined ? undefined : { size: text.length, isFile: true, isDirectory: false };
  }
}
