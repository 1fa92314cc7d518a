/**
 * `npm run bench -- profile`: where the time of an edit on a 5 MB letter goes. After eight edits (so
 * that what versions take over from each other exists and V8 has compiled the hot code), one edit of
 * one character, then its findings, through the service, under V8's sampling profiler: self time by
 * source file and by function, without the profiler's own work; then each rule timed on its own.
 */
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import { ALL_RULES } from '../../server/src/features/diagnostics/rules';
import { computeFindings } from '../../server/src/features/diagnostics/run';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../server/src/features/model';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { loadBundledGlossary } from '../../server/src/io/glossary';
import { createKamerwijzer } from '../../server/src/service/kamerwijzer';
import { repoRoot } from '../support/paths';
import { bigLetter } from './targets';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
}

function where(url: string): string {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const rel = path.relative(path.join(repoRoot, 'out'), file);
  return rel.startsWith('..') ? (file.includes('node_modules') ? 'node_modules/' + file.split('node_modules/').pop() : path.basename(file)) : rel.replace(/\.js$/, '.ts');
}

/** A name cut to fit the table (a regular expression's source can be long). */
function short(name: string): string {
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

/**
 * The samples of the code profiled, as node and ms: without those of the profiler's own session
 * (`node:inspector` on the stack: stopping the profiler and handing the profile over, which would
 * otherwise show as a third of the time, as "dispatch").
 */
function ownSamples(profile: CpuProfile): [ProfileNode, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inspector = new Map<number, boolean>();
  const underInspector = (id: number): boolean => {
    const path: number[] = [];
    let at: number | undefined = id;
    let found = false;
    while (at !== undefined) {
      const known = inspector.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(at);
      if (byId.get(at)?.callFrame.url === 'node:inspector') {
        found = true;
        break;
      }
      at = parent.get(at);
    }
    for (const x of path) inspector.set(x, found);
    return found;
  };
  const out: [ProfileNode, number][] = [];
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (node && !underInspector(id)) out.push([node, (profile.timeDeltas[i] ?? 0) / 1000]);
  });
  return out;
}

/** Self time per key, in ms, largest first. */
function selfTimes(samples: readonly [ProfileNode, number][], key: (node: ProfileNode) => string): [string, number][] {
  const totals = new Map<string, number>();
  for (const [node, ms] of samples) totals.set(key(node), (totals.get(key(node)) ?? 0) + ms);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/** Edits made (each with its findings) before the one profiled. */
const WARM_UP_EDITS = 8;

export async function profileReport(print: (line: string) => void, table: (header: readonly string[], rows: readonly (readonly string[])[]) => string): Promise<void> {
  const dataDir = path.join(repoRoot, 'dist', 'data');
  const service = createKamerwijzer({
    sources: [new BundledCatalogSource(() => loadBundledCatalog(dataDir))],
    bundledGlossary: () => loadBundledGlossary(dataDir),
    folderOf: () => 'ws',
    settings: { locale: 'nl', today: '2026-01-15', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS, online: false },
  });
  const text = bigLetter(5 * 1024 * 1024);
  const uri = 'file:///ws/brief.md';
  let doc = service.setDocument(uri, text, 1);
  await service.findings(doc);
  const at = text.indexOf(' ', text.length >> 1) + 1;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  // Typing on, not the first edit of a session: what each version takes over from the one before
  // (the word index, the sentence windows, the descriptions) exists, and V8 has compiled the hot code.
  for (let v = 0; v < WARM_UP_EDITS; v++) await service.findings((doc = service.setDocument(uri, v % 2 === 0 ? edited : text, 100 + v)));

  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const t0 = performance.now();
  doc = service.setDocument(uri, edited, 200);
  const t1 = performance.now();
  await service.findings(doc);
  const t2 = performance.now();
  const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
  session.disconnect();

  const samples = ownSamples(profile);
  const total = samples.reduce((a, [, ms]) => a + ms, 0);
  print(`\nProfile: one edit of a ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB letter through the service, after ${WARM_UP_EDITS} edits: analysis ${(t1 - t0).toFixed(0)} ms, findings ${(t2 - t1).toFixed(0)} ms (profiled)\n`);
  const pct = (v: number): string => `${((v / total) * 100).toFixed(1)}%`;
  const files = selfTimes(samples, (n) => where(n.callFrame.url)).slice(0, 20);
  print(table(['self time by file', 'ms', 'share'], files.map(([k, v]) => [k, v.toFixed(1), pct(v)])));
  print('');
  const functions = selfTimes(samples, (n) => `${short(n.callFrame.functionName || '(anonymous)')}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`).slice(0, 25);
  print(table(['self time by function', 'ms', 'share'], functions.map(([k, v]) => [k, v.toFixed(1), pct(v)])));

  // Each rule alone on a fresh version (nothing it shares with another rule is built yet).
  doc = service.setDocument(uri, text, 201);
  const rows: string[][] = [];
  for (const rule of ALL_RULES) {
    const r0 = performance.now();
    const found = await computeFindings(doc, service.context(), { ...DEFAULT_DIAGNOSTIC_SETTINGS, severity: { [rule.code]: 'information' } }, [rule]);
    rows.push([rule.code, (performance.now() - r0).toFixed(1), String(found.length)]);
  }
  print(`\nEach rule on the same letter, in the order they run (the first to ask builds what the rules share per version)\n`);
  print(table(['rule', 'ms', 'findings'], rows));
}
