// Refactoring windows → typed windows with defaults; checks real dates, their order, scope
// globs, and that goals name rules and tags that exist.
import type { ConfigProblem, RefactoringWindow, WindowGoal } from '../model/ruleTypes';
import { arrayItems, nodeLocation, numberValue, propertyValue, stringsOf, stringValue, type JsonDocument, type JsonNode, type Located } from '../json/jsonDocument';
import { isCalendarDate, looksLikeIsoDate } from '../util/calendarDate';
import { suggestionSuffix } from '../util/didYouMean';
import { plainGlobProblem } from '../glob/globProblem';

const GOAL_METRICS = ['debt', 'violations', 'estimate'] as const;
const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

export interface WindowContext {
  ruleIds: ReadonlySet<string>;
  tags: ReadonlySet<string>;
}

export function normalizeWindows(windows: Located[], context: WindowContext): { windows: RefactoringWindow[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const result: RefactoringWindow[] = [];
  for (const { doc, node } of windows) {
    const error = (message: string, at: JsonNode, severity: 'error' | 'warning' = 'error'): void => {
      problems.push({ severity, message, location: nodeLocation(doc, at) });
    };
    const id = stringValue(propertyValue(node, 'id'));
    if (!id) continue; // reported by the schema
    const label = `window "${id}"`;
    const start = checkedDate(doc, propertyValue(node, 'start'), `"start" in ${label}`, problems);
    const endNode = propertyValue(node, 'end');
    const end = checkedDate(doc, endNode, `"end" in ${label}`, problems);
    if (start && end && endNode && end < start) error(`${label} ends (${end}) before it starts (${start})`, endNode);

    const scope = checkedGlobs(propertyValue(node, 'scope'), label, error);
    const goals = arrayItems(propertyValue(node, 'goals')).flatMap((goalNode, index): WindowGoal[] => {
      const goal = normalizeGoal(doc, goalNode, `goal #${index + 1} of ${label}`, context, error);
      return goal ? [goal] : [];
    });
    if (!start || !end) continue;
    result.push({
      id,
      title: stringValue(propertyValue(node, 'title')) ?? id,
      start,
      end,
      scope: scope.length ? scope : ['**/*'],
      goals,
      hold: SEVERITIES.find((severity) => severity === stringValue(propertyValue(node, 'hold'))) ?? 'warning',
      location: nodeLocation(doc, node),
    });
  }
  return { windows: result, problems };
}

type Report = (message: string, at: JsonNode, severity?: 'error' | 'warning') => void;

function normalizeGoal(doc: JsonDocument, node: JsonNode, label: string, context: WindowContext, report: Report): WindowGoal | undefined {
  const metric = GOAL_METRICS.find((m) => m === stringValue(propertyValue(node, 'metric')));
  const target = numberValue(propertyValue(node, 'target'));
  if (!metric || target === undefined) return undefined; // reported by the schema
  const goal: WindowGoal = { metric, target, location: nodeLocation(doc, node) };

  const ruleNode = propertyValue(node, 'rule');
  const rule = stringValue(ruleNode);
  if (rule !== undefined && ruleNode) {
    if (!context.ruleIds.has(rule)) report(`${label} names unknown rule "${rule}"${suggestionSuffix(rule, context.ruleIds)}`, ruleNode);
    goal.rule = rule;
  }
  const tagNode = propertyValue(node, 'tag');
  const tag = stringValue(tagNode);
  if (tag !== undefined && tagNode) {
    if (!context.tags.has(tag)) report(`${label} names tag "${tag}", which is not in "debt.tags"${suggestionSuffix(tag, context.tags)}`, tagNode, 'warning');
    goal.tag = tag;
  }
  const scopeNode = propertyValue(node, 'scope');
  if (scopeNode) goal.scope = checkedGlobs(scopeNode, label, report);
  return goal;
}

/** The date when it is a real one; a well-formed but impossible date is reported here (the schema checks the form). */
function checkedDate(doc: JsonDocument, node: JsonNode | undefined, label: string, problems: ConfigProblem[]): string | undefined {
  const text = stringValue(node);
  if (text === undefined || node === undefined || !looksLikeIsoDate(text)) return undefined;
  if (isCalendarDate(text)) return text;
  problems.push({ severity: 'error', message: `${label}: ${text} is not a real date`, location: nodeLocation(doc, node) });
  return undefined;
}

function checkedGlobs(node: JsonNode | undefined, label: string, report: Report): string[] {
  return stringsOf(node).flatMap((item) => {
    const problem = plainGlobProblem(item.value);
    if (problem === undefined) return [item.value];
    report(`${problem} (scope of ${label})`, item.node);
    return [];
  });
}
