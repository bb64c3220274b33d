import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import { starterRules } from '../../../src/core/rules/starterRules';

describe('starterRules (Create Rules File)', () => {
  it('turns the top-level source folders into layers and loads without problems', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-starter-'));
    for (const dir of ['src/ui', 'src/domain/model', 'src/empty', 'src/node_modules/x', 'test']) fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/ui/view.tsx'), 'export {};');
    fs.writeFileSync(path.join(root, 'src/domain/model/order.ts'), 'export {};');
    fs.writeFileSync(path.join(root, 'src/node_modules/x/index.js'), '');
    const text = starterRules(root, new NodeFileSystem());
    const file = path.join(root, 'guardrails.json');
    fs.writeFileSync(file, text);
    const loaded = loadRules(file, new NodeFileSystem());
    assert.ok(loaded.ok, JSON.stringify(loaded.problems));
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.layers.map((layer) => [layer.name, layer.files[0].pattern]), [['domain', 'src/domain/**'], ['ui', 'src/ui/**']]);
    assert.deepEqual(loaded.config.rules.map((rule) => rule.id), ['no-cycles', 'no-unresolved']);
    assert.match(text, /"order": \["domain", "ui"\]/);
  });
});
