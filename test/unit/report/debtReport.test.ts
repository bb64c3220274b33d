import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { debtCsv } from '../../../src/core/report/debtReport';
import type { DebtItem } from '../../../src/core/model/types';
import { burndownSvg } from '../../../src/core/report/burndownSvg';
import type { WindowProgress } from '../../../src/core/windows/windowReport';

const root = path.join(path.sep, 'ws');
const item = (text: string, extra: Partial<DebtItem> = {}): DebtItem => ({
  tag: 'TODO', text, file: path.join(root, 'src', 'a.ts'), overdue: false, severity: 'info', id: text,
  range: { start: { line: 3, column: 4 }, end: { line: 3, column: 8 } }, commentRange: { start: { line: 3, column: 1 }, end: { line: 3, column: 20 } }, ...extra,
});

describe('debt export', () => {
  it('writes CSV that spreadsheets read safely: quoting, and no formulas from comment text', () => {
    const csv = debtCsv([item('say "hi", then =SUM(A1)'), item('=HYPERLINK("x")', { owner: 'ana', estimate: '2d', estimateHours: 16 })], root);
    assert.deepEqual(csv.split('\r\n'), [
      'tag,file,line,column,owner,ticket,due,overdue,estimate,estimateHours,interest,severity,text',
      'TODO,src/a.ts,3,4,,,,false,,,,info,"say ""hi"", then =SUM(A1)"',
      'TODO,src/a.ts,3,4,ana,,,false,2d,16,,info,"\'=HYPERLINK(""x"")"',
      '',
    ]);
  });

  it('draws one burndown line per goal and an ideal line from the start value', () => {
    const window = {
      title: 'W', start: '2026-11-01', end: '2026-11-11',
      goals: [{ label: 'debt', atStart: 4, target: 0 }, { label: 'violations', atStart: null, target: 0 }],
      burndown: [{ date: '2026-11-01', values: [4, 1] }, { date: '2026-11-06', values: [2, 1] }],
    } as unknown as WindowProgress;
    const svg = burndownSvg(window, { standalone: false })!;
    assert.equal((svg.match(/<path /g) ?? []).length, 2);
    assert.equal((svg.match(/class="ideal"/g) ?? []).length, 1, 'no ideal line for a goal without a start value');
    assert.match(svg, /<path class="line series-0" d="M26\.0,6\.0 L161\.0,41\.0">/);
    assert.doesNotMatch(svg, /xmlns|<style>/);
    assert.match(burndownSvg(window, { standalone: true })!, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg".*<style>/);
    assert.equal(burndownSvg({ ...window, burndown: [] }, { standalone: true }), undefined);
  });
});
