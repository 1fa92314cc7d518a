/**
 * Property-based tests: no input crashes a recognizer, the pipeline (analyze) or the rules
 * (computeFindings), and what they return is well-formed — every span inside the text, every
 * reference's `text` the source slice, every range the line index's range of its span — and the same
 * on a second run. The texts are random Unicode, the recognizers' vocabulary in random order, cut and
 * mutated real letters, and repetitions of the forms that once crashed or froze Kamerwijzer
 * (test/support/textArbitraries.ts). A fixed seed makes every run the same.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze } from '../../../server/src/engine/analyze';
import { FlatText } from '../../../server/src/engine/flatText';
import { InstrumentMatcher } from '../../../server/src/engine/instrumentMatcher';
import { LineIndex } from '../../../server/src/engine/lineIndex';
import type { KamerstukReference, Reference, Span } from '../../../server/src/engine/model';
import { recognizeAmounts } from '../../../server/src/engine/recognizers/amount';
import { recognizeDeadlines } from '../../../server/src/engine/recognizers/deadline';
import { recognizeDocumentNumbers } from '../../../server/src/engine/recognizers/documentNumber';
import { recognizeFootnotes } from '../../../server/src/engine/recognizers/footnote';
import { readFrontMatter } from '../../../server/src/engine/recognizers/frontMatter';
import { recognizeHandelingen } from '../../../server/src/engine/recognizers/handelingen';
import { recognizeInstruments } from '../../../server/src/engine/recognizers/instrument';
import { recognizeKamerstukken } from '../../../server/src/engine/recognizers/kamerstuk';
import { recognizeMetadata } from '../../../server/src/engine/recognizers/metadata';
import { recognizeMotions } from '../../../server/src/engine/recognizers/motion';
import { Sentences } from '../../../server/src/engine/sentences';
import { ALL_RULES } from '../../../server/src/features/diagnostics/rules';
import { computeFindings } from '../../../server/src/features/diagnostics/run';
import type { CheckedFinding } from '../../../server/src/features/model';
import { anyText, mutatedLetter, params, repeatedForm, unicodeText, vocabularyText } from '../../support/textArbitraries';
import { applyEdits, bundledEntries, testWorkspace, type Known } from '../../support/workspace';

const matcher = InstrumentMatcher.fromEntries(bundledEntries);

/** Fails unless `span` is a stretch of `text`. */
function assertSpanIn(text: string, span: Span | undefined, what: string): void {
  if (!span) return;
  const ok = Number.isInteger(span.offset) && Number.isInteger(span.length) && span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length;
  assert.ok(ok, `${what}: span ${JSON.stringify(span)} outside a text of ${text.length}`);
}

/** Fails unless the thing's span lies in the text and its `text` is the source there. */
function assertWritten(text: string, x: { readonly span: Span; readonly text: string }, what: string): void {
  assertSpanIn(text, x.span, what);
  assert.equal(x.text, text.slice(x.span.offset, x.span.offset + x.span.length), `${what}: text is not the source at its span`);
}

/** Every span a reference carries lies in the text; its text is the source at its span. */
function assertReference(text: string, r: Reference): void {
  assertWritten(text, r, r.kind);
  if (r.kind === 'kamerstuk') {
    assertSpanIn(text, r.form.dossierSpan, 'kamerstuk dossier');
    assertSpanIn(text, r.form.nrSpan, 'kamerstuk number');
  }
  if (r.kind === 'motion') {
    assertSpanIn(text, r.namesSpan, 'motion names');
    assertSpanIn(text, r.kamerstuk?.span, 'motion kamerstuk');
  }
  if (r.kind === 'amount') assertSpanIn(text, r.tableUnit?.span, 'amount table unit');
}

/** What the pipeline runs before each recognizer: footnotes on the source, markers left out of the flat text, sentences. */
function prepared(source: string) {
  const { footnotes, markers } = recognizeFootnotes(source);
  const flat = new FlatText(source, markers.map((mk) => ({ span: mk.span, replacement: '' as const })));
  return { footnotes, markers, flat, sentences: Sentences.ofFlat(flat) };
}

