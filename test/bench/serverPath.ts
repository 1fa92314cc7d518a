/**
 * `node out/test/bench/serverPath.js [rules|lsp]`: the server path on a large letter — the time of
 * each rule, the first and a second diagnostics computation of an unchanged document, and (lsp) edit
 * → diagnostics and hover latency while the server analyses. A report, never a test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import { DocumentWords } from '../../server/src/features/documentWords';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../server/src/features/model';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { loadBundledGlossary } from '../../server/src/io/glossary';
import { createKamerwijzer, type Kamerwijzer } from '../../server/src/service/kamerwijzer';
import { messages } from '../../server/src/l10n';
import { LspSession } from '../support/lspClient';
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
  t = performance.now();
  DocumentWords.of(doc).occurrences('x');
  console.log(`  the shared word index: ${(performance.now() - t).toFixed(0)} ms (made in the analysis worker in the server)`);
  const times: [string, number][] = [];
  for (const rule of s.rules) {
    const one = createKamerwijzerLike(s, rule);
    // The fastest of three runs (the first warms the JIT up).
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      t = performance.now();
      await one(doc);
      best = Math.min(best, performance.now() - t);
    }
    times.push([rule.code, best]);
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

function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN;
}

/** Edit → diagnostics, a second pull, and hover latency idle and while the server analyzes, through a real server. */
export async function lsp(bytes: number, cli: string | undefined, env: Record<string, string>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-lsp-'));
  const session = await LspSession.start({ folders: [dir], settings: { today: '2026-01-15' }, ...(cli ? { cli } : {}), env });
  try {
    const uri = pathToFileURL(path.join(dir, 'brief.md')).toString();
    const text = largeLetter(bytes);
    const at = text.indexOf('Kamerstuk 29');
    const lines = text.slice(0, at).split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length + 12 };
    const pull = (previousResultId?: string) => session.request<{ items: unknown[]; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    const hover = async (): Promise<number> => {
      const t = performance.now();
      await session.request('textDocument/hover', { textDocument: { uri }, position });
      return performance.now() - t;
    };
    let t = performance.now();
    await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = await pull();
    const firstMs = performance.now() - t;
    t = performance.now();
    await pull();
    const secondMs = performance.now() - t;
    t = performance.now();
    await pull(first.resultId);
    const unchangedMs = performance.now() - t;
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await hover());
    const edit = (version: number) =>
      session.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: lines.length + 40, character: 0 }, end: { line: lines.length + 40, character: 0 } }, text: 'x' }],
      });
    const editMs: number[] = [];
    const during: number[] = [];
    for (let version = 2; version <= 4; version++) {
      t = performance.now();
      await edit(version);
      let done = false;
      const pulled = pull().then(() => {
        editMs.push(performance.now() - t);
        done = true;
      });
      while (!done) during.push(await hover());
      await pulled;
    }
    console.log(
      `${(bytes / MB).toFixed(2)} MB ${env['KAMERWIJZER_ANALYSIS'] === 'main' ? '(main thread)' : ''}${cli ? ` (${cli})` : ''}: first diagnostics ${firstMs.toFixed(0)} ms (${first.items.length}), ` +
        `second pull ${secondMs.toFixed(1)} ms (naming the first result: ${unchangedMs.toFixed(1)} ms), edit → diagnostics ${editMs.map((x) => x.toFixed(0)).join(' / ')} ms, ` +
        `hover p99 idle ${p99(idle).toFixed(1)} ms, during analysis ${p99(during).toFixed(1)} ms (max ${Math.max(...during).toFixed(0)}, n=${during.length})`,
    );
  } finally {
    await session.stop();
  }
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'rules';
  if (what === 'rules') {
    await rules(120 * 1024);
    await rules(5 * MB);
  }
  if (what === 'lsp') {
    // `lsp path/to/other/dist/cli.js`: another build (before/after), with its default analysis only.
    const cli = process.argv[3];
    for (const env of (cli ? [{}] : [{}, { KAMERWIJZER_ANALYSIS: 'main' }]) as Record<string, string>[]) {
      await lsp(120 * 1024, cli, env);
      await lsp(5 * MB, cli, env);
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
