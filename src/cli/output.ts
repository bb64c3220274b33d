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

export function writeReport(io: CliIo, text: string, outputFile: string | undefined): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (outputFile) fs.writeFileSync(path.resolve(io.cwd, outputFile), toTerminal(body));
  else io.stdout.write(body);
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
