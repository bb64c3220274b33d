// The editor re-checks cycles after an edit from the components the edit can change (issue 14's
// ComponentTracker) and works out again only the tangles whose imports changed. Whatever the
// edits, the findings and tangles must be those of a project analysed from scratch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GuardrailsProject } from '../../../src/core/analysis/project';
import { seededRandom } from '../../../src/core/util/seededRandom';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../../src/core/fs/overlayFileSystem';
import type { AnalysisResult } from '../../../src/core/model/types';
import { loadRules } from '../../../src/core/rules/loadRules';

const FILES = 10;
const name = (i: number): string => `f${String(i).padStart(2, '0')}`;

/** A file importing `targets`, some type-only, with `pad` blank lines first (positions move). */
function text(targets: readonly number[], typeOnly: ReadonlySet<number>, pad: number): string {
  const lines = targets.map((j) => (typeOnly.has(j) ? `import type { T${j} } from './${name(j)}';` : `import './${name(j)}';`));
  return `${'\n'.repeat(pad)}${lines.join('\n')}\nexport type T = number;\n`;
}

function randomText(random: () => number): string {
  const targets = new Set<number>();
  const count = Math.floor(random() * 3);
  while (targets.size < count) targets.add(Math.floor(random() * FILES));
  const typeOnly = new Set([...targets].filter(() => random() < 0.25));
  return text([...targets], typeOnly, Math.floor(random() * 2));
}

function summary(result: AnalysisResult, root: string): { findings: string[]; tangles: string[] } {
  const rel = (file: string): string => path.relative(root, file);
  return {
    findings: result.violations.map((v) => `${v.ruleId} ${rel(v.location.file)}:${v.location.range.start.line} -> ${rel(v.to)} ${v.message}`).sort(),
    tangles: (result.tangles ?? []).map((t) => `${t.ruleId} [${t.files.map(rel).join(' ')}] cycles ${t.cycles}/${t.cyclesWithoutTypeOnly} cut ${t.cut.map((s) => `${rel(s.from)}>${rel(s.to)}:${s.location.range.start.line}`).join(' ')}`),
  };
}

describe('cycle findings after edits equal a fresh analysis', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-tangles-edits-'));
    fs.writeFileSync(path.join(root, 'guardrails.json'), JSON.stringify({
      include: ['src/**'],
      rules: [
        { id: 'tangles', kind: 'no-cycle' },
        { id: 'cycles', kind: 'no-cycle', report: 'cycles', allowTypeOnly: true },
      ],
    }));
    fs.mkdirSync(path.join(root, 'src'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function load(fsys: OverlayFileSystem, trackNewImports = false): Promise<GuardrailsProject> {
    const loaded = loadRules(path.join(root, 'guardrails.json'), fsys);
    assert.ok(loaded.ok);
    const project = new GuardrailsProject(loaded.config, fsys, { today: '2026-11-27', trackNewImports });
    await project.load();
    return project;
  }

  it('holds over random workspaces and random edits (imports added, removed, made type-only, lines moved, files created and deleted)', async () => {
    const fileOf = (i: number): string => path.join(root, 'src', `${name(i)}.ts`);
    for (let seed = 1; seed <= 25; seed++) {
      const random = seededRandom(seed);
      for (let i = 0; i < FILES; i++) fs.writeFileSync(fileOf(i), randomText(random));
      const overlay = new OverlayFileSystem(new NodeFileSystem());
      const kept = await load(overlay);
      kept.check();
      for (let step = 0; step < 6; step++) {
        // One file or a few at once (a save of all); now and then one deleted, or brought back.
        const edited = new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => Math.floor(random() * FILES)));
        const changes = [...edited].map((i) => {
          if (random() < 0.2 && fs.existsSync(fileOf(i))) {
            fs.rmSync(fileOf(i));
            return { file: fileOf(i), deleted: true };
          }
          fs.writeFileSync(fileOf(i), randomText(random));
          return { file: fileOf(i) };
        });
        kept.applyChanges(changes);
        const fresh = summary((await load(overlay)).check(), root);
        assert.deepEqual(summary(kept.check(), root), fresh, `seed ${seed}, step ${step}`);
      }
      for (let i = 0; i < FILES; i++) fs.rmSync(fileOf(i), { force: true });
    }
  });
});
