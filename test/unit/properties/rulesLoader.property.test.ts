// The rules loader on generated input: any text, any JSON, any object shaped like the schema's.
// Each ends in a configuration or in problems that point inside the files, never an exception.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadRules } from '../../../src/core/rules/loadRules';
import { RULE_KINDS } from '../../../src/core/model/ruleTypes';
import type { LoadResult } from '../../../src/core/model/ruleTypes';
import { describeCounts, holds, MemoryFileSystem } from './propertyKit';

const ROOT = path.resolve('/workspace');
const FILE = path.join(ROOT, 'guardrails.json');
const BASE = path.join(ROOT, 'config', 'base.guardrails.json');

function load(text: string, base = '{}'): LoadResult {
  return loadRules(FILE, new MemoryFileSystem(new Map([[FILE, text], [BASE, base]])));
}

/** Every problem names one of the files and a position inside it. */
function assertWellPlaced(result: LoadResult, texts: Record<string, string>): void {
  for (const problem of result.problems) {
    const text = texts[problem.location.file];
    assert.ok(text !== undefined, `problem in an unknown file: ${problem.location.file}`);
    const { line, column } = problem.location.range.start;
    assert.ok(line >= 1 && line <= text.split(/\r\n|\r|\n/).length + 1, `line ${line}: ${problem.message}`);
    assert.ok(column >= 1, `column ${column}: ${problem.message}`);
    assert.equal(typeof problem.message, 'string');
    assert.ok(problem.message.length > 0);
  }
  if (result.ok) assert.ok(result.config.layers !== undefined);
  else assert.ok(result.problems.some((p) => p.severity === 'error'), 'a failed load says why');
}

const NOISE = ['', '//', '/*', '*/', ',', ':', '"', '[', ']', '{', '}', '\n', '// c\n', '/* c */', '\u0000', '\ufeff', '\\', 'null', ',]', ',}'];

/** Globs, good and bad, in the shapes rules files use. */
const glob = fc.oneof(
  fc.constantFrom('src/**', 'src/ui/**', '**/*.ts', 'src/{a,b}/**', 'src/features/{feature}/**', 'src/features/!{feature}/**',
    '*', '', '/abs/**', 'a/../b', 'src/[ab', 'src/{a', 'src/+(a|b)', '{a,b}'.repeat(12), `${'*a'.repeat(20)}b`, 'src//x', './src/**'),
  fc.array(fc.constantFrom('src', 'a', '*', '**', '?', '[ab]', '{a,b}', '{x}', '!{x}', '.', '..', 'x.ts'), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/')),
  fc.string({ maxLength: 12 }),
);
const anyValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }));
const globs = fc.oneof(glob, fc.array(glob, { maxLength: 3 }), anyValue);
const layerName = fc.constantFrom('ui', 'app', 'domain', 'infra');
const selector = fc.oneof(layerName, glob, fc.array(fc.oneof(layerName, glob), { maxLength: 3 }), anyValue);

const rule = fc.record(
  {
    id: fc.oneof(fc.constantFrom('r1', 'r2', 'layered'), fc.string({ maxLength: 6 })),
    kind: fc.oneof(fc.constantFrom(...RULE_KINDS), fc.string({ maxLength: 6 })),
    severity: fc.constantFrom('error', 'warning', 'info', 'off', 'fatal'),
    from: selector, to: selector, order: selector,
    toPackages: globs, toBuiltins: globs, scope: globs, modules: globs, exceptions: globs, ignore: globs,
    entry: fc.oneof(fc.array(fc.constantFrom('index.ts', '', 'main.ts'), { maxLength: 2 }), anyValue),
    level: fc.constantFrom('file', 'layer', 'x'),
    kinds: fc.oneof(fc.array(fc.constantFrom('static', 'type-only', 'dynamic', 'require', 'bogus'), { maxLength: 3 }), anyValue),
    allowTypeOnly: fc.oneof(fc.boolean(), anyValue),
    why: fc.oneof(fc.string({ maxLength: 10 }), anyValue),
  },
  { requiredKeys: [] },
);

const date = fc.oneof(fc.constantFrom('2026-01-01', '2026-02-30', '2026-12-31', 'soon', ''), fc.string({ maxLength: 10 }));
const rulesObject = fc.record(
  {
    extends: fc.oneof(fc.constant(['./config/base.guardrails.json']), fc.constantFrom(['./missing.json'], ['./guardrails.json'], ['']), anyValue),
    include: globs,
    exclude: globs,
    layers: fc.oneof(fc.dictionary(layerName, fc.oneof(globs, fc.record({ files: globs, description: anyValue }, { requiredKeys: [] }))), anyValue),
    rules: fc.oneof(fc.array(rule, { maxLength: 4 }), anyValue),
    debt: fc.oneof(
      fc.record({
        tags: fc.oneof(fc.dictionary(fc.constantFrom('TODO', 'FIXME', '', 'X Y'), fc.constantFrom('info', 'warning', 'error', 'off', 'loud')), anyValue),
        require: fc.oneof(fc.record({ owner: fc.array(fc.constantFrom('TODO', 'DEBT')), ticket: anyValue }, { requiredKeys: [] }), anyValue),
        ticketUrl: fc.oneof(fc.constantFrom('https://t.example/{ticket}', 'javascript:alert(1)'), anyValue),
        overdueSeverity: fc.constantFrom('error', 'warning', 'none'),
      }, { requiredKeys: [] }),
      anyValue,
    ),
    windows: fc.oneof(
      fc.array(fc.record({
        id: fc.oneof(fc.constantFrom('w1', 'w2'), anyValue), title: anyValue, start: date, end: date, scope: globs,
        goals: fc.oneof(fc.array(fc.record({ metric: fc.constantFrom('debt', 'violations', 'x'), target: fc.oneof(fc.integer(), anyValue), rule: anyValue }, { requiredKeys: [] }), { maxLength: 2 }), anyValue),
      }, { requiredKeys: [] }), { maxLength: 2 }),
      anyValue,
    ),
    baseline: anyValue,
  },
  { requiredKeys: [] },
);

const NAMES = ['rules loader: any text', 'rules loader: any JSON with JSONC noise', 'rules loader: objects of the schema\'s shapes'];

describe('properties: the rules loader', function () {
  this.timeout(60_000);
  after(() => console.log(`      runs: ${describeCounts(NAMES)}`));

  it('any text: problems inside the file, never an exception', () => {
    holds(NAMES[0], fc.string({ maxLength: 200, unit: 'binary' }), 400, (text) => {
      assertWellPlaced(load(text), { [FILE]: text, [BASE]: '{}' });
    });
  });

  it('any JSON, with comments, trailing commas and cuts spliced in', () => {
    const spliced = fc.tuple(fc.json({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE), fc.nat({ max: 3 })), { maxLength: 3 }))
      .map(([json, edits]) => edits.reduce((text, [at, insert, cut]) => {
        const i = text.length === 0 ? 0 : at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      }, json));
    holds(NAMES[1], spliced, 500, (text) => {
      assertWellPlaced(load(text), { [FILE]: text, [BASE]: '{}' });
    });
  });

  it('objects of the schema\'s shapes (with a base through extends): a config or problems in place', () => {
    holds(NAMES[2], fc.tuple(rulesObject, rulesObject), 500, ([own, base]) => {
      const text = JSON.stringify(own, null, 2);
      const baseText = JSON.stringify(base);
      assertWellPlaced(load(text, baseText), { [FILE]: text, [BASE]: baseText });
    });
  });
});
