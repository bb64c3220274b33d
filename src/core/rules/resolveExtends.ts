// Follows `extends` from the rules file being loaded: each path is relative to the file that
// names it, and must stay inside the root (the loaded file's folder) or lead into a package in a
// node_modules folder. Returns the documents base-first (the order in which they are merged),
// each file once even when reached twice, and a problem for a missing, unreadable or outside
// file or a cycle at the `extends` string that leads to it.
import * as path from 'node:path';
import { confinePath } from '../fs/confinePath';
import type { FileSystem } from '../fs/fileSystem';
import { READ_LIMITS, readFailureText } from '../fs/textFile';
import type { ConfigProblem } from '../model/ruleTypes';
import { fileStartLocation, nodeLocation, propertyValue, stringsOf, type JsonDocument, type JsonNode } from '../json/jsonDocument';
import { parseJsonc } from '../json/parseJsonc';
import { toRelative } from '../util/paths';
import { outsideMessage } from './confineRulesPaths';
import { appendAll } from '../util/arrays';

const ADVICE = {
  'not-a-file': 'point it at a JSON rules file',
  'too-large': 'a rules file is small JSON; point it at one',
  unreadable: 'check its permissions',
} as const;

export interface ExtendsChain {
  /** Bases first, the loaded file last. Empty when the loaded file cannot be read. */
  documents: JsonDocument[];
  problems: ConfigProblem[];
}

/** Deeper than any real set-up (a team file extending a company file, or a few more). */
export const MAX_EXTENDS_DEPTH = 32;

interface Reference {
  doc: JsonDocument;
  node: JsonNode;
}

export function resolveExtends(file: string, fs: FileSystem): ExtendsChain {
  const root = path.dirname(file);
  const realRoot = fs.realpath(root);
  const documents: JsonDocument[] = [];
  const problems: ConfigProblem[] = [];
  const done = new Set<string>();

  const visit = (current: string, stack: string[], reference: Reference | undefined): void => {
    const real = fs.realpath(current);
    const cycleStart = stack.findIndex((entry) => entry === real);
    if (cycleStart >= 0 && reference) {
      const chain = [...stack.slice(cycleStart), real].map((entry) => toRelative(realRoot, entry)).join(' → ');
      problems.push({ severity: 'error', message: `extends cycle: ${chain}`, location: nodeLocation(reference.doc, reference.node) });
      return;
    }
    if (done.has(real)) return;
    if (stack.length > MAX_EXTENDS_DEPTH && reference) {
      problems.push({
        severity: 'error',
        message: `"extends" goes more than ${MAX_EXTENDS_DEPTH} files deep: ${describeChain([...stack, real].map((entry) => toRelative(realRoot, entry)))}; extend fewer files in a row`,
        location: nodeLocation(reference.doc, reference.node),
      });
      return;
    }
    const read = fs.readText(current, READ_LIMITS.rules);
    if (!read.ok) {
      const written = reference && String(reference.node.value);
      const message = read.reason === 'missing'
        ? reference && `extended rules file not found: "${written}" (looked for ${toRelative(root, current)})`
        : `${reference ? `extended rules file "${written}"` : 'the rules file'} cannot be read: ${readFailureText(read)}; ${ADVICE[read.reason]}`;
      if (message) problems.push({ severity: 'error', message, location: reference ? nodeLocation(reference.doc, reference.node) : fileStartLocation(current) });
      return;
    }
    const parsed = parseJsonc(current, read.text);
    appendAll(problems, parsed.problems);
    for (const base of stringsOf(propertyValue(parsed.doc.root, 'extends'))) {
      if (base.value.trim() === '') {
        problems.push({ severity: 'error', message: '"extends" holds an empty path', location: nodeLocation(parsed.doc, base.node) });
        continue;
      }
      const confined = confinePath(root, path.resolve(path.dirname(current), base.value), fs, { packages: true });
      if (!confined.ok) {
        problems.push({ severity: 'error', message: outsideMessage('extends', base.value, root, confined), location: nodeLocation(parsed.doc, base.node) });
        continue;
      }
      visit(confined.path, [...stack, real], { doc: parsed.doc, node: base.node });
    }
    done.add(real);
    documents.push(parsed.doc);
  };

  visit(file, [], undefined);
  return { documents, problems };
}

/** `a → b → c → … → y → z`: the chain's first and last files, enough to find it. */
function describeChain(files: string[]): string {
  const shown = files.length > 8 ? [...files.slice(0, 4), '…', ...files.slice(-3)] : files;
  return shown.join(' → ');
}
