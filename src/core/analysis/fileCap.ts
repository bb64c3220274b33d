// The editor's file cap (`maxFiles`): a workspace larger than it is analysed up to the cap, and
// the user is told once what was left out and what to change.
import * as path from 'node:path';
import type { Notice } from '../model/types';

/** More files match than the cap: which were analysed, and the two ways to get the rest in. */
export function fileCapNotice(rulesFile: string, cap: number): Notice {
  const count = cap.toLocaleString('en-US');
  return {
    level: 'warning',
    file: rulesFile,
    code: 'max-files',
    message: `more than ${count} files match ${path.basename(rulesFile)}'s "include"; the first ${count} found (folder by folder, in name order) are analysed and the rest is left out. `
      + 'Narrow "include" (or widen "exclude") in the rules file or in the guardrails.include setting, or raise the guardrails.maxFiles setting.',
  };
}
