// Builds a git repository with a dated history from examples/shop, so that its refactoring window
// (payments-q4, 2026-11-02 → 2026-12-18) has a state when it opened and work done since:
//
//   node scripts/example-history.mjs [--out DIR]      (default: .example-history/shop)
//   node dist/cli.js windows .example-history/shop --today 2026-11-27
//
// The history starts on 2026-10-30 with more payments debt (and a domain-pure finding, outside the
// window's scope), then commits by different people pay items down, one moves an item (not paid
// down), and the last commit leaves exactly the files of examples/shop. The repository is built
// outside the committed tree's own history: it is a separate repository in its own folder.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(repoRoot, 'examples', 'shop');
const MARKER = 'guardrails-example-history';

const PEOPLE = {
  alice: ['Alice Martin', 'alice@shop.example'],
  bob: ['Bob Okafor', 'bob@shop.example'],
  carol: ['Carol Jensen', 'carol@shop.example'],
  dave: ['Dave Silva', 'dave@shop.example'],
  erin: ['Erin Kowalski', 'erin@shop.example'],
};

/**
 * The history, oldest first. `changes` undo themselves in that commit: each is [text in the final
 * file, text before the commit], so the first commit has every change applied and the last none.
 */
const COMMITS = [
  { date: '2026-10-30T17:40:00+01:00', who: 'alice', message: 'Import the shop' },
  { date: '2026-10-31T11:05:00+01:00', who: 'bob', message: 'Document the findings the example is built to produce', adds: ['EXPECTED.md'] },
  {
    date: '2026-11-03T10:12:00+01:00', who: 'dave', message: "Log the gateway's status with each payment attempt",
    changes: { 'src/features/payments/cardProcessor.ts': [[
      "  log('info', 'payment attempted', { orderId: order.id, risk, status: result.status });",
      "  // TODO(dave): log the gateway's status, not only that we tried\n  log('info', 'payment attempted', { orderId: order.id, risk });",
    ]] },
  },
  {
    date: '2026-11-05T15:30:00+01:00', who: 'bob', message: 'Compare the fraud review threshold in cents',
    changes: { 'src/features/payments/fraudCheck.ts': [[
      "  return order.total.amount > 50_000 ? 'review' : 'allow';",
      "  // FIXME(bob): the review threshold is in euros but amounts are in cents /PAY-9\n  return order.total.amount > 500 ? 'review' : 'allow';",
    ]] },
  },
  {
    // Moves a debt item within its file: not paid down.
    date: '2026-11-06T09:45:00+01:00', who: 'alice', message: 'Put the legacy-client note on payOrder',
    changes: { 'src/features/payments/cardProcessor.ts': [
      ["import type { Order } from '@domain/order';", "// DEBT(@alice, PAY-123, due 2026-12-31, est 2d, interest high): replace the legacy client\nimport type { Order } from '@domain/order';"],
      ["\n// DEBT(@alice, PAY-123, due 2026-12-31, est 2d, interest high): replace the legacy client\nexport async", '\nexport async'],
    ] },
  },
  {
    date: '2026-11-10T14:02:00+01:00', who: 'carol', message: 'Refund the captured amount, partial refunds included',
    changes: { 'src/features/payments/refunds.ts': [[
      '  const { refundId } = await refund(chargeId, order.total);',
      '  // DEBT(@carol, PAY-141, est 3h): partial refunds are not supported\n  const { refundId } = await refund(chargeId, order.total);',
    ]] },
  },
  {
    // A domain-pure finding outside the window's scope: it goes, but it is not this window's work.
    date: '2026-11-12T16:20:00+01:00', who: 'erin', message: 'Keep logging out of the domain',
    changes: { 'src/domain/order.ts': [
      ["import type { Cart } from './cart';", "import { log } from '@infra/logging/logger';\nimport type { Cart } from './cart';"],
      ["  return { id, number: await nextOrderNumber(), cart, total, status: 'placed' };", "  log('info', 'order created', { id });\n  return { id, number: await nextOrderNumber(), cart, total, status: 'placed' };"],
    ] },
  },
  {
    date: '2026-11-17T11:30:00+01:00', who: 'alice', message: 'Run 3-D Secure for saved cards too',
    changes: { 'src/features/payments/cardProcessor.ts': [[
      '  const risk = assessRisk(order);',
      '  // DEBT(@alice, PAY-130, est 1d): 3-D Secure is skipped for saved cards\n  const risk = assessRisk(order);',
    ]] },
  },
  {
    date: '2026-11-20T10:10:00+01:00', who: 'bob', message: 'Let the mobile app send clean card tokens',
    changes: { 'src/features/payments/cardProcessor.ts': [[
      '  const result = await charge(cardToken, order.total, order.id);',
      '  // HACK(@bob): the mobile app sends tokens with spaces, so trim them here\n  const result = await charge(cardToken.trim(), order.total, order.id);',
    ]] },
  },
  {
    date: '2026-11-24T13:55:00+01:00', who: 'erin', message: 'Remove the legacy retry helper: the gateway retries itself',
    removes: {
      'src/features/payments/legacyRetry.ts': [
        '// TODO(erin): delete this once the gateway retries on its own /PAY-88',
        'export function retryDelayMs(attempt: number): number {',
        '  return Math.min(30_000, 500 * 2 ** attempt);',
        '}',
        '',
      ].join('\n'),
    },
  },
  {
    date: '2026-11-26T17:05:00+01:00', who: 'dave', message: 'Describe the payments entry point',
    changes: { 'src/features/payments/index.ts': [['// Public entry of the payments feature.', '// Payments.']] },
  },
];

