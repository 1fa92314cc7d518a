/**
 * Generated texts for the property-based tests (fast-check): random Unicode, the recognizers'
 * vocabulary in random order, real letters (the seeds and the holdout sets) cut and mutated, and
 * repetitions of the forms that once crashed or froze Kamerwijzer. Every test runs with a fixed
 * seed, so a run is reproducible; KAMERWIJZER_PROPERTY_RUNS multiplies the number of runs for a
 * deeper search (`KAMERWIJZER_PROPERTY_RUNS=20 npm test`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { fixturesDir, seedsDir } from './paths';

/** The seed of every property run. */
export const PROPERTY_SEED = 20251017;

/** The number of runs of a property: `base`, times KAMERWIJZER_PROPERTY_RUNS when set. */
export function runs(base: number): number {
  const factor = Number(process.env['KAMERWIJZER_PROPERTY_RUNS'] ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/** fast-check's parameters for a property: the fixed seed and the number of runs. */
export function params(base: number): fc.Parameters<unknown> {
  return { seed: PROPERTY_SEED, numRuns: runs(base) };
}

/** Pieces of the texts the recognizers read: keywords, numbers, markup, punctuation and line ends. */
export const VOCABULARY: readonly string[] = [
  ' ', ' ', ' ', '  ', '\t', '\n', '\n\n', '\r', '\r\n', '\u00a0', '.', ',', ';', ':', '(', ')', '[', ']', '|', '-', '–', '/', '"', '‘', '’', '*', '_', '#',
  'Kamerstuk', 'Kamerstukken', 'Kamerstukken II', 'Kamerstukken I', 'Kamerstuknummer', 'kamerstuk', 'kst-29826-277', '2019/20', '2024–2025',
  '29 826', '29826', '35 420', '36410-XIV', '21501-30', 'nr.', 'nrs.', 'nr', ', nr. ', '250', '57', '12', '1', '2', '3', 't/m', 'en', 'XIII', 'C',
  '2025D44449', '2019Z12345', 'Handelingen II', 'Aanhangsel Handelingen', 'item', 'h-tk-20212022-62-7',
  'motie', 'de motie', 'motie-Kostić', 'van het lid', 'van de leden', 'Kostić', 'Van der Lee', 'c.s.', 'over', 'verzoekt de regering', 'aangenomen',
  '€', 'EUR', 'euro', 'miljoen', 'miljard', 'mln', 'mld', 'mrd', 'twee', 'drie', 'honderd', '1.600,5', '1.5', '1,600.50', 'per jaar', 'structureel',
  '(bedragen x € 1.000)', 'Tabel 1',
  'uiterlijk', 'voor', 'na', 'eind', 'begin', 'medio', 'zomer', 'najaar', 'Q4', 'kwartaal', 'januari', 'juli', 'december', '2025', '2030', '1 juli 2026',
  'binnen', 'zes weken', 'Ik informeer uw Kamer', 'zal', 'deadline',
  '[^1]', '[^2]', '[^1]: ', '\n[^1]: ', '<sup>1</sup>', '¹', '²', '[footnoteRef:1]', '[1: ', '[1]', '↩︎', 'a¹',
  '---\n', 'datum: 2024-01-01\n', 'kamerstuk: 29826-147\n', 'Datum', 'Betreft', 'Den Haag, 1 april 2025', 'ISSN 0921 - 7398',
  'NGF', 'Nationaal Groeifonds', 'WBSO', 'SDE++', 'IPCEI', "IPCEI's", 'XYZ-regeling', 'NVWA', 'kamerwijzer-disable-next-line',
  'https://www.rijksoverheid.nl/', 'info@ser.nl', '🇳🇱', 'é', 'e\u0301', 'ß', 'İ', '\u200b', '\ufeff', '\u2028',
];

/** One lone surrogate half: malformed UTF-16 that a decoder may pass on. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Random Unicode: any code point, some lone surrogate halves, some line ends of every kind. */
export function unicodeText(maxLength = 400): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom('\n', '\r', '\r\n', ' ', '.') },
      { weight: 1, arbitrary: loneSurrogate },
    ),
    maxLength,
  });
}

