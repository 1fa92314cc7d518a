import * as assert from 'node:assert/strict';
import { FlatText } from '../../../server/src/engine/flatText';
import { Sentences } from '../../../server/src/engine/sentences';
import type { KamerstukReference, MotionLinkSource, MotionReference } from '../../../server/src/engine/model';
import { recognizeFootnotes } from '../../../server/src/engine/recognizers/footnote';
import { recognizeKamerstukken } from '../../../server/src/engine/recognizers/kamerstuk';
import { recognizeMotions } from '../../../server/src/engine/recognizers/motion';
import { linkRepeatedMotions } from '../../../server/src/engine/recognizers/motionKamerstuk';

/** What a test expects of one motion mention; the kamerstuk link only where the case names it. */
interface Expected {
  readonly text: string;
  readonly submitters: readonly string[];
  readonly cs?: boolean;
  /** "29826-250 via footnote", or null for "no link". */
  readonly link?: string | null;
}

/**
 * Runs the recognizer as the pipeline does: footnotes on the source, markers left out of the flat
 * text, the Kamerstuk citations recognized first, and the links of repeated motions made over all.
 */
function motionsIn(source: string): { source: string; motions: MotionReference[] } {
  const { footnotes, markers } = recognizeFootnotes(source);
  const flat = new FlatText(source, markers.map((mk) => ({ span: mk.span, replacement: '' as const })));
  const sentences = Sentences.ofFlat(flat);
  const kamerstukken = recognizeKamerstukken(flat, sentences).filter((r): r is KamerstukReference => r.kind === 'kamerstuk');
  return { source, motions: linkRepeatedMotions(recognizeMotions(flat, { sentences, kamerstukken, footnotes, markers })) };
}

function project(m: MotionReference, e: Expected): Record<string, unknown> {
  const out: Record<string, unknown> = { text: m.text, submitters: m.submitters };
  if ('cs' in e) out.cs = m.cs;
  if ('link' in e) out.link = m.kamerstuk ? `${m.kamerstuk.dossier}-${m.kamerstuk.nr} via ${m.kamerstuk.source}` : null;
  return out;
}

function check(written: string, expected: readonly Expected[]): void {
  const { source, motions } = motionsIn(written);
  assert.deepEqual(
    motions.map((m, i) => project(m, expected[i] ?? { text: '', submitters: [] })),
    expected.map((e) => ({ ...e })),
    JSON.stringify(written),
  );
  for (const m of motions) {
    assert.equal(source.slice(m.span.offset, m.span.offset + m.span.length), m.text, 'span and text agree');
    const names = new FlatText(source.slice(m.namesSpan.offset, m.namesSpan.offset + m.namesSpan.length)).text;
    assert.ok(names.startsWith(m.submitters[0]!) && names.endsWith(m.submitters[m.submitters.length - 1]!), `namesSpan ${names}`);
  }
}

