/**
 * `npm run bench`: how fast analyze() and check (analyze, then every rule) are, and whether they stay linear;
 * first the targets of issue 14 (targets.ts: analysis throughput, edit → diagnostics, hover latency
 * through the real server, indexing a workspace, check, start-up, bundle sizes) and where the time of
 * an edit goes (profile.ts). `--json [FILE]` writes the figures with their targets and baselines to
 * FILE (out/bench/results.json by default); `--targets=server,bundles` measures some groups of
 * targets only (analyze, edit, server, index, cli, startup, bundles); `--save-baseline` records the
 * figures measured as test/bench/baseline.json (the others recorded there stay).
 *
 * A report, never a test: it prints the numbers beside the targets and a WARNING line where one
 * is missed, and exits 0 unless analyze() throws. The recognizers change all the time, so nothing
 * here is tuned to them.
 *
 * Every measurement runs in a worker thread with a time limit: an input that makes a regular
 * expression backtrack catastrophically would otherwise hang the whole run, and finding such
 * inputs is the point. Those parts stay within about four minutes; `npm run bench -- check` (or
 * targets, profile, seeds, glossary, concat, analyze) runs one part.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/analyze';
import { Glossary } from '../../server/src/engine/glossary';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../server/src/features/model';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { loadBundledGlossary } from '../../server/src/io/glossary';
import { tuneCompiler } from '../../server/src/io/compilerTuning';
import { createKamerwijzer, type Kamerwijzer } from '../../server/src/service/kamerwijzer';
import { fixturesDir, repoRoot, seedsDir } from '../support/paths';
import { seededRandom } from '../support/seededRandom';
import { profileReport } from './profile';
import { benchResults, machine, measureTargets, meets, readBaseline, round, TARGET_GROUPS, targetsTable, withBaseline, writeBaseline, type Figure, type TargetGroup } from './targets';

// ---------------------------------------------------------------------------------------------
// Targets

const MB = 1024 * 1024;
const KB = 1024;
/** 100 KB in < 50 ms and 1 MB in < 500 ms are both 2 MB/s. */
const TARGET_MB_PER_S = 2;
/** Doubling the input may at most triple the time; linear is about 2. */
const TARGET_MAX_RATIO = 3;
const TARGET_MAX_HEAP_MB = 100;
/** Times below this are too close to the timer's noise to judge a ratio by. */
const RATIO_NOISE_MS = 5;
/** The whole run starts no new measurement after this, and cuts running ones off soon after. */
const TOTAL_BUDGET_MS = 200_000;
const OVERRUN_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Inputs

const DUTCH_WORDS = (
  'de het een van en in op voor met dat is te aan om bij door ook zijn naar wordt kabinet industrie ' +
  'Kamerstuk Kamerstukken nr. motie moties het lid leden c.s. van Haga Kostić Amhaouch € EUR miljoen miljard ' +
  'euro uiterlijk eind begin medio voor na zomer najaar voorjaar kwartaal Q1 Q4 januari oktober december ' +
  'dit jaar later 2022 2025 2030 29 826, 35 420, 21501-30 2025D44449 kst-29826-277 [footnoteRef:3] ' +
  'verzoekt de regering Den Haag, Datum Betreft 1.600,5 76,7 3 mrd % per jaar structureel ( ) ; : –'
).split(' ');

function dutchIsh(chars: number): string {
  const next = seededRandom(20251017);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = DUTCH_WORDS[Math.floor(next() * DUTCH_WORDS.length)]!;
    const sep = next() < 0.02 ? '\n' : next() < 0.05 ? '.\n\n' : ' ';
    parts.push(word, sep);
    length += word.length + sep.length;
  }
  return parts.join('').slice(0, chars);
}

function countingDigits(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; length < chars; n++) {
    const s = `${n} `;
    parts.push(s);
    length += s.length;
  }
  return parts.join('');
}

function longLines(lineChars: number): string {
  const unit = 'Kamerstuk29826,nr.250-motie€1.000,5miljoenuiterlijkQ4-2025';
  const line = unit.repeat(Math.ceil(lineChars / unit.length)).slice(0, lineChars);
  return Array.from({ length: 10 }, () => line).join('\n');
}

/** "de motie Wba en de motie Wbb en …": a different capitalized word after each bare "motie", each also written in lower case. */
function distinctMotionWords(count: number): string {
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    const word = n.toString(26).replace(/[0-9a-p]/g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
    parts.push(`de motie W${word} en w${word} `);
  }
  return parts.join('');
}

