// Past states of a rules file's code, read from git objects: a commit's tree becomes an in-memory
// file system that today's rules are checked against. Each commit is analysed once; blobs are read
// once by id and files parsed once per version, so daily states cost only what changed.
import * as path from 'node:path';
import { GuardrailsProject } from '../analysis/project';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { BlobStore } from '../git/blobStore';
import type { GitFailure } from '../git/gitRunner';
import { GitTreeFileSystem } from '../git/gitTreeFileSystem';
import { lsTree, type TreeEntry } from '../git/lsTree';
import type { GitRepository } from '../git/repository';
import type { RulesConfig } from '../rules/ruleTypes';
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

export class GitHistory {
  readonly blobs: BlobStore;
  readonly facts = new TextFactsCache();
  private readonly states = new Map<string, Promise<StateResult>>();
  /** Commits analysed (each once). */
  analysed = 0;

  constructor(readonly repo: GitRepository, private readonly config: RulesConfig, private readonly options: GitHistoryOptions) {
    this.blobs = new BlobStore(repo);
  }

  /** The records of the code at `commit`, checked with today's rules. */
  stateAt(commit: string): Promise<StateResult> {
    let state = this.states.get(commit);
    if (!state) {
      state = this.analyse(commit);
      this.states.set(commit, state);
    }
    return state;
  }

  private async analyse(commit: string): Promise<StateResult> {
    const listed = await lsTree(this.repo, commit);
    if (!listed.ok) return listed;
    const blobs = listed.entries.filter((entry) => entry.type === 'blob');
    const configs = await this.blobs.prefetch(blobs.filter((entry) => CONFIG_FILE.test(entry.path)).map((entry) => entry.oid));
    if (!configs.ok) return configs;

    const fs = new GitTreeFileSystem(this.repo.top, listed.entries, this.blobs, { fallback: this.options.fallback ?? new NodeFileSystem() });
    const project = new GuardrailsProject(this.config, fs, { today: this.options.today, excludeDirs: this.options.excludeDirs, factsCache: this.facts });
    const sources = await this.blobs.prefetch(this.governed(blobs, project).map((entry) => entry.oid));
    if (!sources.ok) return sources;
    await project.load();
    this.analysed++;
    return { ok: true, state: measureProject(project, fs) };
  }

  private governed(entries: readonly TreeEntry[], project: GuardrailsProject): TreeEntry[] {
    return entries.filter((entry) =>
      (entry.size ?? 0) <= this.config.maxFileBytes && project.governs(path.join(this.repo.top, ...entry.path.split('/'))));
  }
}
