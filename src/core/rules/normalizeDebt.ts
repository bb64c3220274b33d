// The merged debt section → DebtPolicy with defaults; checks the ticket link and that
// `require` names tags that exist.
import type { Severity } from '../model/types';
import type { ConfigProblem, DebtPolicy } from '../model/ruleTypes';
import { nodeLocation, numberValue, stringsOf, stringValue } from '../json/jsonDocument';
import { REQUIRE_FIELDS, type MergedDebt } from './mergeConfigs';
import { locationOf, severityOf } from '../json/readValues';
import { suggestionSuffix } from '../util/didYouMean';

export const DEFAULT_DEBT_TAGS: Readonly<Record<string, Severity>> = {
  TODO: 'info',
  FIXME: 'warning',
  HACK: 'warning',
  XXX: 'warning',
  DEBT: 'warning',
};

export function normalizeDebt(debt: MergedDebt): { policy: DebtPolicy; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const tags: Record<string, Severity> = {};
  if (!debt.tagsWritten) Object.assign(tags, DEFAULT_DEBT_TAGS);
  for (const [name, entry] of debt.tags) tags[name] = severityOf(stringValue(entry.node), 'warning');

  const require: DebtPolicy['require'] = { owner: [], ticket: [], due: [], estimate: [] };
  for (const field of REQUIRE_FIELDS) {
    const value = debt.require.get(field);
    if (!value) continue;
    for (const item of stringsOf(value.node)) {
      require[field].push(item.value);
      if (!Object.prototype.hasOwnProperty.call(tags, item.value)) {
        problems.push({
          severity: 'warning',
          message: `"debt.require.${field}" names tag "${item.value}", which is not in "debt.tags"${suggestionSuffix(item.value, Object.keys(tags))}`,
          location: nodeLocation(value.doc, item.node),
        });
      }
    }
  }

  const policy: DebtPolicy = {
    tags,
    require,
    overdueSeverity: severityOf(stringValue(debt.overdueSeverity?.node), 'error'),
    warnDaysBeforeDue: nonNegative(numberValue(debt.warnDaysBeforeDue?.node)) ?? 7,
    match: stringValue(debt.match?.node) === 'anywhere' ? 'anywhere' : 'start',
  };
  const ticketUrl = debt.ticketUrl && stringValue(debt.ticketUrl.node);
  if (debt.ticketUrl && ticketUrl !== undefined) {
    const problem = ticketUrlProblem(ticketUrl);
    if (problem) problems.push({ severity: 'error', message: problem, location: locationOf(debt.ticketUrl) });
    else policy.ticketUrl = ticketUrl;
  }
  if (debt.section) policy.location = locationOf(debt.section);
  return { policy, problems };
}

function ticketUrlProblem(url: string): string | undefined {
  let protocol: string;
  try {
    protocol = new URL(url.split('{ticket}').join('TICKET')).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    return `"ticketUrl" must be an http:// or https:// address, found ${JSON.stringify(url)}`;
  }
  if (!url.includes('{ticket}')) {
    return `"ticketUrl" must contain "{ticket}" where the ticket goes, as in "https://tracker.example.com/browse/{ticket}"`;
  }
  return undefined;
}

function nonNegative(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 ? value : undefined;
}
