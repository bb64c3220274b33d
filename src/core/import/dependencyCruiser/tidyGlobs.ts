// Finishing touches on a converted rule: captures get names a reader understands (`{feature}`
// after `features/`, rather than `{$1}`), and globs that match no file of the project now are
// left out of a list (an exact translation of a regex often has a few: a root file named
// like a folder), so the first `guardrails check` does not open with "matches no file" warnings.
import { compilePattern } from '../../glob/pattern';
import { captureNameAfter } from '../captureNames';

const PLACEHOLDER = /\{\$(\d+)(?:_(\d+))?\}/g;

/** Renames `{$1}` (and `!{$1}`) in every glob, by the folder name in front of it in `from`. */
export function nameCaptures(from: string[], to: string[]): { from: string[]; to: string[] } {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const glob of from) {
    const segments = glob.split('/');
    for (const [index, segment] of segments.entries()) {
      const match = /^\{(\$\d+(?:_\d+)?)\}$/.exec(segment);
      if (!match || names.has(match[1])) continue;
      const previous = segments[index - 1] ?? '';
      let name = captureNameAfter(previous, `g${match[1].slice(1)}`);
      while (taken.has(name)) name = `${name}_`;
      taken.add(name);
      names.set(match[1], name);
    }
  }
  const rename = (glob: string): string => glob.replace(PLACEHOLDER, (whole, n: string, k?: string) => `{${names.get(`$${n}${k ? `_${k}` : ''}`) ?? whole.slice(1, -1)}}`);
  return { from: from.map(rename), to: to.map(rename) };
}

/**
 * `globs` without those that match none of `files`; all of them when none matches (the rule
 * then rightly warns that it checks nothing). Captures are read as `*` here.
 */
export function withoutUnmatched(globs: string[], files: readonly string[] | undefined): { kept: string[]; dropped: string[] } {
  if (!files || globs.length < 2) return { kept: globs, dropped: [] };
  const matches = (glob: string): boolean => {
    const compiled = compilePattern(glob.replace(/!?\{[^/{}]+\}/g, '*'));
    return !compiled.ok || files.some((file) => compiled.pattern.match(file));
  };
  const kept = globs.filter(matches);
  if (kept.length === 0) return { kept: globs, dropped: [] };
  return { kept, dropped: globs.filter((glob) => !kept.includes(glob)) };
}

/** Source files, as Guardrails analyses them, among a list of project files. */
export function sourceFiles(files: readonly string[] | undefined): string[] | undefined {
  return files?.filter((file) => /\.(?:[cm]?[jt]sx?)$/.test(file));
}
