import * as path from 'node:path';

// Small facts about module specifiers and package paths, shared by the resolver and its tests.

/** `./x`, `../x`, `.`, `..`. */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^\.\.?(?:[\\/]|$)/.test(specifier);
}

/** A specifier that names a file rather than a package: relative or absolute. */
export function isPathSpecifier(specifier: string): boolean {
  return isRelativeSpecifier(specifier) || path.isAbsolute(specifier) || path.posix.isAbsolute(specifier);
}

/** `https://…`, `file:…`, `data:…`: not packages, and nothing we can resolve. */
export function isUrlSpecifier(specifier: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(specifier) || /^(?:data|file):/i.test(specifier);
}

/** Package name of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Package that holds a file inside node_modules (the last node_modules segment wins, as in pnpm layouts). */
export function packageNameFromPath(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const index = parts.lastIndexOf('node_modules');
  if (index < 0 || index + 1 >= parts.length) return undefined;
  const first = parts[index + 1];
  if (first.startsWith('@') && index + 2 < parts.length) return `${first}/${parts[index + 2]}`;
  return first;
}

/** True when a path lies inside some node_modules directory (relative to `root`, so a root inside one still works). */
export function isInNodeModules(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).includes('node_modules');
}
