import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlatText } from '../../../server/src/engine/flatText';
import type { Footnote, FootnoteMarker, Span } from '../../../server/src/engine/model';
import { recognizeFootnotes } from '../../../server/src/engine/recognizers/footnote';
import { gluedMarkerStrength, MarkerStrength } from '../../../server/src/engine/recognizers/gluedFootnoteMarker';
import { seedsDir } from '../../support/paths';

const slice = (source: string, span: Span): string => source.slice(span.offset, span.offset + span.length);

/** A footnote as a test names it: label, style, the source under its spans, its collapsed body. */
interface ExpectedFootnote {
  readonly label: string;
  readonly style: Footnote['style'];
  readonly body: string;
  /** Source text under `span` (the whole footnote), when the test checks it. */
  readonly whole?: string;
}

/** A marker as a test names it: label, style and the exact source characters it covers. */
interface ExpectedMarker {
  readonly label: string;
  readonly style: FootnoteMarker['style'];
  readonly text: string;
  /** Some characters before the marker, to pin down which occurrence it is. */
  readonly after: string;
}

function check(source: string, footnotes: readonly ExpectedFootnote[], markers: readonly ExpectedMarker[]): void {
  const found = recognizeFootnotes(source);
  assert.deepEqual(
    found.footnotes.map((f) => ({
      label: f.label,
      style: f.style,
      body: f.body,
      ...(footnotes.find((e) => e.label === f.label && e.whole !== undefined) ? { whole: slice(source, f.span) } : {}),
    })),
    footnotes.map((e) => ({ ...e })),
  );
  for (const f of found.footnotes) {
    assert.equal(collapse(slice(source, f.bodySpan)), f.body, `body span of footnote ${f.label}`);
  }
  assert.deepEqual(
    found.markers.map((m) => ({
      label: m.label,
      style: m.style,
      text: slice(source, m.span),
      after: source.slice(Math.max(0, m.span.offset - 8), m.span.offset),
    })),
    markers.map((e) => ({ ...e, after: e.after.slice(-8) })),
  );
}

function collapse(text: string): string {
  return new FlatText(text).text.trim();
}

/** The text recognizers read: markers left out, as the pipeline does. */
function flatWithoutMarkers(source: string): string {
  const { markers } = recognizeFootnotes(source);
  return new FlatText(source, markers.map((m) => ({ span: m.span, replacement: '' as const }))).text;
}

