// A path regex → the root-relative globs that match the same paths. Exact where a glob can say
// what the regex says (the common shapes: `^src/ui/`, `[.]spec[.]ts$`, `(^|/)index[.]ts$`,
// `^src/([^/]+)/`, `^src/(?!shared/)`); otherwise either a conversion with notes that say how it
// differs, or a message saying why none is possible. Never a silent change of meaning.
import { compilePattern } from '../../glob/pattern';
import { emitBranch } from './emitGlobs';
import { linearize, Unsupported } from './linearize';
import { parseRegex } from './parseRegex';
import { appendAll } from '../../util/arrays';

export interface GlobVariant {
  globs: string[];
  /** Glob text of each group asked for in `captureGroups` ("{$1}" for a captured segment); null: none. */
  bindings: Map<number, string | null>;
}

export type RegexConversion =
  | {
      ok: true;
      /** Every glob, in order, without repeats. */
      globs: string[];
      /** Globs grouped by the text their captured groups stand for (one entry without captures). */
      variants: GlobVariant[];
      /** True when the globs match exactly the paths the regex matches. */
      exact: boolean;
      /** How the globs differ from the regex, when they do. */
      notes: string[];
    }
  | { ok: false; message: string };

export interface RegexOptions {
  /** Glob text for `$n` references in a `to` pattern (see EmitOptions.refs). */
  refs?: ReadonlyMap<number, string | null>;
  /** Groups of a `from` pattern that a `to` pattern refers to as `$n`. */
  captureGroups?: ReadonlySet<number>;
}

export function regexToGlobs(source: string, options: RegexOptions = {}): RegexConversion {
  const parsed = parseRegex(source, { refs: options.refs !== undefined });
  if (!parsed.ok) return { ok: false, message: parsed.message };
  try {
    const linear = linearize(parsed.alternatives, options.captureGroups ?? new Set());
    const notes = new Set(linear.notes);
    const byBinding = new Map<string, GlobVariant>();
    for (const branch of linear.branches) {
      const emitted = emitBranch(branch, options, notes);
      if (!emitted) continue;
      const key = JSON.stringify([...emitted.bindings].sort(([a], [b]) => a - b));
      const variant = byBinding.get(key) ?? { globs: [], bindings: emitted.bindings };
      byBinding.set(key, variant);
      appendAll(variant.globs, emitted.globs);
    }
    const variants = [...byBinding.values()].map((variant) => ({ ...variant, globs: simplify(variant.globs) }));
    for (const glob of variants.flatMap((variant) => variant.globs)) {
      const compiled = compilePattern(glob);
      if (!compiled.ok) return { ok: false, message: `no glob says the same (${compiled.message})` };
    }
    const globs = [...new Set(variants.flatMap((variant) => variant.globs))];
    return { ok: true, globs, variants, exact: notes.size === 0, notes: [...notes] };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, message: `${error.message} has no glob equivalent` };
    throw error;
  }
}

/** Drops repeats and merges `X` with `*\/**\/X` into `**\/X` (what `(^|/)X` becomes). */
function simplify(globs: string[]): string[] {
  const unique = [...new Set(globs)];
  const merged = new Set<string>();
  const out: string[] = [];
  for (const glob of unique) {
    if (merged.has(glob)) continue;
    const deeper = `*/**/${glob}`;
    if (!glob.startsWith('*') && unique.includes(deeper)) {
      merged.add(deeper);
      out.push(`**/${glob}`);
    } else {
      out.push(glob);
    }
  }
  return out;
}
