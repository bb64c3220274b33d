// A V8 CPU profile of the extension host for one measured phase, so a stall can be traced to the
// code that held the loop (scripts/vscode-test/stalls.mjs reads it). Only with GUARDRAILS_PROFILE_DIR.
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';

export interface PhaseProfile {
  /** Writes NAME.cpuprofile and returns its path. */
  stop(): Promise<string>;
}

export async function startProfile(dir: string, name: string): Promise<PhaseProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}
