// Which file a baseline is written to, and whether it may be replaced. `--update-baseline` and
// *Add to baseline* overwrite a file: only one that is missing, empty, or a baseline Guardrails
// wrote, and only inside the rules file's folder (a rules file's own `baseline` was confined when
// it was loaded; the default `.guardrails/baseline.json` is checked here, as `.guardrails` may be a
// committed symlink).
import * as path from 'node:path';
import { escapesRoot } from '../fs/confinePath';
import type { FileSystem } from '../fs/fileSystem';
import { READ_LIMITS, readFailureText } from '../fs/textFile';
import type { RulesConfig } from '../model/ruleTypes';
import { emptyBaseline, parseBaseline, type Baseline } from './baselineFormat';

export const DEFAULT_BASELINE_FILE = '.guardrails/baseline.json';

export type BaselineFileResult = { ok: true; file: string } | { ok: false; message: string };

/** The rules file's `baseline`, or `.guardrails/baseline.json` under its root when that stays inside. */
export function baselineFileOf(config: Pick<RulesConfig, 'root' | 'baseline'>, fs: FileSystem): BaselineFileResult {
  if (config.baseline) return { ok: true, file: config.baseline };
  const file = path.join(config.root, ...DEFAULT_BASELINE_FILE.split('/'));
  const outside = escapesRoot(config.root, file, fs);
  return outside ? { ok: false, message: outside } : { ok: true, file };
}

export type ReplaceableBaseline = { ok: true; previous: Baseline } | { ok: false; message: string };

/** The baseline `file` holds now, when it may be replaced; otherwise why not, and what to do. */
export function baselineToReplace(file: string, fs: FileSystem): ReplaceableBaseline {
  const read = fs.readText(file, READ_LIMITS.baseline);
  if (!read.ok && read.reason === 'missing') return { ok: true, previous: emptyBaseline() };
  // An empty file holds nothing to lose (a `touch`ed placeholder).
  if (read.ok && read.text.trim() === '') return { ok: true, previous: emptyBaseline() };
  const parsed = read.ok ? parseBaseline(read.text, file) : undefined;
  if (parsed?.ok) return { ok: true, previous: parsed.baseline };
  const why = parsed ? parsed.message.slice(file.length + 1) : readFailureText(read as Extract<typeof read, { ok: false }>);
  return {
    ok: false,
    message: `${file} is not a baseline Guardrails wrote (${why}); not overwriting it. Point "baseline" (or --baseline) at another file, or delete this one to start a new baseline`,
  };
}
