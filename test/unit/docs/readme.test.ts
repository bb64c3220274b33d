// What a new user copies from the README must work: the quick start's rules file loads without a
// problem, and every file the README links to or shows is in the repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import { REPO_ROOT } from '../rules/rulesTestKit';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The text of the README section that starts with `heading`, up to the next heading of its level. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `the README has a section "${heading}"`);
  const level = heading.split(' ')[0];
  const next = README.indexOf(`\n${level} `, start + heading.length + 2);
  return README.slice(start, next < 0 ? undefined : next);
}

describe('the README', () => {
  it("gives a quick-start rules file that loads without a problem", () => {
    const quickStart = section('## Quick start: from nothing to a CI check');
    const block = /```jsonc\n([\s\S]*?)\n\s*```/.exec(quickStart);
    assert.ok(block, 'the quick start shows a rules file');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-readme-'));
    try {
      const file = path.join(dir, 'guardrails.json');
      fs.writeFileSync(file, block[1].replace(/^ {3}/gm, ''));
      const result = loadRules(file, new NodeFileSystem());
      assert.deepEqual(result.problems.map((problem) => problem.message), []);
      assert.equal(result.ok, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links to and shows only files that exist', () => {
    const targets = [
      ...[...README.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]),
      ...[...README.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]),
    ].filter((target) => !/^[a-z]+:/i.test(target));
    assert.ok(targets.includes('docs/rules-file.md') && targets.includes('media/screenshots/views.png'), `links found: ${targets.join(', ')}`);
    const missing = targets.filter((target) => !fs.existsSync(path.join(REPO_ROOT, target)));
    assert.deepEqual(missing, []);
  });
});
