/**
 * The rules that read one reference at a time (features/diagnostics/perReference.ts:
 * kamerstuk-unknown, motion-submitters-mismatch, the three deadline rules, document-replaced,
 * amount-english-decimal) take the findings of the references an edit kept over from the version
 * before, moved, when they read the same around them (a deadline's status), and check only the
 * others. On random edit sequences of long real letters — edits that add, remove and rewrite
 * citations, motions and amounts, versions nobody asked about in between — every version's findings
 * are what a fresh service gives on its text, and most references take theirs over. Across what
 * changes a reference's findings without an edit (the catalog's news, a workspace document that is
 * the cited paper, another date or language) nothing is taken over. Work is counted, never timed.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { CatalogDocument, CatalogSource } from '../../../server/src/catalog/model';
import { analyze } from '../../../server/src/engine/analyze';
import { kamerstukKey, type KamerstukId } from '../../../server/src/engine/identifiers';
import { lineageOf } from '../../../server/src/engine/lineage';
import type { DiagnosticRule } from '../../../server/src/features/diagnostics/model';
import { isPerReferenceRule, perReferenceRule, referenceFindings, type PerReferenceRule } from '../../../server/src/features/diagnostics/perReference';
import type { RuleContext } from '../../../server/src/features/diagnostics/model';
import type { IndexedDocument } from '../../../server/src/features/model';
import { analyzeWhole } from '../../../server/src/engine/analyze';
import { reanalyze, recordReanalysisLineage } from '../../../server/src/engine/incremental';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import type { DocumentAnalysis } from '../../../server/src/engine/model';
import { messages } from '../../../server/src/l10n';
import { amountEnglishDecimal } from '../../../server/src/features/diagnostics/rules/amountEnglishDecimal';
import { deadlineBeforeLetter } from '../../../server/src/features/diagnostics/rules/deadlineBeforeLetter';
import { deadlinePassed } from '../../../server/src/features/diagnostics/rules/deadlinePassed';
import { promisePassed } from '../../../server/src/features/diagnostics/rules/promisePassed';
import { documentReplaced } from '../../../server/src/features/diagnostics/rules/documentReplaced';
import { kamerstukUnknown } from '../../../server/src/features/diagnostics/rules/kamerstukUnknown';
import { motionSubmittersMismatch } from '../../../server/src/features/diagnostics/rules/motionSubmittersMismatch';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { DEFAULT_DIAGNOSTIC_SETTINGS, type CheckedFinding } from '../../../server/src/features/model';
import { createKamerwijzer, type Kamerwijzer } from '../../../server/src/service/kamerwijzer';
import { params, realLetters, VOCABULARY } from '../../support/textArbitraries';

const RULES: readonly DiagnosticRule[] = [kamerstukUnknown, motionSubmittersMismatch, promisePassed, deadlinePassed, deadlineBeforeLetter, documentReplaced, amountEnglishDecimal];
const A = 'file:///ws/brief.md';
const B = 'file:///ws/bijlage.md';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A catalog that says something of every paper: by a hash of its id (and of `salt`, which a test
 * changes to bring news), one is absent, one replaced by the next number, one a motion of another
 * member, one unknown in a dossier whose highest number is 3, the others only titled.
 */
class FactsSource implements CatalogSource {
  readonly name = 'test';
  salt = 0;
  lookupKamerstuk(id: KamerstukId): CatalogDocument {
    const key = kamerstukKey(id);
    const base = { id: key, kamerstuk: id, sources: [{ origin: 'test' }] };
    switch (hash(`${this.salt}:${key}`) % 5) {
      case 0:
        return { ...base, absent: { origin: 'officielebekendmakingen' } };
      case 1:
        return /^\d+$/.test(id.nr) ? { ...base, title: 'Brief', replacedBy: `${id.dossier}-${Number(id.nr) + 1}` } : { ...base, title: 'Brief' };
      case 2:
        return { ...base, title: 'Motie van het lid Jansen', type: 'Motie', submitters: ['Jansen'] };
      case 3:
        return { id: key, kamerstuk: id, sources: [] } as unknown as CatalogDocument;
      default:
        return { ...base, title: `Brief over ${key}` };
    }
  }
  lookupDocumentNumber(): undefined {
    return undefined;
  }
  dossierHighest(dossier: string): number | undefined {
    return hash(`${this.salt}:${dossier}`) % 2 ? 3 : undefined;
  }
}

function service(source: FactsSource, today = '2026-01-15', locale: 'nl' | 'en' = 'nl', rules = RULES): Kamerwijzer {
  return createKamerwijzer({ sources: [source], rules, folderOf: () => 'ws', settings: { locale, today, diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS } });
}

