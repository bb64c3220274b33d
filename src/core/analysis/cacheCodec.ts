// The shapes `check --cache` stores, each written once and used both ways: to check what is read
// back (a cache file is input like any other: truncated, hand-edited, from another version) and to
// turn paths into the stored, relative form and back. A shape lists every field of its type (the
// compiler refuses one that misses a field), so a field added to the engine's types cannot be
// forgotten here and silently dropped, nor keep an absolute path.
import type { CycleStep, DebtItem, DependencyKind, ImportRef, Location, Notice, Position, Range, Tangle, TangleRef, Target, Violation } from '../model/types';
import { DEPENDENCY_KINDS } from '../model/types';
import type { Suppression } from '../suppress/suppressions';
import type { FileFacts } from './fileAnalysis';
import type { PathMap } from './portablePaths';
import { FS_QUERY_KINDS, type FsQuery } from '../fs/recordingFileSystem';

/**
 * How a shape maps: `paths` turns each path into the other form. Reading back, the parsed value is
 * checked and mapped where it is (`inPlace`: no copy of a large cache, nor the memory to collect
 * it; fields no shape names are left there, and nothing reads them); writing, a mapped copy is made.
 * `inPlace` is thus also the direction, for the shapes stored in another form (`packed`, ranges).
 */
export interface Mapping {
  paths: PathMap;
  inPlace: boolean;
}

/** Checks a value read back (or about to be written) and maps its paths. */
export type Shape<T> = (value: unknown, how: Mapping) => T;

/** Where a value read back does not have its shape: `trail` is filled in on the way out. */
class ShapeError extends Error {
  readonly trail: string[] = [];
  constructor(readonly what: string) {
    super(what);
  }
}

/** Inside a shape: the value read back is not `what`. */
export const fail = (what: string): never => {
  throw new ShapeError(what);
};

/** A failure below a value learns which part of it failed. */
function within(error: unknown, key: string): unknown {
  if (error instanceof ShapeError) error.trail.unshift(key);
  return error;
}

export const text: Shape<string> = (value) => (typeof value === 'string' ? value : fail('a string'));
export const count: Shape<number> = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : fail('a number'));
const flag: Shape<boolean> = (value) => (typeof value === 'boolean' ? value : fail('true or false'));
/** An absolute path in memory, a stored one on disk. */
export const filePath: Shape<string> = (value, how) => how.paths(typeof value === 'string' ? value : fail('a string'));

function oneOf<T extends string>(values: readonly T[]): Shape<T> {
  return (value) => (values.includes(value as T) ? (value as T) : fail(`one of ${values.join(', ')}`));
}

export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (value, how) => (value === undefined ? undefined : shape(value, how));
}

export function list<T>(shape: Shape<T>): Shape<T[]> {
  return (value, how) => {
    if (!Array.isArray(value)) return fail('a list');
    const out = how.inPlace ? (value as T[]) : new Array<T>(value.length);
    let i = 0;
    try {
      for (; i < value.length; i++) {
        const item = shape(value[i], how);
        if (out[i] !== item) out[i] = item;
      }
    } catch (error) {
      throw within(error, `[${i}]`);
    }
    return out;
  };
}

/** An object used as a map; `key` maps its keys (paths, for files). */
export function record<T>(shape: Shape<T>, key: (name: string, how: Mapping) => string = (name) => name): Shape<Map<string, T>> {
  return (value, how) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an object');
    const out = new Map<string, T>();
    let name = '';
    try {
      for (name of Object.keys(value)) out.set(key(name, how), shape((value as Record<string, unknown>)[name], how));
    } catch (error) {
      throw within(error, `[${JSON.stringify(name)}]`);
    }
    return out;
  };
}

/** Every field of `T`, required or not; absent optional fields stay absent. */
export function object<T>(fields: { [K in keyof T]-?: Shape<T[K]> }): Shape<T> {
  const keys = Object.keys(fields);
  const shapes = Object.values<Shape<unknown>>(fields);
  return (value, how) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an object');
    const source = value as Record<string, unknown>;
    const out = how.inPlace ? source : {};
    let k = 0;
    try {
      for (; k < keys.length; k++) {
        const item = shapes[k](source[keys[k]], how);
        if (item !== undefined && out[keys[k]] !== item) out[keys[k]] = item;
      }
    } catch (error) {
      throw within(error, `.${keys[k]}`);
    }
    return out as T;
  };
}

/**
 * Every field of `T`, stored as a list in the fields' order (absent optional fields as null): the
 * facts of a large workspace hold hundreds of thousands of these, and their keys, written out in
 * each, were most of the cache's text and of the time to parse it. The fields' order is the
 * stored layout: reordering them means bumping CACHE_FORMAT.
 */
