// What held up the extension host: reads a CPU profile the responsiveness suite wrote
// (GUARDRAILS_PROFILE_DIR=DIR npm run test:responsiveness) and lists each stretch of over N ms with
// no idle sample, with the code that ran in it: the scripts it spent its time in (self time),
// and the functions on the stack longest (inclusive time).
//
//   node scripts/vscode-test/stalls.mjs FILE.cpuprofile [--over 50] [--top 12]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { over: { type: 'string', default: '50' }, top: { type: 'string', default: '12' } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/vscode-test/stalls.mjs FILE.cpuprofile [--over MS] [--top N]');
  process.exit(2);
}
const over = Number(values.over);
const top = Number(values.top);
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const IDLE = new Set(['(idle)', '(program)']);
const isIdle = (id) => IDLE.has(nodes.get(id).callFrame.functionName) && !parent.has(id) === false && nodes.get(parent.get(id))?.callFrame.functionName === '(root)';

/** Where a frame's code lives, short: the extension or VS Code part it belongs to. */
function origin(url) {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const ext = file.match(/\/extensions\/([^/]+)\//);
  if (ext) return `extension ${ext[1]}`;
  if (/\/dist\/(extension|server)\.js$/.test(file)) return `guardrails ${path.basename(file)}`;
  if (file.includes('/lib/vscode/out/')) return `vscode ${path.basename(file)}`;
  if (file.startsWith('node:')) return file;
  return path.basename(file);
}

const frame = (id) => {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  return `${functionName || '(anonymous)'} ${origin(url)}:${lineNumber + 1}`;
};

// Sample times in ms from the start of the profile.
const times = [];
let t = 0;
for (const delta of profile.timeDeltas) times.push((t += delta / 1000));

const runs = [];
let start = -1;
for (let i = 0; i <= profile.samples.length; i++) {
  const busy = i < profile.samples.length && !isIdle(profile.samples[i]);
  if (busy && start < 0) start = i;
  if (!busy && start >= 0) {
    const ms = times[i - 1] - times[start] + (i < times.length ? times[i] - times[i - 1] : 0);
    if (ms > over) runs.push({ from: start, to: i, ms });
    start = -1;
  }
}

// A sample that comes long after the one before means the sampler did not run either: the whole
// process was off the CPU (a busy machine), whatever the code was doing.
const starved = profile.timeDeltas.map((delta, i) => ({ i, ms: delta / 1000 })).filter(({ ms }) => ms > over);
console.log(`${path.basename(positionals[0])}: ${runs.length} stretch(es) busy over ${over} ms, ${(times.at(-1) / 1000).toFixed(1)} s profiled`);
for (const { i, ms } of starved) console.log(`  no sample for ${ms.toFixed(0)} ms before +${times[i].toFixed(0)} ms (the process was off the CPU, or in ${frame(profile.samples[i])})`);
for (const run of runs) {
  const self = new Map();
  const inclusive = new Map();
  for (let i = run.from; i < run.to; i++) {
    const ms = (times[i + 1] ?? times[i]) - times[i];
    const id = profile.samples[i];
    const selfKey = origin(nodes.get(id).callFrame.url);
    self.set(selfKey, (self.get(selfKey) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = frame(at);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const list = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => `      ${ms.toFixed(0).padStart(5)} ms  ${key}`).join('\n');
  console.log(`\n  ${run.ms.toFixed(0)} ms busy at +${times[run.from].toFixed(0)} ms\n    self time by script:\n${list(self)}\n    on the stack:\n${list(inclusive)}`);
}
