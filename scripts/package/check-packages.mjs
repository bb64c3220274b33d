// `npm run test:packages`: builds both packages as a user gets them and tests them installed.
//   1. the VSIX (`npm run package`): exactly the files it should hold, and not too big;
//   2. the CLI tarball (`npm pack`): installed into a scratch prefix, `guardrails check` runs;
//   3. the VSIX installed into code-server: the editor suite passes against the installed copy.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const step = (message) => console.log(`[packages] ${message}`);
const fail = (message) => {
  console.error(`[packages] FAILED: ${message}`);
  process.exit(1);
};
const run = (command, args, options = {}) => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });

// What the VSIX must hold: the client, the server, the schema, the icon and the webview's files.
const VSIX_FILES = [
  'extension/LICENSE.txt', 'extension/package.json', 'extension/readme.md',
  'extension/dist/extension.js', 'extension/dist/server.js', 'extension/schema/guardrails.schema.json',
  'extension/media/guardrails.svg', 'extension/media/windows.css', 'extension/media/windows.js',
];
const VSIX_MAX_BYTES = 3 * 1024 * 1024;
const CLI_FILES = ['LICENSE', 'README.md', 'dist/cli.js', 'dist/guardrails-cli.js', 'package.json', 'schema/guardrails.schema.json'];

step('1/3 the VSIX: npm run package');
run('npm', ['run', 'package', '--silent']);
const vsix = path.join(root, 'guardrails.vsix');
const entries = run('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix]).split('\n').filter(Boolean);
const packaged = entries.filter((name) => name.startsWith('extension/')).sort();
const missing = VSIX_FILES.filter((file) => !packaged.includes(file));
const extra = packaged.filter((file) => !VSIX_FILES.includes(file) && !/^extension\/media\/.+\.(svg|png|css|js|md)$/.test(file));
if (missing.length > 0 || extra.length > 0) fail(`the VSIX holds the wrong files: missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}`);
const size = statSync(vsix).size;
if (size > VSIX_MAX_BYTES) fail(`the VSIX is ${(size / 1048576).toFixed(2)} MB, more than ${VSIX_MAX_BYTES / 1048576} MB`);
const mapped = run('python3', ['-c', 'import re, sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(sum(bool(re.search(rb"//# sourceMappingURL=\\S+\\s*$", z.read(n))) for n in z.namelist() if n.endswith(".js")))', vsix]).trim();
if (mapped !== '0') fail(`${mapped} bundle(s) in the VSIX point at a source map`);
step(`   ${packaged.length} files, ${(size / 1048576).toFixed(2)} MB`);

step('2/3 the CLI package: npm pack, installed into a scratch prefix');
const scratch = mkdtempSync(path.join(tmpdir(), 'guardrails-pack-'));
try {
  const tarball = path.join(scratch, run('npm', ['pack', '--silent', '--pack-destination', scratch]).trim().split('\n').pop());
  const listed = run('tar', ['-tzf', tarball]).split('\n').filter(Boolean).map((name) => name.replace(/^package\//, '')).sort();
  if (JSON.stringify(listed) !== JSON.stringify(CLI_FILES)) fail(`the CLI package holds ${listed.join(', ')}; expected ${CLI_FILES.join(', ')}`);
  const prefix = path.join(scratch, 'prefix');
  run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', tarball]);
  const bin = path.join(prefix, 'bin', 'guardrails');
  const version = run(bin, ['--version']).trim();
  const checked = spawnSync(bin, ['check', path.join(root, 'examples', 'shop'), '--format', 'json', '--today', '2026-11-27'], { encoding: 'utf8' });
  const report = JSON.parse(checked.stdout);
  const errors = report.violations.filter((violation) => violation.severity === 'error').length;
  if (checked.status !== 1 || errors !== 7) fail(`the installed CLI exited ${checked.status} with ${errors} errors on examples/shop (expected 1 and 7)`);
  step(`   guardrails ${version} installed from ${path.basename(tarball)} (${(statSync(tarball).size / 1048576).toFixed(2)} MB): check found ${errors} errors in ${report.files} files`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

step('3/3 the editor suite against the installed VSIX');
// The suite edits its fixture and undoes that as it goes; a test cut short can leave an edit behind.
const fixture = 'test/fixtures/extension/basic';
const status = () => spawnSync('git', ['status', '--porcelain', '--', fixture], { cwd: root, encoding: 'utf8' }).stdout;
const cleanBefore = status() === '';
const suite = spawnSync(process.execPath, ['out/test/extension/runCodeServer.js', '--vsix', vsix], { cwd: root, stdio: 'inherit' });
if (cleanBefore && status() !== '') {
  step(`   restoring ${fixture}, left edited by the suite`);
  spawnSync('git', ['checkout', '-q', '--', fixture], { cwd: root });
  spawnSync('git', ['clean', '-fdq', '--', fixture], { cwd: root });
}
if (suite.status !== 0) fail('the editor suite failed against the installed VSIX');
step('done');
