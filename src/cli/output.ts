import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem } from '../core';

/** Where a command writes its report and its messages. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
}

export function writeReport(io: CliIo, text: string, outputFile: string | undefined): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (outputFile) fs.writeFileSync(path.resolve(io.cwd, outputFile), body);
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
