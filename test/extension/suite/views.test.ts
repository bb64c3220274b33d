// The lead's trees: debt grouped and filtered, architecture violations by rule and file.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openEditor, revert } from '../editor';
import { waitUntil } from '../wait';

interface Row { label: string; description: string; children: Row[]; command?: vscode.Command }
interface GuardrailsApi {
  results(): unknown[];
  viewRows(view: 'debt' | 'architecture'): Promise<Row[]>;
}

const flat = (rows: Row[]): string[] => rows.map((row) => `${row.label} [${row.description}]`);

describe('Guardrails views', function () {
  this.timeout(60_000);
  let api: GuardrailsApi;

  before(async () => {
    api = await vscode.extensions.getExtension<GuardrailsApi>('guardrails.guardrails')!.activate();
    await waitUntil('the first analysis', async () => ((await api.viewRows('architecture')).length > 0 ? true : undefined), 20_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('guardrails.debt.groupBy', 'owner');
    await vscode.commands.executeCommand('guardrails.debt.filter', { mine: false, overdue: false, inWindow: false, tags: [] });
  });

  it('lists debt by owner, with tag, ticket and its age from git on each item', async () => {
    // Ages come from git blame in the background; the committed fixture lines all have one.
    const rows = await waitUntil('debt ages', async () => {
      const current = await api.viewRows('debt');
      return current.every((group) => group.children.every((row) => / · \d+d old$/.test(row.description))) ? current : undefined;
    });
    assert.deepEqual(flat(rows).map((row) => row), ['@ana [1]', 'No owner [1]']);
    assert.match(flat(rows[0].children)[0], /^the domain should not format prices for display\. \[DEBT · PAY-9 · \d+d old\]$/);
    assert.match(flat(rows[1].children)[0], /^use the user's locale\. \[TODO · \d+d old\]$/);
  });

  it('switches grouping to tag or file from the view title', async () => {
    await vscode.commands.executeCommand('guardrails.debt.groupBy', 'tag');
    assert.deepEqual(flat(await api.viewRows('debt')), ['DEBT [1]', 'TODO [1]']);
    await vscode.commands.executeCommand('guardrails.debt.groupBy', 'file');
    assert.deepEqual(flat(await api.viewRows('debt')), ['src/domain/order.ts [1]', 'src/ui/format.ts [1]']);
  });

  it('filters debt by tag and by overdue', async () => {
    await vscode.commands.executeCommand('guardrails.debt.filter', { tags: ['TODO'] });
    assert.deepEqual(flat(await api.viewRows('debt')), ['No owner [1]']);
    await vscode.commands.executeCommand('guardrails.debt.filter', { tags: [], overdue: true });
    assert.deepEqual(await api.viewRows('debt'), []);
  });

  it('lists architecture violations by rule, then file, then each import', async () => {
    const rows = await api.viewRows('architecture');
    assert.deepEqual(flat(rows), ['layered [1]']);
    assert.deepEqual(flat(rows[0].children), ['order.ts [src/domain · 1]']);
    assert.match(rows[0].children[0].children[0].label, /^1:29 {2}layer domain must not import the outer layer ui/);
  });

  it('shows a tangle with its file count and the imports to cut; clicking a cut opens the import', async () => {
    const editor = await openEditor('src/ui/format.ts');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), "import { render } from './view';\nexport const again = render;\n"));
    const rows = await waitUntil('the tangle', async () => {
      const current = await api.viewRows('architecture');
      return current.some((row) => row.label === 'Tangles') ? current : undefined;
    });
    const tangles = rows.find((row) => row.label === 'Tangles')!;
    assert.deepEqual(flat([tangles]), ['Tangles [1]']);
    assert.deepEqual(flat(tangles.children), ['3 files [no-cycles · 1 cycle · cut 1 import]']);
    const cuts = tangles.children[0].children;
    assert.deepEqual(flat(cuts), ['src/ui/format.ts → src/ui/view.ts [line 1]']);

    await openEditor('src/domain/order.ts');
    const open = cuts[0].command!;
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    const shown = vscode.window.activeTextEditor!;
    assert.equal(path.basename(shown.document.uri.fsPath), 'format.ts');
    assert.deepEqual([shown.selection.start.line, shown.selection.start.character], [0, 23]);

    // Take the import out again before reverting, so the buffer matches the file on disk.
    await shown.edit((edit) => edit.delete(new vscode.Range(0, 0, 2, 0)));
    await waitUntil('the tangle gone', async () => ((await api.viewRows('architecture')).some((row) => row.label === 'Tangles') ? undefined : true));
    await revert(shown);
  });
});
