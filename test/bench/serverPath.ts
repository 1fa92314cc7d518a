/**
 * `node out/test/bench/serverPath.js [rules|lsp]`: the server path on a large letter — the time of
 * each rule, the first and a second diagnostics computation of an unchanged document, and (lsp) edit
 * → diagnostics and hover latency while the server analyses. A report, never a test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../server/src/features/model';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { loadBundledGlossary } from '../../server/src/io/glossary';
import { createKamerwijzer, type Kamerwijzer } from '../../server/src/service/kamerwijzer';
import { messages } from '../../server/src/l10n';
import { repoRoot, seedsDir } from '../support/paths';

const MB = 1024 * 1024;

export function largeLetter(bytes: number): string {
  const all = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'))
    .join('\n\n');
  let out = all;
  while (out.length < bytes) out += '\n\n' + all;
  return out.slice(0, bytes);
}

function service(): Kamerwijzer {
  const dataDir = path.join(repoRoot, 'dist', 'data');
  const s = createKamerwijzer({
    sources: [new BundledCatalogSource(() => loadBundledCatalog(dataDir))],
    bundledGlossary: () => loadBundledGlossary(dataDir),
    folderOf: () => 'ws',
    settings: { locale: 'nl', today: '2026-01-15', diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, enforceCitationStyle: true }, online: false },
  });
  s.glossaries.setFolder('ws', 'file:///ws/.kamerwijzer/glossary.json', undefined);
  return s;
}

async function rules(bytes: number): Promise<void> {
  const s = service();
  const text = largeLetter(bytes);
  // warm up
  await s.findings(s.setDocument('file:///ws/warm.md', largeLetter(100_000), 1));
  let t = performance.now();
  const doc = s.setDocument('file:///ws/brief.md', text, 1);
  console.log(`${(bytes / MB).toFixed(2)} MB: analyze ${(performance.now() - t).toFixed(0)} ms`);
  const times: [string, number][] = [];
  for (const rule of s.rules) {
    const one = createKamerwijzerLike(s, rule);
    t = performance.now();
    await one(doc);
    times.push([rule.code, performance.now() - t]);
  }
  times.sort((a, b) => b[1] - a[1]);
  for (const [code, ms] of times.slice(0, 8)) console.log(`  rule ${code}: ${ms.toFixed(1)} ms`);
  t = performance.now();
  const f1 = await s.findings(doc);
  console.log(`  findings (first): ${(performance.now() - t).toFixed(0)} ms, ${f1.length} findings`);
  t = performance.now();
  await s.findings(doc);
  console.log(`  findings (second pull, unchanged): ${(performance.now() - t).toFixed(1)} ms`);
  const edited = text.slice(0, bytes >> 1) + 'x' + text.slice(bytes >> 1);
  t = performance.now();
  const doc2 = s.setDocument('file:///ws/brief.md', edited, 2);
  const ta = performance.now() - t;
  await s.findings(doc2);
  console.log(`  one-character edit: analyze ${ta.toFixed(0)} ms, then findings ${(performance.now() - t - ta).toFixed(0)} ms`);
}

/** Times one rule alone through the runner. */
function createKamerwijzerLike(s: Kamerwijzer, rule: Kamerwijzer['rules'][number]) {
  return async (doc: ReturnType<Kamerwijzer['setDocument']>) => {
    await rule.check({ ...s.context(), doc, settings: s.settings.diagnostics, m: messages('nl') });
  };
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'rules';
  if (what === 'rules') {
    await rules(120 * 1024);
    await rules(5 * MB);
  }
}

if (require.main === module) void main();