/** What a fresh service finds in `text` (with `b` beside it when given). */
async function fresh(source: FactsSource, text: string, b?: string, today?: string, locale?: 'nl' | 'en'): Promise<CheckedFinding[]> {
  const s = service(source, today, locale);
  if (b !== undefined) s.setDocument(B, b, 1);
  return s.findings(s.setDocument(A, text, 1));
}

/** Where a letter names itself (its identity's place), as the analysis finds it. */
function analyzedIdentityAt(text: string): number {
  return analyze(text).metadata.identitySpan?.offset ?? -1;
}

const INSERTS = [
  'Kamerstuk 29 826, nr. 12',
  'Kamerstuk 36410-XIV, nr. 7',
  'Kamerstukken II 2023/24, 21 501-30, nr. 5',
  'de motie-Kostić c.s. (Kamerstuk 29 826, nr. 14)',
  'de motie van het lid Van der Lee (Kamerstuk 35 420, nr. 9)',
  'de brief over de verduurzaming van de industrie (Kamerstuk 29 826, nr. 15)',
  'Ik informeer uw Kamer voor 1 oktober 2025 over de uitkomst.',
  'voor de zomer van 2023',
  '€ 1.5 miljard',
  '1,600.50 euro',
  '\n\n',
];

/** A dated letter's own promises and quoted deadlines: one before the letter's date, one passed by today, one quoted as history. */
const DEADLINES = 'Ik informeer uw Kamer uiterlijk 1 maart 2025 over de voortgang. Ik stuur uw Kamer voor 1 september 2025 een brief. In de motie werd gevraagd om voor 1 januari 2024 te rapporteren.';

