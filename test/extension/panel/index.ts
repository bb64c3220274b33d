import { runMochaSuite } from '../mochaSuite';

/** The lead's panel, run against the example workspace with its dated git history. */
export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