function main() {
  const outArg = valueOf('--out');
  const out = path.resolve(outArg ? process.cwd() : repoRoot, outArg ?? '.example-history/shop');
  prepare(out);
  const final = readTree(source);
  let previous = new Map();
  COMMITS.forEach((commit, index) => {
    const state = stateAfter(index, final);
    for (const file of previous.keys()) if (!state.has(file)) fs.rmSync(path.join(out, file));
    for (const [file, text] of state) {
      if (previous.get(file) === text) continue;
      fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      fs.writeFileSync(path.join(out, file), text);
    }
    previous = state;
    const [name, email] = PEOPLE[commit.who];
    git(out, ['add', '-A']);
    git(out, ['commit', '-q', '--no-verify', '-m', commit.message], {
      GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: commit.date,
      GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: commit.date,
    });
  });
  for (const [file, text] of final) {
    if (fs.readFileSync(path.join(out, file), 'utf8') !== text) throw new Error(`${file} differs from examples/shop at the end of the history`);
  }
  const shown = path.relative(process.cwd(), out) || '.';
  console.log(`Built ${COMMITS.length} commits in ${shown} (2026-10-30 to 2026-11-26).`);
  console.log('See the refactoring window with:');
  console.log(`  node dist/cli.js windows ${shown} --today 2026-11-27`);
}

/** Files as they are after commit `index`: later commits' changes still undone, earlier ones done. */
function stateAfter(index, final) {
  const state = new Map(final);
  // Undo the newest commit first: each change is written against the files as that commit left them.
  [...COMMITS.entries()].reverse().forEach(([at, commit]) => {
    if (at <= index) return;
    for (const file of commit.adds ?? []) state.delete(file);
    for (const [file, text] of Object.entries(commit.removes ?? {})) state.set(file, text);
    for (const [file, pairs] of Object.entries(commit.changes ?? {})) {
      let text = state.get(file);
      for (const [after, before] of pairs) {
        if (text.split(after).length !== 2) throw new Error(`${file}: expected exactly one ${JSON.stringify(after)}`);
        text = text.replace(after, () => before);
      }
      state.set(file, text);
    }
  });
  return state;
}

function prepare(out) {
  if (fs.existsSync(out)) {
    if (!fs.existsSync(path.join(out, '.git', MARKER))) {
      throw new Error(`${out} exists and was not made by this script; choose another --out`);
    }
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
  git(out, ['init', '-q']);
  fs.writeFileSync(path.join(out, '.git', MARKER), 'made by scripts/example-history.mjs; safe to delete\n');
}

function readTree(dir, prefix = '') {
  const files = new Map();
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [file, text] of readTree(dir, rel)) files.set(file, text);
    else if (entry.isFile()) files.set(rel, fs.readFileSync(path.join(dir, rel), 'utf8'));
  }
  return files;
}

function git(cwd, args, env = {}) {
  const config = ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.autocrlf=false'];
  execFileSync('git', [...config, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

function valueOf(flag) {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

try {
  main();
} catch (error) {
  console.error(`example-history: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
