/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  rerun: 'guardrails.rerun',
  showOutput: 'guardrails.showOutput',
  openRulesFile: 'guardrails.openRulesFile',
  createRulesFile: 'guardrails.createRulesFile',
  showView: 'guardrails.showView',
  ignoreLine: 'guardrails.ignoreLine',
  addOwner: 'guardrails.addOwner',
  addWindow: 'guardrails.addWindow',
  updateBaseline: 'guardrails.updateBaseline',
  openDashboard: 'guardrails.openDashboard',
} as const;
