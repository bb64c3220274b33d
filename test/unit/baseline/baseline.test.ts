import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  applyBaseline, createBaseline, emptyBaseline, fixedEntries, readBaseline, serializeBaseline, writeBaselineAtomic, type Baseline,
} from '../../../src/core/baseline/baseline';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import type { FileSystem, TextRead } from '../../../src/core/fs/fileSystem';
import type { Violation } from '../../../src/core/model/types';
import { abs, range, ROOT, violation } from '../report/sampleResult';

const infra = abs('src/infra/db.ts');
const orderToInfra = (line: number) => violation({ ruleId: 'domain-pure', file: 'src/domain/order.ts', line, to: infra, kind: 'static' });

function current(): Violation[] {
  return [
    orderToInfra(3),
    violation({ ruleId: 'ui-no-db', file: 'src/ui/view.ts', line: 5, to: 'pkg:pg', severity: 'warning' }),
    violation({ ruleId: 'entry', file: 'src/app/x.ts', line: 2 }),
    violation({ ruleId: 'parse-error', file: 'src/broken.ts', line: 1, severity: 'error' }),
    violation({ ruleId: 'unused-suppression', file: 'src/a.ts', line: 1, severity: 'warning' }),
    violation({ ruleId: 'debt-metadata', file: 'src/a.ts', line: 4, severity: 'warning' }),
  ];
}

/** A FileSystem holding exactly the given files. */
function memoryFs(files: Record<string, string>): FileSystem {
  const real = new NodeFileSystem();
  return Object.assign(Object.create(real) as FileSystem, {
    readFile: (p: string) => files[p],
    readText: (p: string): TextRead => (p in files ? { ok: true, text: files[p] } : { ok: false, reason: 'missing', detail: 'no such file' }),
  });
}

describe('baseline/createBaseline', () => {
  it('records rule findings by rule, relative file and relative target, sorted, without engine findings', () => {
    const b = createBaseline([...current(), orderToInfra(9)], ROOT);
    assert.deepEqual(b, {
      version: 1,
      violations: [
        { ruleId: 'domain-pure', file: 'src/domain/order.ts', to: 'src/infra/db.ts', count: 2 },
        { ruleId: 'entry', file: 'src/app/x.ts', to: '', count: 1 },
        { ruleId: 'ui-no-db', file: 'src/ui/view.ts', to: 'pkg:pg', count: 1 },
      ],
    });
  });

  it('keeps only the configured rules when their ids are given', () => {
    const b = createBaseline(current(), ROOT, { ruleIds: ['ui-no-db'] });
    assert.deepEqual(b.violations.map((e) => e.ruleId), ['ui-no-db']);
  });
});

describe('baseline/applyBaseline', () => {
  const baseline = createBaseline(current(), ROOT);

  it('softens known findings to info, keeping the original severity, and leaves the rest alone', () => {
    const out = applyBaseline(current(), baseline, ROOT);
    assert.deepEqual(out.map((v) => [v.ruleId, v.severity, v.baselined ?? false, v.originalSeverity]), [
      ['domain-pure', 'info', true, 'error'],
      ['ui-no-db', 'info', true, 'warning'],
      ['entry', 'info', true, 'error'],
      ['parse-error', 'error', false, undefined],
      ['unused-suppression', 'warning', false, undefined],
      ['debt-metadata', 'warning', false, undefined],
    ]);
  });

  it('still matches after lines above the finding moved', () => {
    const moved = current().map((v) => ({ ...v, location: { ...v.location, range: range(v.location.range.start.line + 12, 5) } }));
    assert.equal(applyBaseline(moved, baseline, ROOT).filter((v) => v.baselined).length, 3);
  });

  it('treats a second identical finding in the same file as new (the later one)', () => {
    const out = applyBaseline([orderToInfra(20), orderToInfra(3)], baseline, ROOT);
    assert.deepEqual(out.map((v) => [v.location.range.start.line, v.severity, v.baselined === true]), [[20, 'error', false], [3, 'info', true]]);
  });

  it('does not match another target, rule or file', () => {
    const other = [
      violation({ ruleId: 'domain-pure', file: 'src/domain/order.ts', line: 3, to: abs('src/infra/cache.ts') }),
      violation({ ruleId: 'domain-pure2', file: 'src/domain/order.ts', line: 3, to: infra }),
      violation({ ruleId: 'domain-pure', file: 'src/domain/other.ts', line: 3, to: infra }),
    ];
    assert.equal(applyBaseline(other, baseline, ROOT).some((v) => v.baselined), false);
  });

  it('returns copies and is idempotent', () => {
    const input = current();
    const once = applyBaseline(input, baseline, ROOT);
    assert.equal(input[0].baselined, undefined);
    assert.equal(input[0].severity, 'error');
    assert.deepEqual(applyBaseline(once, baseline, ROOT), once);
    assert.deepEqual(applyBaseline(once, emptyBaseline(), ROOT), input);
  });

  it('reports the entries that were fixed', () => {
    const b: Baseline = { version: 1, violations: [...baseline.violations, { ruleId: 'gone', file: 'src/x.ts', to: '', count: 2 }] };
    b.violations[0] = { ...b.violations[0], count: 3 };
    assert.deepEqual(fixedEntries(current(), b, ROOT), [
      { ruleId: 'domain-pure', file: 'src/domain/order.ts', to: 'src/infra/db.ts', count: 2 },
      { ruleId: 'gone', file: 'src/x.ts', to: '', count: 2 },
    ]);
  });
});