/** Inputs that expose super-linear regular expressions; `scale` 1 is full size, 0.5 half. */
const PATHOLOGICAL: readonly { readonly name: string; readonly make: (scale: number) => string }[] = [
  { name: '1 MB of counting numbers "1 2 3 …"', make: (s) => countingDigits(Math.round(MB * s)) },
  { name: '"Kamerstuk " ×100 000', make: (s) => 'Kamerstuk '.repeat(Math.round(100_000 * s)) },
  { name: '"motie van het lid " ×50 000', make: (s) => 'motie van het lid '.repeat(Math.round(50_000 * s)) },
  { name: '"€ " + "1." ×100 000', make: (s) => '€ ' + '1.'.repeat(Math.round(100_000 * s)) },
  { name: '10 lines of 100 000 chars, no spaces', make: (s) => longLines(Math.round(100_000 * s)) },
  { name: '1 MB of digits, no spaces', make: (s) => '9'.repeat(Math.round(MB * s)) },
  { name: '200 000 newlines', make: (s) => '\n'.repeat(Math.round(200_000 * s)) },
  { name: '"Aanhangsel Handelingen II 2019/20, " ×40 000', make: (s) => 'Aanhangsel Handelingen II 2019/20, '.repeat(Math.round(40_000 * s)) },
  { name: '"Handelingen II 2019/20, nrs. " + "1, " ×100 000', make: (s) => 'Handelingen II 2019/20, nrs. ' + '1, '.repeat(Math.round(100_000 * s)) },
  { name: '"[footnoteRef:1]" ×50 000', make: (s) => '[footnoteRef:1]'.repeat(Math.round(50_000 * s)) },
  { name: '1 MB of random Dutch-ish text', make: (s) => dutchIsh(Math.round(MB * s)) },
  // The deadline recognizer's word "deadline" with its filler words, counts of "binnen", meetings with
  // name words, and the particle of "voorstellen": each reads ahead a bounded number of words.
  { name: '"deadline " ×100 000', make: (s) => 'deadline '.repeat(Math.round(100_000 * s)) },
  { name: '"deadline te verplaatsen naar " ×50 000', make: (s) => 'deadline te verplaatsen naar '.repeat(Math.round(50_000 * s)) },
  { name: '"binnen " ×100 000', make: (s) => 'binnen '.repeat(Math.round(100_000 * s)) },
  { name: '"zal binnen zes weken " ×50 000', make: (s) => 'zal binnen zes weken '.repeat(Math.round(50_000 * s)) },
  { name: '"voor het debat Kiesrecht " ×50 000', make: (s) => 'voor het debat Kiesrecht '.repeat(Math.round(50_000 * s)) },
  { name: '"Ik stel voor 1 mei " ×50 000', make: (s) => 'Ik stel voor 1 mei '.repeat(Math.round(50_000 * s)) },
  // Citation forms that read ahead over lists: joint dossiers, Eerste Kamer papers, dotted numbers, ranges, lists of ids.
  { name: '"36 100, " ×100 000', make: (s) => '36 100, '.repeat(Math.round(100_000 * s)) },
  { name: '"CIV, " ×200 000', make: (s) => 'CIV, '.repeat(Math.round(200_000 * s)) },
  { name: '"(2012–2013, CII, " ×50 000', make: (s) => '(2012–2013, CII, '.repeat(Math.round(50_000 * s)) },
  { name: '"Toezegging (35.526) " ×50 000', make: (s) => 'Toezegging (35.526) '.repeat(Math.round(50_000 * s)) },
  { name: '"12.345, A (" ×100 000', make: (s) => '12.345, A ('.repeat(Math.round(100_000 * s)) },
  { name: '"Zie Kamerstuk 12345, nrs. 1 t/m 50 over … " ×15 000', make: (s) => 'Zie Kamerstuk 12345, nrs. 1 t/m 50 over de voortgang van het beleid. '.repeat(Math.round(15_000 * s)) },
  { name: '"12345-6; 2019Z12345; " ×50 000', make: (s) => '12345-6; 2019Z12345; '.repeat(Math.round(50_000 * s)) },
  { name: '"Reactie op … - 12345-67\\n" ×20 000', make: (s) => 'Reactie op het verzoek van het lid over de aanpak - 12345-67\n'.repeat(Math.round(20_000 * s)) },
  { name: '"Handelingen II 2019/20, nr. 1 (12345) " ×30 000', make: (s) => 'Handelingen II 2019/20, nr. 1 (12345) '.repeat(Math.round(30_000 * s)) },
  { name: '"(bedragen x € 1.000)\\n" ×50 000', make: (s) => '(bedragen x € 1.000)\n'.repeat(Math.round(50_000 * s)) },
  { name: '"x € 1.000 in € mln " ×50 000, one line', make: (s) => 'x € 1.000 in € mln '.repeat(Math.round(50_000 * s)) },
  { name: 'a caption, then 40 000 table rows', make: (s) => 'Tabel 1 (bedragen x € 1 mln)\n' + 'Uitgaven  1.250  ‒ 3  0  2024\n\n'.repeat(Math.round(40_000 * s)) },
  { name: '"motie op stuk nr. 1 ook mede is " ×30 000', make: (s) => 'motie op stuk nr. 1 ook mede is '.repeat(Math.round(30_000 * s)) },
  { name: '"de motie Mei Li staat " ×40 000', make: (s) => 'de motie Mei Li staat '.repeat(Math.round(40_000 * s)) },
  { name: '"de motie <another word> en " ×40 000', make: (s) => distinctMotionWords(Math.round(40_000 * s)) },
  { name: '"85 mln. " ×50 000 between budget words', make: (s) => '85 mln. De begroting 12 à 15 mln '.repeat(Math.round(50_000 * s)) },
  // Many footnote markers and spelled-out amounts: results gathered with push(...list) once overflowed the stack.
  { name: '"tekst [^1] " ×130 000 (Markdown footnote markers)', make: (s) => markdownMarkers(Math.round(130_000 * s)) },
  { name: '"tekst<sup>1</sup> " ×130 000', make: (s) => 'tekst<sup>1</sup> '.repeat(Math.round(130_000 * s)) },
  { name: '"a¹ " ×130 000 (glued markers)', make: (s) => 'a¹ '.repeat(Math.round(130_000 * s)) },
  { name: '40 000 numbered footnote lines, each a citation', make: (s) => numberedNotes(Math.round(40_000 * s)) },
  { name: 'an endnote list ("…↩︎") of 130 000 items', make: (s) => endnoteList(Math.round(130_000 * s), false) },
  { name: '"twee miljoen euro " ×130 000', make: (s) => 'twee miljoen euro '.repeat(Math.round(130_000 * s)) },
  // Line ends: CR only, or none at all.
  { name: 'the seeds with CR-only line ends, 1 MB', make: (s) => seedsWithLineEnds(Math.round(MB * s), '\r') },
  { name: 'the seeds as one line, 1 MB', make: (s) => seedsWithLineEnds(Math.round(MB * s), ' ') },
  { name: 'dense citations "Zie Kamerstuk 29826, nr. 250 en " 1 MB', make: (s) => denseCitations(Math.round(MB * s)) },
];

/** "tekst [^1] " repeated, with the footnote at the end. */
function markdownMarkers(count: number): string {
  return 'tekst [^1] '.repeat(count) + '\n\n[^1]: Kamerstuk 29826, nr. 250.\n';
}

/** An export's endnote list: items ending in "↩︎", their markers glued to words ("brief1"). */
function endnoteList(count: number, citations = true): string {
  const body: string[] = [];
  const notes: string[] = [];
  for (let n = 1; n <= count; n++) {
    body.push(`de brief${n} `);
    notes.push(citations ? `Kamerstuk 29826, nr. ${(n % 9999) + 1}.↩︎` : `Noot ${n}.↩︎`);
  }
  return `${body.join('')}\n\n${notes.join('\n')}\n`;
}

