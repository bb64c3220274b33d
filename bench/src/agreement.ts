// Do the engine's edges agree with TypeScript's own resolution and with dependency-cruiser's?
// Each side is reduced to (importing file, specifier) → target, where the target is a
// root-relative workspace file or `external` (a package, a built-in, or nothing resolvable).
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { AnalysisResult } from '../../src/core/model/types';
import type { DepcruiseReport } from './findings';

export type Resolution = Map<string, string>;

export interface Disagreement {
  from: string;
  specifier: string;
  engine: string | undefined;
  other: string | undefined;
}

export interface Agreement {
  /** (file, specifier) pairs both sides know. */
  compared: number;
  agreed: number;
  /** Internal (file → file) edges on each side. */
  engineFileEdges: number;
  otherFileEdges: number;
  disagreements: Disagreement[];
}

/** Internal in TypeScript 5.x and 6.0 (not in the public .d.ts), and what the checker reads. */
interface ProgramWithResolutions {
  forEachResolvedModule(
    callback: (resolution: ts.ResolvedModuleWithFailedLookupLocations, moduleName: string, mode: ts.ResolutionMode, filePath: string) => void,
  ): void;
}

/** `node:fs` and `fs` name one built-in; dependency-cruiser reports the bare name. */
const key = (from: string, specifier: string): string => `${from}\u0000${specifier.replace(/^node:/, '')}`;
const toPosix = (p: string): string => p.split(path.sep).join('/');
const EXTERNAL = 'external';

function workspaceTarget(root: string, file: string | undefined): string {
  if (file === undefined) return EXTERNAL;
  const rel = toPosix(path.relative(root, path.resolve(root, file)));
  return rel.startsWith('..') || rel.split('/').includes('node_modules') ? EXTERNAL : rel;
}

/** The engine's view from an analysis result. */
export function engineResolution(result: AnalysisResult): Resolution {
  const map: Resolution = new Map();
  for (const edge of result.edges) {
    const target = path.isAbsolute(edge.to) ? workspaceTarget(result.root, edge.to) : EXTERNAL;
    map.set(key(toPosix(path.relative(result.root, edge.from)), edge.specifier), target);
  }
  return map;
}

/**
 * TypeScript's view: a Program over the same files with the corpus's tsconfig, and for each file
 * the modules the Program resolved (`forEachResolvedModule`, what the checker itself uses).
 */
export interface TypescriptView {
  resolution: Resolution;
  /**
   * `jsx: react-jsx` makes TypeScript add an import of `react/jsx-runtime` to every module that
   * nobody wrote; it is counted here and left out of `resolution`.
   */
  implicitJsxImports: number;
}

export function typescriptResolution(root: string, files: readonly string[]): TypescriptView {
  const configFile = path.join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { ignoreDeprecations: '6.0' }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const program = ts.createProgram({ rootNames: [...files], options: { ...parsed.options, noEmit: true, types: [] } }) as ts.Program & ProgramWithResolutions;
  const wanted = new Set(files.map((file) => path.resolve(file)));
  const map: Resolution = new Map();
  const jsx = parsed.options.jsx;
  const jsxRuntime = jsx === ts.JsxEmit.ReactJSX || jsx === ts.JsxEmit.ReactJSXDev
    ? `${parsed.options.jsxImportSource ?? 'react'}/${jsx === ts.JsxEmit.ReactJSXDev ? 'jsx-dev-runtime' : 'jsx-runtime'}`
    : undefined;
  let implicitJsxImports = 0;
  program.forEachResolvedModule((resolution, moduleName, _mode, filePath) => {
    if (!wanted.has(path.resolve(filePath))) return;
    if (moduleName === jsxRuntime && !program.getSourceFile(filePath)?.text.includes(jsxRuntime)) {
      implicitJsxImports++;
      return;
    }
    const resolved = resolution.resolvedModule;
    const target = resolved && !resolved.isExternalLibraryImport ? workspaceTarget(root, resolved.resolvedFileName) : EXTERNAL;
    map.set(key(toPosix(path.relative(root, filePath)), moduleName), target);
  });
  // `/// <reference path>` is no module: TypeScript keeps it apart, as a file of the program.
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    for (const ref of sf.referencedFiles) {
      const file = path.resolve(path.dirname(sf.fileName), ref.fileName);
      const target = program.getSourceFile(file) ? workspaceTarget(root, file) : EXTERNAL;
      map.set(key(toPosix(path.relative(root, sf.fileName)), ref.fileName), target);
    }
  }
  return { resolution: map, implicitJsxImports };
}

/** dependency-cruiser's view from its JSON report (paths there are relative to the corpus root). */
export function depcruiseResolution(report: DepcruiseReport): Resolution {
  const map: Resolution = new Map();
  for (const module of report.modules) {
    if (!/^src\//.test(module.source) || /\.d\.[cm]?ts$/.test(module.source)) continue;
    for (const dep of module.dependencies) {
      const internal = !dep.couldNotResolve && !dep.coreModule && !dep.resolved.split('/').includes('node_modules') && /^src\//.test(dep.resolved);
      map.set(key(module.source, dep.module), internal ? dep.resolved : EXTERNAL);
    }
  }
  return map;
}

export function compareResolutions(engine: Resolution, other: Resolution): Agreement {
  const disagreements: Disagreement[] = [];
  let compared = 0;
  let agreed = 0;
  for (const k of new Set([...engine.keys(), ...other.keys()])) {
    const [from, specifier] = k.split('\u0000');
    const a = engine.get(k);
    const b = other.get(k);
    if (a !== undefined && b !== undefined) compared++;
    if (a === b) agreed++;
    else disagreements.push({ from, specifier, engine: a, other: b });
  }
  const fileEdges = (map: Resolution): number => [...map.values()].filter((v) => v !== EXTERNAL).length;
  disagreements.sort((x, y) => (x.from === y.from ? (x.specifier < y.specifier ? -1 : 1) : x.from < y.from ? -1 : 1));
  return { compared, agreed, engineFileEdges: fileEdges(engine), otherFileEdges: fileEdges(other), disagreements };
}
