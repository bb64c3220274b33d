import { runMochaSuite } from '../mochaSuite';

/** A multi-root workspace: each folder with its own rules file and graph. */
export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