/** A letter whose footnotes are numbered lines at its foot ("1 Kamerstuk …"), each referred to in the text. */
function numberedNotes(count: number): string {
  const body: string[] = [];
  const notes: string[] = [];
  for (let n = 1; n <= count; n++) {
    body.push(`Zie de brief.${n} `);
    notes.push(`${n} Kamerstuk 29826, nr. ${n}`);
  }
  return `${body.join('')}\n\n${notes.join('\n')}\n`;
}

/** The seeds, concatenated, with every line end replaced by `lineEnd`, repeated to `chars`. */
function seedsWithLineEnds(chars: number, lineEnd: string): string {
  const all = seedFiles().map(seedText).join('\n\n').replace(/\r\n|\r|\n/g, lineEnd);
  return all.repeat(Math.ceil(chars / all.length)).slice(0, chars);
}

/** Citation after citation, on lines of ten. */
function denseCitations(chars: number, lineEnd = '\n'): string {
  const unit = 'Zie Kamerstuk 29826, nr. 250 en ';
  const parts: string[] = [];
  for (let n = 0; n * unit.length < chars; n++) parts.push(n % 10 === 9 ? unit.trimEnd() + lineEnd : unit);
  return parts.join('');
}

/** A workspace glossary with one variant of `words` words ("groei groei … regeling"): a text of "groei" matches all but its last word. */
function glossaryWithVariant(words: number): string {
  const variant = [...Array.from({ length: words - 1 }, () => 'groei'), 'regeling'].join(' ');
  return JSON.stringify({ version: 1, entries: [{ id: 'groei', name: 'Groeiregeling', kind: 'subsidieregeling', description: { nl: 'Een regeling.' }, variants: [variant] }] });
}

/** Markdown footnotes, each a citation, each referred to once. */
function markdownFootnoteCitations(count: number): string {
  const body: string[] = [];
  const notes: string[] = [];
  for (let n = 1; n <= count; n++) {
    body.push(`Zie de brief over de industrie[^${n}]. `);
    notes.push(`[^${n}]: Brief over de industrie, Kamerstuk 29826, nr. ${n}.`);
  }
  return `${body.join('')}\n\n${notes.join('\n')}\n`;
}

/** Capitals-words that are all different ("QAB", "QAC", …), each beside a citation. */
function distinctAbbreviations(count: number): string {
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    const letters = n.toString(26).padStart(4, '0').replace(/[0-9a-p]/g, (c) => String.fromCharCode(65 + parseInt(c, 26)));
    parts.push(`De Q${letters} volgt Kamerstuk 29826, nr. ${n + 1}. `);
  }
  return parts.join('');
}

/** One input for `check`: the text, and the text of a workspace glossary when it needs one. */
interface CheckInput {
  readonly text: string;
  readonly glossary?: string;
}

/**
 * Inputs that expose super-linear rules (and, for the glossary, matching): `check` analyzes the text
 * and runs every rule on it, with the bundled catalog and glossary and the house style enforced.
 */
const CHECK_PATHOLOGICAL: readonly { readonly name: string; readonly make: (scale: number) => CheckInput }[] = [
  { name: 'dense citations, 1 MB', make: (s) => ({ text: denseCitations(Math.round(MB * s)) }) },
  { name: 'dense citations, CR-only line ends, 0.5 MB', make: (s) => ({ text: denseCitations(Math.round(MB * s * 0.5), '\r') }) },
  { name: 'dense citations, one line, 0.5 MB', make: (s) => ({ text: denseCitations(Math.round(MB * s * 0.5), ' ') }) },
  { name: 'the seeds with CR-only line ends, 1 MB', make: (s) => ({ text: seedsWithLineEnds(Math.round(MB * s), '\r') }) },
  { name: 'the seeds as one line, 1 MB', make: (s) => ({ text: seedsWithLineEnds(Math.round(MB * s), ' ') }) },
  { name: '"tekst [^1] " ×130 000 (Markdown footnote markers)', make: (s) => ({ text: markdownMarkers(Math.round(130_000 * s)) }) },
  { name: '"tekst<sup>1</sup> " ×130 000', make: (s) => ({ text: 'tekst<sup>1</sup> '.repeat(Math.round(130_000 * s)) }) },
  { name: '40 000 numbered footnote lines, each a citation', make: (s) => ({ text: numberedNotes(Math.round(40_000 * s)) }) },
  { name: 'an endnote list ("…↩︎") of 40 000 citations', make: (s) => ({ text: endnoteList(Math.round(40_000 * s)) }) },
  { name: '20 000 Markdown footnotes, each a citation', make: (s) => ({ text: markdownFootnoteCitations(Math.round(20_000 * s)) }) },
  { name: '"twee miljoen euro " ×130 000', make: (s) => ({ text: 'twee miljoen euro '.repeat(Math.round(130_000 * s)) }) },
  { name: '"Nationaal Groeifonds (NGF) " ×40 000', make: (s) => ({ text: 'Nationaal Groeifonds (NGF) '.repeat(Math.round(40_000 * s)) }) },
  { name: '"XYZ Kamerstuk 29826, nr. 1 " ×40 000', make: (s) => ({ text: 'XYZ Kamerstuk 29826, nr. 1 '.repeat(Math.round(40_000 * s)) }) },
  { name: '20 000 different capitals-words beside citations', make: (s) => ({ text: distinctAbbreviations(Math.round(20_000 * s)) }) },
  {
    name: '"de motie van het lid Kostić over … (Kamerstuk …)" ×15 000',
    make: (s) => ({ text: 'de motie van het lid Kostić over de toekomst van de industrie (Kamerstuk 29826, nr. 250) '.repeat(Math.round(15_000 * s)) }),
  },
  // Matching a glossary term costs at most its number of words at each word of the text: a variant
  // of thousands of words, in a text of that word, grows with both.
  { name: 'a glossary variant of 2 000 words ("groei … regeling"), in "groei " ×100 000', make: (s) => ({ text: 'groei '.repeat(Math.round(100_000 * s)), glossary: glossaryWithVariant(Math.round(2000 * s)) }) },
];

function seedFiles(): string[] {
  return fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
}

