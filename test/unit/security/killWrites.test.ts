// "A kill test" of issue 12: `check --update-baseline` and `guardrails snapshot` run in a child
// process that is killed (SIGKILL) at random moments, many times. Afterwards the file is always
// the complete old or the complete new content, and a temporary file a kill left behind is gone
// once the next write has run. Seeded: a failure replays with the same delays.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { layeredWith, removeWorkspace, workspace } from './hostileWorkspace';
import { seededRandom as random } from '../../../src/core/util/seededRandom';

const SEED = 20261206;
const KILLS = 50;
/** The bundle `npm test` builds first: with its code cache a run takes a fraction of a second. */
const BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');

const A_IMPORTS_B = "import { b } from '../b/b';\nexport const a = b + 1;\n";
const A_IMPORTS_B_TWICE = "import { b } from '../b/b';\nimport { c } from '../b/c';\nexport const a = b + c;\n";

describe('security: a write killed at any moment leaves the old or the new file, whole', function () {
  this.timeout(240_000);
  let dir: string;
  let cacheDir: string;
  const window = { id: 'w', title: 'W', start: '2026-11-01', end: '2026-11-30', scope: ['src/**'], goals: [{ metric: 'debt', target: 0 }] };

  before(function () {
    if (process.platform === 'win32' || !fs.existsSync(BUNDLE)) this.skip(); // run `npm run build` first
    dir = workspace(layeredWith({ windows: [window] }, { 'src/b/c.ts': '// TODO: c\nexport const c = 2;\n' }));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-kill-cache-'));
  });
  after(() => {
    if (dir) removeWorkspace(dir);
    if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  /** Runs the CLI; kills it after `killAfterMs` unless it finished. Returns how long it ran. */
  async function run(args: string[], killAfterMs = Infinity): Promise<{ ms: number; killed: boolean }> {
    const started = performance.now();
    const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: dir, stdio: 'ignore', env: { ...process.env, GUARDRAILS_CACHE_DIR: cacheDir } });
    const timer = Number.isFinite(killAfterMs) ? setTimeout(() => child.kill('SIGKILL'), killAfterMs) : undefined;
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    clearTimeout(timer);
    if (signal === null) assert.ok(code === 0 || code === 1, `${args.join(' ')} exited ${code}`);
    return { ms: performance.now() - started, killed: signal === 'SIGKILL' };
  }

  const setSource = (twice: boolean): void => fs.writeFileSync(path.join(dir, 'src', 'a', 'a.ts'), twice ? A_IMPORTS_B_TWICE : A_IMPORTS_B);
  const temps = (): string[] => (fs.existsSync(path.join(dir, '.guardrails')) ? fs.readdirSync(path.join(dir, '.guardrails')).filter((name) => name.endsWith('.tmp')) : []);

  for (const { name, args, file } of [
    { name: 'check --update-baseline', args: ['check', '.', '--update-baseline'], file: 'baseline.json' },
    { name: 'guardrails snapshot', args: ['snapshot', '.', '--today', '2026-11-10'], file: 'snapshots.json' },
  ]) {
    it(`${name}: ${KILLS} kills at random moments`, async () => {
      const target = path.join(dir, '.guardrails', file);
      // Each write on its own: the baseline the first test leaves in .guardrails/ is read by
      // default, and would soften the very violations that make the snapshot's two contents differ.
      fs.rmSync(path.join(dir, '.guardrails'), { recursive: true, force: true });
      // The two contents a complete run writes, one per state of the sources; and how long a run takes.
      const contents: string[] = [];
      const times: number[] = [];
      for (const twice of [false, true, false, true]) {
        setSource(twice);
        times.push((await run(args)).ms);
        if (contents.length < 2) contents.push(fs.readFileSync(target, 'utf8'));
      }
      // The first run fills the code cache; the later ones say how long a run takes.
      const typical = times.slice(1).sort((x, y) => x - y)[1];
      assert.notEqual(contents[0], contents[1]);

      const next = random(SEED + file.length);
      const outcomes = { old: 0, new: 0, leftTemp: 0 };
      let current = 1;
      for (let kill = 0; kill < KILLS; kill++) {
        const wanted = 1 - current;
        setSource(wanted === 1);
        // Anywhere in the second half of a run, where the analysis ends and the write happens.
        const delay = Math.round(typical * (0.5 + 0.6 * next()));
        await run(args, delay);
        const now = fs.readFileSync(target, 'utf8');
        assert.ok(now === contents[current] || now === contents[wanted], `kill ${kill} after ${delay} ms left a file that is neither old nor new:\n${now}`);
        if (now === contents[wanted]) {
          outcomes.new++;
          current = wanted;
        } else outcomes.old++;
        if (temps().length > 0) outcomes.leftTemp++;
      }
      // Whatever the kills left, the next complete write cleans up.
      await run(args);
      assert.deepEqual(temps(), []);
      assert.ok(outcomes.old + outcomes.new === KILLS);
      console.log(`      ${name}: ${outcomes.old} old, ${outcomes.new} new, ${outcomes.leftTemp} kill(s) left a temporary file until the next write`);
    });
  }
});
