// Past states of a rules file's code, read from git objects: a commit's tree becomes an in-memory
// file system that today's rules are checked against, by the same AnalysisSession that `check`
// and the language server run. Each commit is analysed once; blobs are read once by id and files
// parsed once per version. One session serves every commit, as the editor's serves every edit:
// from one commit to the next only the folders that differ are read from git and the tree is
// updated in place, only the files that differ are re-read, files that came or went are added and
// removed, and module resolution redoes only the imports those paths can change.
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
import { TrackingFileSystem } from './trackingFileSystem';

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
  /** Told as each past state is taken up and done: how many of those asked for so far are done. */
  onProgress?: HistoryProgress;
  /** True once the caller no longer wants the states: each one not yet analysed fails at once. */
  isCancelled?: () => boolean;
}

const CANCELLED: StateResult = { ok: false, failure: { kind: 'failed', message: 'the measurement was cancelled' } };

/** `done` of the `total` past states asked for so far (the total grows when more are asked for). */
export type HistoryProgress = (done: number, total: number) => void;

/** Files the engine reads beside sources: compiler options, package manifests and the workspace (monorepo packages). */
const CONFIG_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json|pnpm-workspace\.yaml)$/;
const PACKAGE_JSON = /(^|\/)package\.json$/;
/** A monorepo's package globs (pnpm): any change to it re-resolves. */
const WORKSPACE_FILE = /(^|\/)pnpm-workspace\.yaml$/;
/** What module resolution reads from a package.json (the root's `workspaces` too); a change elsewhere (versions, scripts) changes no import. */
const RESOLUTION_FIELDS = ['name', 'workspaces', 'type', 'main', 'module', 'types', 'typings', 'exports', 'imports', 'typesVersions', 'browser'];

