// The browser runner sees the extension host's console mixed with the workbench's own logs, all
// re-emitted as page console messages with a "%c INFO color: …" prefix. The runner sets an env
// variable; the suite (in the extension host) starts each reporter line with its value, and the
// runner prints only the text after it. Without the variable (Electron runner) lines are plain.
import { format } from 'node:util';

export const CONSOLE_MARKER_ENV = 'GUARDRAILS_TEST_CONSOLE_MARKER';
export const CONSOLE_MARKER = '@@guardrails-test@@ ';

/**
 * In the extension host: a console.log for the suite's own lines. VS Code's extension host
 * guards `console.log` against reassignment, so the suite logs through this instead, and it
 * formats `%s` arguments itself because the forwarded message keeps them raw.
 */
export function suiteLogger(): (...args: unknown[]) => void {
  const marker = process.env[CONSOLE_MARKER_ENV] ?? '';
  return (...args: unknown[]) => console.log(marker + format(...args));
}

/** In the runner: the suite's text when `message` carries the marker, else undefined. */
export function unmark(message: string, marker = CONSOLE_MARKER): string | undefined {
  const at = message.indexOf(marker);
  return at < 0 ? undefined : message.slice(at + marker.length);
}

/** Where the code-server runner saves screenshots a test asks for; unset in the Electron runner. */
export const SCREENSHOT_DIR_ENV = 'GUARDRAILS_SCREENSHOT_DIR';
