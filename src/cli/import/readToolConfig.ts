// Reads another tool's configuration file. JSON is parsed here and runs nothing. A JavaScript
// configuration can only be known by running it: that happens in a child `node` process, only
// on the user's explicit `guardrails import` command, with a time and size bound, and what it
// prints is plain JSON (functions, plugin objects and cycles are dropped there).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type ReadOutcome = { ok: true; value: unknown } | { ok: false; message: string };
/** `eslint`: only the parts of an ESLint configuration the boundaries import reads. */
export type ReadMode = 'plain' | 'eslint';

const TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 16 * 1024 * 1024;
const JS = new Set(['.js', '.cjs', '.mjs']);
const TS = new Set(['.ts', '.cts', '.mts']);

export async function readToolConfig(file: string, mode: ReadMode): Promise<ReadOutcome> {
  if (!fs.existsSync(file)) return { ok: false, message: `${file}: no such file` };
  if (!fs.statSync(file).isFile()) return { ok: false, message: `${file}: not a file` };
  const extension = path.extname(file).toLowerCase();
  if (TS.has(extension)) {
    return { ok: false, message: `${file}: TypeScript configuration files cannot be read; compile it to JavaScript or JSON first` };
  }
  if (JS.has(extension)) return runConfig(file, mode);
  return readJson(file);
}

function readJson(file: string): ReadOutcome {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: ${(error as Error).message}` };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const { offset, error } = errors[0];
    const before = text.slice(0, offset).split('\n');
    return { ok: false, message: `${file}:${before.length}:${before[before.length - 1].length + 1}: ${printParseErrorCode(error)} (the file is read as JSON with comments)` };
  }
  if (path.basename(file) === 'package.json') {
    const pkg = value as Record<string, unknown> | undefined;
    return pkg && typeof pkg === 'object' && 'eslintConfig' in pkg ? { ok: true, value: pkg.eslintConfig } : { ok: false, message: `${file}: has no "eslintConfig"` };
  }
  return { ok: true, value };
}

function runConfig(file: string, mode: ReadMode): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', CHILD_SCRIPT, path.resolve(file), mode],
      { cwd: path.dirname(path.resolve(file)), timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const killed = (error as { killed?: boolean }).killed === true;
          const reason = killed ? `did not finish within ${TIMEOUT_MS / 1000} s` : firstLines(stderr) || error.message;
          resolve({ ok: false, message: `${file}: running it to read the configuration failed: ${reason}` });
          return;
        }
        try {
          resolve({ ok: true, value: JSON.parse(stdout) as unknown });
        } catch {
          resolve({ ok: false, message: `${file}: running it printed no configuration` });
        }
      },
    );
  });
}

/** The error a child printed, without Node's stack frames. */
function firstLines(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '' && !/^\s+at /.test(line) && !line.startsWith('Node.js v'));
  return lines.slice(0, 4).join(' ').replace(/\s+/g, ' ').trim();
}

// Runs in the child: imports the file (CommonJS or ES module), awaits a promise, keeps plain
// data only, and for ESLint only the blocks' files, ignores and boundaries settings and rules.
const CHILD_SCRIPT = String.raw`
import { pathToFileURL } from 'node:url';
const [file, mode] = process.argv.slice(1);
const imported = await import(pathToFileURL(file).href);
let config = await (imported.default !== undefined ? imported.default : imported);
const boundaries = (record) => record && typeof record === 'object'
  ? Object.fromEntries(Object.entries(record).filter(([key]) => key.startsWith('boundaries/')))
  : undefined;
const block = (item) => item && typeof item === 'object' ? {
  name: typeof item.name === 'string' ? item.name : undefined,
  files: item.files, ignores: item.ignores, excludedFiles: item.excludedFiles,
  settings: boundaries(item.settings), rules: boundaries(item.rules),
  overrides: Array.isArray(item.overrides) ? item.overrides.map(block) : undefined,
  extends: typeof item.extends === 'string' || Array.isArray(item.extends) ? item.extends : undefined,
  plugins: Array.isArray(item.plugins) ? item.plugins : item.plugins && typeof item.plugins === 'object' ? Object.keys(item.plugins) : undefined,
} : item;
if (mode === 'eslint') {
  config = Array.isArray(config)
    ? { format: 'flat', blocks: config.flat(Infinity).map(block) }
    : { format: 'eslintrc', blocks: [block(config)] };
}
const plain = (value, stack) => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof RegExp) return value.source;
  if (typeof value !== 'object' || stack.includes(value) || stack.length > 64) return undefined;
  const inner = [...stack, value];
  if (Array.isArray(value)) return value.map((item) => { const out = plain(item, inner); return out === undefined ? null : out; });
  const out = {};
  for (const [key, item] of Object.entries(value)) { const converted = plain(item, inner); if (converted !== undefined) out[key] = converted; }
  return out;
};
process.stdout.write(JSON.stringify(plain(config, []) ?? null));
`;
