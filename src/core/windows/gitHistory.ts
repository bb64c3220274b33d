// Past states of a rules file's code, read from git objects: a commit's tree becomes an in-memory
// file system that today's rules are checked against. Each commit is analysed once; blobs are read
// once by id and files parsed once per version. Between commits that only change file contents
// (same paths, same compiler options) the project is updated in place, as the editor updates it
// after an edit: only the changed files are re-read and re-resolved.
import * as path from 'node:path';
import { GuardrailsProject } from '../analysis/project';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { BlobStore } from '../git/blobStore';
import type { GitFailure } from '../git/gitRunner';
import { GitTreeFileSystem } from '../git/gitTreeFileSystem';
import { lsTree, type TreeEntry } from '../git/lsTree';
import type { GitRepository } from '../git/repository';
import type { RulesConfig } from '../model/ruleTypes';
import { TextFactsCache } from './factsCache';
import { measureProject } from './projectState';
import type { MeasuredState } from './records';

export type StateResult = { ok: true; state: MeasuredState } | { ok: false; failure: GitFailure };

export interface GitHistoryOptions {
  /** `YYYY-MM-DD` every state is analysed with (facts depend on it, so one per history). */
  today: string;
  /** Folders of nested rules files, left out as in the live analysis. */
  excludeDirs?: string[];
  /** Serves untracked paths (node_modules, outside the repository); the disk by default. */
  fallback?: FileSystem;
}

/** Files the engine reads beside sources: compiler options and package manifests. */
const CONFIG_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json)$/;

interface LiveProject {
  project: GuardrailsProject;
  fs: SwitchingFileSystem;
  /** Path → blob id of the commit the project shows. */
  blobs: Map<string, TreeEntry>;
}

export class GitHistory {
  readonly blobs: BlobStore;
  readonly facts = new TextFactsCache();
  /** Commits analysed (each once), and how many of them by updating the previous project. */
  analysed = 0;
  updatedInPlace = 0;
  private readonly states = new Map<string, Promise<StateResult>>();
  private queue: Promise<unknown> = Promise.resolve();
  private live: LiveProject | undefined;

  constructor(readonly repo: GitRepository, private readonly config: RulesConfig, private readonly options: GitHistoryOptions) {
    this.blobs = new BlobStore(repo);
  }

  /** The records of the code at `commit`, checked with today's rules. */
  stateAt(commit: string): Promise<StateResult> {
    let state = this.states.get(commit);
    if (!state) {
      // One at a time: analyses share one project.
      state = this.queue.then(() => this.analyse(commit));
      this.queue = state.catch(() => undefined);
      this.states.set(commit, state);
    }
    return state;
  }

  private async analyse(commit: string): Promise<StateResult> {
    const listed = await lsTree(this.repo, commit);
    if (!listed.ok) return listed;
    const blobs = new Map(listed.entries.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry]));
    const configs = await this.blobs.prefetch([...blobs.values()].filter((entry) => CONFIG_FILE.test(entry.path)).map((entry) => entry.oid));
    if (!configs.ok) return configs;
    const tree = new GitTreeFileSystem(this.repo.top, listed.entries, this.blobs, { fallback: this.options.fallback ?? new NodeFileSystem() });

    const changed = this.live && contentChangesOnly(this.live.blobs, blobs);
    if (this.live && changed) {
      const { project } = this.live;
      const files = changed.map((entry) => this.absolute(entry));
      const read = await this.blobs.prefetch(changed.filter((_entry, i) => project.governs(files[i])).map((entry) => entry.oid));
      if (!read.ok) return read;
      this.live.fs.current = tree;
      changed.forEach((entry, i) => {
        if (!project.governs(files[i])) return;
        if ((entry.size ?? 0) > this.config.maxFileBytes) project.removeFile(files[i]);
        else project.updateFile(files[i]);
      });
      this.live.blobs = blobs;
      this.updatedInPlace++;
    } else {
      const fs = new SwitchingFileSystem(tree);
      const project = new GuardrailsProject(this.config, fs, { today: this.options.today, excludeDirs: this.options.excludeDirs, factsCache: this.facts });
      const governed = [...blobs.values()].filter((entry) => (entry.size ?? 0) <= this.config.maxFileBytes && project.governs(this.absolute(entry)));
      const read = await this.blobs.prefetch(governed.map((entry) => entry.oid));
      if (!read.ok) return read;
      await project.load();
      this.live = { project, fs, blobs };
    }
    this.analysed++;
    return { ok: true, state: measureProject(this.live.project, tree) };
  }

  private absolute(entry: TreeEntry): string {
    return path.join(this.repo.top, ...entry.path.split('/'));
  }
}

/**
 * The entries whose content changed when both commits have the same paths (same kinds) and the same
 * compiler options and manifests; undefined when the project must be built afresh.
 */
function contentChangesOnly(before: Map<string, TreeEntry>, after: Map<string, TreeEntry>): TreeEntry[] | undefined {
  if (before.size !== after.size) return undefined;
  const changed: TreeEntry[] = [];
  for (const [file, entry] of after) {
    const old = before.get(file);
    if (!old || old.mode !== entry.mode) return undefined;
    if (old.oid === entry.oid) continue;
    if (CONFIG_FILE.test(file)) return undefined;
    changed.push(entry);
  }
  return changed;
}

/** The project keeps one file system; this one shows whichever commit is being analysed. */
class SwitchingFileSystem implements FileSystem {
  constructor(public current: FileSystem) {}
  readFile(file: string): string | undefined {
    return this.current.readFile(file);
  }
  readText(file: string, maxBytes: number): TextRead {
    return this.current.readText(file, maxBytes);
  }
  fileExists(file: string): boolean {
    return this.current.fileExists(file);
  }
  directoryExists(dir: string): boolean {
    return this.current.directoryExists(dir);
  }
  readDirectory(dir: string): DirectoryEntry[] {
    return this.current.readDirectory(dir);
  }
  realpath(file: string): string {
    return this.current.realpath(file);
  }
  stat(file: string): FileStat | undefined {
    return this.current.stat(file);
  }
}
