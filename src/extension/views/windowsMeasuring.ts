// What the Refactoring Windows view and the dashboard say while the server measures the windows
// (it reads git history, which can take a while the first time) and when that is cancelled.
export const MEASURING = 'Guardrails: measuring the refactoring windows (reading git history)…';
export const CANCELLED = 'Measuring the refactoring windows was cancelled. Refresh to measure again.';
