import { runMochaSuite } from '../mochaSuite';

/** A new user's first run, in a workspace with sources and no rules file yet. */
export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
