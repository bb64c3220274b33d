// Bundles the extension (the language client), the language server and the CLI. `vscode` stays
// external: the editor provides it. package.json says `"sideEffects": false`: the client imports a
// few helpers through the core's index, and only what it uses (never TypeScript's parser) is bundled.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

mkdirSync('dist', { recursive: true });

const watch = process.argv.includes('--watch');
// `--production` (npm run package, npm pack): whitespace and syntax minified, no source maps.
// Identifiers are not renamed, so the stack of an internal error still says where it happened
// without esbuild's `keepNames`: its `__name` wrapper on every function expression (TypeScript's
// parser makes them in its hot paths) cost the engine 2.4× the CPU of a check (40 s against 16 s
// on the 20,000-file synthetic corpus).
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minifyWhitespace: production,
  minifySyntax: production,
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  alias: { 'ts-morph': './scripts/build/ts-morph-shim.mjs' },
  logLevel: 'info',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server the extension starts over IPC (its parsing threads run the same file).
  { ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  // The engine's bundle, and a tiny `guardrails` entry that loads it with V8's code cache. Every
  // run reads the whole bundle: without whitespace it is a third smaller (20 ms off each start);
  // identifiers are not renamed, so stack traces of an internal error still read.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/guardrails-cli.js', minifyWhitespace: true, minifySyntax: true },
  { ...common, entryPoints: ['src/cli/loader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, sourcemap: false },
];

// A production build leaves no maps of an earlier development build beside the bundles.
if (production) for (const file of readdirSync('dist', { withFileTypes: true }).filter((entry) => entry.name.endsWith('.map'))) rmSync(`dist/${file.name}`);

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  for (const { outfile } of builds) stampDigest(outfile);
}

/**
 * The build's identity (src/cli/version.ts): a digest of the bundle written over the placeholder,
 * which has the same length, so the source map still fits. `check --cache` keys its files on it.
 */
function stampDigest(file) {
  const placeholder = 'guardrails-bundle-digest-placeholder-000';
  const text = readFileSync(file, 'utf8');
  if (!text.includes(placeholder)) return;
  writeFileSync(file, text.replaceAll(placeholder, createHash('sha1').update(text).digest('hex')));
}
