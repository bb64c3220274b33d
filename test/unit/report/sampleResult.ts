// A small hand-built analysis under a fake root, shared by the report and baseline tests.
import * as path from 'node:path';
import type { AnalysisResult, DebtItem, Edge, Range, Violation } from '../../../src/core/model/types';

export const ROOT = path.join(path.sep, 'ws');
export const abs = (rel: string): string => path.join(ROOT, ...rel.split('/'));

export function range(line: number, column: number, endColumn = column + 10, endLine = line): Range {
  return { start: { line, column }, end: { line: endLine, column: endColumn } };
}

export function violation(partial: Partial<Violation> & { ruleId: string; file: string; line: number; column?: number }): Violation {
  const { file, line, column, ...rest } = partial;
  return {
    severity: 'error',
    message: `${partial.ruleId} broken`,
    location: { file: abs(file), range: range(line, column ?? 1) },
    from: abs(file),
    to: '',
    ...rest,
  };
}

export function debt(partial: Partial<DebtItem> & { tag: string; file: string; line: number; column?: number }): DebtItem {
  const { file, line, column, ...rest } = partial;
  return {
    text: 'something to do',
    file: abs(file),
    range: range(line, column ?? 4, (column ?? 4) + partial.tag.length),
    commentRange: range(line, 1, 40),
    overdue: false,
    severity: 'info',
    id: `${partial.tag}:something to do:${file}`,
    ...rest,
  };
}

export function edge(from: string, to: string, line: number, kind: Edge['kind'] = 'static', typeOnly = kind === 'type-only'): Edge {
  const specifier = /^(pkg|node|unresolved):/.test(to) ? to.slice(to.indexOf(':') + 1) : `./${path.basename(to, '.ts')}`;
  return { from: abs(from), to, kind, typeOnly, specifier, range: range(line, 20, 30) };
}

export function sampleResult(): AnalysisResult {
  const cycleStep = (from: string, to: string, line: number) => ({ from: abs(from), to: abs(to), location: { file: abs(from), range: range(line, 17, 25) } });
  return {
    root: ROOT,
    rulesFile: abs('guardrails.json'),
    files: 42,
    durationMs: 312.4,
    violations: [
      violation({ ruleId: 'ui-no-db', file: 'src/ui/view.ts', line: 5, to: 'pkg:pg', kind: 'static', message: 'src/ui must not import pg' }),
      violation({
        ruleId: 'domain-pure', file: 'src/domain/order.ts', line: 3, to: abs('src/infra/db.ts'), kind: 'static',
        message: 'domain must not depend on infra', why: 'The domain stays free of I/O.',
      }),
      violation({
        ruleId: 'no-cycles', file: 'src/a.ts', line: 1, column: 17, severity: 'warning', to: abs('src/b.ts'), kind: 'static',
        message: 'Import cycle of 3 files',
        cycle: [cycleStep('src/a.ts', 'src/b.ts', 1), cycleStep('src/b.ts', 'src/c.ts', 2), cycleStep('src/c.ts', 'src/a.ts', 3)],
      }),
      violation({ ruleId: 'domain-pure', file: 'src/domain/order.ts', line: 1, to: 'node:fs', kind: 'static', message: 'domain must not use fs' }),
      violation({ ruleId: 'parse-error', file: 'src/broken.ts', line: 2, column: 5, severity: 'info', message: 'Expression expected' }),
      violation({
        ruleId: 'domain-pure', file: 'src/domain/money.ts', line: 7, to: abs('src/infra/db.ts'), kind: 'type-only',
        message: 'domain must not depend on infra', baselined: true, originalSeverity: 'error', severity: 'info',
      }),
    ],
    debt: [
      debt({
        tag: 'DEBT', file: 'src/payments/client.ts', line: 14, column: 6, text: 'replace the legacy client', owner: '@alice',
        ticket: 'PAY-123', due: '2026-01-31', estimate: '2d', estimateHours: 16, overdue: true, severity: 'error',
      }),
      debt({ tag: 'TODO', file: 'src/a.ts', line: 9, text: 'simplify' }),
      debt({ tag: 'FIXME', file: 'src/a.ts', line: 2, text: 'off by one', owner: 'bob', estimate: '4h', estimateHours: 4, severity: 'warning' }),
    ],
    edges: [
      edge('src/ui/view.ts', 'pkg:pg', 5),
      edge('src/a.ts', abs('src/b.ts'), 1),
      edge('src/b.ts', abs('src/c.ts'), 2),
      edge('src/c.ts', abs('src/a.ts'), 3),
      edge('src/domain/order.ts', 'node:fs', 1),
      edge('src/domain/order.ts', abs('src/infra/db.ts'), 3),
      edge('src/domain/money.ts', abs('src/infra/db.ts'), 7, 'type-only'),
      edge('src/a.ts', 'unresolved:./missing', 4, 'dynamic'),
      edge('src/ui/view.ts', abs('src/domain/order.ts'), 2, 'static'),
      edge('src/ui/view.ts', abs('src/domain/order.ts'), 3, 'type-only'),
    ],
    notices: [{ level: 'warning', message: 'Skipped a large file', file: abs('src/huge.ts') }],
  };
}
