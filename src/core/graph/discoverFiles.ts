import * as path from 'node:path';
import type { FileStat, FileSystem } from '../fs/fileSystem';
import type { Notice } from '../model/types';
import { isInside, toRelative } from '../util/paths';
import { readFailureText } from '../fs/textFile';

export interface DiscoverOptions {
  /** Root-relative path (with `/`) → analysed? */
  include: (rel: string) => boolean;
  exclude: (rel: string) => boolean;
  /** Absolute directories governed by nested rules files: not walked. */
  excludeDirs?: readonly string[];
  maxFileBytes: number;
  /** Source extensions; defaults to `DEFAULT_SOURCE_EXTENSIONS`. */
  extensions?: string[];
  /** Hand back the texts read for the binary check, so the caller does not read every file twice. */
  keepTexts?: boolean;
  /** Told the running count each time a file is found (a large load can prepare while the walk goes on). */
  onFile?: (count: number) => void;
  /**
   * True when a cache knows this file unchanged from its size and modification time: it is
   * taken without being read (it was analysable when cached).
   */
  knownUnchanged?: (file: string, stat: FileStat) => boolean;
  /**
   * Take at most this many files, in walk order (each folder by name): the walk ends at the first
   * file past the cap, so a workspace far larger than the cap costs no more than the cap.
   */
  maxFiles?: number;
}

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
  notices: Notice[];
  /** With `keepTexts`: each file's text as read during discovery. */
  texts?: Map<string, string>;
  /** With `maxFiles`: more files matched than that, and the walk stopped at the cap. */
  capped?: boolean;
}

export const DEFAULT_SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** A name with one of those extensions (a quick test for file events). */
export const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/** Never analysed, never walked. */
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** A name no one gives a file: a directory is pruned only if exclude matches anything inside it. */
const PROBE = 'guardrails-probe';
const BINARY_SNIFF_CHARS = 8192;

/**
 * True for a path (root-relative, `/`) discovery would consider a source file: a source
 * extension, nothing under node_modules or .git. Declaration files (`.d.ts`) count: their imports
 * and `/// <reference>`s are real edges of the graph (type-only ones), and debt is written in them. Edits and disk events use it
 * too, so the editor never analyses a file the first load skipped.
 */
export function isSourcePath(rel: string, extensions: readonly string[] = DEFAULT_SOURCE_EXTENSIONS): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (!extensions.some((extension) => name.endsWith(extension))) return false;
  return !rel.split('/').some((segment) => ALWAYS_SKIPPED_DIRS.has(segment));
}

/** True when text must not be parsed: larger than the cap, or binary (a NUL near the start). */
export function isUnanalysableText(text: string, maxFileBytes: number): boolean {
  return Buffer.byteLength(text) > maxFileBytes || text.slice(0, BINARY_SNIFF_CHARS).includes('\0');
}

/**
 * Source files under `root` that the rules include, walking through the FileSystem.
 * Symlinked directories are followed when they lead outside the root (inside it, the real
 * directory is walked under its own path so that each file appears once, as the resolver names it);
 * a link back to an ancestor is reported once and skipped.
 */
export function discoverFiles(root: string, fs: FileSystem, options: DiscoverOptions): DiscoveredFiles {
  const files: string[] = [];
  const notices: Notice[] = [];
  const texts = options.keepTexts ? new Map<string, string>() : undefined;
  if (!fs.directoryExists(root)) {
    notices.push({ level: 'warning', message: `root ${root} does not exist or is not a directory`, file: root });
    return { files, notices };
  }
  const extensions = options.extensions ?? DEFAULT_SOURCE_EXTENSIONS;
  const excludeDirs = new Set((options.excludeDirs ?? []).map((dir) => path.resolve(dir)));
  const realRoot = fs.realpath(root);
  const walkedOutside = new Set<string>();
  const rel = (file: string): string => toRelative(root, file);
  const maxFiles = options.maxFiles ?? Infinity;
  let capped = false;

  const isSource = (name: string): boolean => extensions.some((ext) => name.endsWith(ext));

  const pruned = (dir: string): boolean => {
    if (excludeDirs.has(dir)) return true;
    const relDir = rel(dir);
    return options.exclude(`${relDir}/${PROBE}`) && options.exclude(`${relDir}/${PROBE}/${PROBE}`);
  };

  const considerFile = (file: string): void => {
    const relFile = rel(file);
    if (!options.include(relFile) || options.exclude(relFile)) return;
    const stat = fs.stat(file);
    const size = stat?.size ?? 0;
    if (size > options.maxFileBytes) {
      notices.push({
        level: 'warning',
        file,
        message: `skipped ${relFile} (${formatSize(size)} > ${formatSize(options.maxFileBytes)} limit; raise maxFileSizeKb in guardrails.json to analyse it)`,
      });
      return;
    }
    if (files.length >= maxFiles) {
      capped = true;
      return;
    }
    if (stat && options.knownUnchanged?.(file, stat)) {
      files.push(file);
      options.onFile?.(files.length);
      return;
    }
    const read = fs.readText(file, options.maxFileBytes);
    if (!read.ok) {
      if (read.reason === 'missing') return; // deleted while we walked
      notices.push(read.reason === 'too-large'
        ? { level: 'warning', file, message: `skipped ${relFile} (${read.detail}; raise maxFileSizeKb in guardrails.json to analyse it)` }
        : { level: 'warning', file, unreadable: true, message: `cannot read ${relFile}: ${readFailureText(read)}; it is left out of this run (a baseline keeps its entries), fix that to check it` });
      return;
    }
    const text = read.text;
    if (text.slice(0, BINARY_SNIFF_CHARS).includes('\0')) {
      notices.push({ level: 'info', file, message: `skipped ${relFile}: binary content (a NUL byte in its first 8 KB)` });
      return;
    }
    files.push(file);
    texts?.set(file, text);
    options.onFile?.(files.length);
  };

  /** `realDir` is the directory's real path; `ancestors` the real paths of the directories above it. */
  const walk = (dir: string, realDir: string, ancestors: readonly string[]): void => {
    const chain = [...ancestors, realDir];
    const entries = [...fs.readDirectory(dir)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (capped) return;
      if (ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.kind === 'file') {
        if (isSource(entry.name)) considerFile(full);
      } else if (entry.kind === 'directory') {
        if (!pruned(full)) walk(full, path.join(realDir, entry.name), chain);
      } else if (entry.kind === 'symlink') {
        followLink(full, chain);
      }
    }
  };

  const followLink = (link: string, chain: readonly string[]): void => {
    const stat = fs.stat(link);
    if (!stat) return; // dangling link
    const real = fs.realpath(link);
    const insideRoot = isInside(realRoot, real);
    if (stat.isFile) {
      if (!insideRoot && isSource(path.basename(link))) considerFile(link);
      return;
    }
    if (!stat.isDirectory) return;
    if (chain.includes(real)) {
      const target = insideRoot ? rel(path.join(root, path.relative(realRoot, real))) || '.' : real;
      notices.push({
        level: 'warning',
        file: link,
        message: `skipped symlink ${rel(link)}: it points to ${target}, which contains it (a symlink loop)`,
      });
      return;
    }
    if (insideRoot || walkedOutside.has(real) || pruned(link)) return;
    walkedOutside.add(real);
    walk(link, real, chain);
  };

  walk(root, realRoot, []);
  files.sort();
  return { files, notices, texts, ...(capped ? { capped } : {}) };
}

/** `5.2 MB`, `1 MB`, `300 KB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  const oneDecimal = (n: number): string => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 * 1024) return `${oneDecimal(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
