import * as assert from 'node:assert/strict';
import { FlatText } from '../../../server/src/engine/flatText';
import type { DossierReference, KamerstukReference, Span } from '../../../server/src/engine/model';
import { parseKamerstukCitation, recognizeKamerstukken } from '../../../server/src/engine/recognizers/kamerstuk';

type Found = KamerstukReference | DossierReference;

/** What a test expects of a reference: any of its fields, the form's fields, and the source text of its spans. */
interface Expected {
  readonly kind?: 'kamerstuk' | 'dossier';
  readonly text: string;
  readonly dossier: string;
  readonly nr?: string;
  readonly alsoDossiers?: readonly string[];
  readonly chamber?: 'I' | 'II';
  readonly vergaderjaar?: string;
  readonly pages?: string;
  readonly form?: {
    readonly keyword?: string | null;
    readonly dossierText?: string;
    readonly numberMarker?: string | null;
    readonly separator?: string;
    readonly dossierInherited?: boolean;
    readonly identifier?: boolean;
    /** Source text under form.dossierSpan and form.nrSpan. */
    readonly dossierSpanText?: string;
    readonly nrSpanText?: string;
  };
}

function recognize(source: string): Found[] {
  return recognizeKamerstukken(new FlatText(source));
}

const slice = (source: string, span: Span): string => source.slice(span.offset, span.offset + span.length);

/** The actual reference, restricted to the fields the expectation names. */
function project(source: string, r: Found, e: Expected): Record<string, unknown> {
  const out: Record<string, unknown> = { text: r.text, dossier: r.dossier };
  if (e.kind) out.kind = r.kind;
  if (r.kind === 'kamerstuk') {
    if (e.nr !== undefined) out.nr = r.nr;
    if ('alsoDossiers' in e) out.alsoDossiers = r.alsoDossiers;
    if ('chamber' in e) out.chamber = r.chamber;
    if ('vergaderjaar' in e) out.vergaderjaar = r.vergaderjaar;
    if ('pages' in e) out.pages = r.pages;
    if (e.form) {
      const f: Record<string, unknown> = {};
      for (const k of Object.keys(e.form)) {
        if (k === 'dossierSpanText') f[k] = slice(source, r.form.dossierSpan);
        else if (k === 'nrSpanText') f[k] = slice(source, r.form.nrSpan);
        else f[k] = (r.form as unknown as Record<string, unknown>)[k];
      }
      out.form = f;
    }
  }
  // text is the exact source under span
  assert.equal(slice(source, r.span), r.text, 'span and text disagree');
  return out;
}

const K = (text: string, dossier: string, nr: string, more: Partial<Expected> = {}): Expected => ({ kind: 'kamerstuk', text, dossier, nr, ...more });
const D = (text: string, dossier: string): Expected => ({ kind: 'dossier', text, dossier });

