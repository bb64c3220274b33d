import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadRules } from '../../../src/core/rules/loadRules';
import { MemoryFileSystem } from '../helpers/memoryFileSystem';
import { rulesFixture } from './rulesTestKit';

/** Small deterministic generator so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const REPLACEMENTS = ['', '0', '[]', '{}', 'null', '"x"', ',', ':', '"', '[', '}', '"{x}"', '"../.."', '"layer"', 'true'];

describe('loadRules on damaged input', () => {
  it('never throws and always points inside the file, whatever the text', () => {
    const file = rulesFixture('sketch', 'guardrails.json');
    const base = rulesFixture('sketch', 'config', 'team.guardrails.json');
    const original = fs.readFileSync(file, 'utf8');
    const next = random(7);
    for (let round = 0; round < 400; round++) {
      let text = original;
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * text.length);
        const length = Math.floor(next() * 12);
        text = text.slice(0, at) + REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)] + text.slice(at + length);
      }
      const files = new Map([[file, text], [base, fs.readFileSync(base, 'utf8')]]);
      const result = loadRules(file, new MemoryFileSystem(files));
      const lines = text.split('\n').length;
      for (const problem of result.problems) {
        const { start } = problem.location.range;
        assert.ok(problem.message.length > 0);
        if (problem.location.file === file) {
          assert.ok(start.line >= 1 && start.line <= lines && start.column >= 1, `round ${round}: ${problem.message} at ${start.line}:${start.column}`);
        }
      }
      if (result.ok) assert.ok(result.problems.every((p) => p.severity === 'warning'), `round ${round}`);
    }
  });
});
