// A dependency-cruiser configuration with its `extends` chain merged the way dependency-cruiser
// merges it. Each file is read by readToolConfig (a JavaScript one in a child process); names in
// `extends` are resolved with Node's resolution, which reads package.json files and runs nothing.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { mergeDependencyCruiserConfigs } from '../../core';
import { readToolConfig, type ReadOutcome } from './readToolConfig';

const EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.json'];

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function readDependencyCruiserConfig(file: string, visited: string[] = []): Promise<ReadOutcome> {
  const absolute = path.resolve(file);
  if (visited.includes(absolute)) return { ok: false, message: `"extends" goes round in a circle: ${[...visited, absolute].join(' → ')}` };
  const read = await readToolConfig(absolute, 'plain');
  if (!read.ok || !isDict(read.value) || read.value.extends === undefined) return read;
  const config = read.value;
  const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
  let merged: Record<string, unknown> = { ...config };
  delete merged.extends;
  for (const base of bases) {
    if (typeof base !== 'string') return { ok: false, message: `${file}: "extends" holds something other than a file or package name` };
    const resolved = resolveExtends(base, absolute);
    if (!resolved) return { ok: false, message: `${file}: "extends": cannot find "${base}" from ${path.dirname(absolute)}` };
    const baseConfig = await readDependencyCruiserConfig(resolved, [...visited, absolute]);
    if (!baseConfig.ok) return baseConfig;
    if (!isDict(baseConfig.value)) return { ok: false, message: `${resolved}: does not export a dependency-cruiser configuration` };
    merged = mergeDependencyCruiserConfigs(merged, baseConfig.value);
  }
  return { ok: true, value: merged };
}

function resolveExtends(name: string, from: string): string | undefined {
  if (name.startsWith('.') || path.isAbsolute(name)) {
    const base = path.resolve(path.dirname(from), name);
    return EXTENSIONS.map((extension) => `${base}${extension}`).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  }
  try {
    return createRequire(from).resolve(name);
  } catch {
    return undefined;
  }
}
