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

/**
 * The editor's file system says nothing about which paths came or went, so a created or deleted
 * file re-resolves every import and rebuilds the graphs; the git history's says (see
 * TrackingFileSystem), and then only the files whose imports lead elsewhere change in the graphs.
 */
class SaysWhatChanged extends OverlayFileSystem {
  private mark = 0;
  private readonly steps: ReadonlySet<string>[] = [];
  get changeMark(): number {
    return this.mark;
  }
  changed(paths: readonly string[]): void {
    if (paths.length === 0) return;
    this.steps.push(new Set(paths));
    this.mark++;
  }
  pathsChangedSince(mark: number): ReadonlySet<string> {
    return new Set(this.steps.slice(mark).flatMap((step) => [...step]));
  }
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

  const fileSystems: { what: string; make(): OverlayFileSystem & { changed?(paths: readonly string[]): void } }[] = [
    { what: "the editor's file system", make: () => new OverlayFileSystem(new NodeFileSystem()) },
    { what: "a file system that says which paths came and went (the git history's)", make: () => new SaysWhatChanged(new NodeFileSystem()) },
  ];
  for (const { what, make } of fileSystems) {
    it(`holds over random workspaces and random edits (imports added, removed, made type-only, lines moved, files created and deleted), on ${what}`, async () => {
      const fileOf = (i: number): string => path.join(root, 'src', `${name(i)}.ts`);
      for (let seed = 1; seed <= 25; seed++) {
        const random = seededRandom(seed);
        for (let i = 0; i < FILES; i++) fs.writeFileSync(fileOf(i), randomText(random));
        const overlay = make();
        const kept = await load(overlay);
        kept.check();
        for (let step = 0; step < 6; step++) {
          // One file or a few at once (a save of all); now and then one deleted, or brought back.
          const edited = new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => Math.floor(random() * FILES)));
          const cameOrWent: string[] = [];
          const changes = [...edited].map((i) => {
            if (random() < 0.2 && fs.existsSync(fileOf(i))) {
              fs.rmSync(fileOf(i));
              cameOrWent.push(fileOf(i));
              return { file: fileOf(i), deleted: true };
            }
            if (!fs.existsSync(fileOf(i))) cameOrWent.push(fileOf(i));
            fs.writeFileSync(fileOf(i), randomText(random));
            return { file: fileOf(i) };
          });
          overlay.changed?.(cameOrWent);
          kept.applyChanges(changes);
          const fresh = summary((await load(new OverlayFileSystem(new NodeFileSystem()))).check(), root);
          assert.deepEqual(summary(kept.check(), root), fresh, `seed ${seed}, step ${step}`);
        }
        for (let i = 0; i < FILES; i++) fs.rmSync(fileOf(i), { force: true });
      }
    });
  }
});
