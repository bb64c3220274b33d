import { statSync } from 'node:fs';
import packageJson from '../../package.json';

export const VERSION: string = packageJson.version;

/**
 * A digest of the bundle this code is in, written over this placeholder (same length) by
 * esbuild.mjs once the bundle is made. The same build has the same id on every machine, however
 * it was installed (npm, pnpm's store, a restored CI cache), which a file's modification time is not.
 */
const BUNDLE_DIGEST = 'guardrails-bundle-digest-placeholder-000';

/**
 * The version plus which build of it: cached parse results from another build of the engine are
 * never reused, even between releases.
 */
export function buildId(): string {
  if (/^[0-9a-f]{40}$/.test(BUNDLE_DIGEST)) return `${VERSION}+${BUNDLE_DIGEST}`;
  // Not bundled (tests run the compiled sources) or a watch build: this machine's build, by its time.
  try {
    return `${VERSION}+${statSync(__filename).mtimeMs}`;
  } catch {
    return VERSION;
  }
}