function seedText(file: string): string {
  return fs.readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Real letters beside the seeds, which the engine was not developed on: the full-length holdout set. */
const holdoutFullDir = path.join(fixturesDir, 'holdout-full');

function holdoutFullFiles(): string[] {
  return fs.existsSync(holdoutFullDir) ? fs.readdirSync(holdoutFullDir).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** A letter the seeds report times: a seed ("000_….txt") or a holdout letter ("holdout-full/….txt"). */
function letterText(file: string): string {
  return file.startsWith('holdout-full/') ? fs.readFileSync(path.join(fixturesDir, file), 'utf8') : seedText(file);
}

const CONCAT_TIMES = 10;

function concatenatedSeeds(): string {
  const all = seedFiles().map(seedText).join('\n\n');
  return Array.from({ length: CONCAT_TIMES }, () => all).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// The worker: builds one input, analyzes it a few times, reports the times

type Task =
  | { readonly kind: 'seed'; readonly file: string; readonly runs: number; readonly budgetMs: number; readonly glossary?: boolean }
  | { readonly kind: 'matcher'; readonly runs: number; readonly budgetMs: number }
  | { readonly kind: 'concat'; readonly runs: number; readonly budgetMs: number }
  | { readonly kind: 'pathological'; readonly index: number; readonly runs: number; readonly budgetMs: number }
  | { readonly kind: 'check'; readonly index: number; readonly runs: number; readonly budgetMs: number };

/** The runs on one input. */
interface Runs {
  readonly bytes: number;
  /** Wall-clock time of each run (performance.now()). */
  readonly times: number[];
  /** CPU time of each run (process.cpuUsage(), user + system): not inflated by waiting for a core on a busy machine. */
  readonly cpuTimes: number[];
}

interface Measurement {
  readonly runs: Runs;
  /** For a pathological input: the runs on its half-size version, interleaved with the full-size ones. */
  readonly half?: Runs;
  /** For a `check` input (whose `runs` time the rules): the analysis of the same texts, at full and half size. */
  readonly analysis?: { readonly full: Runs; readonly half: Runs };
  readonly references: number;
  /** With the bundled glossary: the instrument mentions found. */
  readonly instruments?: number;
  /** For the matcher task: entries in the bundled glossary and the time to build the glossary (its matcher). */
  readonly glossary?: { readonly entries: number; readonly buildMs: number };
  /** For the concatenated seeds: heap use around the first (cold) run. */
  readonly heap?: { readonly grownMb: number; readonly retainedMb: number; readonly rssGrownMb: number; readonly gcAvailable: boolean };
}

/** Progress is posted after every run, so a run cut off by the time limit still reports what it measured. */
type WorkerReply =
  | { readonly kind: 'progress'; readonly measurement: Measurement }
  | { readonly kind: 'done'; readonly measurement: Measurement }
  | { readonly kind: 'error'; readonly error: string; readonly measurement?: Measurement };

/** The garbage collector, when V8 lets us reach it; heap numbers are rougher without it. */
function collector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** The bundled glossary (server/data/glossary.json), built once per worker. */
let bundled: { readonly glossary: Glossary; readonly buildMs: number } | undefined;
function bundledGlossary(): { readonly glossary: Glossary; readonly buildMs: number } {
  if (!bundled) {
    const entries = loadBundledGlossary(path.join(repoRoot, 'server', 'data'));
    const t0 = performance.now();
    const glossary = Glossary.from(entries);
    bundled = { glossary, buildMs: performance.now() - t0 };
  }
  return bundled;
}

/** What analyze() gets to find the bundled glossary's instruments. */
function glossaryOptions(): AnalyzeOptions {
  const { glossary } = bundledGlossary();
  return { instruments: glossary.matcher, senses: glossary.senses };
}

function timed(text: string, into: Runs, options: AnalyzeOptions = {}): { references: number; instruments: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = analyze(text, options);
  into.times.push(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  into.cpuTimes.push((cpu.user + cpu.system) / 1000);
  return { references: result.references.length, instruments: result.instruments.length };
}

/** Times only the instrument matching (and resolution) of the concatenated seeds. */
function timedMatching(text: string, into: Runs): number {
  const options = glossaryOptions();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const found = analyzeInstrumentsOnly(text, options);
  into.times.push(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  into.cpuTimes.push((cpu.user + cpu.system) / 1000);
  return found;
}

function analyzeInstrumentsOnly(text: string, options: AnalyzeOptions): number {
  if (!options.instruments) return 0;
  const found = options.instruments.find(text);
  return options.senses ? options.senses.resolve(text, found).length : found.length;
}

function emptyRuns(text: string): Runs {
  return { bytes: Buffer.byteLength(text, 'utf8'), times: [], cpuTimes: [] };
}

/** A service as `kamerwijzer check` builds it: the bundled catalog and glossary, offline, the house style enforced. */
function checkService(glossary: string | undefined): Kamerwijzer {
  const dataDir = path.join(repoRoot, 'dist', 'data');
  const service = createKamerwijzer({
    sources: [new BundledCatalogSource(() => loadBundledCatalog(dataDir))],
    bundledGlossary: () => loadBundledGlossary(dataDir),
    folderOf: () => 'ws',
    settings: { locale: 'nl', today: '2026-01-15', diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, enforceCitationStyle: true }, online: false },
  });
  service.glossaries.setFolder('ws', 'file:///ws/.kamerwijzer/glossary.json', glossary);
  return service;
}

let checkedDocuments = 0;

/** Checks a text as a new document: its analysis is timed into `analysis`, the rules into `rules`. Returns the number of findings. */
async function timedCheck(service: Kamerwijzer, text: string, analysis: Runs, rules: Runs): Promise<number> {
  const uri = `file:///ws/brief-${++checkedDocuments}.md`;
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  const doc = service.setDocument(uri, text, 1);
  analysis.times.push(performance.now() - t0);
  let cpu = process.cpuUsage(c0);
  analysis.cpuTimes.push((cpu.user + cpu.system) / 1000);
  c0 = process.cpuUsage();
  t0 = performance.now();
  const findings = await service.findings(doc);
  rules.times.push(performance.now() - t0);
  cpu = process.cpuUsage(c0);
  rules.cpuTimes.push((cpu.user + cpu.system) / 1000);
  service.removeDocument(uri);
  return findings.length;
}

async function runCheckTask(task: Task & { kind: 'check' }, report: (reply: WorkerReply) => void): Promise<void> {
  let measurement: Measurement | undefined;
  try {
    const input = CHECK_PATHOLOGICAL[task.index]!;
    const full = input.make(1);
    const halfInput = input.make(0.5);
    // The glossary grows with the text (a glossary case): each size has its own service.
    const fullService = checkService(full.glossary);
    const halfService = full.glossary === halfInput.glossary ? fullService : checkService(halfInput.glossary);
    const runs = emptyRuns(full.text);
    const half = emptyRuns(halfInput.text);
    const analysis = { full: emptyRuns(full.text), half: emptyRuns(halfInput.text) };
    // A first half-size check, not counted, warms up the JIT and loads the bundled data (in each service).
    await timedCheck(halfService, halfInput.text, emptyRuns(''), emptyRuns(''));
    if (fullService !== halfService) await timedCheck(fullService, halfInput.text, emptyRuns(''), emptyRuns(''));
    const started = performance.now();
    let findings = 0;
    while (runs.times.length < task.runs && (runs.times.length === 0 || performance.now() - started < task.budgetMs)) {
      await timedCheck(halfService, halfInput.text, analysis.half, half);
      measurement = { runs, half, analysis, references: findings };
      report({ kind: 'progress', measurement });
      findings = await timedCheck(fullService, full.text, analysis.full, runs);
      measurement = { runs, half, analysis, references: findings };
      report({ kind: 'progress', measurement });
    }
    report(measurement ? { kind: 'done', measurement } : { kind: 'error', error: 'no run was made' });
  } catch (e) {
    report({ kind: 'error', error: e instanceof Error ? (e.stack ?? e.message) : String(e), ...(measurement ? { measurement } : {}) });
  }
}

function runTask(task: Task, report: (reply: WorkerReply) => void): void {
  if (task.kind === 'check') {
    void runCheckTask(task, report);
    return;
  }
  let measurement: Measurement | undefined;
  try {
    if (task.kind === 'pathological') {
      // Half and full size run in turns in one worker, so both meet the JIT equally warm; a
      // first half-size run, not counted, warms it up.
      const full = PATHOLOGICAL[task.index]!.make(1);
      const halfText = PATHOLOGICAL[task.index]!.make(0.5);
      const half = emptyRuns(halfText);
      const runs = emptyRuns(full);
      analyze(halfText);
      const started = performance.now();
      let references = 0;
      while (runs.times.length < task.runs && (runs.times.length === 0 || performance.now() - started < task.budgetMs)) {
        timed(halfText, half);
        measurement = { runs, half, references };
        report({ kind: 'progress', measurement });
        references = timed(full, runs).references;
        measurement = { runs, half, references };
        report({ kind: 'progress', measurement });
      }
    } else if (task.kind === 'matcher') {
      const text = concatenatedSeeds();
      const runs = emptyRuns(text);
      const { glossary, buildMs } = bundledGlossary();
      timedMatching(text, emptyRuns(text));
      const started = performance.now();
      while (runs.times.length < task.runs && (runs.times.length === 0 || performance.now() - started < task.budgetMs)) {
        const instruments = timedMatching(text, runs);
        measurement = { runs, references: 0, instruments, glossary: { entries: glossary.entries.length, buildMs } };
        report({ kind: 'progress', measurement });
      }
    } else {
      const text = task.kind === 'seed' ? letterText(task.file) : concatenatedSeeds();
      const options = task.kind === 'seed' && task.glossary ? glossaryOptions() : {};
      const runs = emptyRuns(text);
      let heap: Measurement['heap'];
      if (task.kind === 'concat') {
        const gc = collector();
        gc?.();
        const before = process.memoryUsage();
        const result = analyze(text);
        const after = process.memoryUsage();
        gc?.();
        const retained = process.memoryUsage();
        heap = {
          grownMb: (after.heapUsed - before.heapUsed) / MB,
          retainedMb: (retained.heapUsed - before.heapUsed) / MB,
          rssGrownMb: (after.rss - before.rss) / MB,
          gcAvailable: gc !== undefined,
        };
        void result;
      } else {
        // One run before timing, so the JIT has seen the code (its time is not counted).
        analyze(text, options);
      }
      const started = performance.now();
      while (runs.times.length < task.runs && (runs.times.length === 0 || performance.now() - started < task.budgetMs)) {
        const found = timed(text, runs, options);
        measurement = { runs, references: found.references, ...(options.instruments ? { instruments: found.instruments } : {}), ...(heap ? { heap } : {}) };
        report({ kind: 'progress', measurement });
      }
    }
    report(measurement ? { kind: 'done', measurement } : { kind: 'error', error: 'no run was made' });
  } catch (e) {
    report({ kind: 'error', error: e instanceof Error ? (e.stack ?? e.message) : String(e), ...(measurement ? { measurement } : {}) });
  }
}

if (!isMainThread) runTask(workerData as Task, (reply) => parentPort!.postMessage(reply));

// ---------------------------------------------------------------------------------------------
// The main thread: runs every task in a worker with a time limit, prints the report

type Outcome =
  | { readonly status: 'done'; readonly measurement: Measurement }
  | { readonly status: 'timeout'; readonly limitMs: number; readonly measurement?: Measurement }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'skipped'; readonly why: string };

const benchStart = performance.now();
/** When the time-limited parts (seeds … check) started: their budget counts from here. */
let budgetStart = benchStart;
let exceptions = 0;
const warnings: string[] = [];

function runInWorker(task: Task, taskLimitMs: number): Promise<Outcome> {
  const elapsed = performance.now() - budgetStart;
  if (elapsed > TOTAL_BUDGET_MS) return Promise.resolve({ status: 'skipped', why: 'time budget of the run used up' });
  const limitMs = Math.round(Math.min(taskLimitMs, TOTAL_BUDGET_MS + OVERRUN_MS - elapsed));
  return new Promise((resolve) => {
    // The stack as small as the main thread's (where the server and the command line run; a worker's
    // is four times larger): a recursion or spread that overflows there must overflow here too.
    const worker = new Worker(__filename, { workerData: task, resourceLimits: { maxOldGenerationSizeMb: 4096, stackSizeMb: 1 } });
    let settled = false;
    let last: Measurement | undefined;
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ status: 'timeout', limitMs, ...(last ? { measurement: last } : {}) }), limitMs);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'progress') last = reply.measurement;
      else if (reply.kind === 'done') settle({ status: 'done', measurement: reply.measurement });
      else settle({ status: 'error', error: reply.error });
    });
    worker.on('error', (e) => settle({ status: 'error', error: e.stack ?? e.message }));
    worker.on('exit', (code) => settle({ status: 'error', error: `worker exited with code ${code} before reporting` }));
  });
}

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

