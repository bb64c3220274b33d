// The physical floor of a cold check: listing the sources, reading them, and parsing each once
// with TypeScript's parser (what the engine must do at the least), on one thread, in a process of
// its own. The engine's cold time minus this is what resolution, checks, start-up and the report
// cost.
import { readFileSync } from 'node:fs';
import { parseSource } from '../../src/core/graph/parseSource';
import { listSources } from './corpora';

export interface FloorResult {
  files: number;
  listMs: number;
  readMs: number;
  parseMs: number;
  megabytes: number;
}

export function measureFloor(dir: string): FloorResult {
  let started = performance.now();
  const files = listSources(dir);
  const listMs = performance.now() - started;
  started = performance.now();
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const readMs = performance.now() - started;
  started = performance.now();
  let nodes = 0;
  texts.forEach((text, i) => {
    nodes += parseSource(files[i], text).sourceFile.statements.length;
  });
  const parseMs = performance.now() - started;
  if (nodes === 0 && files.length > 0) throw new Error('nothing parsed');
  return { files: files.length, listMs, readMs, parseMs, megabytes: texts.reduce((sum, text) => sum + text.length, 0) / (1024 * 1024) };
}
