// Past states of a rules file's code, read from git objects: a commit's tree becomes an in-memory
// file system that today's rules are checked against, by the same AnalysisSession that `check`
// and the language server run. Each commit is analysed once; blobs are read once by id and files
// parsed once per version. One session serves every commit, as the editor's serves every edit:
// from one commit to the next only the files that differ are re-read, files that came or went are
// added and removed, and module resolution redoes only the imports those paths can change.
import * as path from 'node:path';
import { FileScope } from '../analysis/fileScope';
import type { FactsCache, FileChange } from '../analysis/project';
import { AnalysisSession } from '../analysis/session';
import { DEFAULT_BASELINE_FILE } from '../baseline/baselineTarget';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { BlobStore } from '../git/blobStore';
import { CatFileSession } from '../git/catFileSession';
import { TreeReader } from '../git/treeReader';
import type { GitFailure } from '../git/gitRunner';
import { GitTreeFileSystem } from '../git/gitTreeFileSystem';
import { lsTree, type TreeEntry } from '../git/lsTree';
import type { GitRepository } from '../git/repository';
import type { RulesConfig } from '../model/ruleTypes';
import { TextFactsCache } from './factsCache';
import { measureResult } from './projectState';
import type { MeasuredState, RecordDetail } from './records';
import { SwitchingFileSystem } from './switchingFileSystem';

export type StateResult = { ok: true; state: MeasuredState } | { ok: false; failure: GitFailure };

export interface GitHistoryOptions {
  /** `YYYY-MM-DD` every state is analysed with (facts depend on it, so one per history). */
  today: string;
  /** Folders of nested rules files, left out as in the live analysis. */
  excludeDirs?: string[];
  /** Serves untracked paths (node_modules, outside the repository); the disk by default. */
  fallback?: FileSystem;
  /** Facts known from elsewhere (the live analysis's disk cache): most files of a past commit are today's. */
  seedFacts?: Pick<FactsCache, 'get'>;
}

/** Files the engine reads beside sources: compiler options, package manifests and the workspace (monorepo packages). */
const CONFIG_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json|pnpm-workspace\.yaml)$/;
/** What module resolution reads from a package.json (the root's `workspaces` too); a change elsewhere (versions, scripts) changes no import. */
const RESOLUTION_FIELDS = ['name', 'workspaces', 'type', 'main', 'module', 'types', 'typings', 'exports', 'imports', 'typesVersions', 'browser'];

interface LiveSession {
  session: AnalysisSession;
  fs: SwitchingFileSystem;
  /** Path → entry of the commit the session shows. */
  blobs: Map<string, TreeEntry>;
}

export class GitHistory {
  readonly blobs: BlobStore;
  readonly facts: TextFactsCache;
  /** One cat-file process for every tree and blob of the history. */
  private readonly catFile: CatFileSession;
  private readonly trees: TreeReader;
  /** Commits analysed (each once), and how many of them by updating the session in place. */
  analysed = 0;
  updatedInPlace = 0;
  private readonly states = new Map<string, { detail: RecordDetail; state: Promise<StateResult> }>();
  private queue: Promise<unknown> = Promise.resolve();
  private live: LiveSession | undefined;
  /** The files the session's project governs, known before it exists (only their blobs are read). */
  private readonly scope: FileScope;
  /** The rules file's baseline (its own, or the default one): a step that brings another version re-reads it. */
  private readonly baselineFile: string;

  constructor(readonly repo: GitRepository, private readonly config: RulesConfig, private readonly options: GitHistoryOptions) {
    this.catFile = new CatFileSession(repo);
    this.blobs = new BlobStore(repo, this.catFile);
    this.trees = new TreeReader(this.catFile);
    this.facts = new TextFactsCache(options.seedFacts);
    this.scope = new FileScope(config, { excludeDirs: options.excludeDirs });
    this.baselineFile = config.baseline ?? path.join(config.root, ...DEFAULT_BASELINE_FILE.split('/'));
  }

  /**
   * The records of the code at `commit`, checked with today's rules: `full` (the default) with
   * what a paid-down list needs, `counts` with what a burndown point needs.
   */
  stateAt(commit: string, detail: RecordDetail = 'full'): Promise<StateResult> {
    const known = this.states.get(commit);
    if (known && (known.detail === 'full' || detail === 'counts')) return known.state;
    // One at a time: analyses share one session.
    const state = this.queue.then(() => this.analyse(commit, detail));
    this.queue = state.catch(() => undefined);
    this.states.set(commit, { detail, state });
    return state;
  }

  /** Ends the cat-file process (it never keeps the program alive, but need not outlive the history). */
  close(): void {
    this.catFile.close();
  }

