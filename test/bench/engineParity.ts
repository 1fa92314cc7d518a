/**
 * Engine parity and speed, against a pristine build of the engine (a tool, never a test).
 *
 *   node out/test/bench/engineParity.js snapshot DIR [--engine ROOT]
 *       analyzes every input (below) with the engine of ROOT (a repository whose `out/` is built;
 *       default: this one) and writes the full JSON of each result to DIR/parity.jsonl
 *   node out/test/bench/engineParity.js compare DIR
 *       analyzes the same inputs with this build and reports every result that differs
 *   node out/test/bench/engineParity.js speed ROOT [MB]
 *       times analyze() of ROOT's engine and of this one in turns (with and without the bundled
 *       glossary's instruments) on the concatenated seeds, beside one /Kamerstuk/g pass
 *
 * The inputs: every .txt/.md under seeds/ and test/fixtures/, each also with classic Mac line ends;
 * small versions of the bench's pathological forms; and samples of the property tests' generated
 * texts (random Unicode, the vocabulary, mutated real letters) with a fixed seed. Each is analyzed
 * without and with the bundled glossary (its matcher and senses).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { AnalyzeOptions } from '../../server/src/engine/analyze';
import type { DocumentAnalysis } from '../../server/src/engine/model';
import { fixturesDir, repoRoot, seedsDir } from '../support/paths';
import { anyText, mutatedLetter, repeatedForm, unicodeText, vocabularyText } from '../support/textArbitraries';

interface Engine {
  readonly analyze: (text: string, options?: AnalyzeOptions) => DocumentAnalysis;
  readonly glossaryOptions: AnalyzeOptions;
}

/** The engine (analyze and the bundled glossary) of a repository whose out/ is built. */
function loadEngine(root: string): Engine {
  const out = path.join(root, 'out', 'server', 'src');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { analyze } = require(path.join(out, 'engine', 'analyze')) as typeof import('../../server/src/engine/analyze');
  const { Glossary } = require(path.join(out, 'engine', 'glossary')) as typeof import('../../server/src/engine/glossary');
  const { loadBundledGlossary } = require(path.join(out, 'io', 'glossary')) as typeof import('../../server/src/io/glossary');
  const glossary = Glossary.from(loadBundledGlossary(path.join(root, 'server', 'data')));
  return { analyze, glossaryOptions: { instruments: glossary.matcher, senses: glossary.senses } };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every input, by name. */
function inputs(): { readonly name: string; readonly text: string }[] {
  const list: { name: string; text: string }[] = [];
  for (const file of [...filesUnder(seedsDir), ...filesUnder(fixturesDir)]) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.relative(repoRoot, file);
    list.push({ name, text });
    if (/\r?\n/.test(text)) list.push({ name: `${name} (CR)`, text: text.replace(/\r\n|\n/g, '\r') });
  }
  const forms: [string, string, number][] = [
    ['counting', Array.from({ length: 3000 }, (_, i) => `${i + 1} `).join(''), 1],
    ['kamerstuk', 'Kamerstuk ', 2000],
    ['motie', 'motie van het lid ', 1000],
    ['euro dots', '€ ' + '1.'.repeat(3000), 1],
    ['long line', 'Kamerstuk29826,nr.250-motie€1.000,5miljoenuiterlijkQ4-2025'.repeat(300), 1],
    ['digits', '9'.repeat(20000), 1],
    ['handelingen', 'Aanhangsel Handelingen II 2019/20, ', 800],
    ['handelingen nrs', 'Handelingen II 2019/20, nrs. ' + '1, '.repeat(2000), 1],
    ['footnoteRef', '[footnoteRef:1]', 1000],
    ['deadline', 'deadline te verplaatsen naar ', 1000],
    ['binnen', 'zal binnen zes weken ', 1000],
    ['debat', 'voor het debat Kiesrecht ', 1000],
    ['stel voor', 'Ik stel voor 1 mei ', 1000],
    ['toezegging', 'Toezegging (35.526) ', 1000],
    ['bedragen', '(bedragen x € 1.000)\n', 1000],
    ['table', 'Tabel 1 (bedragen x € 1 mln)\n' + 'Uitgaven  1.250  ‒ 3  0  2024\n\n'.repeat(800), 1],
    ['mln', '85 mln. De begroting 12 à 15 mln ', 1000],
    ['markdown markers', 'tekst [^1] '.repeat(2000) + '\n\n[^1]: Kamerstuk 29826, nr. 250.\n', 1],
    ['sup', 'tekst<sup>1</sup> ', 2000],
    ['glued', 'a¹ ', 2000],
    ['twee miljoen', 'twee miljoen euro ', 2000],
    ['groeifonds', 'Nationaal Groeifonds (NGF) ', 1000],
    ['motie kostic', 'de motie van het lid Kostić over de toekomst van de industrie (Kamerstuk 29826, nr. 250) ', 300],
  ];
  for (const [name, unit, times] of forms) list.push({ name: `form: ${name}`, text: unit.repeat(times) });
  const samples: [string, fc.Arbitrary<string>, number][] = [
    ['unicode', unicodeText(), 300],
    ['vocabulary', vocabularyText(), 1500],
    ['mutated', mutatedLetter(), 1500],
    ['any', anyText(), 500],
    ['repeated', repeatedForm(), 100],
  ];
  for (const [name, arb, n] of samples) fc.sample(arb, { seed: 20251206, numRuns: n }).forEach((text, i) => list.push({ name: `${name} #${i}`, text }));
  return list;
}

