// Shared by the import tests: files of a fixture, the rendered rules file loaded by the real
// loader, and a fixture copied to a temporary folder with an imported guardrails.json in it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import type { ImportResult } from '../../../src/core/import/importResult';
import { renderRulesFile } from '../../../src/core/import/renderRulesFile';
import { loadRules } from '../../../src/core/rules/loadRules';
import type { RulesConfig } from '../../../src/core/model/ruleTypes';

/** Every file below `root`, root-relative with "/". */
export function listFiles(root: string, rel = ''): string[] {
  return fs.readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, child) : [child];
  });
}

/** Writes the rendered rules file into `dir` and loads it; fails on any error the loader reports. */
export function loadRendered(result: ImportResult, dir: string, tool = 'dependency-cruiser'): RulesConfig {
  const file = path.join(dir, 'guardrails.json');
  fs.writeFileSync(file, renderRulesFile(result, { tool, file: 'config', version: 'test' }));
  const loaded = loadRules(file, new NodeFileSystem());
  const errors = loaded.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message);
  assert.deepEqual(errors, [], 'the imported rules file loads without errors');
  assert.ok(loaded.ok);
  return loaded.config;
}

export function copyToTemp(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-import-'));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}
