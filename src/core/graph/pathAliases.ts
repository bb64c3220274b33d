import * as path from 'node:path';
import type { ts } from 'ts-morph';

interface Alias {
  prefix: string;
  suffix: string;
  wildcard: boolean;
  targets: string[];
}

/**
 * The tsconfig `paths` table, to tell an aliased specifier (which must resolve, or it is
 * `unresolved:`) from a bare package name, and to find aliased files TypeScript does not resolve
 * (`@/assets/logo.svg`).
 */
export class PathAliases {
  private readonly aliases: Alias[];
  private readonly base: string;

  constructor(options: ts.CompilerOptions, root: string) {
    const pathsBasePath = options['pathsBasePath'];
    this.base = options.baseUrl ?? (typeof pathsBasePath === 'string' ? pathsBasePath : root);
    this.aliases = Object.entries(options.paths ?? {}).map(([pattern, targets]) => {
      const star = pattern.indexOf('*');
      return star < 0
        ? { prefix: pattern, suffix: '', wildcard: false, targets }
        : { prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1), wildcard: true, targets };
    });
    // TypeScript tries exact patterns first, then the longest prefix.
    this.aliases.sort((a, b) => Number(a.wildcard) - Number(b.wildcard) || b.prefix.length - a.prefix.length);
  }

  matches(specifier: string): boolean {
    return this.aliases.some((alias) => captureOf(alias, specifier) !== undefined);
  }

  /** Absolute candidate files for the specifier, in the order TypeScript would try them. */
  candidates(specifier: string): string[] {
    const result: string[] = [];
    for (const alias of this.aliases) {
      const capture = captureOf(alias, specifier);
      if (capture === undefined) continue;
      for (const target of alias.targets) result.push(path.resolve(this.base, target.replace('*', capture)));
    }
    return result;
  }
}

function captureOf(alias: Alias, specifier: string): string | undefined {
  if (!alias.wildcard) return specifier === alias.prefix ? '' : undefined;
  if (specifier.length < alias.prefix.length + alias.suffix.length) return undefined;
  if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) return undefined;
  return specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
}