/** The result as JSON, with and without the glossary. */
function results(engine: Engine, text: string): [string, string] {
  return [JSON.stringify(engine.analyze(text)), JSON.stringify(engine.analyze(text, engine.glossaryOptions))];
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}:\n    was ${a.slice(Math.max(0, i - 150), i + 150)}\n    now ${b.slice(Math.max(0, i - 150), i + 150)}`;
}

function snapshot(dir: string, root: string): void {
  const engine = loadEngine(root);
  fs.mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (const input of inputs()) {
    const [plain, withGlossary] = results(engine, input.text);
    lines.push(JSON.stringify({ name: input.name, plain, withGlossary }));
  }
  fs.writeFileSync(path.join(dir, 'parity.jsonl'), lines.join('\n') + '\n');
  console.log(`${lines.length} inputs written to ${dir}/parity.jsonl`);
}

function compare(dir: string): number {
  const engine = loadEngine(repoRoot);
  const expected = new Map<string, { plain: string; withGlossary: string }>();
  for (const line of fs.readFileSync(path.join(dir, 'parity.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as { name: string; plain: string; withGlossary: string };
    expected.set(e.name, e);
  }
  let differ = 0;
  let count = 0;
  for (const input of inputs()) {
    const want = expected.get(input.name);
    if (!want) {
      console.log(`no snapshot for ${input.name}`);
      differ++;
      continue;
    }
    count++;
    const [plain, withGlossary] = results(engine, input.text);
    if (plain !== want.plain) {
      differ++;
      if (differ <= 10) console.log(`DIFFERS ${input.name} (plain) ${firstDifference(want.plain, plain)}`);
    }
    if (withGlossary !== want.withGlossary) {
      differ++;
      if (differ <= 10) console.log(`DIFFERS ${input.name} (glossary) ${firstDifference(want.withGlossary, withGlossary)}`);
    }
  }
  console.log(`${count} inputs, ${differ} differences`);
  return differ;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function speed(root: string, mb: number): void {
  const old = loadEngine(root);
  const now = loadEngine(repoRoot);
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'))
    .join('\n\n');
  const text = seeds.repeat(Math.ceil((mb * 1024 * 1024) / seeds.length)).slice(0, mb * 1024 * 1024);
  const bytes = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
  const runs: Record<string, number[]> = {};
  // CPU time of this thread's process (user + system), less inflated than wall time on a busy machine.
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const time = (label: string, f: () => unknown): void => {
    const t0 = cpu();
    f();
    (runs[label] ??= []).push(cpu() - t0);
  };
  const regexPass = (): number => {
    let n = 0;
    const re = /Kamerstuk/g;
    while (re.exec(text)) n++;
    return n;
  };
  const rounds = Number(process.env.ROUNDS ?? '10');
  for (let round = 0; round < rounds; round++) {
    time('one /Kamerstuk/g pass', regexPass);
    time('before, no instruments', () => old.analyze(text));
    time('after, no instruments', () => now.analyze(text));
    time('before, instruments', () => old.analyze(text, old.glossaryOptions));
    time('after, instruments', () => now.analyze(text, now.glossaryOptions));
  }
  console.log(`${bytes.toFixed(2)} MB of concatenated seeds, CPU time, median and fastest of ${runs['one /Kamerstuk/g pass']!.length - 1} runs after one warm-up (ROUNDS=n for more)`);
  for (const [label, times] of Object.entries(runs)) {
    const ms = median(times.slice(1));
    const least = Math.min(...times.slice(1));
    console.log(
      `${label.padEnd(26)} ${ms.toFixed(1).padStart(8)} ms ${(bytes / (ms / 1000)).toFixed(1).padStart(8)} MB/s   fastest ${least.toFixed(1).padStart(8)} ms ${(bytes / (least / 1000)).toFixed(1).padStart(8)} MB/s`,
    );
  }
}

const [mode, arg, ...rest] = process.argv.slice(2);
if (mode === 'snapshot' && arg) {
  const i = rest.indexOf('--engine');
  snapshot(arg, i >= 0 ? rest[i + 1]! : repoRoot);
} else if (mode === 'compare' && arg) {
  process.exitCode = compare(arg) ? 1 : 0;
} else if (mode === 'speed' && arg) {
  speed(arg, Number(rest[0] ?? '3'));
} else {
  console.error('usage: engineParity snapshot DIR [--engine ROOT] | compare DIR | speed ROOT [MB]');
  process.exitCode = 2;
}