/** The recognizers' vocabulary in random order, with some random Unicode between. */
export function vocabularyText(maxUnits = 120): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) }),
    maxLength: maxUnits,
  });
}

/** The seed letters (seeds/*.txt), in order of file name. */
export function seedLetters(): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
}

/** A letter's text as a PDF's often is: no blank line anywhere (each run of blank lines one line end). */
export function withoutBlankLines(text: string): string {
  return text.replace(/\n[ \t]*\n\s*/g, '\n');
}

/** The real letters the tests may cut from: the seeds and every holdout set. */
export function realLetters(): string[] {
  const files: string[] = [];
  const add = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push(path.join(dir, f));
  };
  add(seedsDir);
  for (const d of fs.readdirSync(fixturesDir).sort()) if (d.startsWith('holdout')) add(path.join(fixturesDir, d));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

let letters: string[] | undefined;

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly kind: 'lineEnds'; readonly to: '\r' | '\r\n' | ' ' | '' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...VOCABULARY), unicodeText(8)) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }), times: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ kind: fc.constant('lineEnds' as const), to: fc.constantFrom('\r' as const, '\r\n' as const, ' ' as const, '' as const) }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'lineEnds') return text.replace(/\r\n|\r|\n/g, m.to);
  const at = text.length ? m.at % (text.length + 1) : 0;
  if (m.kind === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  const piece = text.slice(at, at + m.length);
  return text.slice(0, at) + piece.repeat(m.times) + text.slice(at);
}

/** A window of a real letter (up to `maxLength` characters), mutated a few times: inserts, deletions, repetitions, other line ends. */
export function mutatedLetter(maxLength = 3000): fc.Arbitrary<string> {
  letters ??= realLetters();
  const all = letters;
  return fc
    .record({
      letter: fc.integer({ min: 0, max: all.length - 1 }),
      start: fc.nat(),
      length: fc.integer({ min: 0, max: maxLength }),
      mutations: fc.array(mutation, { maxLength: 6 }),
    })
    .map(({ letter, start, length, mutations }) => {
      const source = all[letter]!;
      const from = source.length ? start % source.length : 0;
      return mutations.reduce(mutate, source.slice(from, from + length));
    });
}

/** The forms that once crashed (spread into arguments) or froze (a scan per reference) Kamerwijzer. */
export const PATHOLOGICAL_UNITS: readonly string[] = [
  'tekst [^1] ', 'tekst<sup>1</sup> ', 'a¹ ', '[footnoteRef:1]', 'twee miljoen euro ', 'Zie Kamerstuk 29826, nr. 250 en ', 'Zie Kamerstuk 29826, nr. 250.\r',
  'Kamerstukken 30 821, nr. 97. ', 'Nationaal Groeifonds (NGF) ', 'XYZ Kamerstuk 29826, nr. 1 ', 'de motie van het lid Kostić over de industrie (Kamerstuk 29826, nr. 250) ',
  '- Brief over de industrie, Kamerstuk 29826, nr. 250\r', '| Brief over X | Kamerstuk 29826, nr. 250 |', '(bedragen x € 1.000)\r', '36 100, ', 'deadline ', '\r', '@', 'a-', 'planplan',
];

/** A pathological form repeated (up to `maxTimes`), with some vocabulary before and after. */
export function repeatedForm(maxTimes = 400): fc.Arbitrary<string> {
  return fc
    .record({
      unit: fc.constantFrom(...PATHOLOGICAL_UNITS),
      times: fc.integer({ min: 1, max: maxTimes }),
      before: vocabularyText(10),
      after: vocabularyText(10),
    })
    .map(({ unit, times, before, after }) => before + unit.repeat(times) + after);
}

/** Every kind of generated text. */
export function anyText(): fc.Arbitrary<string> {
  return fc.oneof(unicodeText(), vocabularyText(), mutatedLetter(), repeatedForm());
}
