import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { CLI, TEST_CODE_CACHE } from '../helpers/lspClient';

// The README's Neovim setup, run as written in a real Neovim (Debian's 0.7.2 in CI: `.ci/run`
// installs it) against `guardrails lsp --stdio`, on a copy of the example shop in a folder whose
// name has a space and a non-ASCII letter. test/fixtures/neovim/driver.lua does the editor's part.

interface NvimDiagnostic { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; code: string; source: string; message: string }
interface NvimReport {
  errors: string[];
  client?: { name: string; root: string };
  opened?: NvimDiagnostic[];
  unopened?: NvimDiagnostic[];
  actions?: string[];
  hover?: string;
  edited?: NvimDiagnostic[];
}

/** The first ```lua block of the README's Neovim section. */
function readmeNeovimSetup(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim'));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no ```lua block under "### Neovim"');
  return block[1];
}

function hasNeovim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('the README\'s Neovim setup, in a real Neovim', function () {
  this.timeout(40_000);
  let scratch: string;

  before(function () {
    if (!hasNeovim()) {
      console.warn('    skipped: `nvim` is not installed (Debian: apt-get install neovim; .ci/run installs it)');
      this.skip();
    }
    if (!fs.existsSync(CLI)) {
      console.warn(`    skipped: ${path.relative(REPO_ROOT, CLI)} is missing; run \`npm run build\` first`);
      this.skip();
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-nvim-'));
  });

  after(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('attaches to a file under guardrails.json, shows the whole workspace\'s findings, offers quick fixes and hovers, re-checks edits', () => {
    const root = path.join(scratch, 'my shop ü');
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'shop'), root, { recursive: true });
    // The README's `cmd` is `guardrails`: a shim on PATH stands for the installed command.
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'guardrails'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`, { mode: 0o755 });
    const setup = path.join(scratch, 'setup.lua');
    fs.writeFileSync(setup, readmeNeovimSetup());
    const out = path.join(scratch, 'report.json');
    const state = path.join(scratch, 'state');

    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${setup}`, '-c', `luafile ${path.join(REPO_ROOT, 'test', 'fixtures', 'neovim', 'driver.lua')}`], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 35_000,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        GUARDRAILS_NVIM_ROOT: root,
        GUARDRAILS_NVIM_OUT: out,
        ...TEST_CODE_CACHE,
        // Neovim's logs, shada and swap files stay in the scratch folder.
        XDG_CACHE_HOME: state, XDG_STATE_HOME: state, XDG_DATA_HOME: state, XDG_CONFIG_HOME: state,
      },
    });
    assert.ok(fs.existsSync(out), `Neovim wrote no report (status ${run.status}, signal ${run.signal})\n${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimReport;
    assert.deepEqual(report.errors, [], `${JSON.stringify(report, null, 2)}\n${run.stderr}`);

    assert.deepEqual(report.client, { name: 'guardrails', root });
    // Nothing the server sent made the client warn (an unsupported registration, a request it cannot answer).
    const log = fs.readFileSync(path.join(state, 'nvim', 'lsp.log'), 'utf8');
    assert.deepEqual(log.split('\n').filter((line) => /^\[(WARN|ERROR)\]/.test(line)), []);
    // src/domain/order.ts line 2: import { nextOrderNumber } from '@infra/db/sequence';
    const [opened] = report.opened!;
    assert.deepEqual({ ...opened, message: opened.message.split('\n')[0] }, {
      lnum: 1, col: 32, end_lnum: 1, end_col: 52, severity: 1, code: 'domain-pure', source: 'guardrails',
      message: "layer domain must not import '@infra/db/sequence' (src/infra/db/sequence.ts, layer infra)",
    });
    // A file Neovim never opened: the cycle on its closing import.
    assert.deepEqual(report.unopened!.map((d) => [d.code, d.lnum, d.col]), [['no-cycles', 3, 30]]);
    // Neovim 0.7 has no window/showDocument: no "Open rule".
    assert.deepEqual(report.actions, ['Ignore domain-pure on this line with a reason', 'Add to baseline (known domain-pure violation)']);
    assert.ok(report.hover?.includes('(layer **domain**) → `src/infra/db/sequence.ts` (layer **infra**)'), report.hover);
    // The edit's import, after "/* größe */ " (12 UTF-16 units, 14 bytes: Neovim shows bytes), and the old one a line down.
    assert.deepEqual(report.edited!.map((d) => [d.code, d.lnum, d.col, d.end_col]), [
      ['domain-pure', 0, 35, 53],
      ['domain-pure', 2, 32, 52],
    ]);
  });
});