describe('baseline file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-baseline-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes sorted, stable 2-space JSON with a trailing newline', () => {
    const b: Baseline = {
      version: 1,
      violations: [
        { ruleId: 'b', file: 'z.ts', to: '', count: 1 },
        { ruleId: 'a', file: 'y.ts', to: 'pkg:x', count: 1 },
        { ruleId: 'b', file: 'a.ts', to: '', count: 2 },
        { ruleId: 'a', file: 'y.ts', to: 'pkg:x', count: 1 },
      ],
    };
    assert.equal(serializeBaseline(b), [
      '{',
      '  "version": 1,',
      '  "violations": [',
      '    {', '      "ruleId": "a",', '      "file": "y.ts",', '      "to": "pkg:x",', '      "count": 2', '    },',
      '    {', '      "ruleId": "b",', '      "file": "a.ts",', '      "to": "",', '      "count": 2', '    },',
      '    {', '      "ruleId": "b",', '      "file": "z.ts",', '      "to": "",', '      "count": 1', '    }',
      '  ]',
      '}',
      '',
    ].join('\n'));
    assert.equal(serializeBaseline({ ...b, violations: [...b.violations].reverse() }), serializeBaseline(b));
  });

  it('round-trips through the disk, creating the directory and leaving no temporary file', () => {
    const file = path.join(dir, '.guardrails', 'baseline.json');
    const b = createBaseline(current(), ROOT);
    assert.deepEqual(writeBaselineAtomic(file, b), { ok: true });
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['baseline.json']);
    assert.deepEqual(readBaseline(file, new NodeFileSystem()), { ok: true, baseline: b, missing: false });
    // Overwriting replaces the file whole.
    assert.deepEqual(writeBaselineAtomic(file, emptyBaseline()), { ok: true });
    assert.equal(fs.readFileSync(file, 'utf8'), '{\n  "version": 1,\n  "violations": []\n}\n');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['baseline.json']);
  });

  it('reports a write failure as a value and cleans up', () => {
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'x');
    const res = writeBaselineAtomic(path.join(blocker, 'baseline.json'), emptyBaseline());
    assert.equal(res.ok, false);
    assert.match((res as { message: string }).message, /cannot write baseline/);
    assert.deepEqual(fs.readdirSync(dir), ['file']);
  });

  it('reads a missing file as an empty baseline, flagged missing', () => {
    assert.deepEqual(readBaseline(path.join(dir, 'nope.json'), new NodeFileSystem()), { ok: true, baseline: emptyBaseline(), missing: true });
  });

  it('reports malformed JSON at file:line:col', () => {
    const file = path.join(ROOT, 'baseline.json');
    const res = readBaseline(file, memoryFs({ [file]: '{\n  "version": 1,\n  "violations": [ { "ruleId": "a" "file": "x" } ]\n}\n' }));
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.message, `${file}:3:35: invalid JSON in baseline: comma expected`);
    assert.deepEqual(res.location.range.start, { line: 3, column: 35 });
  });

  it('reports a wrong shape where it is written', () => {
    const file = path.join(ROOT, 'baseline.json');
    const read = (text: string) => {
      const r = readBaseline(file, memoryFs({ [file]: text }));
      return r.ok ? 'ok' : r.message.slice(file.length + 1);
    };
    assert.equal(read('[]'), '1:1: baseline must be a JSON object');
    assert.equal(read('{ "version": 2 }'), '1:14: unsupported baseline version 2 (expected 1)');
    assert.equal(read('{ "violations": [] }'), '1:1: baseline has no "version"');
    assert.equal(read('{ "version": 1, "violations": {} }'), '1:31: "violations" must be an array');
    assert.equal(read('{ "version": 1, "violations": [ { "file": "x" } ] }'), '1:33: baseline entry has no "ruleId"');
    assert.equal(read('{ "version": 1, "violations": [ { "ruleId": "r", "file": 3 } ] }'), '1:58: "file" must be a non-empty string');
    assert.equal(read('{ "version": 1, "violations": [ { "ruleId": "r", "file": "x", "count": 0 } ] }'), '1:72: "count" must be a positive integer');
    assert.equal(read('{ "version": 1, "violations": [ { "ruleId": "r", "file": "x" } ] }'), 'ok');
  });
});
