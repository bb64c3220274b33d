// Routes the page's console: the suite's lines (marked, see consoleMarker.ts) go to stdout as
// they come; everything else the workbench logs is kept for the failure artifacts.
import type { ConsoleMessage, Page } from 'playwright-core';
import { unmark } from '../consoleMarker';

export interface ConsoleLog {
  /** Workbench console lines that were not the suite's, oldest first. */
  other(): string;
}

/** A suite line asking the runner for a screenshot of the page (see `requestScreenshot`). */
export const SCREENSHOT_REQUEST = '@@screenshot@@ ';

export function forwardConsole(page: Page, verbose: boolean, onScreenshot?: (name: string) => void): ConsoleLog {
  const other: string[] = [];
  const keep = (line: string) => {
    other.push(line);
    if (verbose) process.stderr.write(`[workbench] ${line}\n`);
  };
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    const suiteText = unmark(text);
    if (suiteText?.startsWith(SCREENSHOT_REQUEST)) onScreenshot?.(suiteText.slice(SCREENSHOT_REQUEST.length).trim());
    else if (suiteText !== undefined) console.log(suiteText);
    else keep(`${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => keep(`pageerror: ${error.stack ?? error.message}`));
  return { other: () => other.join('\n') + '\n' };
}