/** Input text → every reference expected, in order. */
const POSITIVE: [string, Expected[]][] = [
  // The official house style and its common variants.
  [
    'Zie Kamerstukken II 2019/20, 35 300 XIII, nr. 102.',
    [
      K('Kamerstukken II 2019/20, 35 300 XIII, nr. 102', '35300-XIII', '102', {
        chamber: 'II',
        vergaderjaar: '2019-2020',
        form: { keyword: 'Kamerstukken II', dossierText: '35 300 XIII', numberMarker: 'nr.', separator: ', nr. ', dossierInherited: false, identifier: false },
      }),
    ],
  ],
  ['de motie-Kostić c.s. (Kamerstuk 29826, nr. 250)', [K('Kamerstuk 29826, nr. 250', '29826', '250', { form: { dossierSpanText: '29826', nrSpanText: '250' } })]],
  ['23 Kamerstuk II, 2019/2020, 21501-30, nr. 470.', [K('Kamerstuk II, 2019/2020, 21501-30, nr. 470', '21501-30', '470', { chamber: 'II', vergaderjaar: '2019-2020' })]],
  ['(Kamerstukken II, 35438, nr.9)', [K('Kamerstukken II, 35438, nr.9', '35438', '9', { chamber: 'II', vergaderjaar: undefined, form: { numberMarker: 'nr.', separator: ', nr.' } })]],
  ['Kamerstuk 35 207, nr.1 van 3 mei', [K('Kamerstuk 35 207, nr.1', '35207', '1')]],
  ['Kamerstukken II 2023–2024, 36 410-XIV, nr. 9', [K('Kamerstukken II 2023–2024, 36 410-XIV, nr. 9', '36410-XIV', '9', { vergaderjaar: '2023-2024' })]],
  ['Kamerstukken II 1999/00, 26 800, nr. 3', [K('Kamerstukken II 1999/00, 26 800, nr. 3', '26800', '3', { vergaderjaar: '1999-2000' })]],
  ['Kamerstuk 30 821 nr. 97', [K('Kamerstuk 30 821 nr. 97', '30821', '97', { form: { separator: ' nr. ' } })]],
  ['Kamerstukken 33 009 en 32 637, nr 102, p. 9.', [K('Kamerstukken 33 009 en 32 637, nr 102', '33009', '102', { alsoDossiers: ['32637'], pages: 'p. 9', form: { numberMarker: 'nr' } })]],
  // Suffixes.
  ['Kamerstuk 35300-XIII, nr. 102', [K('Kamerstuk 35300-XIII, nr. 102', '35300-XIII', '102')]],
  ['Kamerstuk 21 501-32, nr. 1607', [K('Kamerstuk 21 501-32, nr. 1607', '21501-32', '1607')]],
  ['Kamerstuk 21501–32, nr. 1668', [K('Kamerstuk 21501–32, nr. 1668', '21501-32', '1668')]],
  ['Kamerstuk 36 200 L, nr. 4', [K('Kamerstuk 36 200 L, nr. 4', '36200-L', '4')]],
  ['Kamerstuk 27 484 (R 1669), nr. 3', [K('Kamerstuk 27 484 (R 1669), nr. 3', '27484-(R1669)', '3')]],
  ['Kamerstuk 36 410A, nr. 33', [K('Kamerstuk 36 410A, nr. 33', '36410-A', '33', { form: { dossierText: '36 410A' } })]],
  ['Kamerstuk 36 600-A, nr. 35', [K('Kamerstuk 36 600-A, nr. 35', '36600-A', '35')]],
  ['Kamerstuk 21501-02 nr. 2197 evenals', [K('Kamerstuk 21501-02 nr. 2197', '21501-02', '2197')]],
  ['Kamerstuk 21 501-21, stuk nr. 2648', [K('Kamerstuk 21 501-21, stuk nr. 2648', '21501-21', '2648', { form: { numberMarker: 'stuk nr.' } })]],
  // Without "nr.".
  ['18 Kamerstuk 35420, 57.', [K('Kamerstuk 35420, 57', '35420', '57', { form: { numberMarker: null, separator: ', ' } })]],
  ['29 Kamerbrief ISO NL 2018, Kamerstuk 34952-40', [K('Kamerstuk 34952-40', '34952', '40', { form: { separator: '-', nrSpanText: '40' } })]],
  ['Nederland, Kamerstuk 34952- 86\n29 Kamerbrief', [K('Kamerstuk 34952- 86', '34952', '86', { form: { separator: '- ', numberMarker: null } })]],
  ['Kamerstuknummer 36600-XIII-65↩︎', [K('Kamerstuknummer 36600-XIII-65', '36600-XIII', '65', { form: { keyword: 'Kamerstuknummer', dossierText: '36600-XIII', separator: '-' } })]],
  ['Kamerstuknummer 21501-20-2268↩︎', [K('Kamerstuknummer 21501-20-2268', '21501-20', '2268')]],
  ['Actieagenda, Kamerstuknummer: 32637-709↩︎', [K('Kamerstuknummer: 32637-709', '32637', '709')]],
  ['Brief, kamerstuknummer 36600-XIII-65', [K('kamerstuknummer 36600-XIII-65', '36600-XIII', '65')]],
  ['(Kamerstuk 26485-446)', [K('Kamerstuk 26485-446', '26485', '446')]],
  ['Onderdeel van kamerstukdossier 29826 -277 Industriebeleid.', [K('kamerstukdossier 29826 -277', '29826', '277', { form: { keyword: 'kamerstukdossier', separator: ' -' } })]],
  ['(zie\nTweede Kamer 27428 nr 371 en nr 364)', [
    K('27428 nr 371', '27428', '371', { chamber: 'II', form: { keyword: null, numberMarker: 'nr' } }),
    K('nr 364', '27428', '364', { form: { dossierInherited: true, numberMarker: 'nr', separator: ' en nr ', dossierSpanText: '27428' } }),
  ]],
  // Lists of numbers: one reference each, the later ones inherit the dossier.
  ['(zie onder meer de Kamerstukken 22 112, nrs. 2302, 2374, en 2676).', [
    K('Kamerstukken 22 112, nrs. 2302', '22112', '2302', { form: { numberMarker: 'nrs.' } }),
    K('2374', '22112', '2374', { form: { dossierInherited: true, numberMarker: null, separator: ', ' } }),
    K('2676', '22112', '2676', { form: { dossierInherited: true, separator: ', en ' } }),
  ]],
  ['Kamerstuk 30 821, nrs. 97 en 113', [K('Kamerstuk 30 821, nrs. 97', '30821', '97'), K('113', '30821', '113')]],
  ['Kamerstuk 30 821, nr. 97 en 113.', [K('Kamerstuk 30 821, nr. 97', '30821', '97'), K('113', '30821', '113')]],
  // Ranges: one reference per number (at most 50), each cited by the whole range.
  ['(Kamerstukken 31 839, nrs. 540 tot en met 543)', ['540', '541', '542', '543'].map((nr) => K('Kamerstukken 31 839, nrs. 540 tot en met 543', '31839', nr))],
  ['Kamerstuk 27 625, nrs. 7–9 en 12.', [...['7', '8', '9'].map((nr) => K('Kamerstuk 27 625, nrs. 7–9', '27625', nr)), K('12', '27625', '12')]],
  ['Kamerstuk 33 750 XIII, nrs. 1108-11, p. 2', ['1108', '1109', '1110', '1111'].map((nr) => K('Kamerstuk 33 750 XIII, nrs. 1108-11', '33750-XIII', nr))],
  ['Kamerstuk 29 544, nr. 3 t/m 5', ['3', '4', '5'].map((nr) => K('Kamerstuk 29 544, nr. 3 t/m 5', '29544', nr))],
  ['Kamerstuk 29 544, nrs. 1 t/m 400', Array.from({ length: 50 }, (_, i) => K('Kamerstuk 29 544, nrs. 1 t/m 400', '29544', String(i + 1)))],
  // A dash after a single number is no range (pages, a sum); nor a range that goes down.
  ['Kamerstuk 29 544, nr. 12-15 over', [K('Kamerstuk 29 544, nr. 12', '29544', '12')]],
  ['Kamerstuk 29 544, nrs. 15 - 12 over', [K('Kamerstuk 29 544, nrs. 15', '29544', '15')]],
  // One paper in several dossiers.
  ['Kamerstukken 36 100, 36 101 en 36 102, nr. 5', [K('Kamerstukken 36 100, 36 101 en 36 102, nr. 5', '36100', '5', { alsoDossiers: ['36101', '36102'] })]],
  // Joint papers: one reference, the first dossier.
  ['(Kamerstukken 29 826 en 32 813, nr. 135), zet het kabinet', [K('Kamerstukken 29 826 en 32 813, nr. 135', '29826', '135', { alsoDossiers: ['32813'], form: { dossierText: '29 826' } })]],
  ['(Kamerstukken 32 637 \nen 32 813, nr. 477) over', [K('Kamerstukken 32 637 \nen 32 813, nr. 477', '32637', '477', { alsoDossiers: ['32813'] })]],
  ['34 682/35 334, nr. 143', [K('34 682/35 334, nr. 143', '34682', '143', { alsoDossiers: ['35334'] })]],
  ['Kamerstukken 29 826, 32 813 en 33 009, nr. 5', [K('Kamerstukken 29 826, 32 813 en 33 009, nr. 5', '29826', '5', { alsoDossiers: ['32813', '33009'] })]],
  // A second citation naming its own dossier.
  ['41 Kamerstukken 30 821 nr. 97 en 30 821 nr. 113', [K('Kamerstukken 30 821 nr. 97', '30821', '97'), K('30 821 nr. 113', '30821', '113', { form: { keyword: null, dossierInherited: false } })]],
  ['(Kamerstuk 35 420, nr. 388) en (Kamerstuk 35 420, \nnr. 389).', [K('Kamerstuk 35 420, nr. 388', '35420', '388'), K('Kamerstuk 35 420, \nnr. 389', '35420', '389')]],
  ['Kamerstuk 34952-40 en 34952-41', [K('Kamerstuk 34952-40', '34952', '40'), K('34952-41', '34952', '41')]],
  // Broken over line ends, hyphenated by PDF extraction.
  ['(Kamerstuk 35300 XIII, nr.\n42)', [K('Kamerstuk 35300 XIII, nr.\n42', '35300-XIII', '42')]],
  ['(Kamerstuk,\n30 821, nr. 73)', [K('Kamerstuk,\n30 821, nr. 73', '30821', '73')]],
  ['Kamerstuk 35 925 \nXVII, nr. 34', [K('Kamerstuk 35 925 \nXVII, nr. 34', '35925-XVII', '34')]],
  ['zie Kamer-\nstuk 29 826, nr. 147', [K('Kamer-\nstuk 29 826, nr. 147', '29826', '147')]],
  ['Kamerstuk 21501-\n30, nr. 470', [K('Kamerstuk 21501-\n30, nr. 470', '21501-30', '470')]],
  // Bare forms that plainly cite a Kamerstuk.
  ['de brief (26431, nr. 2) over', [K('26431, nr. 2', '26431', '2', { form: { keyword: null } })]],
  ['23 645 nr 823', [K('23 645 nr 823', '23645', '823')]],
  ['(36 067, letter Y)', [K('36 067, letter Y', '36067', 'Y', { form: { numberMarker: 'letter' } })]],
  ['Kabinetsappreciatie witboek buitenlandse subsidies op de interne markt (22112-2902).', [K('22112-2902', '22112', '2902')]],
  ['motie 36600-XIII-65 over', [K('36600-XIII-65', '36600-XIII', '65')]],
  ['de motie 206 (28 844) is aangenomen', [K('206 (28 844)', '28844', '206', { form: { dossierText: '28 844', separator: ' (', nrSpanText: '206' } })]],
  ['het amendement 9 (36 410-XIV)', [K('9 (36 410-XIV)', '36410-XIV', '9')]],
  ['de moties 1181 (33 529), 1154 (33 529) en 1182 (33 529)', [K('1181 (33 529)', '33529', '1181'), K('1154 (33 529)', '33529', '1154'), K('1182 (33 529)', '33529', '1182')]],
  ['zie Kamerstuk 942 (21501–08)', [K('942 (21501–08)', '21501-08', '942')]],
  // The Handelingen formula for a motion just moved, also with the bracket glued on.
  ['Zij krijgt nr. 14 (35570).', [K('14 (35570)', '35570', '14')]],
  ['Zij krijgt nr. 22(30196).\n\nDe vergadering', [K('22(30196)', '30196', '22')]],
  // A word for a paper vouches for a bare id, a spaced dash included.
  ['220d Overgangsrecht uitzendovereenkomsten (amendement 36067 – 61)', [K('36067 – 61', '36067', '61', { form: { separator: ' – ' } })]],
  ['op verzoek van het lid Van Dijk haar motie op stuk 27017-63 aan te houden', [K('27017-63', '27017', '63')]],
  // The official identifier, also in a link.
  ['kst-29826-277', [K('kst-29826-277', '29826', '277', { form: { identifier: true, keyword: 'kst-', dossierText: '29826' } })]],
  ['https://zoek.officielebekendmakingen.nl/kst-36600-XIII-65.html', [K('kst-36600-XIII-65', '36600-XIII', '65')]],
  ['kst-21501-30-470 en kst-36067-Y', [K('kst-21501-30-470', '21501-30', '470'), K('kst-36067-Y', '36067', 'Y')]],
  // Running page footers: the document citing itself.
  ['zelfredzamer Europa.\n\nTweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147 31\n', [K('29 826, nr. 147', '29826', '147', { chamber: 'II', vergaderjaar: '2021-2022' })]],
  ['Eerste Kamer, vergaderjaar 2019–2020, 35 300, C 2', [K('35 300, C', '35300', 'C', { chamber: 'I' })]],
  // Eerste Kamer letters.
  ['Kamerstukken I 2019/20, 35 300, nr. C', [K('Kamerstukken I 2019/20, 35 300, nr. C', '35300', 'C', { chamber: 'I' })]],
  ['Kamerstukken I 2019/20, 35 300, C.', [K('Kamerstukken I 2019/20, 35 300, C', '35300', 'C')]],
  ['Kamerstukken I 2022/23, 36 067, nr. AB', [K('Kamerstukken I 2022/23, 36 067, nr. AB', '36067', 'AB')]],
  ['Kamerstukken I, 36 600 XVII, letter M', [K('Kamerstukken I, 36 600 XVII, letter M', '36600-XVII', 'M')]],
  // Eerste Kamer letters without "nr.", in every position: after the keyword, bare, bracketed, joint.
  ['de motie (Kamerstuk 36 110, L) en de brief', [K('Kamerstuk 36 110, L', '36110', 'L', { form: { keyword: 'Kamerstuk', numberMarker: null } })]],
  ['Kamerstuk 35 526, L - Tijdelijke bepalingen', [K('Kamerstuk 35 526, L', '35526', 'L')]],
  ['de brief van 26 september 2022 (34109,L), de reactie', [K('34109,L', '34109', 'L')]],
  ['Kamerstukken I 2021/22, 35 811, C, p. 4', [K('Kamerstukken I 2021/22, 35 811, C', '35811', 'C', { chamber: 'I', pages: 'p. 4' })]],
  ['het verslag 35 802, K is vastgesteld', []],
  ['Het verslag 35 802, K, bevat', [K('35 802, K', '35802', 'K', { form: { keyword: null } })]],
  ['de memorie (32 450, S) over de', [K('32 450, S', '32450', 'S')]],
  ['de brief (35 000 VIII, D) inzake', [K('35 000 VIII, D', '35000-VIII', 'D')]],
  ['de nota (35.300, D) over', [K('35.300, D', '35300', 'D', { form: { dossierText: '35.300' } })]],
  ['Aanbieding van het eindrapport 32419, R inzake de evaluatie', [K('32419, R', '32419', 'R')]],
  ['(EK, 34550 IV, G) in het vooruitzicht', [K('34550 IV, G', '34550-IV', 'G', { chamber: 'I' })]],
  ['2. 36 200 VII / 36 200 IV, A (commissie BiZa)', [K('36 200 VII / 36 200 IV, A', '36200-VII', 'A', { alsoDossiers: ['36200-IV'] })]],
  ['1. 35526 / 25295, AP (betrokken commissies)', [K('35526 / 25295, AP', '35526', 'AP', { alsoDossiers: ['25295'] })]],
  ['Toezegging Toezending richtlijn (22.112 / 31.544, CK) (T01237)', [K('22.112 / 31.544, CK', '22112', 'CK', { alsoDossiers: ['31544'] })]],
  ['Zie 34 775 VI, E en 34 775 VI, F.', [K('34 775 VI, E', '34775-VI', 'E'), K('34 775 VI, F', '34775-VI', 'F')]],
  // Roman-numeral dossiers of the Eerste Kamer, with a letter, where the place makes it a citation.
  ['aanvaardde Uw Kamer de motie (2012–2013, CII, B) om', [K('CII, B', 'CII', 'B', { chamber: 'I', vergaderjaar: '2012-2013' })]],
  ['de raming van de uitgaven (CLV, letter A);', [K('CLV, letter A', 'CLV', 'A', { form: { numberMarker: 'letter' } })]],
  ['Kamerstukken I 2013/14, CIV, B, p. 2', [K('Kamerstukken I 2013/14, CIV, B', 'CIV', 'B', { chamber: 'I', vergaderjaar: '2013-2014', pages: 'p. 2' })]],
  ['zie de nota (CIV, B; CXL, letter A)', [K('CIV, B', 'CIV', 'B'), K('CXL, letter A', 'CXL', 'A')]],
  ['Eerste Kamer, CXL, letter A', [K('CXL, letter A', 'CXL', 'A', { chamber: 'I' })]],
  ['Kamerstukken I 2005/06, CX, A en EK CV, B', [K('Kamerstukken I 2005/06, CX, A', 'CX', 'A'), K('CV, B', 'CV', 'B')]],
  // … and in a list of Eerste Kamer papers.
  ['(Kamerstukken I 2013/14, 34 550 VII, A; CIV, B)', [K('Kamerstukken I 2013/14, 34 550 VII, A', '34550-VII', 'A'), K('CIV, B', 'CIV', 'B')]],
  ['(35 802, K en CIV, B)', [K('35 802, K', '35802', 'K'), K('CIV, B', 'CIV', 'B')]],
  // Pages are kept apart from the text.
  ['Kamerstuk 29 826, nr. 147, p. 3', [K('Kamerstuk 29 826, nr. 147', '29826', '147', { pages: 'p. 3' })]],
  ['Bijlage bij Kamerstuk 32 813, nr. 901, blz. 12-13.', [K('Kamerstuk 32 813, nr. 901', '32813', '901', { pages: 'blz. 12-13' })]],
  // A kenmerk re-citing a paper cited in the same document.
  [
    "(Kamerstuk 31 125, nr. 121 van 11 juli 2022), zoals verzocht door de vaste commissie voor Defensie (kenmerk 31125-121/2022D38590) op 29 september.",
    [K('Kamerstuk 31 125, nr. 121', '31125', '121'), K('31125-121', '31125', '121', { form: { keyword: null, separator: '-' } })],
  ],
  // Dossiers cited without a number.
  ['Kamerstukken 32 637', [D('Kamerstukken 32 637', '32637')]],
  ['(Kamerstuk 34 986)', [D('Kamerstuk 34 986', '34986')]],
  // A numbered agenda item that holds nothing but the dossier, its title below.
  ['Korte aantekeningen\n\n1. 34459\n\nAanvullingen bij de mediadienst\n\n2. 35210 VIII\n\nWijziging\n', [D('34459', '34459'), D('35210 VIII', '35210-VIII')]],
  ['het dossier 35925-XVII bevat', [D('dossier 35925-XVII', '35925-XVII')]],
  ['kamerstukdossier 29826 Industriebeleid', [D('kamerstukdossier 29826', '29826')]],
  ['Kamerstukken 32 637 en 32 813', [D('Kamerstukken 32 637', '32637'), D('32 813', '32813')]],
  ['Kamerstuk 21501-20', [D('Kamerstuk 21501-20', '21501-20')]],
  ['Kamerstuk 32 637, 12 mei 2021', [D('Kamerstuk 32 637', '32637')]],
  ['Kamerstuk 29 826, 2022', [D('Kamerstuk 29 826', '29826')]],
  // Handelingen lists of papers: a list of bare ids is as plain as its plainest item, before or after it.
  ['34722-1; 23908-(R1519)-131; 21501-08-692; 25087-170.', [
    K('34722-1', '34722', '1'),
    K('23908-(R1519)-131', '23908-(R1519)', '131'),
    K('21501-08-692', '21501-08', '692'),
    K('25087-170', '25087', '170'),
  ]],
  ['34722-1; 33997-95; 23908-(R1519)-131.', [K('34722-1', '34722', '1'), K('33997-95', '33997', '95'), K('23908-(R1519)-131', '23908-(R1519)', '131')]],
  ['12345-6, 23456-78 en 35925-XVII-3', [K('12345-6', '12345', '6'), K('23456-78', '23456', '78'), K('35925-XVII-3', '35925-XVII', '3')]],
  // … or as the "stukken" it is said to be a list of.
  ['stel ik vast dat de daarbij overgelegde stukken zijn goedgekeurd:\n\n34722-1; 33997-95.', [K('34722-1', '34722', '1'), K('33997-95', '33997', '95')]],
  ['Ik stel voor, de volgende Kamerstukken af te voeren: 29684-145; 30373-66.', [K('29684-145', '29684', '145'), K('30373-66', '30373', '66')]],
  // Zaak numbers in the list are items of it, not its end.
  ['de volgende stukken af te voeren: 19637-2535; 2019Z19614; 19637-2533;\n2019Z20099 ; 2019Z193\n37; 28741-71; 35300-VI-11.', [
    K('19637-2535', '19637', '2535'),
    K('19637-2533', '19637', '2533'),
    K('28741-71', '28741', '71'),
    K('35300-VI-11', '35300-VI', '11'),
  ]],
  // A list of papers that prints each one's id after its title, or alone on its line.
  ['Reactie op het verzoek van het lid Van Dijk over de strijd tegen ondermijning - 29911-194\n\nminister van Justitie - 04 april 2018\n\n', [K('29911-194', '29911', '194')]],
  ['Uitvoering van de motie (Kamerstuk 30111-108) - 30111-109\n', [K('Kamerstuk 30111-108', '30111', '108'), K('30111-109', '30111', '109')]],
  ['Agenda:\n- 31288-620\n- 32013-170\n', [K('31288-620', '31288', '620'), K('32013-170', '32013', '170')]],
  ['stel ik voor de volgende door hen ingediende moties opnieuw aan te houden: 29911-226; 31015-168.', [K('29911-226', '29911', '226'), K('31015-168', '31015', '168')]],
  // The open-data page's "{nummer} {toevoeging}-{volgnummer}": a sub-dossier after a space.
  ['Onderdeel van kamerstukdossier 21501 08-928 Milieuraad.', [K('kamerstukdossier 21501 08-928', '21501-08', '928', { form: { dossierText: '21501 08' } })]],
  ['Onderdeel van kamerstukdossier 21501 02-3355 Raad Buitenlandse Zaken.', [K('kamerstukdossier 21501 02-3355', '21501-02', '3355')]],
  ['Onderdeel van kamerstukdossier 36410 XIII-12 Vaststelling.', [K('kamerstukdossier 36410 XIII-12', '36410-XIII', '12')]],
  // Without the dash and number after it, two digits after a space are no sub-dossier.
  ['kamerstukdossier 21501 08 Milieuraad', [D('kamerstukdossier 21501', '21501')]],
  // A changed motion's paper and the one it replaces ("was letter B", "was nr. 12").
  ['de gewijzigde motie-Gerbrandy c.s. over de verhuurderheffing (35300, letter M, was letter B).', [
    K('35300, letter M', '35300', 'M'),
    K('letter B', '35300', 'B', { form: { dossierInherited: true, numberMarker: 'letter' } }),
  ]],
  ['de gewijzigde motie-Omtzigt (35 925-XIII, nr. 45, was nr. 12)', [K('35 925-XIII, nr. 45', '35925-XIII', '45'), K('nr. 12', '35925-XIII', '12')]],
  // A bill cited by its bare dossier number in brackets.
  ['het voorstel Wijziging van de Wet op de beroepen in de individuele gezondheidszorg in verband met het opnemen van de physician assistant (34630).', [
    D('34630', '34630'),
  ]],
  ['Aan de orde is het wetsvoorstel Regels over de verduurzaming van de industrie (36 123).', [D('36 123', '36123')]],
  ['de behandeling van het voorstel van wet tot Vaststelling van de begrotingsstaten van het Ministerie van Economische Zaken en Klimaat (35300-XIII).', [
    D('35300-XIII', '35300-XIII'),
  ]],
  // … also with stray spaces in the brackets, a long title, or dossiers joined by "/".
  ['  • - het wetsvoorstel Vaststelling van de begrotingsstaat van Financiën ( 36410-IX ).', [D('36410-IX', '36410-IX')]],
  ['  • - de brief inzake de Nota over de toestand van de financiën ( 36410 , nr. 1 );', [K('36410 , nr. 1', '36410', '1')]],
  ['het wetsvoorstel Wijziging van de Wet wapens en munitie in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, in verband met de uitvoering van een verordening van het Europees Parlement en de Raad, ' + '(33995);', [D('33995', '33995')]],
  // The Eerste Kamer writes dossiers with a thousands dot: in its lists of toezeggingen a bracket closing a title names one.
  ['Toezegging Versterken rol van kerken in het Caribisch deel (34.300 IV / CXIX) (T02324)', [D('34.300 IV / CXIX', '34300-IV')]],
  ['Toezegging Informeren over covid-maatregelen (35.732)De minister zegt toe', [D('35.732', '35732')]],
  ['Kamerstukken Uitvoering Rijkswet financieel toezicht (34.269)\nEuropees voorstel voor een richtlijn (31.544)\n', [D('34.269', '34269'), D('31.544', '31544')]],
  // A rijkswet number after the dossier makes the bracket a citation anywhere.
  ['De stemmingen over (34.960 (R2093)) volgen.', [D('34.960 (R2093)', '34960-(R2093)')]],
  ['Rijkswet financieel toezicht Curaçao en Sint Maarten (32.026 (R1888))', [D('32.026 (R1888)', '32026-(R1888)')]],
  ['de Rijkswet financieel toezicht 32.026 (R1888) is verlengd', [D('32.026 (R1888)', '32026-(R1888)')]],
  // A bill named by the word and its number, and the number heading an agenda item.
  ['Aan de orde is het wetsvoorstel 36 123 over de verduurzaming.', [D('36 123', '36123')]],
  ['Het initiatiefwetsvoorstel 35.526 is aangenomen.', [D('35.526', '35526')]],
  ['Agenda\n\n1. 36 123 Wijziging van de Wet op de huurtoeslag\n2. 36 124 Regels over de zorg voor jeugd', [D('36 123', '36123'), D('36 124', '36124')]],
  ['Plenaire agenda\n35.526 Tijdelijke wet maatregelen covid-19\n36 200 Wet open overheid', [D('35.526', '35526'), D('36 200', '36200')]],
  ['Kamerstuk 23908-(R1519)-131', [K('Kamerstuk 23908-(R1519)-131', '23908-(R1519)', '131')]],
  // More written variants.
  ['1Kamerstuk 29 826, nr. 147', [K('Kamerstuk 29 826, nr. 147', '29826', '147')]],
  ['Kamerstuk 29 826, nummer 147', [K('Kamerstuk 29 826, nummer 147', '29826', '147', { form: { numberMarker: 'nummer' } })]],
  ['Kamerstuk 32637,nr. 415 en Kamerstuk 32637, Nr. 416', [K('Kamerstuk 32637,nr. 415', '32637', '415'), K('Kamerstuk 32637, Nr. 416', '32637', '416')]],
  ['Kamerstuk 32 637 - 415', [K('Kamerstuk 32 637 - 415', '32637', '415', { form: { separator: ' - ' } })]],
  ['Kamerstuk 35 925-XVII-34', [K('Kamerstuk 35 925-XVII-34', '35925-XVII', '34')]],
  ['Kamerstukken II 2019/20, 35300-XIII, 102', [K('Kamerstukken II 2019/20, 35300-XIII, 102', '35300-XIII', '102')]],
  ['(Tweede Kamer, 2021-2022, 29826, nr. 147)', [K('29826, nr. 147', '29826', '147', { chamber: 'II', vergaderjaar: '2021-2022' })]],
  ['(Kamerstukken 29 826, nr. 147; 32 813, nr. 5)', [K('Kamerstukken 29 826, nr. 147', '29826', '147'), K('32 813, nr. 5', '32813', '5')]],
  ['Kamerstukken 29 826 en 35 000 woningen', [D('Kamerstukken 29 826', '29826')]],
  ['Kamerstuk 29 826, 3 brieven', [D('Kamerstuk 29 826', '29826')]],
  ['Kamerstuk 35420, 57 van 2 juni', [K('Kamerstuk 35420, 57', '35420', '57')]],
  // Numbers after a citation that are no further papers.
  ['(Kamerstuk 29 826, nr. 147, 2022)', [K('Kamerstuk 29 826, nr. 147', '29826', '147')]],
  ['Kamerstuk 29 826, nr. 147 en 12 andere brieven', [K('Kamerstuk 29 826, nr. 147', '29826', '147')]],
  ['Kamerstuk 35 377, nr. 13\n\n26 Verordening (EU) 2019/452', [K('Kamerstuk 35 377, nr. 13', '35377', '13')]],
  // A plural marker's list ends with "en N" even where the next footnote or sentence follows at once.
  ['9 Kamerstukken 33 037, nrs. 431 en 437\n10 Waar sprake is van', [
    K('Kamerstukken 33 037, nrs. 431', '33037', '431'),
    K('437', '33037', '437', { form: { dossierInherited: true, separator: ' en ' } }),
  ]],
  ['Kamerstukken 22 112, nrs. 2302 en 2374. Het kabinet', [K('Kamerstukken 22 112, nrs. 2302', '22112', '2302'), K('2374', '22112', '2374')]],
  ['Kamerstuk 29 826, nrs. 3 en 4 brieven', [K('Kamerstuk 29 826, nrs. 3', '29826', '3')]],
  ['Kamerstuk 29 826, nr. 3 en 1.000 woningen', [K('Kamerstuk 29 826, nr. 3', '29826', '3')]],
  // A dossier written with a thousands dot, "nr.6" without a space.
  ['motie Van der Lee (35.830 XVII nr.6) omdat', [K('35.830 XVII nr.6', '35830-XVII', '6', { form: { dossierText: '35.830 XVII', numberMarker: 'nr.' } })]],
  ['zie kamerstuk 29.826, nr. 147', [K('kamerstuk 29.826, nr. 147', '29826', '147')]],
  // The metadata row of an officielebekendmakingen page, its cells run together by text extraction.
  ['Tweede Kamer der Staten-Generaal2018-201929240 nr. 108\n\n29 240 Veiligheid', [
    K('29240 nr. 108', '29240', '108', { chamber: 'II', vergaderjaar: '2018-2019', form: { keyword: null } }),
  ]],
  ['11-07-2019Tweede Kamer der Staten-Generaal2018-201929240 nr. 108', [K('29240 nr. 108', '29240', '108', { vergaderjaar: '2018-2019' })]],
  ['Eerste Kamer der Staten-Generaal2025-202636800-XVI nr. B', [K('36800-XVI nr. B', '36800-XVI', 'B', { chamber: 'I', vergaderjaar: '2025-2026' })]],
  ['| Tweede Kamer der Staten-Generaal | 2018-2019 | 29240 nr. 108 |', [K('29240 nr. 108', '29240', '108')]],
  // The abbreviations "TK", "EK" and "Kst.".
  ['(TK 2019-2020, 35 300 XIII, nr. 102)', [K('35 300 XIII, nr. 102', '35300-XIII', '102', { chamber: 'II', vergaderjaar: '2019-2020' })]],
  ['zie TK 29 826-147 en EK 35 300, C', [K('29 826-147', '29826', '147', { chamber: 'II' }), K('35 300, C', '35300', 'C', { chamber: 'I' })]],
  ['Kamerstukken TK 2019/20, 35 300, nr. 5', [K('Kamerstukken TK 2019/20, 35 300, nr. 5', '35300', '5', { chamber: 'II', form: { keyword: 'Kamerstukken TK' } })]],
  ['(Kst. 29 826, nr. 148) en kst. 29826-149', [
    K('Kst. 29 826, nr. 148', '29826', '148', { form: { keyword: 'Kst.' } }),
    K('kst. 29826-149', '29826', '149', { form: { keyword: 'kst.', separator: '-' } }),
  ]],
];