  private async analyse(commit: string, detail: RecordDetail): Promise<StateResult> {
    // The first commit is listed with sizes (discovery skips large files by size); later ones come
    // from tree objects, reading only the folders that changed.
    const listed = this.live ? await this.trees.entries(commit) : await lsTree(this.repo, commit);
    if (!listed.ok) return listed;
    const blobs = new Map(listed.entries.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry]));
    const configs = await this.blobs.prefetch([...blobs.values()].filter((entry) => CONFIG_FILE.test(entry.path)).map((entry) => entry.oid));
    if (!configs.ok) return configs;
    const tree = new GitTreeFileSystem(this.repo.top, listed.entries, this.blobs, { fallback: this.options.fallback ?? new NodeFileSystem() });
    const stepped = this.live ? await this.step(this.live, tree, blobs) : await this.build(tree, blobs);
    if (!stepped.ok) return stepped;
    this.analysed++;
    const [checked] = this.live!.session.results();
    return { ok: true, state: measureResult(checked.result, this.config, tree, detail) };
  }

  private async build(tree: GitTreeFileSystem, blobs: Map<string, TreeEntry>): Promise<{ ok: true } | { ok: false; failure: GitFailure }> {
    const fs = new SwitchingFileSystem(tree);
    const governed = [...blobs.values()].filter((entry) => (entry.size ?? 0) <= this.config.maxFileBytes && this.scope.governs(this.absolute(entry)));
    const read = await this.blobs.prefetch(governed.map((entry) => entry.oid));
    if (!read.ok) return read;
    const session = AnalysisSession.forConfigs([this.config], this.config.root, {
      fs, today: this.options.today, excludeDirs: this.options.excludeDirs, factsCache: this.facts, keepBaselines: true,
    });
    await session.load();
    this.live = { session, fs, blobs };
    return { ok: true };
  }

  /** Moves the session from the commit it shows to `tree`: only what differs is read again. */
  private async step(live: LiveSession, tree: GitTreeFileSystem, blobs: Map<string, TreeEntry>): Promise<{ ok: true } | { ok: false; failure: GitFailure }> {
    const created: string[] = [];
    const deleted: string[] = [];
    const changes: FileChange[] = [];
    const baselines: string[] = [];
    let reload = false;
    const note = (entry: TreeEntry, change: 'created' | 'deleted' | 'changed'): void => {
      const file = this.absolute(entry);
      if (change === 'created') created.push(file);
      if (change === 'deleted') deleted.push(file);
      if (CONFIG_FILE.test(entry.path) && (change !== 'changed' || resolutionFieldsDiffer(entry.path, live.blobs.get(entry.path)!, blobs.get(entry.path)!, this.blobs))) reload = true;
      // The baseline as it was at each commit softens that commit's findings.
      if (file === this.baselineFile) baselines.push(file);
      if (!this.scope.governs(file)) return;
      changes.push(change === 'deleted' ? { file, deleted: true } : { file });
    };
    for (const [file, entry] of blobs) {
      const old = live.blobs.get(file);
      if (!old) note(entry, 'created');
      else if (old.mode !== entry.mode) {
        // A file that became a link (or the reverse) is another path to resolution: gone and back.
        note(old, 'deleted');
        note(entry, 'created');
      } else if (old.oid !== entry.oid) note(entry, 'changed');
    }
    for (const [file, entry] of live.blobs) if (!blobs.has(file)) note(entry, 'deleted');

    const wanted = changes.filter((change) => !change.deleted).map((change) => blobs.get(this.repoRelative(change.file))!.oid);
    const read = await this.blobs.prefetch(wanted);
    if (!read.ok) return read;
    // Tree objects hold no sizes: a file now too large is measured by its text.
    for (const change of changes) {
      if (change.deleted) continue;
      const text = this.blobs.text(blobs.get(this.repoRelative(change.file))!.oid);
      if (text !== undefined && Buffer.byteLength(text) > this.config.maxFileBytes) change.deleted = true;
    }
    live.fs.switchTo(tree, created, deleted);
    live.blobs = blobs;
    live.session.update({ files: changes, compilerOptions: reload, baselines });
    this.updatedInPlace++;
    return { ok: true };
  }

  private absolute(entry: TreeEntry): string {
    return path.join(this.repo.top, ...entry.path.split('/'));
  }

  private repoRelative(file: string): string {
    return path.relative(this.repo.top, file).split(path.sep).join('/');
  }
}

/** True unless both are package.json files that agree on everything module resolution reads. */
function resolutionFieldsDiffer(file: string, before: TreeEntry, after: TreeEntry, blobs: BlobStore): boolean {
  if (!/(^|\/)package\.json$/.test(file)) return true;
  const fields = (entry: TreeEntry): string | undefined => {
    try {
      const parsed = JSON.parse(blobs.text(entry.oid) ?? '') as Record<string, unknown>;
      return JSON.stringify(RESOLUTION_FIELDS.map((field) => parsed[field] ?? null));
    } catch {
      return undefined;
    }
  };
  const a = fields(before);
  return a === undefined || a !== fields(after);
}
