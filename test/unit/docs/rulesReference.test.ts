// docs/rules-file.md is generated from schema/guardrails.schema.json (scripts/docs/rules-reference.mjs):
// it must be what the schema gives today, list every field with an example, and every example in
// it must load through the real rules loader without a single problem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import { REPO_ROOT } from '../rules/rulesTestKit';

interface Generator {
  renderRulesReference(schema: unknown): string;
  SCHEMA_FILE: string;
  REFERENCE_FILE: string;
  REGENERATE: string;
}

async function generator(): Promise<Generator> {
  return (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'docs', 'rules-reference.mjs')).href)) as Generator;
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(file, 'utf8'));

/** What the examples lean on: the layers and the rule they name, and the files they point at. */
const CONTEXT: Record<string, unknown> = {
  layers: { ui: 'src/ui/**', app: 'src/app/**', domain: 'src/domain/**', infra: 'src/infra/**' },
  rules: [{ id: 'domain-pure', kind: 'forbidden', from: 'domain', to: 'infra' }],
};
const SIDE_FILES: Record<string, string> = {
  'config/team.guardrails.json': '{}\n',
  'tsconfig.json': '{}\n',
  'tsconfig.app.json': '{}\n',
};

/** The example's members over the context's: layers merge by name, anything else replaces. */
function inContext(example: Record<string, unknown>): Record<string, unknown> {
  const layers = { ...(CONTEXT.layers as object), ...((example.layers as object | undefined) ?? {}) };
  return { ...CONTEXT, ...example, layers };
}

/** Each ```jsonc block of a Markdown text, with the line it starts on. */
function jsoncBlocks(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```jsonc') continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ line: i + 1, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

describe('the rules-file reference (docs/rules-file.md)', () => {
  it('is what the schema gives today', async () => {
    const { renderRulesReference, SCHEMA_FILE, REFERENCE_FILE, REGENERATE } = await generator();
    const committed = fs.existsSync(REFERENCE_FILE) ? fs.readFileSync(REFERENCE_FILE, 'utf8') : '';
    const fresh = renderRulesReference(readJson(SCHEMA_FILE));
    assert.ok(committed === fresh, `docs/rules-file.md does not match schema/guardrails.schema.json: run \`${REGENERATE}\` and commit docs/rules-file.md`);
  });

  it('refuses a schema field without an example, naming it', async () => {
    const { renderRulesReference, SCHEMA_FILE, REGENERATE } = await generator();
    const schema = readJson(SCHEMA_FILE) as { definitions: Record<string, { properties: Record<string, { examples?: unknown[] }> }> };
    delete schema.definitions.noCycleRule.properties.level.examples;
    assert.throws(() => renderRulesReference(schema), (error: Error) => error.message.includes('fields without an example') && error.message.includes('rules[].level') && error.message.includes(REGENERATE));
  });

  it('shows every field of the schema, each with its type and an example', async () => {
    const { REFERENCE_FILE } = await generator();
    const text = fs.readFileSync(REFERENCE_FILE, 'utf8');
    const headings = [...text.matchAll(/^#{2,4} `([^`]+)`$/gm)].map((match) => match[1]);
    for (const field of ['$schema', 'extends', 'include', 'layers.NAME.files', 'rules[].kind', 'rules[].toBuiltins', 'rules[].allowUnlayered', 'rules[].ignore', 'debt.require.estimate', 'debt.warnDaysBeforeDue', 'windows[].goals[].target', 'baseline']) {
      assert.ok(headings.includes(field), `the reference has a heading for ${field}`);
    }
    // Each field heading is followed by its type line and, before the next heading, an example.
    const sections = text.split(/^#{2,4} /m).slice(1).filter((section) => section.startsWith('`'));
    for (const section of sections) {
      const name = section.slice(0, section.indexOf('\n'));
      assert.match(section, /\n\n`[^`]+`( · required)?( · default `[^`]+`)?\n/, `${name} states its type`);
      assert.match(section, /```jsonc\n/, `${name} has an example`);
    }
  });

  it('has examples that each load through the rules loader without a problem', async () => {
    const { REFERENCE_FILE } = await generator();
    const blocks = jsoncBlocks(fs.readFileSync(REFERENCE_FILE, 'utf8'));
    assert.ok(blocks.length >= 50, `found ${blocks.length} examples`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-reference-'));
    try {
      for (const [file, text] of Object.entries(SIDE_FILES)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const failures: string[] = [];
      for (const block of blocks) {
        const rulesFile = path.join(dir, 'guardrails.json');
        fs.writeFileSync(rulesFile, JSON.stringify(inContext(JSON.parse(`{${block.text}}`)), null, 2));
        const result = loadRules(rulesFile, new NodeFileSystem());
        const problems = result.problems.map((problem) => `${problem.severity}: ${problem.message}`);
        if (!result.ok || problems.length > 0) failures.push(`docs/rules-file.md:${block.line}: ${problems.join('; ') || 'not loaded'}\n${block.text}`);
      }
      assert.deepEqual(failures, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
