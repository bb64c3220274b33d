// The folder a glob cannot match outside of: its leading segments that hold no glob character.
import { checkGlobSyntax, hasGlobChars } from './globSyntax';

/**
 * `src/features/{feature}/**` → `src/features`; `**\/*.ts` → '' (anywhere). A glob without any
 * glob character is a path and is its own base. A glob that is not valid has none ('').
 */
export function globBase(pattern: string): string {
  // `src/{..,x}/y.ts` matches `y.ts` at the top once its alternatives are expanded and reduced.
  if (pattern.includes('..')) return '';
  const syntax = checkGlobSyntax(pattern);
  if (!syntax.ok) return '';
  const literal: string[] = [];
  for (const segment of syntax.segments) {
    if (hasGlobChars(segment)) break;
    literal.push(segment);
  }
  return literal.join('/');
}
