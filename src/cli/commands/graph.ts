import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { analyzeDirectory, toDot, toGraphJson } from '../../core';

/** `guardrails graph`: the resolved import graph as JSON or Graphviz. */
export async function runGraph(args: CliArgs, io: CliIo): Promise<number> {
  const format = chooseFormat(io, 'graph', args.format, ['json', 'dot']);
  if (!format) return 2;
  const outcome = await analyzeDirectory(path.resolve(io.cwd, args.dir), {
    config: args.config && path.resolve(io.cwd, args.config),
    baseline: false,
  });
  if (!outcome.ok) return reportFailure(io, outcome);
  const report = format === 'dot' ? toDot(outcome.result) : JSON.stringify(toGraphJson(outcome.result), null, 2);
  if (!writeReport(io, report, args.output)) return 2;
  return 0;
}
