// Bundles the VS Code client, the language server and the command line into dist/, and compiles the
// bundled data (server/data) into dist/data. CommonJS for Node, `vscode` external (the editor
// provides it), minified with source maps beside them. The server is dist/server-main.js, started by
// dist/server.js (server/codeCacheLoader.js) from V8's code cache of an earlier start.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
  define: { KAMERWIJZER_VERSION: JSON.stringify(pkg.version) },
  // Node 20 (and VS Code's, 20 or later) has every \p{…} property escape; esbuild would otherwise turn
  // each /…\p{…}…/u literal into a `new RegExp(…)` made on every evaluation (four times the cost of a
  // literal, in loops over words and lines: extract --json over 20 MB a twentieth slower).
  supported: { 'regexp-unicode-property-escapes': true },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  // The server: its bundle, and dist/server.js, which starts it with V8's code cache (server/codeCacheLoader.js).
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js' },
  { entryPoints: ['server/codeCacheLoader.js'], outfile: 'dist/server.js', sourcemap: false },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

/** Compiles server/data into dist/data (catalog from the recorded sources; glossary copied). */
async function buildData() {
  const tool = 'dist/tools/compile-data.js';
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: ['server/src/io/bundledData.ts'], outfile: tool });
  const { asciiJson, compileBundledDataFiles } = require(path.resolve(tool));
  compileBundledDataFiles('server/data/sources', 'dist/data');
  const written = new Set(['catalog.json']);
  for (const name of fs.readdirSync('server/data')) {
    if (!name.endsWith('.json')) continue;
    fs.writeFileSync(path.join('dist/data', name), asciiJson(JSON.parse(fs.readFileSync(path.join('server/data', name), 'utf8'))));
    written.add(name);
  }
  // A data file removed from server/data does not linger in dist/data (and so in the package).
  for (const name of fs.readdirSync('dist/data')) if (name.endsWith('.json') && !written.has(name)) fs.rmSync(path.join('dist/data', name));
  fs.rmSync('dist/tools', { recursive: true, force: true });
}

if (watch) {
  await buildData();
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all([...entries.map((e) => esbuild.build({ ...common, ...e })), buildData()]);
  fs.chmodSync('dist/cli.js', 0o755);
}