function throughput(bytes: number, millis: number): number {
  return millis > 0 ? bytes / MB / (millis / 1000) : Infinity;
}

/** The time the throughput target allows for an input of this size. */
function targetMs(bytes: number): number {
  return (bytes / MB / TARGET_MB_PER_S) * 1000;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The verdict on an outcome without a full result; records warnings and exceptions. */
function failed(outcome: Outcome, what: string): string {
  if (outcome.status === 'timeout') {
    const limit = (outcome.limitMs / 1000).toFixed(outcome.limitMs < 10_000 ? 1 : 0);
    warnings.push(`WARNING: ${what}: not done within ${limit} s`);
    return `TIMEOUT (> ${limit} s)`;
  }
  if (outcome.status === 'error') {
    exceptions++;
    console.error(`\nanalyze() failed on ${what}:\n${outcome.error}\n`);
    return 'EXCEPTION';
  }
  if (outcome.status === 'skipped') return `skipped: ${outcome.why}`;
  return '';
}

/** A row for the runs on one input, judged against the throughput target. */
function speedCells(what: string, runs: Runs): string[] {
  const t = median(runs.times);
  const ok = t <= targetMs(runs.bytes);
  if (!ok) warnings.push(`WARNING: ${what}: ${ms(t)} for ${size(runs.bytes)}, target < ${ms(targetMs(runs.bytes))}`);
  return [size(runs.bytes), String(runs.times.length), ms(t), ms(median(runs.cpuTimes)), throughput(runs.bytes, t).toFixed(1), `< ${ms(targetMs(runs.bytes))}`, ok ? 'ok' : 'SLOW'];
}

async function seedsReport(): Promise<void> {
  const rows: string[][] = [];
  for (const file of [...seedFiles(), ...holdoutFullFiles().map((f) => `holdout-full/${f}`)]) {
    const outcome = await runInWorker({ kind: 'seed', file, runs: 9, budgetMs: 3000 }, 30_000);
    if (outcome.status !== 'done') rows.push([file, failed(outcome, file)]);
    else rows.push([file, ...speedCells(file, outcome.measurement.runs), String(outcome.measurement.references)]);
  }
  console.log('\nThe seeds and the full-length holdout letters (median of the runs)\n');
  console.log(table(['input', 'size', 'runs', 'median', 'cpu', 'MB/s', 'target', '', 'references'], rows));
}

/**
 * The same letters analyzed with the bundled glossary (as the server and the command line do), and
 * the instrument matching on its own: the part whose cost could grow with the glossary.
 */
async function glossaryReport(): Promise<void> {
  const rows: string[][] = [];
  let total = 0;
  for (const file of [...seedFiles(), ...holdoutFullFiles().map((f) => `holdout-full/${f}`)]) {
    const outcome = await runInWorker({ kind: 'seed', file, runs: 9, budgetMs: 3000, glossary: true }, 30_000);
    if (outcome.status !== 'done') rows.push([file, failed(outcome, `${file} with the glossary`)]);
    else {
      total += median(outcome.measurement.runs.times);
      rows.push([file, ...speedCells(`${file} with the glossary`, outcome.measurement.runs), String(outcome.measurement.references), String(outcome.measurement.instruments ?? 0)]);
    }
  }
  console.log('\nThe same letters with the bundled glossary (median of the runs)\n');
  console.log(table(['input', 'size', 'runs', 'median', 'cpu', 'MB/s', 'target', '', 'references', 'instruments'], rows));
  console.log(`\n  sum of the medians: ${ms(total)}`);
  const what = `instrument matching alone, all seeds concatenated ×${CONCAT_TIMES}`;
  const outcome = await runInWorker({ kind: 'matcher', runs: 5, budgetMs: 10_000 }, 60_000);
  if (outcome.status !== 'done') {
    console.log(`  ${what}: ${failed(outcome, what)}`);
    return;
  }
  const m = outcome.measurement;
  console.log(
    `  ${what}: ${ms(median(m.runs.times))} for ${size(m.runs.bytes)} (cpu ${ms(median(m.runs.cpuTimes))}), ${m.instruments ?? 0} mentions;` +
      ` glossary of ${m.glossary?.entries ?? 0} entries built in ${ms(m.glossary?.buildMs ?? 0)}`,
  );
}

async function concatReport(): Promise<void> {
  const what = `all seeds concatenated ×${CONCAT_TIMES}`;
  const outcome = await runInWorker({ kind: 'concat', runs: 3, budgetMs: 10_000 }, 60_000);
  console.log(`\n${what[0]!.toUpperCase()}${what.slice(1)} (median of the runs)\n`);
  if (outcome.status !== 'done') {
    console.log(`  ${failed(outcome, what)}`);
    return;
  }
  const m = outcome.measurement;
  console.log(table(['size', 'runs', 'median', 'cpu', 'MB/s', 'target', '', 'references'], [[...speedCells(what, m.runs), String(m.references)]]));
  if (m.heap) {
    const heapOk = m.heap.grownMb < TARGET_MAX_HEAP_MB;
    if (!heapOk) warnings.push(`WARNING: ${what}: heap grew ${m.heap.grownMb.toFixed(1)} MB, target < ${TARGET_MAX_HEAP_MB} MB`);
    console.log(
      `\n  heap growth during the first run (uncollected garbage included): ${m.heap.grownMb.toFixed(1)} MB (target < ${TARGET_MAX_HEAP_MB} MB) ${heapOk ? 'ok' : 'TOO MUCH'}` +
        `\n  retained with the result held, after GC: ${m.heap.retainedMb.toFixed(1)} MB${m.heap.gcAvailable ? '' : ' (GC not reachable: rough)'}` +
        `\n  resident set growth: ${m.heap.rssGrownMb.toFixed(1)} MB`,
    );
  }
}

/**
 * Full-size / half-size ratio of the mean CPU times of a measurement, or NaN. CPU time does not
 * count waiting for a core on a busy machine; the mean, not the best run, because a garbage
 * collection falls in some runs and not in others, and the best half-size run is then one that
 * escaped it while no full-size run does.
 */
function cpuRatio(m: Measurement): number {
  return m.half ? runsRatio(m.runs, m.half) : NaN;
}

/** Full-size / half-size ratio of the mean CPU times of two sets of runs, or NaN. */
function runsRatio(full: Runs, half: Runs): number {
  if (half.cpuTimes.length === 0 || full.cpuTimes.length === 0) return NaN;
  const h = mean(half.cpuTimes);
  return h > 0 ? mean(full.cpuTimes) / h : NaN;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

async function pathologicalReport(): Promise<void> {
  const rows: string[][] = [];
  for (let index = 0; index < PATHOLOGICAL.length; index++) {
    const name = PATHOLOGICAL[index]!.name;
    const task: Task = { kind: 'pathological', index, runs: 4, budgetMs: 4000 };
    const outcome = await runInWorker(task, 40_000);
    const m = outcome.status === 'done' || outcome.status === 'timeout' ? outcome.measurement : undefined;
    const half = m?.half;
    const halfCell = half && half.times.length > 0 ? ms(median(half.times)) : '';
    if (outcome.status !== 'done' || !m || !half || m.runs.times.length === 0) {
      rows.push([name, '', halfCell, '', '', '', failed(outcome, name)]);
      continue;
    }
    let ratio = cpuRatio(m);
    let remeasured = false;
    if (ratio > TARGET_MAX_RATIO) {
      // A busy machine can make one measurement look super-linear; a real super-linear
      // recognizer looks so again.
      const again = await runInWorker(task, 40_000);
      if (again.status === 'done') {
        ratio = Math.min(ratio, cpuRatio(again.measurement));
        remeasured = true;
      }
    }
    const tFull = median(m.runs.times);
    const judged = mean(m.runs.cpuTimes) >= RATIO_NOISE_MS && Number.isFinite(ratio);
    const linear = !judged || ratio <= TARGET_MAX_RATIO;
    const fast = tFull <= targetMs(m.runs.bytes);
    if (!linear) warnings.push(`WARNING: ${name}: doubling the input multiplied the time by ${ratio.toFixed(2)} (target ≤ ${TARGET_MAX_RATIO})`);
    if (!fast) warnings.push(`WARNING: ${name}: ${ms(tFull)} for ${size(m.runs.bytes)}, target < ${ms(targetMs(m.runs.bytes))}`);
    const verdict = [linear ? (judged ? 'linear' : 'too fast to judge') : 'SUPER-LINEAR', fast ? 'ok' : 'SLOW'].join(', ');
    const ratioCell = Number.isFinite(ratio) ? `${ratio.toFixed(2)}${remeasured ? ' (2nd)' : ''}` : '-';
    rows.push([name, size(m.runs.bytes), halfCell, ms(tFull), ratioCell, throughput(m.runs.bytes, tFull).toFixed(1), verdict]);
  }
  console.log(`\nPathological inputs (median wall time; ratio = mean CPU time at full size / at half size, ≈2 is linear, target ≤ ${TARGET_MAX_RATIO};`);
  console.log(`a ratio over ${TARGET_MAX_RATIO} is measured a second time and the lower one kept, "(2nd)")\n`);
  console.log(table(['input', 'size', 'half', 'full', 'ratio', 'MB/s', 'verdict'], rows));
}

/** Whether a ratio is judged (the full-size runs are slow enough to time), and whether it is linear. */
function judge(full: Runs, ratio: number): { judged: boolean; linear: boolean } {
  const judged = full.cpuTimes.length > 0 && mean(full.cpuTimes) >= RATIO_NOISE_MS && Number.isFinite(ratio);
  return { judged, linear: !judged || ratio <= TARGET_MAX_RATIO };
}

async function checkReport(): Promise<void> {
  const rows: string[][] = [];
  for (let index = 0; index < CHECK_PATHOLOGICAL.length; index++) {
    const name = CHECK_PATHOLOGICAL[index]!.name;
    const what = `check: ${name}`;
    const task: Task = { kind: 'check', index, runs: 3, budgetMs: 4000 };
    const outcome = await runInWorker(task, 40_000);
    const m = outcome.status === 'done' || outcome.status === 'timeout' ? outcome.measurement : undefined;
    const half = m?.half;
    const halfCell = half && half.times.length > 0 ? ms(median(half.times)) : '';
    if (outcome.status !== 'done' || !m || !half || !m.analysis || m.runs.times.length === 0) {
      rows.push([name, '', halfCell, '', '', '', '', '', failed(outcome, what)]);
      continue;
    }
    let rulesRatio = runsRatio(m.runs, half);
    let analysisRatio = runsRatio(m.analysis.full, m.analysis.half);
    let remeasured = false;
    if (rulesRatio > TARGET_MAX_RATIO || analysisRatio > TARGET_MAX_RATIO) {
      // As for analyze: a busy machine can make one measurement look super-linear.
      const again = await runInWorker(task, 40_000);
      if (again.status === 'done' && again.measurement.half && again.measurement.analysis) {
        rulesRatio = Math.min(rulesRatio, runsRatio(again.measurement.runs, again.measurement.half));
        analysisRatio = Math.min(analysisRatio, runsRatio(again.measurement.analysis.full, again.measurement.analysis.half));
        remeasured = true;
      }
    }
    const rules = judge(m.runs, rulesRatio);
    const analysis = judge(m.analysis.full, analysisRatio);
    if (!rules.linear) warnings.push(`WARNING: ${what}: doubling the input multiplied the rules' time by ${rulesRatio.toFixed(2)} (target ≤ ${TARGET_MAX_RATIO})`);
    if (!analysis.linear) warnings.push(`WARNING: ${what}: doubling the input multiplied the analysis time by ${analysisRatio.toFixed(2)} (target ≤ ${TARGET_MAX_RATIO})`);
    const tFull = median(m.runs.times) + median(m.analysis.full.times);
    const fast = tFull <= targetMs(m.runs.bytes);
    if (!fast) warnings.push(`WARNING: ${what}: ${ms(tFull)} for ${size(m.runs.bytes)}, target < ${ms(targetMs(m.runs.bytes))}`);
    const verdict = [
      rules.linear && analysis.linear ? (rules.judged || analysis.judged ? 'linear' : 'too fast to judge') : 'SUPER-LINEAR',
      fast ? 'ok' : 'SLOW',
    ].join(', ');
    const ratioCell = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}${remeasured ? ' (2nd)' : ''}` : '-');
    rows.push([
      name,
      size(m.runs.bytes),
      halfCell,
      ms(median(m.runs.times)),
      ratioCell(rulesRatio),
      ms(median(m.analysis.full.times)),
      ratioCell(analysisRatio),
      String(m.references),
      verdict,
    ]);
  }
  console.log(`\nPathological inputs for check (analyze, then every rule; bundled catalog and glossary, house style enforced).`);
  console.log(`half / rules = median wall time of the rules at half / full size; analyze = the analysis at full size;`);
  console.log(`ratios = mean CPU time at full size / at half size, ≈2 is linear, target ≤ ${TARGET_MAX_RATIO}; the target time is for analyze + rules\n`);
  console.log(table(['input', 'size', 'half', 'rules', 'ratio', 'analyze', 'ratio', 'findings', 'verdict'], rows));
}

/**
 * `--json [FILE]` (or `npm run bench --json`, which npm passes as npm_config_json): the figures as JSON
 * too, to FILE or out/bench/results.json.
 */
function jsonFileWanted(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--json');
  const next = at >= 0 ? argv[at + 1] : undefined;
  if (next && !next.startsWith('--') && /[./\\]/.test(next)) return path.resolve(next);
  const inline = argv.find((a) => a.startsWith('--json='));
  if (inline) return path.resolve(inline.slice('--json='.length));
  return at >= 0 || process.env['npm_config_json'] === 'true' ? path.join(repoRoot, 'out', 'bench', 'results.json') : undefined;
}
const jsonFile = jsonFileWanted(process.argv.slice(2));

/** `--targets=server,bundles`: only these groups of the targets. */
function targetGroups(argv: readonly string[]): Set<TargetGroup> {
  const arg = argv.find((a) => a.startsWith('--targets='));
  if (!arg) return new Set(TARGET_GROUPS);
  const asked = arg.slice('--targets='.length).split(',');
  return new Set(TARGET_GROUPS.filter((g) => asked.includes(g)));
}

async function targetsReport(): Promise<Figure[]> {
  console.log('\nThe targets of issue 14 (figure, target, baseline = the figure before the work on it)\n');
  const b = readBaseline();
  const figures = withBaseline(await measureTargets((line) => console.log(line), targetGroups(process.argv)), b);
  console.log('');
  console.log(table(['figure', 'now', 'target', 'baseline', '', 'note'], targetsTable(figures)));
  for (const f of figures) if (meets(f) === false) warnings.push(`WARNING: target missed: ${f.label}: ${round(f.value)} ${f.unit}`);
  const m = machine();
  console.log(`\n  machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node}, ${m.platform}`);
  if (b) console.log(`  baseline: ${b.date}${b.commit ? ` at ${b.commit}` : ''} on ${b.machine.cpu}, ${b.machine.cores} cores, node ${b.machine.node}`);
  return figures;
}

function commitId(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  // The service measured in this process runs as it does in the server and the command line (io/compilerTuning.ts).
  tuneCompiler();
  console.log(`Kamerwijzer benchmark: analyze() and check on node ${process.version}`);
  console.log(
    `Targets: a 100 KB letter in < 50 ms and 1 MB in < 500 ms (${TARGET_MB_PER_S} MB/s); doubling an input at most triples the time; ` +
      `heap growth < ${TARGET_MAX_HEAP_MB} MB on the ~3 MB input; and the targets of issue 14 (first table). A report, not a test.`,
  );
  const cores = os.availableParallelism();
  const load = os.loadavg()[0]!;
  if (load > cores) {
    console.log(`Note: the machine is busy (load ${load.toFixed(1)} on ${cores} cores): wall times are inflated; the linearity ratios use CPU time.`);
  }
  // `npm run bench -- check` (or targets, profile, seeds, glossary, concat, analyze) runs only those parts;
  // `--save-baseline` records the targets' figures as the baseline.
  const parts = process.argv.slice(2).filter((a) => !a.startsWith('--') && a !== jsonFile && path.resolve(a) !== jsonFile);
  const wanted = (part: string): boolean => parts.length === 0 || parts.includes(part);
  let figures: Figure[] = [];
  if (wanted('targets')) figures = await targetsReport();
  if (wanted('profile')) await profileReport((line) => console.log(line), table);
  budgetStart = performance.now();
  if (wanted('seeds')) await seedsReport();
  if (wanted('glossary')) await glossaryReport();
  if (wanted('concat')) await concatReport();
  if (wanted('analyze')) await pathologicalReport();
  if (wanted('check')) await checkReport();
  console.log('');
  for (const w of warnings) console.log(w);
  console.log(`\n${warnings.length} warning(s), ${exceptions} exception(s), ${((performance.now() - benchStart) / 1000).toFixed(1)} s.`);
  if (figures.length && process.argv.includes('--save-baseline')) {
    writeBaseline(figures, commitId());
    console.log('The figures were saved as the baseline (test/bench/baseline.json).');
  }
  if (jsonFile) {
    fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
    fs.writeFileSync(jsonFile, JSON.stringify(benchResults(figures, commitId(), warnings, exceptions), null, 2) + '\n');
    console.log(`The figures as JSON: ${path.relative(process.cwd(), jsonFile)}`);
  }
  if (exceptions > 0) process.exitCode = 1;
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