/** Each recognizer, run on a text as the pipeline runs it, returning what it found. */
const RECOGNIZERS: readonly { readonly name: string; readonly run: (text: string) => unknown; readonly check: (text: string, found: never) => void }[] = [
  {
    name: 'metadata',
    run: (text) => recognizeMetadata(text, { known: { date: '2025-03-01' } }),
    check: (text, m: ReturnType<typeof recognizeMetadata>) => {
      for (const s of [m.identitySpan, m.frontMatterSpan, ...(m.identitySpans ?? [])]) assertSpanIn(text, s, 'metadata');
      if (m.headEnd !== undefined) assert.ok(m.headEnd >= 0 && m.headEnd <= text.length, `headEnd ${m.headEnd}`);
    },
  },
  {
    name: 'front matter',
    run: (text) => readFrontMatter(text) ?? null,
    check: (text, f: ReturnType<typeof readFrontMatter> | null) => {
      if (!f) return;
      assertSpanIn(text, f.span, 'front matter');
      for (const e of f.entries) assertSpanIn(text, e.valueSpan, `front matter ${e.key}`);
    },
  },
  {
    name: 'footnotes and markers',
    run: (text) => recognizeFootnotes(text),
    check: (text, r: ReturnType<typeof recognizeFootnotes>) => {
      for (const f of r.footnotes) {
        assertSpanIn(text, f.span, 'footnote');
        assertSpanIn(text, f.bodySpan, 'footnote body');
      }
      for (const m of r.markers) assertSpanIn(text, m.span, 'marker');
      for (let i = 1; i < r.markers.length; i++) assert.ok(r.markers[i - 1]!.span.offset + r.markers[i - 1]!.span.length <= r.markers[i]!.span.offset, 'markers overlap');
    },
  },
  {
    name: 'Kamerstuk citations',
    run: (text) => {
      const p = prepared(text);
      return recognizeKamerstukken(p.flat, p.sentences);
    },
    check: (text, refs: Reference[]) => refs.forEach((r) => assertReference(text, r)),
  },
  {
    name: 'document numbers',
    run: (text) => recognizeDocumentNumbers(prepared(text).flat),
    check: (text, refs: Reference[]) => refs.forEach((r) => assertReference(text, r)),
  },
  {
    name: 'motions',
    run: (text) => {
      const p = prepared(text);
      const kamerstukken = recognizeKamerstukken(p.flat, p.sentences).filter((r): r is KamerstukReference => r.kind === 'kamerstuk');
      return recognizeMotions(p.flat, { sentences: p.sentences, kamerstukken, footnotes: p.footnotes, markers: p.markers });
    },
    check: (text, refs: Reference[]) => refs.forEach((r) => assertReference(text, r)),
  },
  {
    name: 'Handelingen',
    run: (text) => recognizeHandelingen(prepared(text).flat),
    check: (text, refs: Reference[]) => refs.forEach((r) => assertReference(text, r)),
  },
  {
    name: 'amounts',
    run: (text) => {
      const p = prepared(text);
      return recognizeAmounts(p.flat, p.sentences);
    },
    check: (text, refs: Reference[]) => refs.forEach((r) => assertReference(text, r)),
  },
  {
    name: 'deadlines',
    run: (text) => {
      const p = prepared(text);
      return recognizeDeadlines(p.flat, '2025-06-01', p.sentences);
    },
    check: (text, refs: Reference[]) => refs.forEach((r) => assertReference(text, r)),
  },
  {
    name: 'policy instruments (bundled glossary)',
    run: (text) => recognizeInstruments(prepared(text).flat, matcher),
    check: (text, found: { span: Span; text: string }[]) => found.forEach((m) => assertWritten(text, m, 'instrument')),
  },
];

describe('properties: no text crashes a recognizer, and what it finds lies in the text', () => {
  for (const recognizer of RECOGNIZERS) {
    it(recognizer.name, () => {
      fc.assert(
        fc.property(anyText(), (text) => {
          const found = recognizer.run(text);
          recognizer.check(text, found as never);
          assert.deepEqual(recognizer.run(text), found, 'a second run finds the same');
        }),
        params(60),
      );
    });
  }
});

/** Fails unless an analysis of `text` is well-formed. */
function assertAnalysis(text: string, a: ReturnType<typeof analyze>): void {
  const lines = new LineIndex(text);
  for (const r of a.references) {
    assertReference(text, r);
    assert.deepEqual(r.range, lines.rangeOf(r.span), `${r.kind}: range is not the range of its span`);
  }
  for (let i = 1; i < a.references.length; i++) assert.ok(a.references[i - 1]!.span.offset <= a.references[i]!.span.offset, 'references in order');
  for (const f of a.footnotes) assertSpanIn(text, f.bodySpan, 'footnote body');
  for (const m of a.footnoteMarkers) assertSpanIn(text, m.span, 'marker');
  for (const m of a.instruments) assertWritten(text, m, 'instrument');
}

