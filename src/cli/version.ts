import { statSync } from 'node:fs';
import packageJson from '../../package.json';

export const VERSION: string = packageJson.version;

/**
 * The version plus when this build was made: cached parse results from another build of the engine
 * are never reused, even between releases.
 */
export function buildId(): string {
  try {
    return `${VERSION}+${statSync(__filename).mtimeMs}`;
  } catch {
    return VERSION;
  }
}
