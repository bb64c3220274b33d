import * as fs from 'node:fs';
import * as path from 'node:path';
import { toTerminal, type ConfigProblem } from '../core';

/** Where a command writes its report and its messages. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
}

/**
 * The same streams, with every string written through `toTerminal`: whatever a command prints
 * (reports, messages naming files, notes), no control character from a repository reaches the
 * terminal raw, and nothing a command adds later can forget it.
 */
export function terminalSafeIo(io: CliIo): CliIo {
  return { ...io, stdout: safeStream(io.stdout), stderr: safeStream(io.stderr) };
}

function safeStream(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? toTerminal(chunk) : chunk, ...rest);
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Writes the report to stdout or `--output`; false (said in one line, exit 2) when the file cannot be written. */
export function writeReport(io: CliIo, text: string, outputFile: string | undefined): boolean {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (!outputFile) {
    io.stdout.write(body);
    return true;
  }
  try {
    // Written through, not replaced: `--output /dev/stdout` and links keep working.
    fs.writeFileSync(path.resolve(io.cwd, outputFile), toTerminal(body));
    return true;
  } catch (error) {
    io.stderr.write(`guardrails: --output ${outputFile}: cannot write it (${errorText(error)})\n`);
    return false;
  }
}

/**
 * What is wrong with `--output FILE` before a run spends its time: a folder, a missing folder, or
 * a place that cannot be written. Undefined when it looks writable.
 */
export function outputProblem(cwd: string, outputFile: string): string | undefined {
  const file = path.resolve(cwd, outputFile);
  const say = (what: string): string => `--output ${outputFile}: ${what}`;
  const stat = statIfThere(file);
  if (stat?.isDirectory()) return say('is a folder; name a file to write the report to');
  const parent = path.dirname(file);
  if (!stat) {
    const folder = statIfThere(parent);
    if (!folder) return say(`the folder ${parent} does not exist; create it first`);
    if (!folder.isDirectory()) return say(`${parent} is not a folder`);
  }
  try {
    fs.accessSync(stat ? file : parent, fs.constants.W_OK);
  } catch (error) {
    return say(`cannot write ${stat ? 'it' : `in ${parent}`} (${errorText(error)})`);
  }
  return undefined;
}

/** Undefined when nothing is there (also when a parent is a file). */
function statIfThere(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EROFS') return 'read-only file system';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** `file:line:col: error: message`, the form editors and CI logs make clickable. */
export function formatProblems(problems: readonly ConfigProblem[], cwd: string): string {
  return problems
    .map((problem) => {
      const file = path.relative(cwd, problem.location.file) || problem.location.file;
      const { line, column } = problem.location.range.start;
      return `${file}:${line}:${column}: ${problem.severity}: ${problem.message}`;
    })
    .join('\n');
}

/** A command's `--format` when it is one it knows; otherwise says so and returns undefined (exit 2). */
export function chooseFormat(io: CliIo, command: string, given: string | undefined, formats: readonly string[]): string | undefined {
  const format = given ?? formats[0];
  if (formats.includes(format)) return format;
  io.stderr.write(`guardrails: ${command} --format takes ${formats.join(', ')}, not "${format}"\n`);
  return undefined;
}

/** Why the rules could not be loaded, each problem as `file:line:col: …`; the exit code is 2. */
export function reportFailure(io: CliIo, failure: { message: string; problems: readonly ConfigProblem[] }): 2 {
  const details = formatProblems(failure.problems, io.cwd);
  io.stderr.write(`guardrails: ${failure.message}\n${details ? `${details}\n` : ''}`);
  return 2;
}
