// `guardrails import dependency-cruiser FILE` and `guardrails import eslint-boundaries FILE`:
// prints the equivalent guardrails.json (or writes --output) and, on standard error, one line
// per thing that did not come along. Exit 0 when a configuration was produced, 2 when the input
// cannot be read.
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatNote, importDependencyCruiser, importEslintBoundaries, loadRules, NodeFileSystem, renderRulesFile, type ImportResult, type PackageJsonLists } from '../../core';
import type { CliArgs } from '../args';
import { readDependencyCruiserConfig } from '../import/readDependencyCruiser';
import { readToolConfig } from '../import/readToolConfig';
import { formatProblems, writeReport, type CliIo } from '../output';
import { VERSION } from '../version';

export const IMPORT_TOOLS = ['dependency-cruiser', 'eslint-boundaries'];
const MAX_LISTED_FILES = 100_000;

export async function runImport(args: CliArgs, io: CliIo): Promise<number> {
  const tool = args.dir;
  if (!IMPORT_TOOLS.includes(tool)) {
    io.stderr.write(`guardrails: import takes ${IMPORT_TOOLS.join(' or ')}, not "${tool}"\n`);
    return 2;
  }
  if (!args.file) {
    io.stderr.write(`guardrails: import ${tool} needs the configuration file to read\n`);
    return 2;
  }
  const file = path.resolve(io.cwd, args.file);
  const imported = tool === 'dependency-cruiser' ? await fromDependencyCruiser(file) : await fromEslintBoundaries(file);
  if (!imported.ok) {
    // Paths as the user would write them: relative to where the command runs.
    const message = imported.message.split(`${path.dirname(file)}${path.sep}`).join(displayDir(io.cwd, path.dirname(file)));
    io.stderr.write(`guardrails: ${message}\n`);
    return 2;
  }
  const { result } = imported;
  const text = renderRulesFile(result, { tool, file: args.file, version: VERSION });
  for (const note of result.notes) io.stderr.write(`${formatNote(note)}\n`);
  const problems = loadProblems(text);
  if (problems) io.stderr.write(`guardrails: warning: the imported rules do not load cleanly (please report this):\n${problems}\n`);
  writeReport(io, text, args.output);
  const notMapped = result.notes.filter((note) => note.kind === 'not mapped').length;
  const approximated = result.notes.length - notMapped;
  const layers = Object.keys(result.config.layers ?? {}).length;
  io.stderr.write(`guardrails: imported ${count(result.config.rules.length, 'rule')}${layers ? ` and ${count(layers, 'layer')}` : ''}; ${notMapped} not mapped, ${approximated} approximated${result.notes.length ? ' (listed above)' : ''}\n`);
  return 0;
}

type Imported = { ok: true; result: ImportResult } | { ok: false; message: string };

async function fromDependencyCruiser(file: string): Promise<Imported> {
  const read = await readDependencyCruiserConfig(file);
  if (!read.ok) return read;
  return importDependencyCruiser(read.value, { builtinModules, packageJson: packageJsonNextTo(file), files: projectFiles(path.dirname(file)) });
}

async function fromEslintBoundaries(file: string): Promise<Imported> {
  const read = await readToolConfig(file, 'eslint');
  if (!read.ok) return read;
  return importEslintBoundaries(read.value, { files: projectFiles(path.dirname(file)) });
}

function packageJsonNextTo(file: string): PackageJsonLists | undefined {
  const packageFile = path.join(path.dirname(file), 'package.json');
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const names = (key: string): string[] => {
    const section = pkg[key];
    if (Array.isArray(section)) return section.filter((name): name is string => typeof name === 'string');
    return section && typeof section === 'object' ? Object.keys(section) : [];
  };
  return {
    sections: {
      npm: names('dependencies'),
      'npm-dev': names('devDependencies'),
      'npm-optional': names('optionalDependencies'),
      'npm-peer': names('peerDependencies'),
      'npm-bundled': [...names('bundledDependencies'), ...names('bundleDependencies')],
    },
  };
}

/** Files below the configuration's folder (root-relative), to check how element patterns anchor. */
function projectFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= MAX_LISTED_FILES) return;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') walk(path.join(dir, entry.name), relPath);
      else if (entry.isFile()) files.push(relPath);
    }
  };
  walk(root, '');
  return files;
}

/** Problems the real loader finds in the produced text ("" when it loads without errors). */
function loadProblems(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-import-'));
  try {
    const file = path.join(dir, 'guardrails.json');
    fs.writeFileSync(file, text);
    const loaded = loadRules(file, new NodeFileSystem());
    return formatProblems(loaded.problems.filter((problem) => problem.severity === 'error'), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function displayDir(cwd: string, dir: string): string {
  const relative = path.relative(cwd, dir);
  if (relative === '') return '';
  return relative.startsWith('..') || path.isAbsolute(relative) ? `${dir}${path.sep}` : `${relative}${path.sep}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