describe('motion recognizer', () => {
  describe('the written forms', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      ['op de uitvoering van de motie-Kostić c.s., in aanvulling', [{ text: 'motie-Kostić c.s.', submitters: ['Kostić'], cs: true }]],
      ['De motie Kostić dateert van 20 maart 2025', [{ text: 'motie Kostić', submitters: ['Kostić'], cs: false }]],
      ['conform de motie Kostić c.s., door', [{ text: 'motie Kostić c.s.', submitters: ['Kostić'], cs: true }]],
      ['4 Motie van het lid Van Haga 29 juni 2021 en', [{ text: 'Motie van het lid Van Haga', submitters: ['Van Haga'] }]],
      ['en moties van het lid \nAmhaouch c.s. van 29 september 2021', [{ text: 'moties van het lid \nAmhaouch c.s.', submitters: ['Amhaouch'], cs: true }]],
      ['Motie van de leden Dassen en Grinwis over een verkenning', [{ text: 'Motie van de leden Dassen en Grinwis', submitters: ['Dassen', 'Grinwis'] }]],
      ['en opvolging motie Aukje de Vries en Van der Lee over het', [{ text: 'motie Aukje de Vries en Van der Lee', submitters: ['Aukje de Vries', 'Van der Lee'] }]],
      ['Zoals ook gevraagd in de motie Van den Berg over', [{ text: 'motie Van den Berg', submitters: ['Van den Berg'] }]],
      ['Hiermee geef ik invulling aan de motie van Kostic c.s..', [{ text: 'motie van Kostic c.s.', submitters: ['Kostic'], cs: true }]],
      ['Motie van het lid van Dijk over een overzicht', [{ text: 'Motie van het lid van Dijk', submitters: ['van Dijk'] }]],
      ['Dan de motie op stuk nr. 211, van het lid Hijink. Die ontraad ik.', [{ text: 'motie op stuk nr. 211, van het lid Hijink', submitters: ['Hijink'] }]],
      ['De motie op stuk nr. 212 van Bergkamp, Segers en Dijksma laat ik', [{ text: 'motie op stuk nr. 212 van Bergkamp, Segers en Dijksma', submitters: ['Bergkamp', 'Segers', 'Dijksma'] }]],
      ['Zoals gevraagd in de motie van het Lid Ceder over', [{ text: 'motie van het Lid Ceder', submitters: ['Ceder'] }]],
      ['naar aanleiding van de motie Martens-America c.s.. Hier', [{ text: 'motie Martens-America c.s.', submitters: ['Martens-America'] }]],
      ['naar aanleiding van de motie Martens-\nAmerica c.s. werkt', [{ text: 'motie Martens-\nAmerica c.s.', submitters: ['Martens-America'] }]],
      ['Het kabinet is, conform de motie Van der\nLee, positief', [{ text: 'motie Van der\nLee', submitters: ['Van der Lee'] }]],
      ['Deze motie is voorgesteld door de leden Renkema en Bergkamp.', [{ text: 'motie is voorgesteld door de leden Renkema en Bergkamp', submitters: ['Renkema', 'Bergkamp'] }]],
      [
        'Zie de moties Marijnissen c.s. en Klaver c.s. over',
        [
          { text: 'moties Marijnissen c.s.', submitters: ['Marijnissen'], cs: true },
          { text: 'Klaver c.s.', submitters: ['Klaver'], cs: true },
        ],
      ],
      ['de gewijzigde motie van het lid Omtzigt c.s. over', [{ text: 'motie van het lid Omtzigt c.s.', submitters: ['Omtzigt'] }]],
      ['met de motie-Dassen/Grinwis is', [{ text: 'motie-Dassen/Grinwis', submitters: ['Dassen', 'Grinwis'] }]],
      ['de motie van de leden Kröger, Bontenbal en Thijssen vraagt', [{ text: 'motie van de leden Kröger, Bontenbal en Thijssen', submitters: ['Kröger', 'Bontenbal', 'Thijssen'] }]],
      ['de motie van het lid Inge van Dijk over', [{ text: 'motie van het lid Inge van Dijk', submitters: ['Inge van Dijk'] }]],
      ['de motie van het lid Van ’t Wout vraagt', [{ text: 'motie van het lid Van ’t Wout', submitters: ['Van ’t Wout'] }]],
      ['de motie van het lid Van der Plas (BBB) c.s. over', [{ text: 'motie van het lid Van der Plas (BBB) c.s.', submitters: ['Van der Plas'], cs: true }]],
      ['de motie Bruins Slot over', [{ text: 'motie Bruins Slot', submitters: ['Bruins Slot'] }]],
      ['de motie van mevrouw Kröger over', [{ text: 'motie van mevrouw Kröger', submitters: ['Kröger'] }]],
      ['de motie, ingediend door het lid Grinwis, vraagt', [{ text: 'motie, ingediend door het lid Grinwis', submitters: ['Grinwis'] }]],
      ['Dit volgt uit de motie Kostić, Kamerstuk 29826, nr. 250.', [{ text: 'motie Kostić', submitters: ['Kostić'] }]],
      ['De motie Dijk over strategische sectoren.', [{ text: 'motie Dijk', submitters: ['Dijk'] }]],
      ['Motie Kostić\nDe regering wordt verzocht', [{ text: 'Motie Kostić', submitters: ['Kostić'] }]],
      ['De motie Heerma c.s. en Van Haga heeft', [{ text: 'motie Heerma c.s.', submitters: ['Heerma'] }]],
      ['zie de motie Dijk, die vraagt om', [{ text: 'motie Dijk', submitters: ['Dijk'] }]],
      ['de motie van het lid Kostić en de motie van het lid Dijk', [
        { text: 'motie van het lid Kostić', submitters: ['Kostić'] },
        { text: 'motie van het lid Dijk', submitters: ['Dijk'] },
      ]],
      // A name never ends in digits: digits glued to it are a footnote marker, with or without its footnote in the text.
      ['Conform de motie De Groot27 zullen we', [{ text: 'motie De Groot', submitters: ['De Groot'], cs: false }]],
      ['de motie van de leden Amhaouch en Romke de Jong3 Met de', [{ text: 'motie van de leden Amhaouch en Romke de Jong', submitters: ['Amhaouch', 'Romke de Jong'] }]],
      ['de motie van het lid Grinwis c.s.1 Met toezending', [{ text: 'motie van het lid Grinwis c.s.', submitters: ['Grinwis'], cs: true }]],
      ['twee aangenomen moties-Koffeman c.s.5 over datacenters', [{ text: 'moties-Koffeman c.s.', submitters: ['Koffeman'], cs: true }]],
      ['Zie de moties Marijnissen c.s.5 en Klaver c.s.6 over', [
        { text: 'moties Marijnissen c.s.', submitters: ['Marijnissen'], cs: true },
        { text: 'Klaver c.s.', submitters: ['Klaver'], cs: true },
      ]],
      // "Tweede Kamerlid", "lid" without "het"; a party in brackets is no part of the mention unless "c.s." follows it.
      ['een motie van Tweede Kamerlid Mulder (CDA) over', [{ text: 'motie van Tweede Kamerlid Mulder', submitters: ['Mulder'] }]],
      ['De motie van lid Westerveld (GL) verzoekt de regering', [{ text: 'motie van lid Westerveld', submitters: ['Westerveld'] }]],
      ['de motie van de Tweede Kamerleden Klaver en Jetten over', [{ text: 'motie van de Tweede Kamerleden Klaver en Jetten', submitters: ['Klaver', 'Jetten'] }]],
      ['de motie van het Eerste Kamerlid Koffeman over', [{ text: 'motie van het Eerste Kamerlid Koffeman', submitters: ['Koffeman'] }]],
      ['de motie Dassen (Volt) en Grinwis (CU) vraagt', [{ text: 'motie Dassen (Volt) en Grinwis', submitters: ['Dassen', 'Grinwis'], cs: false }]],
      ['de motie van het lid Eerdmans (JA21) c.s. over', [{ text: 'motie van het lid Eerdmans (JA21) c.s.', submitters: ['Eerdmans'], cs: true }]],
      // "het lid" / "de leden" with "van" left out.
      ['De motie het lid van Tongeren. Verzoekt de regering om', [{ text: 'motie het lid van Tongeren', submitters: ['van Tongeren'] }]],
      ['de motie de leden Dassen en Grinwis over', [{ text: 'motie de leden Dassen en Grinwis', submitters: ['Dassen', 'Grinwis'] }]],
      // A name followed by words that may follow a name, or by the end of its line.
      ['Motie Kostić Verzoekt de regering', [{ text: 'Motie Kostić', submitters: ['Kostić'] }]],
      ['de motie Pieter Heerma over', [{ text: 'motie Pieter Heerma', submitters: ['Pieter Heerma'] }]],
      ['Motie Bisschop\nUitvoering: de regering heeft', [{ text: 'Motie Bisschop', submitters: ['Bisschop'] }]],
      // A name wrapped onto the next line goes on there.
      ['Deze ambitie sluit aan bij motie\nVan der Lee (35.830 XVII nr.6) omdat', [{ text: 'motie\nVan der Lee', submitters: ['Van der Lee'] }]],
      ['conform de motie\nKostić c.s.\nworden de programma’s beoordeeld', [{ text: 'motie\nKostić c.s.', submitters: ['Kostić'] }]],
      ['conform de motie\nKostić, die vraagt om', [{ text: 'motie\nKostić', submitters: ['Kostić'] }]],
      ['de motie Van der Plas BBB over', [{ text: 'motie Van der Plas', submitters: ['Van der Plas'] }]],
      // The motion's Kamerstuk in brackets between "motie" and its submitter.
      ['de motie (Kamerstuk 21 501-32, nr. 1500) van het lid Tjeerd de Groot over', [
        { text: 'motie (Kamerstuk 21 501-32, nr. 1500) van het lid Tjeerd de Groot', submitters: ['Tjeerd de Groot'] },
      ]],
      // The motion's number between "motie" and its submitters, as ministers name motions in a debate.
      ['Ik kom bij de motie op stuk nr. 38 van de leden Bikker, Ceder en Grinwis over de jeugdzorg.', [
        { text: 'motie op stuk nr. 38 van de leden Bikker, Ceder en Grinwis', submitters: ['Bikker', 'Ceder', 'Grinwis'] },
      ]],
      ['Dan de motie op stuk nr. 1012 van de heer Eerdmans. Die ontraad ik.', [{ text: 'motie op stuk nr. 1012 van de heer Eerdmans', submitters: ['Eerdmans'] }]],
      ['De motie met nummer 7 van mevrouw Westerveld vraagt', [{ text: 'motie met nummer 7 van mevrouw Westerveld', submitters: ['Westerveld'] }]],
      ['de motie nr. 12 van het lid Omtzigt over', [{ text: 'motie nr. 12 van het lid Omtzigt', submitters: ['Omtzigt'] }]],
      // The passive in all its orders: the text runs from "motie" to the last name.
      ['Ik meld dat de motie op stuk nr. 55 ook mede is ingediend door de heer Bisschop.', [
        { text: 'motie op stuk nr. 55 ook mede is ingediend door de heer Bisschop', submitters: ['Bisschop'] },
      ]],
      ['een vraag over de motie die mede is ingediend door mevrouw Kröger. Waarom', [{ text: 'motie die mede is ingediend door mevrouw Kröger', submitters: ['Kröger'] }]],
      ['De motie die werd ondertekend door de leden Dassen en Van der Lee, is aangenomen.', [
        { text: 'motie die werd ondertekend door de leden Dassen en Van der Lee', submitters: ['Dassen', 'Van der Lee'] },
      ]],
      ['De motie, ingediend door Bontenbal en Kröger, vraagt', [{ text: 'motie, ingediend door Bontenbal en Kröger', submitters: ['Bontenbal', 'Kröger'] }]],
      // "meneer", "collega".
      ['Dit lijkt op de motie van meneer Stoffer, dus', [{ text: 'motie van meneer Stoffer', submitters: ['Stoffer'] }]],
      ['ik steun de motie van collega Van Baarle over', [{ text: 'motie van collega Van Baarle', submitters: ['Van Baarle'] }]],
      ['de motie van mijn collega’s Piri en Dassen over', [{ text: 'motie van mijn collega’s Piri en Dassen', submitters: ['Piri', 'Dassen'] }]],
      // Names of more words: first names before the surname; a month is a first name only before the rest of the name.
      ['met de motie-Mei Li Vos c.s. over de basisbeurs', [{ text: 'motie-Mei Li Vos c.s.', submitters: ['Mei Li Vos'], cs: true }]],
      ['de motie-Anne Marie Jansen c.s. over', [{ text: 'motie-Anne Marie Jansen c.s.', submitters: ['Anne Marie Jansen'], cs: true }]],
      ['de motie van het lid Jan Willem Grinwis over', [{ text: 'motie van het lid Jan Willem Grinwis', submitters: ['Jan Willem Grinwis'] }]],
      ['de motie-Juni Bakker over de huren', [{ text: 'motie-Juni Bakker', submitters: ['Juni Bakker'] }]],
      // A capitalized word that the document writes in lower case elsewhere is a known member's name all the same.
      ['De dijk moet omhoog, zegt de motie Dijk over waterveiligheid.', [{ text: 'motie Dijk', submitters: ['Dijk'] }]],
      ['Het bos brandt. Stemming motie Bos c.s. over', [{ text: 'motie Bos c.s.', submitters: ['Bos'], cs: true }]],
    ];
    for (const [written, expected] of cases) it(written.replace(/\n/g, '⏎'), () => check(written, expected));
  });

  describe('not a mention of a specific motion', () => {
    const negatives = [
      'Met de uitvoering van deze motie zet het kabinet een nieuwe koers.',
      'genoemd in de motie; de bijdrage aan verdienvermogen',
      'Daarnaast geef ik invulling aan verschillende moties en toezeggingen met betrekking tot',
      'De Kamer nam een motie van wantrouwen aan.',
      'Een Motie van Wantrouwen werd verworpen.',
      'de motie over de toekomst van de industrie',
      'de motie van de Kamer is aangenomen',
      'de motie van GroenLinks over',
      'de motie van het CDA over',
      'in de motie Kamerstuk 29826, nr. 250',
      'De motie was ingediend naar aanleiding van de oproep',
      'volgens de motie De regering wordt verzocht',
      'Kamermotie en motiveren en promotie Kostić',
      'de motie VVD over',
      'de motie Tweede Kamer',
      // Four digits glued to a word are no footnote marker.
      'de motie Kostić2024 over',
      'de motie van Tweede Kamerleden over',
      'de motie (aangenomen) van de Kamer over',
      // Headings and debate names in title case: no member.
      'Stemmingen moties Algemene Politieke Beschouwingen',
      'Aan de orde zijn de moties Algemene Beschouwingen.',
      '12 Stemmingen moties Verantwoordingsdebat 2021',
      'de moties Verantwoording 2021 en verder',
      'Overzicht moties Nationale Omgevingsvisie Uitvoering',
      'de motie Klimaatakkoord, de motie Rijksbegroting en de motie Vindplaats',
      'het lid Kostić diende een motie in over de Toezeggingsregeling',
      // A blank line ends a heading or a table cell.
      'Omschrijving van de motie\n\nVindplaats\n\nStand van Zaken',
      'Moties\n\nKostić c.s. verzoekt',
      // A word alone on the line after a bare "motie" that ends its line: a table's next cell.
      'Omschrijving van de motie\nStatus\nToelichting',
      '| Omschrijving van de motie\nUitvoering\n',
      // Capitals without a member form.
      'MOTIE VAN WANTROUWEN',
      'MOTIE VAN DE LEDEN',
      'Motie het lid',
      // A possessive owns the motion: "van" after it names who speaks or asks, not who submitted.
      'Er is een vraag over uw motie van mevrouw Westerveld.',
      'Ik heb een vraag over zijn motie van de heer Omtzigt.',
      'Over haar motie van Bikker gesproken',
      // A common word opening a title: the document writes it in lower case too.
      '7 Stemming motie Staat van de rechtsstaat\nDe staat van de rechtsstaat is besproken.',
      'Het klimaat verandert. De motie Klimaat van vorig jaar',
      'De begroting en de motie Zorg. Goede zorg is duur.',
      // A month before a number or alone is a date, not a name.
      'de motie Mei 2021 over',
      'de motie van 12 Mei over',
      'de motie Juni Kamerstuk 36 200',
      // Title-case names of three words are no member unless the last is a member's surname or "c.s." follows.
      'Overzicht moties Nationale Omgevingsvisie Uitvoering',
      'de motie Regio Deal Twente over',
      // "door" without a name.
      'de motie die is ingediend door de regering',
      'de motie, ingediend door Kamerleden van de coalitie',
      'de motie van de collega’s over',
    ];
    for (const text of negatives) it(text, () => check(text, []));
  });

  describe('linking to the Kamerstuk', () => {
    const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
      // The motion's subject clause, then its citation in brackets: words of the subject name no other document.
      [
        'In uitvoering van de motie van het lid Bikker c.s. over in goed overleg komen tot een herziening van het actieplan (Kamerstuk 28 638, nr. 238) werk ik',
        [{ text: 'motie van het lid Bikker c.s.', submitters: ['Bikker'], link: '28638-238 via sentence' }],
      ],
      // A footnote marker closing the motion's subject clause.
      [
        'Ook geef ik uitvoering aan de motie van het lid Veltman over het smart formuleren van de doelen.[1] Elk doel krijgt een indicator.\n\n[1] Kamerstuk 28 638, nr. 240.\n',
        [{ text: 'motie van het lid Veltman', submitters: ['Veltman'], link: '28638-240 via footnote' }],
      ],
      // A footnote at the end of a sentence that names no other document is the motion's.
      [
        'In de motie van de leden Podt en Bontenbal werd gevraagd het beleid na overleg met gemeenten met de Kamer te delen.[footnoteRef:3] Verder.\n\n[3: Kamerstuk 19 637, nr. 3355]',
        [{ text: 'motie van de leden Podt en Bontenbal', submitters: ['Podt', 'Bontenbal'], link: '19637-3355 via footnote' }],
      ],
      [
        'zoals gevraagd in de motie-Bontenbal c.s. (36 410, nr. 5) is',
        [{ text: 'motie-Bontenbal c.s.', submitters: ['Bontenbal'], link: '36410-5 via parenthesis' }],
      ],
      [
        'de motie van de leden Van der Plas en Vedder (Kamerstuk 36 410, nr. 5) vraagt',
        [{ text: 'motie van de leden Van der Plas en Vedder', submitters: ['Van der Plas', 'Vedder'], link: '36410-5 via parenthesis' }],
      ],
      [
        'de motie (Kamerstuk 21 501-32, nr. 1500) van het lid Tjeerd de Groot over',
        [{ text: 'motie (Kamerstuk 21 501-32, nr. 1500) van het lid Tjeerd de Groot', submitters: ['Tjeerd de Groot'], link: '21501-32-1500 via parenthesis' }],
      ],
      [
        'conform de motie van lid Westerveld (GL) (Kamerstuk 29 240, nr. 90) registreren scholen',
        [{ text: 'motie van lid Westerveld', submitters: ['Westerveld'], link: '29240-90 via sentence' }],
      ],
      [
        'Conform de motie De Groot27 zullen we de programma’s beoordelen.\n\n27 Kamerstukken 27 625, nr. 573\n',
        [{ text: 'motie De Groot', submitters: ['De Groot'], link: '27625-573 via footnote' }],
      ],
      [
        'Zoals ook gevraagd in de motie Van den Berg (Kamerstuk 30821, nr. 104).',
        [{ text: 'motie Van den Berg', submitters: ['Van den Berg'], link: '30821-104 via parenthesis' }],
      ],
      [
        'Motie van het lid Van Haga 29 juni 2021 (Kamerstuk 32 637, nr. 461), en moties van het lid Amhaouch c.s. van ' +
          '29 september 2021 (Kamerstuk 35 420, nr. 388) en (Kamerstuk 35 420, nr. 389). Toezeggingen: ' +
          'commissiedebat (Kamerstuk 31 239, nr. 360).',
        [
          { text: 'Motie van het lid Van Haga', submitters: ['Van Haga'], link: '32637-461 via sentence' },
          { text: 'moties van het lid Amhaouch c.s.', submitters: ['Amhaouch'], link: '35420-388 via sentence' },
        ],
      ],
      [
        'aan de motie van de leden Amhaouch en Wiersma (Kamerstuk 35300 XIII, nr.\n42), die vraagt om onderzoek en de motie van\n' +
          'het lid Amhaouch c.s. over steun voor de maakindustrie (Kamerstuk 35438, nr. 9).',
        [
          { text: 'motie van de leden Amhaouch en Wiersma', submitters: ['Amhaouch', 'Wiersma'], link: '35300-XIII-42 via parenthesis' },
          { text: 'motie van\nhet lid Amhaouch c.s.', submitters: ['Amhaouch'], link: '35438-9 via sentence' },
        ],
      ],
      [
        'de motie-Kostić c.s.[footnoteRef:1], in aanvulling op de Kamerbrief[footnoteRef:2].  [1:  Kamerstuk 29826, nr. 250]  ' +
          '[2:  Kamerstuk 29826, nr. 277]\n\nDe motie Kostić dateert van 20 maart 2025. Conform de motie Kostić c.s. doen we dit.',
        [
          { text: 'motie-Kostić c.s.', submitters: ['Kostić'], link: '29826-250 via footnote' },
          { text: 'motie Kostić', submitters: ['Kostić'], link: '29826-250 via document' },
          { text: 'motie Kostić c.s.', submitters: ['Kostić'], link: '29826-250 via document' },
        ],
      ],
      [
        'Hiermee geef ik invulling aan de motie van Kostic c.s..13\nVincent Karremans\n' +
          Array.from({ length: 12 }, (_, i) => `Bron ${i + 1}↩︎\n`).join('') +
          'Motie Kostic c.s. over een visie voor de industrie., Kamerstuknummer 29826-250↩︎\n',
        [
          { text: 'motie van Kostic c.s.', submitters: ['Kostic'], link: '29826-250 via footnote' },
          { text: 'Motie Kostic c.s.', submitters: ['Kostic'], link: '29826-250 via sentence' },
        ],
      ],
      [
        '| Motie Kostic c.s. | uitvoering in 2025 | Kamerstuknummer 29826-250 |\n| Motie Dijk | lopend | |\n',
        [
          { text: 'Motie Kostic c.s.', submitters: ['Kostic'], link: '29826-250 via sentence' },
          { text: 'Motie Dijk', submitters: ['Dijk'], link: null },
        ],
      ],
      [
        'We voeren de motie Dijk uit en de brief over sectoren (Kamerstuk 31985, nr. 90) volgt.',
        [{ text: 'motie Dijk', submitters: ['Dijk'], link: null }],
      ],
      [
        'De motie Dijk is aangenomen. Zie ook Kamerstuk 31985, nr. 89.',
        [{ text: 'motie Dijk', submitters: ['Dijk'], link: null }],
      ],
      [
        'de motie van het lid Amhaouch (Kamerstuk 35 925 XVII, nr. 34) en de moties van het lid Amhaouch c.s. ' +
          '(Kamerstuk 35 420, nr. 388). Later: de motie Amhaouch.',
        [
          { text: 'motie van het lid Amhaouch', submitters: ['Amhaouch'], link: '35925-XVII-34 via parenthesis' },
          { text: 'moties van het lid Amhaouch c.s.', submitters: ['Amhaouch'], link: '35420-388 via parenthesis' },
          // Two motions of Amhaouch are linked: the exact key (without c.s.) decides.
          { text: 'motie Amhaouch', submitters: ['Amhaouch'], link: '35925-XVII-34 via document' },
        ],
      ],
    ];
    for (const [written, expected] of cases) it(written.slice(0, 70).replace(/\n/g, '⏎'), () => check(written, expected));
  });

  describe("a motion's own title in capitals", () => {
    const cases: ReadonlyArray<readonly [string, string, readonly string[], boolean]> = [
      ['Nr. 37 MOTIE VAN DE LEDEN SIENOT EN DIK-FABER\n\nVoorgesteld 5 november 2020', 'MOTIE VAN DE LEDEN SIENOT EN DIK-FABER', ['Sienot', 'Dik-Faber'], false],
      ['Nr. 12 MOTIE VAN HET LID VAN DER LEE C.S.\nVoorgesteld 3 juni 2021', 'MOTIE VAN HET LID VAN DER LEE C.S.', ['Van der Lee'], true],
      ['Nr. 9 GEWIJZIGDE MOTIE VAN DE LEDEN KRÖGER, BONTENBAL EN THIJSSEN TER VERVANGING VAN DIE GEDRUKT ONDER NR. 4',
        'MOTIE VAN DE LEDEN KRÖGER, BONTENBAL EN THIJSSEN', ['Kröger', 'Bontenbal', 'Thijssen'], false],
      ['Nr. 5 MOTIE VAN HET LID DE JONG TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3', 'MOTIE VAN HET LID DE JONG', ['De Jong'], false],
    ];
    for (const [written, text, submitters, cs] of cases) {
      it(written.replace(/\n/g, '⏎'), () => {
        const { source, motions } = motionsIn(written);
        assert.deepEqual(motions.map((m) => ({ text: m.text, submitters: m.submitters, cs: m.cs })), [{ text, submitters, cs }]);
        assert.equal(source.slice(motions[0]!.span.offset, motions[0]!.span.offset + motions[0]!.span.length), text);
      });
    }
  });

  it('reports the source of the link in the model', () => {
    const { motions } = motionsIn('de motie Van den Berg (Kamerstuk 30821, nr. 104)');
    const source: MotionLinkSource | undefined = motions[0]?.kamerstuk?.source;
    assert.equal(source, 'parenthesis');
    assert.deepEqual(motions[0]?.kamerstuk?.span, { offset: 23, length: 24 });
  });
});