/** Text that must yield no Kamerstuk or dossier. */
const NEGATIVE: string[] = [
  'in het vergaderjaar 2019/20 en 2021–2022',
  'een bedrag van € 35 420 en 12 500 euro',
  'bel 070-3798911 of 06-12345678 of +31 70 456 7890',
  'Postbus 20701, 2500 EA Den Haag',
  'op 30-10-2020 en 2020-10-30 en 1-1-2021',
  'artikel 3, lid 2, en artikel 12',
  'tabel 2 (12 345 bedrijven) en tabel 12 (28 844)',
  'Onderdeel van zaak 2025Z19083: en toezegging TZ202509-007',
  'ISBN 978-90-12345-67-8',
  'ons kenmerk BS2022026055 en BZDOC-1708183576-84',
  '(kenmerk 31125-121/2022D38590)',
  'de ranges (12000-15000) en 12345-67',
  'Kamerstuknummer 2025D37684↩︎',
  'in 2021 waren er 35 420 aanvragen, nr. één',
  'Handelingen II 2019/20, nr. 45, item 12',
  'Stb. 2020, 123 en Trb. 2010, 272',
  'het Kamerstuk van 12 mei en de Kamerstukken 2019-2020',
  'EU-verordening 2019/452 en richtlijn 2014/24/EU',
  'het dossier, 2021 (12 345)',
  'de Tweede Kamer 12 345 euro',
  'Tweede Kamer, vergaderjaar 2021–2022, blz. 3',
  'in totaal 1.234 (12 345)',
  'Kamerstuk29826, nr. 3',
  'kst-CCD-II en blg-12345',
  'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Postbus 20018 2500 EA DEN HAAG',
  'Tweede Kamer der Staten-Generaal, Postbus 20018, 2500 EA',
  'https://www.tweedekamer.nl/kamerstukken/detail?id=29826&did=2025D44449',
  'https://zoek.officielebekendmakingen.nl/dossier/29826 en /kamerstukken/dossier?nummer=36600&toevoeging=XIII',
  'Stcrt. 2020, 12345 en Stcrt. 2021, 23456.',
  // A glued metadata row needs a real vergaderjaar (two consecutive years) to split the digits.
  'Tweede Kamer der Staten-Generaal2018-202029240 nr. 108',
  'Tweede Kamer der Staten-Generaal201829240 nr. 108',
  // Numbers with thousands dots are sums and counts unless a marker makes them a citation.
  '€ 35.830.000 en 35.830 woningen en 1.235.830 nr. 5',
  'in 2021 waren er 35.420 aanvragen, 12.345 meer',
  'Handelingen II 2019/20, nr. 45, item 6 en Aanhangsel Handelingen II 2022/23, nr. 1234',
  // A capital after a comma is common Dutch: only a five-digit dossier before it, ending the citation, makes it an Eerste Kamer paper.
  'zie artikel 3, B en onderdeel 12, A.',
  'de categorieën A, B en C, D',
  'Postbus 12345, K. Jansen',
  'de aanvragen 12345, A en B',
  // A five-digit number alone on a line is no agenda item without its item number.
  'De tabel:\n12345\n23456\n',
  '1. 12345 mensen\n',
  'zie 12345,A en B',
  'Postbus 20018, A van Dijk',
  'in totaal 12.345, A',
  'een bedrag van 35.300, D',
  'het nummer 12345, U kunt bellen',
  // A Roman numeral alone is no dossier, nor one with a letter outside a citation.
  'Hoofdstuk CIV, B en C',
  'In CII, B staat het',
  'Kamerstukken I, CIV',
  '(CII)',
  'de onderneming (CV, BV) en (CL, A)',
  'het TKI 29 826-147 en ATK 35.300, C',
  'Kst.29826, nr. 3 en Kst. nr. 5',
  // Bare dash ids with no plain item and no "stukken" before them stay held back (kenmerken, codes).
  'ons kenmerk 31125-121; 31125-122.',
  'ons kenmerk 31125-121; 2022Z12345; 31125-122.',
  // A bare id that does not close its line, or a dash that is no title's.
  'Reactie op het verzoek - 29911-194 van het lid\n',
  'Bel ons - 12345-678 of mail\n',
  'de codes\nPIN-12345-678\n',
  // Handelingen: the number of a sitting's report is no Kamerstuk, whatever follows it.
  'Handelingen II 2019/20, nr. 34, item 5, p. 3-4 en Handelingen I 2020/21, nr. 12 (35 000)',
  'Handelingen II 2019/20, 35 000, nr. 34',
  'Handelingen Tweede Kamer 2019/20, 35 000, nr. 34',
  'Aanhangsel Handelingen II 2021/22, nr. 1456 (35 000)',
  // A bracket glued to a number only after "nr.".
  'artikel 3(12345) en bijlage 2(34567)',
  'De moties zijn aangenomen. Kenmerken: 31125-121; 31125-122.',
  'de codes 12345-6, 23456-78 en 34567-89 in de tabel',
  // A bracketed five-digit number without a bill before it in the sentence, or with thousands dots.
  'Het aantal meldingen steeg tot 12.345 (12345).',
  'De regeling geldt voor alle woningen. Het voorstel kost veel (10.000).',
  'Er kwamen 34 630 reacties binnen op de consultatie (34630).',
  'Het voorstel werd besproken. Zie tabel 4 (34630).',
  // A count in brackets after a bill: a number with a thousands dot closing a sentence, a round thousand, a sum.
  'Het wetsvoorstel leidt tot meer aanvragen (12.345).',
  'Het wetsvoorstel raakt veel huishoudens (25.000)\nDe minister',
  'Het wetsvoorstel kost (12.345) euro per jaar.',
  'Toezegging informeren over de aantallen (12.345, 23.456)\n',
  'in rij 12.345 (R 12) en kolom 12.345 (Rb)',
  'de tabel met alle meldingen (33.344)\n',
  'het wetsvoorstel 12.500 euro en wetsvoorstel 36123,5',
  // A number at a line's start is a bill's only when the bill's title follows.
  '1. 36 123 woningen zijn gebouwd\n2. 12 345 Wijzigingen in de tabel',
  'Er werden\n36 125 aanvragen gedaan tot Wijziging van de wet',
  'Tabel\n12 345 Wetten en regels\n23 456 Wet.\n',
];

