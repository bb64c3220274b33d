import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Log } from './folderAnalysis';
import { readSnapshots, recordSnapshot, takeSnapshot, type FileSystem, type GuardrailsProject, type MeasuredState } from '../core';

/**
 * Daily snapshots of each rules file's windows in the client's workspace storage, so progress
 * can be measured where git cannot tell the starting state (no repository, a shallow clone).
 */
export class ProjectSnapshots {
  constructor(private readonly storage: string | undefined, private readonly fs: FileSystem, private readonly log: Log) {}

  /** Records today's state once a day; returns the project's snapshot file, if there is storage. */
  record(project: GuardrailsProject, now: MeasuredState, today: string): string | undefined {
    if (!this.storage) return undefined;
    const id = createHash('sha1').update(project.config.file).digest('hex').slice(0, 12);
    const file = path.join(this.storage, `snapshots-${id}.json`);
    const read = readSnapshots(file, this.fs);
    const recorded = read.ok && read.data.snapshots.some((day) => day.date === today);
    if (!recorded) {
      const day = takeSnapshot(project.config.windows, now, today);
      if (Object.keys(day.windows).length > 0) {
        const written = recordSnapshot(file, day, this.fs);
        if (!written.ok) this.log.warn(`cannot record today's snapshot: ${written.message}`);
      }
    }
    return file;
  }
}