describe('footnote recognizer', () => {
  describe('Word export: [footnoteRef:N] markers and [N: text] bodies', () => {
    it('finds markers right after a motion and bodies gathered after the paragraph', () => {
      const source =
        'de uitvoering van de motie-Kostić c.s.[footnoteRef:1], in aanvulling op de Kamerbrief[footnoteRef:2] van de minister.  ' +
        '[1:  Kamerstuk 29826, nr. 250]  [2:  Kamerstuk 29826, nr. 277] \n';
      check(
        source,
        [
          { label: '1', style: 'footnoteRef', body: 'Kamerstuk 29826, nr. 250', whole: '[1:  Kamerstuk 29826, nr. 250]' },
          { label: '2', style: 'footnoteRef', body: 'Kamerstuk 29826, nr. 277' },
        ],
        [
          { label: '1', style: 'footnoteRef', text: '[footnoteRef:1]', after: 'Kostić c.s.' },
          { label: '2', style: 'footnoteRef', text: '[footnoteRef:2]', after: 'Kamerbrief' },
        ],
      );
    });

    it('keeps brackets inside a body and a body over lines', () => {
      const source = 'De groeimarktenanalyse.[footnoteRef:5] Verder.\n[5:  Groeimarkten [bijlage] bij\nKamerstuk 29826, nr. 277] ';
      check(
        source,
        [{ label: '5', style: 'footnoteRef', body: 'Groeimarkten [bijlage] bij Kamerstuk 29826, nr. 277' }],
        [{ label: '5', style: 'footnoteRef', text: '[footnoteRef:5]', after: 'analyse.' }],
      );
    });

    it('reads no "[N: …]" bodies in a document without footnoteRef markers', () => {
      check('Zie de lijst [1: eerste punt] en verder.', [], []);
    });
  });

  describe('plain text: [N] markers and "[N] text" note lines', () => {
    it('pairs the markers with note lines, and keeps a marker whose note is missing', () => {
      const source = 'De motie van het lid Ceder[1] betrek ik hierbij. Zie ook het rapport.[2] En de brief.[3]\n\n[1] Kamerstuk 28 638, nr. 240.\n[3: Kamerstuk 36 547, nr. 32]\n';
      check(
        source,
        [
          { label: '1', style: 'bracket', body: 'Kamerstuk 28 638, nr. 240.', whole: '[1] Kamerstuk 28 638, nr. 240.' },
          { label: '3', style: 'bracket', body: 'Kamerstuk 36 547, nr. 32', whole: '[3: Kamerstuk 36 547, nr. 32]' },
        ],
        [
          { label: '1', style: 'bracket', text: '[1]', after: 'lid Ceder' },
          { label: '2', style: 'bracket', text: '[2]', after: 'rapport.' },
          { label: '3', style: 'bracket', text: '[3]', after: 'e brief.' },
        ],
      );
      assert.equal(flatWithoutMarkers(source).slice(0, 47), 'De motie van het lid Ceder betrek ik hierbij. Z');
    });

    it('reads nothing without both a marker and a note of the same number', () => {
      check('Zie punt [1] en [2] van de lijst.', [], []);
      check('Een lijst:\n[1] eerste punt\n[2] tweede punt\n', [], []);
      check('Zie [4] hierboven.\n\n[1] Een noot.\n', [], []);
    });

    it('leaves Markdown links and reference definitions alone', () => {
      check('Zie [1](https://example.org) en [2]: niets.\n[1] Een noot.\n', [], []);
    });
  });

  describe('Markdown footnotes', () => {
    it('pairs [^N] markers with definitions, continuation lines included', () => {
      const source = [
        'Het kabinet geeft uitvoering aan de motie Kostić[^1] en de toezegging[^note].',
        '',
        '[^1]: Kamerstuk 29826,',
        '    nr. 250.',
        '[^note]: Toezegging tijdens het debat.',
        '',
        'Volgende alinea.',
      ].join('\n');
      check(
        source,
        [
          { label: '1', style: 'markdown', body: 'Kamerstuk 29826, nr. 250.', whole: '[^1]: Kamerstuk 29826,\n    nr. 250.' },
          { label: 'note', style: 'markdown', body: 'Toezegging tijdens het debat.' },
        ],
        [
          { label: '1', style: 'markdown', text: '[^1]', after: 'e Kostić' },
          { label: 'note', style: 'markdown', text: '[^note]', after: 'ezegging' },
        ],
      );
    });
  });

  describe('HTML and Unicode superscripts', () => {
    it('reads <sup>N</sup> in the text as a marker and at the start of a line as a body', () => {
      const source = 'strategische autonomie.<sup>1</sup>\n\n<sup>1</sup> Zoals vermeld in de Defensienota 2022.\nTweede regel.\n\nVerder.';
      check(
        source,
        [{ label: '1', style: 'pdfLine', body: 'Zoals vermeld in de Defensienota 2022. Tweede regel.' }],
        [{ label: '1', style: 'superscript', text: '<sup>1</sup>', after: 'autonomie.' }],
      );
    });

    it('reads ¹ glued to a word as a marker, never m² or an exponent', () => {
      const source = 'Ons verdienvermogen¹ staat onder druk; 300 m² grond en 10⁶ euro.\n¹ Verdienvermogen is de capaciteit.';
      check(
        source,
        [{ label: '1', style: 'pdfLine', body: 'Verdienvermogen is de capaciteit.' }],
        [{ label: '1', style: 'superscript', text: '¹', after: 'nvermogen' }],
      );
    });
  });

  describe('export with a trailing "↩︎" list', () => {
    const source = [
      'Ons verdienvermogen1 staat onder druk. De ruimte voor nieuwe fabrieken2 is beperkt, met 20 Megaton CO2-reductie',
      'en € 1,5 miljard in 2025. Zo blijkt uit het Draghi-rapport3 en (tot 2027 4 en) de motie van Kostic c.s..5',
      'Vincent Karremans',
      'Verdienvermogen is de capaciteit om welvaart te genereren.↩︎',
      'Ruimte voor industrieclusters, Kamerstuknummer 29826-258↩︎',
      'Draghi, 2024. The future of European',
      'competitiveness↩︎',
      '360 Research Reports, 2024↩︎',
      'Motie Kostic c.s., Kamerstuknummer 29826-250 [↩︎](#fnref5)',
    ].join('\n');

    it('takes the N-th item as footnote N, over lines where an item wraps', () => {
      const { footnotes } = recognizeFootnotes(source);
      assert.deepEqual(
        footnotes.map((f) => [f.label, f.style, f.body]),
        [
          ['1', 'endnoteList', 'Verdienvermogen is de capaciteit om welvaart te genereren.'],
          ['2', 'endnoteList', 'Ruimte voor industrieclusters, Kamerstuknummer 29826-258'],
          ['3', 'endnoteList', 'Draghi, 2024. The future of European competitiveness'],
          ['4', 'endnoteList', '360 Research Reports, 2024'],
          ['5', 'endnoteList', 'Motie Kostic c.s., Kamerstuknummer 29826-250'],
        ],
      );
    });

    it('finds the glued markers in order and leaves CO2, amounts and years alone', () => {
      const { markers } = recognizeFootnotes(source);
      assert.deepEqual(
        markers.map((m) => [m.label, `${source.slice(m.span.offset - 10, m.span.offset)}[${slice(source, m.span)}]`]),
        [
          ['1', 'envermogen[1]'],
          ['2', ' fabrieken[2]'],
          ['3', 'hi-rapport[3]'],
          ['4', '(tot 2027 [4]'],
          ['5', 'stic c.s..[5]'],
        ],
      );
      const flat = flatWithoutMarkers(source);
      for (const intact of ['Ons verdienvermogen staat', '20 Megaton CO2-reductie', '€ 1,5 miljard in 2025.', 'c.s.. Vincent']) {
        assert.ok(flat.includes(intact), `${intact} in ${flat}`);
      }
    });
  });

  describe('a converted export: "[1](#fn1)" links and a numbered "↩︎" list', () => {
    it('pairs the link markers with the numbered items', () => {
      const source = 'de motie Kostić[1](#fn1) en de brief[2](#fn2) in 2025.\n\n1. Kamerstuk 29826, nr. 250 [↩︎](#fnref1)\n2. Kamerstuk 29826, nr. 277 [↩︎](#fnref2)\n';
      check(
        source,
        [
          { label: '1', style: 'endnoteList', body: 'Kamerstuk 29826, nr. 250', whole: '1. Kamerstuk 29826, nr. 250 [↩︎](#fnref1)' },
          { label: '2', style: 'endnoteList', body: 'Kamerstuk 29826, nr. 277' },
        ],
        [
          { label: '1', style: 'superscript', text: '[1](#fn1)', after: 'e Kostić' },
          { label: '2', style: 'superscript', text: '[2](#fn2)', after: 'de brief' },
        ],
      );
    });
  });

  describe('PDF page-foot footnote lines', () => {
    const page = [
      'In deze brief ga ik ook in op het SER-advies over reshoring van februari 20211 en het AIV-advies over',
      'Europese industriepolitiek van april 2022.2 Het kabinet verwelkomt dit. Daarom maken de adviezen',
      'onderdeel uit van deze brief.3 In 2021 ging € 3,5 miljard naar de industrie en 35 miljoen euro naar',
      'CO2-reductie, met 12 procent groei.',
      '',
      '1 SER advies 21/01, Reshoring, Februari 2021.',
      '2 Adviesraad internationale vraagstukken, Slimme Industriepolitiek: een opdracht voor ',
      '',
      'Nederland in de EU, april 2022.',
      '3 Specifiek aanbeveling #3 van het AIV advies betreft het ontwikkelen van een Europees ',
      'afwegingskader.',
      '',
      ' bedrijven die deze industrie ondersteunen. Figuur 2: Totaalkaart (MIEK-',
      'projecten)1',
      '',
      '1 Bron: MIEK projectenoverzicht 2021.',
      ' De industrie4 groeit, net als de chemie5.',
      '',
      '4 Zie nader paragraaf 4.',
      '5 Kamerstuk 34 682, nr. 92',
      ' Volgende pagina.',
      '',
      '1. Waar doen we het voor?',
      '',
      '7 Geen voetnoot: het label past niet in de reeks.',
    ].join('\n');

    it('follows the label sequence, with a table note numbered from 1 again', () => {
      const { footnotes } = recognizeFootnotes(page);
      assert.deepEqual(
        footnotes.map((f) => [f.label, f.style, f.body]),
        [
          ['1', 'pdfLine', 'SER advies 21/01, Reshoring, Februari 2021.'],
          ['2', 'pdfLine', 'Adviesraad internationale vraagstukken, Slimme Industriepolitiek: een opdracht voor Nederland in de EU, april 2022.'],
          ['3', 'pdfLine', 'Specifiek aanbeveling #3 van het AIV advies betreft het ontwikkelen van een Europees afwegingskader.'],
          ['1', 'pdfLine', 'Bron: MIEK projectenoverzicht 2021.'],
          ['4', 'pdfLine', 'Zie nader paragraaf 4.'],
          ['5', 'pdfLine', 'Kamerstuk 34 682, nr. 92'],
        ],
      );
    });

    it('takes exactly the marker digits and keeps years, amounts and CO2 intact', () => {
      const { markers } = recognizeFootnotes(page);
      assert.deepEqual(
        markers.map((m) => [m.label, `${page.slice(m.span.offset - 12, m.span.offset)}[${slice(page, m.span)}]`]),
        [
          ['1', 'ebruari 2021[1]'],
          ['2', ' april 2022.[2]'],
          ['3', ' deze brief.[3]'],
          ['1', '-\nprojecten)[1]'],
          ['4', 'De industrie[4]'],
          ['5', 'ls de chemie[5]'],
        ],
      );
      const flat = flatWithoutMarkers(page);
      for (const intact of [
        'van februari 2021 en het',
        'van april 2022. Het kabinet',
        'In 2021 ging € 3,5 miljard naar de industrie en 35 miljoen euro naar CO2-reductie, met 12 procent',
        'SER advies 21/01',
      ]) {
        assert.ok(flat.includes(intact), `${intact} in ${flat}`);
      }
    });
  });

  describe('which glued digits can be a marker', () => {
    /** The text with the candidate marker in brackets, and the strength it must have. */
    const cases: ReadonlyArray<readonly [string, MarkerStrength]> = [
      ['het belang van de industrie[5] is groter', MarkerStrength.Strong],
      ['onderdeel uit van deze brief.[3] Daarnaast', MarkerStrength.Strong],
      ['naar aanleiding van de motie Amhaouch c.s..[13] Hier', MarkerStrength.Strong],
      ['software,[21] uitstekende infrastructuur', MarkerStrength.Strong],
      ['€ 872 miljard)[24]. De', MarkerStrength.Strong],
      ['tussen de 16% en 20%.[2] De', MarkerStrength.Strong],
      ['gekoppeld aan de programma’s.[14] Een', MarkerStrength.Strong],
      ['reshoring van februari 2021[1] en', MarkerStrength.Medium],
      ['van april 2022.[2] Het kabinet', MarkerStrength.Medium],
      ['2,3% (2020)[24] is', MarkerStrength.Medium],
      ['van de NLDTIB[2] en', MarkerStrength.Medium],
      ['Met de NTS[42] ligt', MarkerStrength.Weak],
      ['van 2023 tot 2027 [25] en voor', MarkerStrength.Weak],
      ['de uitstoot van CO[2] daalt', MarkerStrength.None],
      ['in Q[4] van 2025', MarkerStrength.None],
      ['een kavel van 300 m[2] grond', MarkerStrength.None],
      ['de EU ETS[2] voor gebouwen', MarkerStrength.None],
      ['groei van 1,[5] procent', MarkerStrength.None],
      ['€ 1.[5] miljard', MarkerStrength.None],
      ['in 202[1] en', MarkerStrength.None],
      ['Kamerstukken II, 35438, nr.[9])', MarkerStrength.None],
      ['zie p.[3] van het rapport', MarkerStrength.None],
      ['de COVID-[19] uitbraak', MarkerStrength.None],
      ['een 6G-netwerk en 5G[2] netwerk', MarkerStrength.None],
      ['in 2027 [25] procent', MarkerStrength.None],
      ['ratio 3:[1] in', MarkerStrength.None],
      // An address's number is no year with a marker glued on, even letter-spaced by extraction.
      ['Retouradres Postbus 2090[1] 2500 EX Den Haag', MarkerStrength.None],
      ['Postbus 2001[8]\n2500 EA DEN HAAG', MarkerStrength.None],
      ['P ostbus 2001[8]\n2 5 00 E X Den Haag', MarkerStrength.None],
      // A year past the years letters write about is no year with a marker.
      ['een kavel van 2090[1] m', MarkerStrength.None],
      ['klimaatneutraal in 2050[1] en', MarkerStrength.Medium],
    ];
    for (const [written, strength] of cases) {
      it(`${written} → ${MarkerStrength[strength]}`, () => {
        const at = written.indexOf('[');
        const source = written.replace('[', '').replace(']', '');
        assert.equal(MarkerStrength[gluedMarkerStrength(source, at)], MarkerStrength[strength]);
      });
    }
  });

  describe('the seeds', () => {
    const seed = (prefix: string): string => {
      const name = fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
      return fs.readFileSync(path.join(seedsDir, name), 'utf8');
    };

    /** Every footnote has one marker with its label before it (the first footnote of a label after the marker). */
    function markersOf(source: string): { footnotes: Footnote[]; withMarker: number } {
      const { footnotes, markers } = recognizeFootnotes(source);
      let withMarker = 0;
      for (const f of footnotes) {
        const m = markers.filter((x) => x.label === f.label && x.span.offset < f.span.offset);
        const own = m.filter((x) => !footnotes.some((g) => g !== f && g.label === f.label && g.span.offset > x.span.offset && g.span.offset < f.span.offset));
        if (own.length === 1) withMarker++;
      }
      return { footnotes, withMarker };
    }

    it('001 (PDF): 63 footnotes and 3 table notes, each with its marker', () => {
      const source = seed('001_');
      const { footnotes, withMarker } = markersOf(source);
      assert.equal(footnotes.length, 66);
      assert.equal(withMarker, 66);
      assert.deepEqual(
        footnotes.filter((f) => f.label !== '1').map((f) => Number(f.label)),
        Array.from({ length: 62 }, (_, i) => i + 2),
      );
      const body = (label: string): string => footnotes.find((f) => f.label === label)!.body;
      assert.equal(body('1'), 'SER advies 21/01, Reshoring, Februari 2021.');
      assert.equal(
        body('4'),
        'Motie van het lid Van Haga 29 juni 2021 (Kamerstuk 32 637, nr. 461), en moties van het lid Amhaouch c.s. van 29 september 2021 ' +
          '(Kamerstuk 35 420, nr. 388) en (Kamerstuk 35 420, nr. 389). Toezeggingen: commissiedebat 24 maart 2022 (Kamerstuk 31 239, nr. 360) ' +
          'maatwerkafspraken industrie, TMD 31 maart 2022 inzet korte en middellange termijn strategische autonomie.',
      );
      assert.equal(body('33'), 'Kamerstuk 34 682, nr. 92');
      assert.equal(body('58'), 'Zie in dit verband ook de motie van het lid Hagen c.s. van 1 juni 2022, Kamerstuk 32 852, nr. 192.');
      const flat = flatWithoutMarkers(source);
      for (const intact of ['van februari 2021 en het AIV-advies', 'van april 2022. Het kabinet', 'R&D investeringen van 2,3% (2020) ', 'circulariteit in 2050. ']) {
        assert.ok(flat.includes(intact), intact);
      }
    });

    it('002 (export): 62 "↩︎" footnotes, 61 markers (marker 46 is not in the text)', () => {
      const source = seed('002_');
      const { footnotes, markers } = recognizeFootnotes(source);
      assert.equal(footnotes.length, 62);
      assert.deepEqual(footnotes.map((f) => f.label), Array.from({ length: 62 }, (_, i) => String(i + 1)));
      assert.deepEqual(markers.map((m) => m.label), footnotes.map((f) => f.label).filter((l) => l !== '46'));
      assert.equal(footnotes[12]!.body, 'Motie Kostic c.s. over een onderbouwde visie en bijbehorend actieplan voor de toekomst van de Nederlandse industrie., Kamerstuknummer 29826-250');
      assert.equal(footnotes[51]!.body.slice(0, 20), 'Motie Dijk over een ');
      const flat = flatWithoutMarkers(source);
      for (const intact of ['de motie van Kostic c.s.. Met', 'tussen 2023 en 2032. Grootschalige', '€ 872 miljard). |', 'motie Dijk. Bij']) {
        assert.ok(flat.includes(intact), intact);
      }
    });

    it('003 (Word export): 5 footnotes, each with its marker', () => {
      const source = seed('003_');
      const { footnotes, withMarker } = markersOf(source);
      assert.deepEqual(footnotes.map((f) => [f.label, f.body]), [
        ['1', 'Kamerstuk 29826, nr. 250'],
        ['2', 'Kamerstuk 29826, nr. 277'],
        ['3', 'Kamerstuk 29826, nr. 265'],
        ['4', 'Zoals de in de Defensie Strategie voor Industrie en Innovatie 2025-2029 zijn vastgesteld.'],
        ['5', 'Groeimarkten voor Nederland, bijlage bij Kamerstuk 29826, nr. 277'],
      ]);
      assert.equal(withMarker, 5);
    });

    it('004 (HTML superscripts): 4 footnotes, each with its marker', () => {
      const { footnotes, withMarker } = markersOf(seed('004_'));
      assert.deepEqual(footnotes.map((f) => f.label), ['1', '2', '3', '4']);
      assert.equal(withMarker, 4);
    });
  });

  // Speed is measured by `npm run bench`; this checks that a long text of numbered lines is read sensibly.
  it('reads a long text of numbered lines without inventing markers', () => {
    const line = 'De industrie groeit met 12 procent en bedrijven investeren 3 miljard.\n\n12 Bron: CBS, 2022.\n';
    const source = line.repeat(20_000);
    const { markers } = recognizeFootnotes(source);
    assert.ok(markers.every((m) => m.label === '12'), 'only label 12 can be a marker here');
  });
});