describe('recognizeKamerstukken', () => {
  for (const [input, expected] of POSITIVE) {
    it(`finds ${JSON.stringify(input)}`, () => {
      const found = recognize(input);
      assert.deepEqual(
        found.map((r, i) => project(input, r, expected[i] ?? expected[0]!)),
        expected.map((e) => ({ ...e })),
      );
    });
  }

  for (const input of NEGATIVE) {
    it(`finds nothing in ${JSON.stringify(input)}`, () => {
      assert.deepEqual(recognize(input).map((r) => r.text), []);
    });
  }

  it('lets ranges add at most a budget of numbers to one document', () => {
    const found = recognize('Kamerstuk 29 544, nrs. 1 t/m 50 en '.repeat(100));
    // Beyond the budget (2000) a range stands for its first and last number.
    assert.equal(found.length, 2000 + 2 * 100);
    assert.deepEqual(found.slice(-2).map((r) => r.kind === 'kamerstuk' && r.nr), ['1', '50']);
  });

  it('keeps the spans of the form inside the reference', () => {
    const source = 'zie (Kamerstukken II 2019/20, 35 300 XIII, nr. 102, p. 4)';
    const [r] = recognize(source) as KamerstukReference[];
    assert.ok(r);
    assert.equal(slice(source, r.form.dossierSpan), '35 300 XIII');
    assert.equal(slice(source, r.form.nrSpan), '102');
    assert.equal(r.text, 'Kamerstukken II 2019/20, 35 300 XIII, nr. 102');
    assert.equal(r.pages, 'p. 4');
  });

  it('maps back through footnote markers the flat text leaves out', () => {
    const source = 'Kamerstuk 29 826, nr.\n147';
    const [r] = recognizeKamerstukken(new FlatText(source));
    assert.equal(r?.span.offset, 0);
    assert.equal(r?.text, source);
  });

  // A quadratic or backtracking reading would take minutes on these; linear takes well under a second
  // (the bound is loose because tests share the machine).
  it('stays fast on long adversarial input (no backtracking blow-up)', function () {
    this.timeout(60_000);
    const inputs = [
      'Kamerstuk '.repeat(20_000),
      '12 345, '.repeat(20_000),
      'Kamerstukken 22 112, nrs. ' + '1, '.repeat(20_000),
      '(12345-'.repeat(20_000),
      'motie 1 ('.repeat(20_000),
      'Kamerstukken II 2019/20, 29 826 en '.repeat(8_000),
      'kst-12345-'.repeat(20_000),
      '29 826 en '.repeat(20_000),
      '36 100, '.repeat(20_000),
      'CIV, '.repeat(20_000),
      '(2012–2013, CII, '.repeat(10_000),
      'Toezegging (35.526) '.repeat(10_000),
      '12.345, A ('.repeat(20_000),
      '12345-6; 2019Z12345; '.repeat(10_000),
      'Titel - 12345-67\n'.repeat(10_000),
      'Handelingen II 2019/20, nr. 1 (12345) '.repeat(10_000),
    ];
    // Speed is measured by `npm run bench`; here each adversarial input must simply be read without error.
    for (const input of inputs) assert.doesNotThrow(() => recognize(input), JSON.stringify(input.slice(0, 30)));
  });
});

