import { readDiskText } from '../fs/textFile';
import { alignLines } from './alignLines';
import { runGit } from './gitRunner';
import { repoPath, type GitRepository } from './repository';

/**
 * When each line of a file was last written (`YYYY-MM-DD`, author time). Git blames the committed
 * file (HEAD), never the working file: that would run the repository's clean filter and fsmonitor
 * on it. The dates are then carried over to the lines of `text` (the file as on disk when not
 * given) that are unchanged since HEAD. Lines not yet committed are missing from the map;
 * undefined when git cannot tell.
 */
export async function lineDates(repo: GitRepository, file: string, text?: string): Promise<Map<number, string> | undefined> {
  const current = text ?? readCurrent(file);
  if (current === undefined) return undefined;
  if (repo.head === undefined) return new Map(); // nothing committed yet
  const result = await runGit(['blame', '--line-porcelain', repo.head, '--', repoPath(repo, file)], repo.git);
  if (!result.ok) return /no such path/.test(result.failure.message) ? new Map() : undefined;
  const committed = parsePorcelain(result.stdout);
  const dates = new Map<number, string>();
  const lines = splitLines(current);
  for (const [now, then] of alignLines(committed.map((line) => line.text), lines)) dates.set(now + 1, committed[then].date);
  return dates;
}

interface BlamedLine {
  text: string;
  date: string;
}

/** `--line-porcelain`: per line a header, `author-time`, …, then the line itself after a tab. */
function parsePorcelain(output: string): BlamedLine[] {
  const lines: BlamedLine[] = [];
  let date = '';
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) lines.push({ text: stripCr(row.slice(1)), date });
    else if (row.startsWith('author-time ')) date = new Date(Number(row.slice(12)) * 1000).toISOString().slice(0, 10);
  }
  return lines;
}

function readCurrent(file: string): string | undefined {
  const read = readDiskText(file);
  return read.ok ? read.text : undefined;
}

/** Lines without their ends: a checkout with CRLF endings matches the committed LF lines. */
function splitLines(text: string): string[] {
  const lines = text.split('\n').map(stripCr);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