export function packed<T>(fields: { [K in keyof T]-?: Shape<T[K]> }): Shape<T> {
  const keys = Object.keys(fields);
  const shapes = Object.values<Shape<unknown>>(fields);
  return (value, how) => {
    const reading = how.inPlace;
    if (reading ? !Array.isArray(value) || value.length !== keys.length : typeof value !== 'object' || value === null) return fail(reading ? `a list of ${keys.length}` : 'an object');
    const source = value as Record<string, unknown> & unknown[];
    const out: Record<string, unknown> & unknown[] = reading ? ({} as Record<string, unknown> & unknown[]) : (new Array(keys.length) as Record<string, unknown> & unknown[]);
    let k = 0;
    try {
      for (; k < keys.length; k++) {
        if (reading) {
          const item = shapes[k](source[k] === null ? undefined : source[k], how);
          if (item !== undefined) out[keys[k]] = item;
        } else {
          out[k] = shapes[k](source[keys[k]], how) ?? null;
        }
      }
    } catch (error) {
      throw within(error, `.${keys[k]}`);
    }
    return out as unknown as T;
  };
}

const severity = oneOf(['error', 'warning', 'info'] as const);
const position = object<Position>({ line: count, column: count });
const rangeFields = object<Range>({ start: position, end: position });
/** A range stored as [start line, start column, end line, end column]. */
const range: Shape<Range> = (value, how) => {
  if (!how.inPlace) {
    const { start, end } = rangeFields(value, how);
    return [start.line, start.column, end.line, end.column] as unknown as Range;
  }
  if (!Array.isArray(value) || value.length !== 4) return fail('a list of 4 numbers');
  const numbers = value as unknown[];
  for (let i = 0; i < 4; i++) if (typeof numbers[i] !== 'number' || !Number.isFinite(numbers[i])) throw within(new ShapeError('a number'), `[${i}]`);
  const [startLine, startColumn, endLine, endColumn] = numbers as number[];
  return { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } };
};
const location = object<Location>({ file: filePath, range });
const dependencyKind = oneOf<DependencyKind>(DEPENDENCY_KINDS);
/** A workspace path, or `pkg:`, `node:`, `unresolved:` as written. */
export const target: Shape<Target> = filePath;

const importRef = packed<ImportRef>({ specifier: text, kind: dependencyKind, typeOnly: flag, range });
const cycleStep = object<CycleStep>({ from: filePath, to: target, location });

const tangleRef = object<TangleRef>({ files: count, cycles: count, cut: list(cycleStep) });

export const violation = object<Violation>({
  ruleId: text, severity, message: text, why: optional(text), location, from: filePath, to: target,
  kind: optional(dependencyKind), cycle: optional(list(cycleStep)), tangle: optional(tangleRef), baselined: optional(flag), originalSeverity: optional(severity),
});

export const tangle = object<Tangle>({ ruleId: text, files: list(filePath), cycles: count, cyclesWithoutTypeOnly: count, cut: list(cycleStep) });

export const debtItem = packed<DebtItem>({
  tag: text, text, file: filePath, range, commentRange: range, overdue: flag, severity, id: text,
  owner: optional(text), ticket: optional(text), due: optional(text), estimate: optional(text), estimateHours: optional(count), interest: optional(text),
});

const suppression = packed<Suppression>({ file: filePath, ruleIds: list(text), reason: text, line: count, targetLine: count, range });

export const notice = object<Notice>({ level: oneOf(['info', 'warning'] as const), message: text, file: optional(filePath), unreadable: optional(flag), code: optional(oneOf(['max-files'] as const)) });

export const fileFacts = object<FileFacts>({
  file: filePath, imports: list(importRef), debt: list(debtItem), suppressions: list(suppression), problems: list(violation), withoutParseErrors: optional(flag),
});

/** A recorded question of module resolution; a `realpath`'s answer is a path too. */
const fsQueryFields = packed<FsQuery>({ kind: oneOf(FS_QUERY_KINDS), path: filePath, maxBytes: optional(count), answer: text });
export const fsQuery: Shape<FsQuery> = (value, how) => {
  if (!how.inPlace) {
    // Writing: the answer is mapped while it is still a field, before the fields are packed.
    const written = value as FsQuery | null;
    return fsQueryFields(written?.kind === 'realpath' ? { ...written, answer: how.paths(written.answer) } : value, how);
  }
  const query = fsQueryFields(value, how);
  if (query.kind === 'realpath') query.answer = how.paths(query.answer);
  return query;
};

/** `shape` applied to a value about to be written: a copy with stored paths. */
export function encode<T>(shape: Shape<T>, value: T, paths: PathMap): T {
  return shape(value, { paths, inPlace: false });
}

/** `shape` applied to a value read back (in place): the value, or why it is not one. */
export function decode<T>(shape: Shape<T>, value: unknown, paths: PathMap): { ok: true; value: T } | { ok: false; why: string } {
  try {
    return { ok: true, value: shape(value, { paths, inPlace: true }) };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const where = error.trail.join('').replace(/^\./, '');
    return { ok: false, why: `${where === '' ? 'the whole' : where} is not ${error.what}` };
  }
}
