// Lets a test ask the code-server runner for a screenshot of the workbench as it is now.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCREENSHOT_DIR_ENV, suiteLogger } from './consoleMarker';
import { SCREENSHOT_REQUEST } from './runner/console';
import { waitUntil } from './wait';

/** Resolves with the PNG's path once the runner saved it; undefined where no runner takes screenshots. */
export async function requestScreenshot(name: string): Promise<string | undefined> {
  const dir = process.env[SCREENSHOT_DIR_ENV];
  if (!dir) return undefined;
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  suiteLogger()(`${SCREENSHOT_REQUEST}${name}`);
  await waitUntil(`screenshot ${name}`, () => (fs.existsSync(file) ? true : undefined), 15_000);
  suiteLogger()(`      screenshot: ${file}`);
  return file;
}