describe('parseKamerstukCitation', () => {
  const TABLE: [string, string | undefined, { dossier: string; nr: string } | undefined][] = [
    ['Kamerstukken II 2019/20, 35 300 XIII, nr. 102', undefined, { dossier: '35300-XIII', nr: '102' }],
    ['36 410-VI, nr. 87', undefined, { dossier: '36410-VI', nr: '87' }],
    ['206 (28 844)', undefined, { dossier: '28844', nr: '206' }],
    ['942 (21501–08)', undefined, { dossier: '21501-08', nr: '942' }],
    ['Kamerstuk 35420, 57', undefined, { dossier: '35420', nr: '57' }],
    ['35420, 57', undefined, { dossier: '35420', nr: '57' }],
    ['29826-277', undefined, { dossier: '29826', nr: '277' }],
    ['kst-36600-XIII-65', undefined, { dossier: '36600-XIII', nr: '65' }],
    ['31 293 en 31 289, nr. 653', undefined, { dossier: '31293', nr: '653' }],
    ['\u00a036 067, letter Y ', undefined, { dossier: '36067', nr: 'Y' }],
    ['Kamerstuk 29 826, nr. 147.', undefined, { dossier: '29826', nr: '147' }],
    ['Kamerstuk 35 526, L', undefined, { dossier: '35526', nr: 'L' }],
    ['32419, R', undefined, { dossier: '32419', nr: 'R' }],
    ['CII, B', undefined, { dossier: 'CII', nr: 'B' }],
    ['CLV, letter A', undefined, { dossier: 'CLV', nr: 'A' }],
    ['22.112 / 31.544, CK', undefined, { dossier: '22112', nr: 'CK' }],
    ['nr. 22(30196)', undefined, undefined],
    ['22(30196)', undefined, undefined],
    ['CII', undefined, undefined],
    ['348', '35334-383', { dossier: '35334', nr: '348' }],
    ['nr. 348', '35334-383', { dossier: '35334', nr: '348' }],
    ['348', undefined, undefined],
    ['Trb. 2010, 272', undefined, undefined],
    ['www.pfas.gov.au', undefined, undefined],
    ['CCD II', undefined, undefined],
    ['Kamerstukken 32 637', undefined, undefined],
    ['Kamerstuk 29 826, nr. 147 en meer', undefined, undefined],
    ['2025D44449', undefined, undefined],
  ];
  for (const [input, previous, expected] of TABLE) {
    it(`${JSON.stringify(input)}${previous ? ` after ${previous}` : ''} → ${expected ? `${expected.dossier} nr. ${expected.nr}` : 'nothing'}`, () => {
      const prev = previous ? { dossier: previous.slice(0, previous.lastIndexOf('-')), nr: previous.slice(previous.lastIndexOf('-') + 1) } : undefined;
      assert.deepEqual(parseKamerstukCitation(input, prev), expected);
    });
  }
});