describe('properties: the pipeline (analyze)', () => {
  for (const [name, texts] of [
    ['random Unicode', unicodeText(600)],
    ['the recognizers’ vocabulary in random order', vocabularyText(200)],
    ['cut and mutated real letters', mutatedLetter(4000)],
    ['repeated pathological forms', repeatedForm(600)],
  ] as const) {
    it(`${name}: no exception, well-formed, the same on a second run`, () => {
      fc.assert(
        fc.property(texts, fc.boolean(), (text, withDate) => {
          const options = { instruments: matcher, ...(withDate ? { documentDate: '2025-04-01' } : {}) };
          const a = analyze(text, options);
          assertAnalysis(text, a);
          assert.deepEqual(analyze(text, options), a);
        }),
        params(50),
      );
    });
  }

  it('a text with CR line ends reads as the same text with LF line ends', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedLetter(3000), vocabularyText(150)), (text) => {
        const lf = text.replace(/\r\n|\r/g, '\n');
        const cr = lf.replace(/\n/g, '\r');
        const shape = (t: string) => {
          const a = analyze(t, { instruments: matcher });
          const m = a.metadata;
          return {
            metadata: [m.date, m.title, m.kamerstuk, m.documentNumber, m.headEnd],
            references: a.references.map((r) => `${r.kind} ${r.span.offset}+${r.span.length}`),
            footnotes: a.footnotes.map((f) => `${f.label} ${f.bodySpan.offset}+${f.bodySpan.length}`),
            markers: a.footnoteMarkers.map((mk) => `${mk.label} ${mk.span.offset}`),
          };
        };
        assert.deepEqual(shape(cr), shape(lf));
      }),
      params(40),
    );
  });
});

const KNOWN: readonly Known[] = [
  { id: '29826-250', type: 'Motie', title: 'Motie van het lid Kostic c.s. over een visie voor de toekomst van de Nederlandse industrie', date: '2025-03-20', submitters: ['Kostić', 'Koekkoek'] },
  { id: '29826-258', type: 'Brief regering', title: 'Ruimte voor industrieclusters', date: '2025-06-27' },
  { id: '30821-97', type: 'Brief regering', title: 'Voortgang verduurzaming industrie', date: '2024-05-01', replacedBy: '30821-98' },
];

/** Fails unless every finding lies in the document: its span, its range, its related places and its fixes' edits. */
function assertFindings(text: string, uri: string, findings: readonly CheckedFinding[]): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    assertSpanIn(text, f.span, f.code);
    assert.deepEqual(f.range, lines.rangeOf(f.span), `${f.code}: range is not the range of its span`);
    for (const r of f.related ?? []) if (r.uri === uri) assertSpanIn(text, r.span, `${f.code} related`);
    for (const fix of f.fixes ?? []) {
      const edits = fix.edits.filter((e) => e.uri === uri);
      edits.forEach((e) => assertSpanIn(text, e.span, `${f.code} fix`));
      applyEdits(text, edits);
    }
  }
  for (let i = 1; i < findings.length; i++) {
    const [a, b] = [findings[i - 1]!.range.start, findings[i]!.range.start];
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'findings in order');
  }
}

describe('properties: the rules (computeFindings)', () => {
  it('every rule on generated letters: no rule fails, every finding lies in the text, the same on a second run and in a new workspace', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(), async (text) => {
        const check = async (): Promise<{ uri: string; findings: CheckedFinding[]; again: CheckedFinding[] }> => {
          const ws = testWorkspace({ known: KNOWN, settings: { enforceCitationStyle: true }, today: '2026-01-15' });
          const doc = ws.add('brief.md', text);
          const failures: string[] = [];
          const run = () => computeFindings(doc, ws.service.context(), ws.service.settings.diagnostics, ALL_RULES, (code, e) => failures.push(`${code}: ${(e as Error).stack ?? e}`));
          const findings = await run();
          assert.deepEqual(failures, [], 'no rule fails');
          return { uri: doc.uri, findings, again: await run() };
        };
        const first = await check();
        assertFindings(text, first.uri, first.findings);
        assert.deepEqual(first.again, first.findings, 'the same on a second run');
        assert.deepEqual((await check()).findings, first.findings, 'the same in a new workspace');
      }),
      params(60),
    );
  });
});
