// Whether an edited tsconfig (or jsconfig) changes how imports resolve. Most edits of one over a
// history do not (a strictness flag, a lint option, TypeScript's own upgrade), and resolving every
// import of the repository again for each costs as much as a cold check's resolution.
import { ts } from 'ts-morph';
import type { LoadedCompilerOptions } from './compilerOptions';

/**
 * TypeScript's own test (internal but long-stable; its builder reuses resolutions by it): do two
 * sets of options differ in any option declared to affect module resolution?
 */
const changesAffectModuleResolution = (ts as unknown as { changesAffectModuleResolution(before: ts.CompilerOptions, after: ts.CompilerOptions): boolean }).changesAffectModuleResolution;

/** True unless both were read from the same file, say the same, and agree on every option resolution reads. */
export function compilerOptionsDiffer(before: LoadedCompilerOptions, after: LoadedCompilerOptions): boolean {
  if (before.configFile !== after.configFile) return true;
  // The problems a config file has are reported: a change in them is a change.
  if (JSON.stringify(before.notices) !== JSON.stringify(after.notices)) return true;
  return changesAffectModuleResolution(before.options, after.options);
}