describe('per-reference rules take the findings of the references an edit kept over', () => {
  const letters = realLetters().filter((t) => t.length > 20_000);
  const long = letters.slice(0, 3).join('\n\n');

  it('are these rules (and no other rule says it reads one reference at a time)', () => {
    assert.deepEqual(ALL_RULES.filter(isPerReferenceRule).map((r) => r.code).sort(), RULES.map((r) => r.code).sort());
  });

  it('every version asked has the findings a fresh service gives, and most references take theirs over', async function () {
    this.timeout(180_000);
    const source = new FactsSource();
    const edit = fc.record({
      // (Spread evenly: fast-check's doubles favour 0 and 1.)
      at: fc.integer({ min: 0, max: 9999 }).map((n) => n / 10_000),
      remove: fc.nat(120),
      insert: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...INSERTS).map((x) => ` ${x} `) }, { weight: 2, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
      asked: fc.nat(3),
    });
    let taken = 0;
    let checked = 0;
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), async (which, edits) => {
        const s = service(source);
        // A draft's front matter (its identity, and a date for the deadlines before the letter's own);
        // amounts in English notation (the letters write none) and deadlines of each status.
        let text = `---\nkamerstuk: 36999-1\ndatum: 2025-06-01\n---\n${which % 2 ? long : letters[which % letters.length]!}\n\nHet kabinet trekt € 1.5 miljard uit, en 1,600.50 euro per aanvraag. ${DEADLINES}\n`;
        let version = 1;
        await s.findings(s.setDocument(A, text, version));
        for (const [k, e] of edits.entries()) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const doc = s.setDocument(A, text, ++version);
          // Some versions are never asked about (superseded at once).
          if (e.asked === 0 && k < edits.length - 1) continue;
          const before = s.stats.referencesTakenOver;
          const found = await s.findings(doc);
          assert.deepEqual(found, await fresh(source, text), `version ${version}, edit at ${at}`);
          taken += s.stats.referencesTakenOver - before;
          // Each rule's references (those of its kinds).
          for (const rule of RULES as readonly PerReferenceRule[]) checked += doc.analysis.references.filter((r) => rule.kinds.includes(r.kind)).length;
          for (const f of found) codes.add(f.code);
        }
      }),
      params(16),
    );
    // Every rule found something (a test that found nothing could not fail), and most references took theirs over.
    assert.deepEqual([...codes].sort(), RULES.map((r) => r.code).sort());
    assert.ok(taken > checked / 3, `${taken} references took their findings over, of ${checked} references of the versions asked`);
  });

  it('takes nothing over across news in the catalog, a workspace document that is the cited paper, another date or language', async () => {
    const source = new FactsSource();
    const text = long;
    const at = Math.floor(text.length * 0.8);
    const edited = (n: number): string => `${text.slice(0, at)}${'x'.repeat(n)}${text.slice(at)}`;
    const s = service(source);
    await s.findings(s.setDocument(A, text, 1));
    // An edit: references take their findings over.
    let before = s.stats.referencesTakenOver;
    let doc = s.setDocument(A, edited(1), 2);
    assert.ok(lineageOf(doc.analysis), 'the edit was analyzed as a stretch');
    assert.deepEqual(await s.findings(doc), await fresh(source, edited(1)));
    assert.ok(s.stats.referencesTakenOver > before);

    // The catalog's news (sources reloaded): the catalog says other things of the same papers.
    source.salt = 1;
    s.invalidate();
    before = s.stats.referencesTakenOver;
    doc = s.setDocument(A, edited(2), 3);
    const news = await s.findings(doc);
    assert.deepEqual(news, await fresh(source, edited(2)));
    assert.equal(s.stats.referencesTakenOver, before);

    // A workspace document that is a paper the letter cites, absent before: now it is known.
    const absent = doc.analysis.references.find((r) => r.kind === 'kamerstuk' && news.some((f) => f.code === 'kamerstuk-unknown' && f.span.offset === r.span.offset));
    assert.ok(absent && absent.kind === 'kamerstuk', 'the letter cites a paper the catalog says is absent');
    const b = `---\nkamerstuk: ${kamerstukKey(absent)}\ntitel: Brief over de voortgang\n---\nTekst.\n`;
    s.setDocument(B, b, 1);
    before = s.stats.referencesTakenOver;
    doc = s.setDocument(A, edited(3), 4);
    const known = await s.findings(doc);
    assert.deepEqual(known, await fresh(source, edited(3), b));
    assert.ok(!known.some((f) => f.code === 'kamerstuk-unknown' && f.span.offset === absent.span.offset));
    assert.equal(s.stats.referencesTakenOver, before);

    // Another date and another language: the service is set so, and the next edit takes nothing over.
    for (const [today, locale] of [['2027-03-01', 'nl'], ['2027-03-01', 'en']] as const) {
      s.configure({ today, locale });
      before = s.stats.referencesTakenOver;
      const n = locale === 'en' ? 5 : 4;
      doc = s.setDocument(A, edited(n), 10 + n);
      assert.deepEqual(await s.findings(doc), await fresh(source, edited(n), b, today, locale));
      assert.equal(s.stats.referencesTakenOver, before, `${today} ${locale}`);
    }
  });

  it('takes findings over across an edit before the place where the letter names itself (what the catalog says is the same)', async () => {
    const source = new FactsSource();
    const s = service(source);
    const identity = analyzedIdentityAt(long);
    assert.ok(identity > 20_000, 'the letter names itself well into its text');
    await s.findings(s.setDocument(A, long, 1));
    const text = `${long.slice(0, 10_000)}x${long.slice(10_000)}`;
    const [metadata, facts] = [s.index.metadataStamp, s.index.factsStamp];
    const doc = s.setDocument(A, text, 2);
    assert.notEqual(s.index.metadataStamp, metadata, 'the place where it names itself moved');
    assert.equal(s.index.factsStamp, facts);
    const before = s.stats.referencesTakenOver;
    assert.deepEqual(await s.findings(doc), await fresh(source, text));
    assert.ok(s.stats.referencesTakenOver > before);
  });

  it('checks again a reference that the passes over the whole list changed far from the edit (a repeated motion linked anew)', async () => {
    // Kamerstuk 29 826, nr. 14 is a motion of another member.
    const source = new (class extends FactsSource {
      override lookupKamerstuk(id: KamerstukId): CatalogDocument {
        const key = kamerstukKey(id);
        return key === '29826-14' ? { id: key, kamerstuk: id, title: 'Motie van het lid Jansen', type: 'Motie', submitters: ['Jansen'], sources: [{ origin: 'test' }] } : super.lookupKamerstuk(id);
      }
    })();
    const filler = (n: number): string => `${'Dit is een zin over het beleid van het kabinet in dit dossier. '.repeat(30)}\n\n`.repeat(n);
    const head = 'De motie-Kostić c.s.';
    const plain = `---\nkamerstuk: 36999-1\n---\nInleiding.\n\n${filler(5)}${head} vraagt om actie.\n\n${filler(12)}Zoals gevraagd in de motie-Kostić c.s. doen wij dit.\n`;
    const cited = plain.replace(head, `${head} (Kamerstuk 29 826, nr. 14)`);
    const s = service(source);
    let version = 1;
    await s.findings(s.setDocument(A, plain, version));
    for (const text of [cited, plain, cited]) {
      const doc = s.setDocument(A, text, ++version);
      assert.ok(lineageOf(doc.analysis)?.patched.length, 'the far motion was linked or unlinked by the pass over the whole list');
      const found = await s.findings(doc);
      assert.deepEqual(found, await fresh(source, text));
      // Both motions (the cited one and its repetition at the end) or neither.
      assert.equal(found.filter((f) => f.code === 'motion-submitters-mismatch').length, text === cited ? 2 : 0);
    }
  });

  it('drops the findings of a citation the edit replaced by a reference of another kind (as many references as before)', async () => {
    // Every paper cited is absent: each citation gets a finding.
    const source = new (class extends FactsSource {
      override lookupKamerstuk(id: KamerstukId): CatalogDocument {
        return { id: kamerstukKey(id), kamerstuk: id, absent: { origin: 'officielebekendmakingen' }, sources: [] };
      }
    })();
    const filler = (n: number): string => `${'Dit is een zin over het beleid van het kabinet in dit dossier. '.repeat(30)}\n\n`.repeat(n);
    const letter = (middle: string): string =>
      `---\nkamerstuk: 36999-1\n---\nInleiding.\n\n${filler(5)}Zie Kamerstuk 29 826, nr. 1.\n\n${filler(6)}Zie ${middle}.\n\n${filler(6)}Zie Kamerstuk 29 826, nr. 3.\n`;
    const s = service(source);
    let version = 1;
    await s.findings(s.setDocument(A, letter('Kamerstuk 29 826, nr. 12'), version));
    for (const [middle, expected] of [['€ 12 miljoen', 2], ['Kamerstuk 29 826, nr. 12', 3], ['€ 12 miljoen', 2]] as const) {
      const text = letter(middle);
      const doc = s.setDocument(A, text, ++version);
      const lineage = lineageOf(doc.analysis);
      assert.ok(lineage, 'analyzed as a stretch');
      assert.equal(lineage.middleEnd - lineage.prefix, lineage.suffixFrom - lineage.prefix, 'as many references in the stretch as before');
      const found = await s.findings(doc);
      assert.deepEqual(found, await fresh(source, text));
      assert.equal(found.filter((f) => f.code === 'kamerstuk-unknown').length, expected);
    }
    assert.ok(s.stats.referencesTakenOver > 0);
  });

  it('checks again a reference the edit kept that reads something else around it than before (ReadAround.same)', async () => {
    // A rule whose finding is what it reads around a deadline: here a value the test sets per deadline text.
    const reading = new Map<string, string>();
    const rule = perReferenceRule<string>({
      code: 'reads-around',
      defaultSeverity: 'warning',
      description: 'test',
      kinds: ['deadline'],
      readsAround: { of: (r) => reading.get(r.text) ?? 'plain', same: (a, b) => a === b },
      checkReference: (r, _ctx, read) => (read === 'plain' ? undefined : [{ code: 'reads-around', span: r.span, message: read ?? '' }]),
    });
    const filler = `${'Dit is een zin over het beleid van het kabinet in dit dossier. '.repeat(30)}\n\n`.repeat(12);
    const text = `Inleiding.\n\n${filler}Ik informeer uw Kamer voor 1 maart 2025.\n\n${filler}Het kabinet besluit voor de zomer van 2026.\n`;
    const docOf = (t: string, analysis: DocumentAnalysis): IndexedDocument => ({ uri: A, version: 1, text: t, lines: new LineIndex(t), metadata: analysis.metadata, analysis, known: undefined });
    const ctxOf = (doc: IndexedDocument): RuleContext => ({ doc, settings: DEFAULT_DIAGNOSTIC_SETTINGS, m: messages('nl'), locale: 'nl', today: '2026-01-15' }) as unknown as RuleContext;
    const first = analyzeWhole(text, {});
    reading.set('voor de zomer van 2026', 'gelezen');
    const before = await referenceFindings(rule, ctxOf(docOf(text, first.analysis)));
    assert.equal(before.findings.length, 1);
    // An edit at the start keeps both deadlines (moved); the later one now reads something else.
    const edited = `x${text}`;
    const re = reanalyze(first, edited, {});
    recordReanalysisLineage(first.analysis, re);
    assert.equal(re.how, 'stretch');
    reading.set('voor de zomer van 2026', 'anders gelezen');
    const after = await referenceFindings(rule, ctxOf(docOf(edited, re.result.analysis)), { analysis: first.analysis, ...before });
    assert.deepEqual(after.findings.map((f) => f.message), ['anders gelezen']);
    assert.equal(after.taken, 1, 'the other deadline took its (no) findings over');
  });

  it('a rule that reads the workspace index through checkReference fails and is reported; the others run', async () => {
    const source = new FactsSource();
    const nosy = { ...kamerstukUnknown, code: 'nosy', checkReference: (_r: unknown, ctx: { index: unknown }) => (ctx.index ? [] : []) } as DiagnosticRule;
    const errors: string[] = [];
    const s = createKamerwijzer({
      sources: [source],
      rules: [nosy, amountEnglishDecimal],
      folderOf: () => 'ws',
      settings: { locale: 'nl', today: '2026-01-15', diagnostics: DEFAULT_DIAGNOSTIC_SETTINGS },
      logger: { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) },
    });
    const found = await s.findings(s.setDocument(A, 'Kamerstuk 29 826, nr. 12 en € 1.5 miljard.\n', 1));
    assert.deepEqual(found.map((f) => f.code), ['amount-english-decimal']);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /rule nosy failed.*reads no workspace index/s);
  });
});
