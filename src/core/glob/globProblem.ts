// What is wrong with a glob written where captures mean nothing (include, exclude, layers,
// scopes, exceptions): a syntax error, or a capture that would silently act as `*`.
import { compilePattern } from './pattern';

export function plainGlobProblem(pattern: string): string | undefined {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return compiled.message;
  const name = compiled.pattern.captureNames[0] ?? compiled.pattern.negatedNames[0];
  if (name !== undefined) return `"${pattern}": captures such as "{${name}}" only work in a rule's "from" and "to"`;
  return undefined;
}
