import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CommitOptions {
  /** ISO 8601 with an offset: both the author and the committer date. */
  date: string;
  author: string;
}

/** A throw-away git repository with dated commits by named people, made for one test. */
export class TestRepo {
  private constructor(readonly dir: string) {}

  static create(name = 'guardrails-git-'): TestRepo {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), name)));
    const repo = new TestRepo(dir);
    repo.git(['init', '-q']);
    return repo;
  }

  /** Copies a fixture's files into the repository (not committed). */
  copyFrom(source: string): this {
    fs.cpSync(source, this.dir, { recursive: true });
    return this;
  }

  write(rel: string, text: string): this {
    const file = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return this;
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  /** Replaces exactly one occurrence of `from` in a file. */
  edit(rel: string, from: string, to: string): this {
    const text = this.read(rel);
    if (text.split(from).length !== 2) throw new Error(`${rel}: expected one ${JSON.stringify(from)}`);
    return this.write(rel, text.replace(from, () => to));
  }

  remove(rel: string): this {
    fs.rmSync(path.join(this.dir, rel));
    return this;
  }

  /** Commits everything; returns the commit id. */
  commit(message: string, options: CommitOptions): string {
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message], this.identity(options));
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  /** A merge of `branch` into the current branch, without fast-forward. */
  merge(branch: string, options: CommitOptions): string {
    this.git(['merge', '-q', '--no-ff', '-m', `Merge ${branch}`, branch], this.identity(options));
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  git(args: string[], env: Record<string, string> = {}): string {
    const config = ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.autocrlf=false'];
    return execFileSync('git', [...config, ...args], { cwd: this.dir, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private identity(options: CommitOptions): Record<string, string> {
    const email = `${options.author.toLowerCase().split(' ')[0]}@example.com`;
    return {
      GIT_AUTHOR_NAME: options.author, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: options.date,
      GIT_COMMITTER_NAME: options.author, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: options.date,
    };
  }
}

/** A fresh empty directory outside any repository. */
export function tempDir(name = 'guardrails-plain-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), name)));
}