interface LiveSession {
  session: AnalysisSession;
  fs: TrackingFileSystem;
  /** The commit the session shows. */
  commit: string;
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
  /** Analyses asked for, and those finished (well or not): what progress is told. */
  private requested = 0;
  private finished = 0;
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
    this.requested++;
    const state = this.queue.then(async () => {
      this.options.onProgress?.(this.finished, this.requested);
      try {
        if (this.options.isCancelled?.()) return CANCELLED;
        return await this.analyse(commit, detail);
      } finally {
        this.finished++;
        if (this.finished === this.requested) this.options.onProgress?.(this.finished, this.requested);
      }
    });
    this.queue = state.catch(() => undefined);
    this.states.set(commit, { detail, state });
    return state;
  }

  /** Ends the cat-file process (it never keeps the program alive, but need not outlive the history). */
  close(): void {
    this.catFile.close();
  }

  private async analyse(commit: string, detail: RecordDetail): Promise<StateResult> {
    const stepped = this.live ? await this.step(this.live, commit) : await this.build(commit);
    if (!stepped.ok) return stepped;
    this.analysed++;
    const [checked] = this.live!.session.results();
    return { ok: true, state: measureResult(checked.result, this.config, this.live!.fs.tree, detail) };
  }

  /** The first commit, listed with sizes (discovery skips large files by size), loaded whole. */
  private async build(commit: string): Promise<{ ok: true } | StateResult & { ok: false }> {
    const listed = await lsTree(this.repo, commit);
    if (!listed.ok) return listed;
    const blobs = listed.entries.filter((entry) => entry.type === 'blob');
    const configs = await this.blobs.prefetch(blobs.filter((entry) => CONFIG_FILE.test(entry.path)).map((entry) => entry.oid));
    if (!configs.ok) return configs;
    const tree = new GitTreeFileSystem(this.repo.top, listed.entries, this.blobs, { fallback: this.options.fallback ?? new NodeFileSystem() });
    const fs = new TrackingFileSystem(tree);
    const governed = blobs.filter((entry) => (entry.size ?? 0) <= this.config.maxFileBytes && this.scope.governs(tree.absolute(entry.path)));
    const read = await this.blobs.prefetch(governed.map((entry) => entry.oid));
    if (!read.ok) return read;
    const session = AnalysisSession.forConfigs([this.config], this.config.root, {
      fs, today: this.options.today, excludeDirs: this.options.excludeDirs, factsCache: this.facts, keepBaselines: true,
      // A window counts the rules' findings and debt: past versions are read without a syntax tree where that is exact.
      withoutParseErrors: true,
    });
    // The first state loads a whole tree: the one step long enough to stop in the middle of.
    if (!(await session.load({ isCancelled: this.options.isCancelled }))) return CANCELLED;
    this.live = { session, fs, commit };
    return { ok: true };
  }

  /**
   * Moves the session from the commit it shows to `commit`: only the folders that differ are read
   * from git, the tree is updated in place, and only the files that differ are read again.
   */
  private async step(live: LiveSession, commit: string): Promise<{ ok: true } | { ok: false; failure: GitFailure }> {
    const diff = await this.trees.diff(live.commit, commit);
    if (!diff.ok) return diff;
    const configs = await this.blobs.prefetch(diff.changes.flatMap(({ before, after }) => [before, after]).filter((entry) => entry && CONFIG_FILE.test(entry.path)).map((entry) => entry!.oid));
    if (!configs.ok) return configs;
    const { tree } = live.fs;
    const created: string[] = [];
    const deleted: string[] = [];
    const changes: FileChange[] = [];
    const baselines: string[] = [];
    let reload = false;
    /** A tsconfig or jsconfig edited: the projects compare what they read (see SessionUpdate). */
    let configEdited = false;
    const note = (entry: TreeEntry, change: 'created' | 'deleted' | 'changed', before?: TreeEntry): void => {
      const file = tree.absolute(entry.path);
      if (change === 'created') created.push(file);
      if (change === 'deleted') deleted.push(file);
      if (CONFIG_FILE.test(entry.path)) {
        if (change !== 'changed' || WORKSPACE_FILE.test(entry.path)) reload = true;
        else if (PACKAGE_JSON.test(entry.path)) reload ||= resolutionFieldsDiffer(before!, entry, this.blobs);
        else configEdited = true;
      }
      // The baseline as it was at each commit softens that commit's findings.
      if (file === this.baselineFile) baselines.push(file);
      if (!this.scope.governs(file)) return;
      changes.push(change === 'deleted' ? { file, deleted: true } : { file });
    };
    // Files (not submodules) that came or changed, in the order of the walk, then those that went.
    const blobOf = (entry: TreeEntry | undefined): TreeEntry | undefined => (entry?.type === 'blob' ? entry : undefined);
    for (const change of diff.changes) {
      const [old, now] = [blobOf(change.before), blobOf(change.after)];
      if (!now) continue;
      if (!old) note(now, 'created');
      else if (old.mode !== now.mode) {
        // A file that became a link (or the reverse) is another path to resolution: gone and back.
        note(old, 'deleted');
        note(now, 'created');
      } else note(now, 'changed', old);
    }
    for (const change of diff.changes) {
      const old = blobOf(change.before);
      if (old && !blobOf(change.after)) note(old, 'deleted');
    }

    const afterOf = new Map(diff.changes.filter((change) => change.after).map((change) => [tree.absolute(change.path), change.after!]));
    const wanted = changes.filter((change) => !change.deleted).map((change) => afterOf.get(change.file)!.oid);
    const read = await this.blobs.prefetch(wanted);
    if (!read.ok) return read;
    // Tree objects hold no sizes: a file now too large is measured by its text.
    for (const change of changes) {
      if (change.deleted) continue;
      const text = this.blobs.text(afterOf.get(change.file)!.oid);
      if (text !== undefined && Buffer.byteLength(text) > this.config.maxFileBytes) change.deleted = true;
    }
    live.fs.changed(created, deleted, tree.apply(diff.changes));
    live.commit = commit;
    // An edited tsconfig re-resolves only when what resolution reads changed (most such edits are strictness flags).
    live.session.update({ files: changes, compilerOptions: reload || (configEdited && 'if-changed'), baselines });
    this.updatedInPlace++;
    return { ok: true };
  }

}

/** True unless both versions of a package.json agree on everything module resolution reads. */
function resolutionFieldsDiffer(before: TreeEntry, after: TreeEntry, blobs: BlobStore): boolean {
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
