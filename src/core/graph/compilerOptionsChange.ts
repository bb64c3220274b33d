// Whether an edited tsconfig (or jsconfig) changes how imports resolve. Most edits of one do not
// (a strictness flag, a lint option, TypeScript's own upgrade), and resolving every import of the
// repository again for each costs as much as a cold check's resolution.
import type { LoadedCompilerOptions } from './compilerOptions';

/**
 * Options no step of module resolution reads: checking, emit and build-output options. Listed, not
 * inferred: TypeScript's own list of options that affect resolution leaves out what the engine
 * also reads (the folder `paths` was written in when it moves between a base config and the one
 * extending it, a workspace package's `outDir`), and an option missing here only costs a
 * resolution done again.
 */
const IRRELEVANT: ReadonlySet<string> = new Set([
  // Type checking.
  'strict', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization',
  'strictBuiltinIteratorReturn', 'noImplicitAny', 'noImplicitThis', 'noImplicitReturns', 'noImplicitOverride',
  'noUnusedLocals', 'noUnusedParameters', 'noFallthroughCasesInSwitch', 'noUncheckedIndexedAccess',
  'noUncheckedSideEffectImports', 'noPropertyAccessFromIndexSignature', 'exactOptionalPropertyTypes',
  'useUnknownInCatchVariables', 'alwaysStrict', 'allowUnreachableCode', 'allowUnusedLabels', 'checkJs',
  'noStrictGenericChecks', 'allowUmdGlobalAccess', 'skipLibCheck', 'skipDefaultLibCheck',
  'forceConsistentCasingInFileNames', 'lib', 'ignoreDeprecations', 'plugins',
  // Emit.
  'noEmit', 'noEmitOnError', 'noEmitHelpers', 'emitBOM', 'sourceMap', 'inlineSourceMap', 'declarationMap',
  'inlineSources', 'sourceRoot', 'mapRoot', 'removeComments', 'newLine', 'stripInternal', 'preserveConstEnums',
  'importHelpers', 'downlevelIteration', 'useDefineForClassFields', 'experimentalDecorators', 'emitDecoratorMetadata',
  'esModuleInterop', 'allowSyntheticDefaultImports', 'isolatedModules', 'isolatedDeclarations', 'verbatimModuleSyntax',
  'erasableSyntaxOnly', 'declaration', 'emitDeclarationOnly', 'jsxFactory', 'jsxFragmentFactory', 'reactNamespace',
  // Builds and diagnostics.
  'incremental', 'tsBuildInfoFile', 'diagnostics', 'extendedDiagnostics', 'listFiles', 'listEmittedFiles',
  'traceResolution', 'explainFiles', 'pretty', 'noErrorTruncation', 'preserveWatchOutput',
  'assumeChangesOnlyAffectDirectDependencies', 'disableSizeLimit', 'generateCpuProfile', 'generateTrace', 'locale',
]);

/** True unless both were read from the same file, say the same, and differ only in options resolution does not read. */
export function compilerOptionsDiffer(before: LoadedCompilerOptions, after: LoadedCompilerOptions): boolean {
  if (before.configFile !== after.configFile) return true;
  // The problems a config file has are reported: a change in them is a change.
  if (JSON.stringify(before.notices) !== JSON.stringify(after.notices)) return true;
  const keys = new Set([...Object.keys(before.options), ...Object.keys(after.options)]);
  for (const key of keys) {
    if (!IRRELEVANT.has(key) && JSON.stringify(before.options[key]) !== JSON.stringify(after.options[key])) return true;
  }
  return false;
}
