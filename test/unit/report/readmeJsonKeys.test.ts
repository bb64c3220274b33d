import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toJsonReport } from '../../../src/core/report/jsonReport';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { sampleResult } from './sampleResult';

/** The README's list of `check --format json` keys: label (`the object`, `each violation`…) → keys. */
function readmeKeys(): Map<string, string[]> {
  const lines = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('- `--format json` prints one object'));
  assert.ok(start >= 0, 'the README lists the JSON keys under "- `--format json` prints one object"');
  const entries = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    const item = /^ {2}- ([^:]+): (.*)$/.exec(line);
    if (item) {
      current = [];
      entries.set(item[1], current);
      line.slice(line.indexOf(':') + 1).replace(/`([^`]+)`/g, (_m, key: string) => (current!.push(key), ''));
    } else if (!current && /^ {2}\S/.test(line)) {
      continue; // the bullet's own text, before its list
    } else if (current && /^ {4}\S/.test(line)) {
      line.replace(/`([^`]+)`/g, (_m, key: string) => (current!.push(key), ''));
    } else {
      break;
    }
  }
  // Option names (`--since`) are mentioned beside the keys; keys are plain words.
  for (const [label, keys] of entries) entries.set(label, keys.filter((key) => /^[A-Za-z]+$/.test(key)));
  return entries;
}

describe('README: the keys of check --format json', () => {
  it('lists exactly the keys the JSON report writes, object by object', () => {
    const tangleStep = { from: '/ws/src/a.ts', to: '/ws/src/b.ts', location: { file: '/ws/src/a.ts', range: { start: { line: 1, column: 17 }, end: { line: 1, column: 25 } } } };
    const result = {
      ...sampleResult(),
      cache: { reused: 1, parsed: 1, read: 1, resolved: 1, findingsReused: false },
      tangles: [{ ruleId: 'no-cycles', files: ['/ws/src/a.ts', '/ws/src/b.ts'], cycles: 1, cyclesWithoutTypeOnly: 1, cut: [tangleStep] }],
    };
    const report = toJsonReport(result, {
      version: '1', since: { ref: 'main', commit: 'a'.repeat(40), fixed: { violations: result.violations, debt: result.debt }, existing: { violations: 0, debt: 0 } },
    });
    const keysOf = (items: object[]) => [...new Set(items.flatMap((item) => Object.keys(item)))];
    const written = new Map<string, string[]>([
      ['the object', Object.keys(report)],
      ['each violation', keysOf(report.violations)],
      ['each debt item', keysOf(report.debt)],
      ['each notice', keysOf(report.notices)],
      ['`summary`', Object.keys(report.summary)],
      ['each tangle', keysOf(report.tangles)],
      ['each cut', keysOf(report.tangles.flatMap((tangle) => tangle.cut))],
      ['`since`', Object.keys(report.since!)],
      ['`fixed`', Object.keys(report.fixed!)],
      ['`cache`', Object.keys(report.cache!)],
    ]);
    const listed = readmeKeys();
    assert.deepEqual([...listed.keys()], [...written.keys()]);
    for (const [label, keys] of written) assert.deepEqual([...(listed.get(label) ?? [])].sort(), [...keys].sort(), `README, ${label}`);
  });
});
