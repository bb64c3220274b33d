// `check --format sarif`: SARIF 2.1.0 for GitHub code scanning. Findings and debt items are results;
// fingerprints hash rule, file and target (never the line) so alerts survive edits above them.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { AnalysisResult, DebtItem, Location, SinceSummary, Violation } from '../model/types';
import type { RulesConfig } from '../model/ruleTypes';
import { compareBy, relativeFile, relativeTarget } from '../util/relativePaths';
import { oneLine } from './reportFormat';
import { debtRuleId, sarifLevel, sarifRules } from './sarifRules';
import type { Location as SarifLocation, Log as SarifLog, Notification as SarifNotification, Region as SarifRegion, Result as SarifResult } from 'sarif';

export type { Log as SarifLog } from 'sarif';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Name of our partial fingerprint; bump the version if the hashed key ever changes. */
export const FINGERPRINT_KEY = 'guardrails/v1';

export interface SarifOptions {
  version: string;
  rules: RulesConfig | undefined;
  informationUri?: string;
  /** Set when a baseline was applied: results it did not cover are marked `baselineState: "new"`. */
  baselineApplied?: boolean;
  /**
   * `check --since`: `result` holds only what is new against the merge base. Every result is then
   * `baselineState: "new"` (debt included); fixed findings are not results (a code-scanning
   * upload would open them as alerts), only counted in the run's properties with the ref.
   */
  since?: SinceSummary;
}

export function toSarif(result: AnalysisResult, opts: SarifOptions): SarifLog {
  const root = result.root;
  const rules = sarifRules(result, opts.rules);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const compared = opts.since !== undefined || opts.baselineApplied === true || result.violations.some((v) => v.baselined === true);
  const fingerprint = occurrenceHasher();

  const violations = [...result.violations].sort(compareBy<Violation>(
    (v) => relativeFile(root, v.location.file), (v) => v.location.range.start.line, (v) => v.location.range.start.column,
    (v) => v.ruleId, (v) => v.to, (v) => v.message,
  ));
  const results: SarifResult[] = violations.map((v) => {
    const r: SarifResult = {
      ruleId: v.ruleId,
      ruleIndex: index.get(v.ruleId)!,
      level: v.baselined === true ? 'note' : sarifLevel(v.severity),
      message: { text: oneLine(v.message) },
      locations: [location(root, v.location)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint([v.ruleId, relativeFile(root, v.location.file), relativeTarget(root, v.to)]) },
    };
    if (v.cycle !== undefined && v.cycle.length > 0) {
      r.relatedLocations = v.cycle.map((step, i) => ({
        ...location(root, step.location, i + 1),
        message: { text: `${relativeFile(root, step.from)} imports ${relativeTarget(root, step.to)}` },
      }));
    }
    if (compared) r.baselineState = v.baselined === true ? 'unchanged' : 'new';
    if (v.to !== '') r.properties = { to: relativeTarget(root, v.to), ...(v.kind ? { dependencyKind: v.kind } : {}) };
    return r;
  });

  const debt = [...result.debt].sort(compareBy<DebtItem>(
    (d) => relativeFile(root, d.file), (d) => d.range.start.line, (d) => d.range.start.column, (d) => d.tag,
  ));
  for (const d of debt) {
    const ruleId = debtRuleId(d.tag);
    results.push({
      ruleId,
      ruleIndex: index.get(ruleId)!,
      level: sarifLevel(d.severity),
      message: { text: debtMessage(d) },
      locations: [location(root, { file: d.file, range: d.commentRange })],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint([ruleId, d.id]) },
      properties: { overdue: d.overdue, ...(d.owner ? { owner: d.owner } : {}), ...(d.due ? { due: d.due } : {}) },
      ...(opts.since ? { baselineState: 'new' as const } : {}),
    });
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Guardrails',
          version: opts.version,
          ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(opts.version) ? { semanticVersion: opts.version } : {}),
          ...(opts.informationUri !== undefined ? { informationUri: opts.informationUri } : {}),
          rules,
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(root) } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: result.notices.map((n) => notification(root, n)) }],
      results,
      ...(opts.since ? { properties: sinceProperties(opts.since) } : {}),
    }],
  };
}

function sinceProperties(since: SinceSummary): Record<string, unknown> {
  return {
    since: { ref: since.ref, commit: since.commit },
    fixed: { violations: since.fixed.violations.length, debt: since.fixed.debt.length },
    existing: since.existing,
  };
}

function location(root: string, loc: Location, id?: number): SarifLocation {
  const { start, end } = loc.range;
  const region: SarifRegion = { startLine: Math.max(1, start.line), startColumn: Math.max(1, start.column) };
  // An empty range would highlight nothing; without an end, viewers mark the rest of the line.
  if (end.line > start.line || (end.line === start.line && end.column > start.column)) {
    region.endLine = end.line;
    region.endColumn = end.column;
  }
  return {
    ...(id !== undefined ? { id } : {}),
    physicalLocation: { artifactLocation: { uri: relativeUri(root, loc.file), uriBaseId: SRCROOT }, region },
  };
}

function notification(root: string, n: AnalysisResult['notices'][number]): SarifNotification {
  const out: SarifNotification = { level: n.level === 'warning' ? 'warning' : 'note', message: { text: n.message } };
  if (n.file !== undefined) {
    out.locations = [{ physicalLocation: { artifactLocation: { uri: relativeUri(root, n.file), uriBaseId: SRCROOT }, region: { startLine: 1, startColumn: 1 } } }];
  }
  return out;
}

function debtMessage(d: DebtItem): string {
  const meta = [d.owner, d.ticket, d.due && `due ${d.due}`, d.estimate && `est ${d.estimate}`].filter((s) => s);
  return `${d.tag}: ${oneLine(d.text)}${meta.length > 0 ? ` (${meta.join(', ')})` : ''}${d.overdue ? ' — overdue' : ''}`;
}

/** Hash of the key plus its occurrence number, so two identical findings in a file stay two alerts. */
function occurrenceHasher(): (key: string[]) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const hash = createHash('sha256').update(key.join('\0')).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  };
}

/**
 * A relative URI reference, each path segment percent-encoded: `a dir/50%#x?.ts` is a path, not
 * a path with a fragment and a query (`a%20dir/50%25%23x%3F.ts`).
 */
function relativeUri(root: string, file: string): string {
  return relativeFile(root, file).split('/').map(encodeURIComponent).join('/');
}

/** `file:///ws/`: SARIF requires base URIs of directories to end with a slash. */
function directoryUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}
