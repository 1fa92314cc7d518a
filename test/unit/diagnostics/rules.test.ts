/**
 * Every diagnostics rule on in-memory letters: what it reports (code, place, message), what it
 * leaves alone, and what its quick fix makes of the text.
 */
import * as assert from 'node:assert/strict';
import type { KnownDocumentFacts } from '../../../server/src/engine/model';
import type { DiagnosticSettings } from '../../../server/src/features/model';
import { ruleWorkspace } from '../../support/checks';
import { parseFile, parseFixture } from '../../support/fixture';
import { applyEdits, type Known } from '../../support/workspace';

interface Case {
  readonly name: string;
  readonly code: string;
  /** The letter (brief.txt), with `[[…]]` around the span of each finding the rule must report, in order (none: it must stay silent). */
  readonly text: string;
  readonly known?: readonly Known[];
  readonly facts?: KnownDocumentFacts;
  readonly settings?: Partial<DiagnosticSettings>;
  readonly today?: string;
  /** A fragment every message must contain (Dutch). */
  readonly message?: RegExp;
  /** The text after applying the first finding's preferred (or first) fix. */
  readonly fixed?: string;
  /** Other workspace documents, as a fixture (`//- name` lines). */
  readonly others?: string;
}

const MOTION_KOSTIC: Known = {
  id: '29826-250',
  type: 'Motie',
  title: 'Motie van het lid Kostic c.s. over een onderbouwde visie en bijbehorend actieplan voor de toekomst van de Nederlandse industrie',
  date: '2025-03-20',
  submitters: ['Kostić', 'Koekkoek', 'Thijssen'],
};
/** Two motions of the same members, on different subjects (the subject in the letter picks one). */
const MOTION_CEDER_A: Known = { id: '36410-XII-30', type: 'Motie', title: 'Motie van het lid Ceder over een verbod op fossiele reclame', date: '2023-11-15', submitters: ['Ceder'] };
const MOTION_CEDER_B: Known = { id: '36410-XII-31', type: 'Motie', title: 'Motie van het lid Ceder over meer toezicht op de luchtvaart', date: '2023-11-15', submitters: ['Ceder'] };
const LETTER_265: Known = { id: '29826-265', type: 'Brief regering', title: 'Toekomstperspectief Energie-intensieve Industrie', date: '2025-09-19' };
const LETTER_258: Known = { id: '29826-258', type: 'Brief regering', title: 'Ruimte voor industrieclusters', date: '2025-06-27' };

const CASES: Case[] = [
  // ── Missing ──
  {
    name: 'a Kamerstuk that an official source says does not exist',
    code: 'kamerstuk-unknown',
    text: 'Zie [[Kamerstuk 36999, nr. 12]] en Kamerstuk 29826, nr. 250.',
    known: [MOTION_KOSTIC, { id: '36999-12', absent: { origin: 'officielebekendmakingen' } }],
    message: /Kamerstuk 36 999, nr\. 12 bestaat niet volgens officielebekendmakingen\.nl/,
  },
  {
    name: 'a number beyond the highest of its dossier',
    code: 'kamerstuk-unknown',
    text: 'Zie [[Kamerstuk 29826, nr. 999]] en Kamerstuk 29826, nr. 250.',
    known: [MOTION_KOSTIC, { id: '29826-999', dossierHighest: 281 }],
    message: /dossier 29 826 loopt tot nr\. 281/,
  },
  {
    name: 'a citation merely not known offline gets no finding',
    code: 'kamerstuk-unknown',
    text: 'Zie Kamerstuk 29826, nr. 999 en Kamerstuk 29826, nr. 250.',
    known: [MOTION_KOSTIC],
  },
  {
    name: 'a Kamerstuk in the workspace is known',
    code: 'kamerstuk-unknown',
    text: 'Zie Kamerstuk 29826, nr. 147.',
    others: '//- visie.md\n---\nkamerstuk: 29826-147\ntitel: Het verschil maken\n---\nTekst.',
  },
  {
    name: 'motion without any Kamerstuk, fix inserts the catalog citation',
    code: 'motion-without-kamerstuk',
    text: 'Met deze brief geef ik uitvoering aan de [[motie-Kostić c.s.]] over de industrie.',
    known: [MOTION_KOSTIC],
    message: /zonder Kamerstuknummer/,
    fixed: 'Met deze brief geef ik uitvoering aan de motie-Kostić c.s. (Kamerstuk 29 826, nr. 250) over de industrie.',
  },
  {
    name: 'motion without Kamerstuk: the candidate whose subject fits what the letter says',
    code: 'motion-without-kamerstuk',
    text: 'Ik geef uitvoering aan de [[motie van het lid Ceder]] over een verbod op reclame voor fossiele brandstoffen.',
    known: [MOTION_CEDER_B, MOTION_CEDER_A],
    fixed: 'Ik geef uitvoering aan de motie van het lid Ceder (Kamerstuk 36 410 XII, nr. 30) over een verbod op reclame voor fossiele brandstoffen.',
  },
  {
    name: 'motion without Kamerstuk: no suggestion when no candidate fits the subject the letter gives',
    code: 'motion-without-kamerstuk',
    text: 'Ik geef uitvoering aan de [[motie van het lid Ceder]] over de bekostiging van het hoger onderwijs.',
    known: [MOTION_CEDER_B, MOTION_CEDER_A],
    fixed: 'Ik geef uitvoering aan de motie van het lid Ceder over de bekostiging van het hoger onderwijs.',
  },
  {
    name: 'motion with its Kamerstuk elsewhere in the letter',
    code: 'motion-without-kamerstuk',
    text: 'De motie-Kostić c.s. (Kamerstuk 29826, nr. 250) vraagt een visie. Met deze brief voer ik de motie Kostić c.s. uit.',
    known: [MOTION_KOSTIC],
  },
  {
    name: 'footnote marker without footnote',
    code: 'footnote-missing',
    text: 'De motie-Kostić c.s.[footnoteRef:1] en de brief[[[footnoteRef:2]]] zijn bekend.\n\n[1:  Kamerstuk 29826, nr. 250]',
    message: /geen voetnoot/,
  },
  {
    name: 'footnote nothing refers to',
    code: 'footnote-unreferenced',
    text: 'De motie-Kostić c.s.[footnoteRef:1] is bekend.\n\n[1:  Kamerstuk 29826, nr. 250]  [[[2:  Kamerstuk 29826, nr. 277]]]',
    message: /nergens/,
  },
  {
    name: 'every footnote referred to',
    code: 'footnote-unreferenced',
    text: 'De motie-Kostić c.s.[footnoteRef:1] is bekend.\n\n[1:  Kamerstuk 29826, nr. 250]',
  },
  {
    name: 'known letter named by its title without citation; fix adds it',
    code: 'document-title-without-citation',
    text: 'In de brief [[Toekomstperspectief op de energie-intensieve industrie]] staat het beleid.',
    known: [LETTER_265],
    message: /zonder bronvermelding/,
    fixed: 'In de brief Toekomstperspectief op de energie-intensieve industrie (Kamerstuk 29 826, nr. 265) staat het beleid.',
  },
  {
    name: 'title with its citation',
    code: 'document-title-without-citation',
    text: 'In de brief Toekomstperspectief op de energie-intensieve industrie (Kamerstuk 29826, nr. 265) staat het beleid.',
    known: [LETTER_265],
  },
  // ── Wrong ──
  {
    name: 'description fits another document: wrong number, fix corrects it',
    code: 'citation-title-mismatch',
    text: 'Zie ook de brief inzake Toekomstperspectief Energie-intensieve Industrie ([[Kamerstuk 29826, nr. 258]]).',
    known: [LETTER_258, LETTER_265],
    message: /Ruimte voor industrieclusters/,
    fixed: 'Zie ook de brief inzake Toekomstperspectief Energie-intensieve Industrie (Kamerstuk 29 826, nr. 265).',
  },
  {
    name: 'description fits the cited document',
    code: 'citation-title-mismatch',
    text: 'Zie ook de brief inzake ruimte voor industrieclusters (Kamerstuk 29826, nr. 258).',
    known: [LETTER_258, LETTER_265],
  },
  {
    name: 'a paraphrase is not a contradiction',
    code: 'citation-title-mismatch',
    text: 'Adviesvraag Peter Wennink, Kamerstuknummer 32637-707↩︎\n',
    known: [{ id: '32637-707', type: 'Brief regering', title: 'Aanstelling en opdracht Adviseur versterking investeringsklimaat en verdienvermogen' }],
  },
  {
    name: 'same description, different numbers',
    code: 'citation-inconsistent',
    text: 'Tekst.1 Meer tekst.2\nInvesteren in een weerbare en toekomstbestendige economie: het 3%-R&D-actieplan, Kamerstuknummer 33009-165↩︎\nInvesteren in een weerbare en toekomstbestendige economie: het 3%-R&D-actieplan, [[Kamerstuknummer 33009-156]]↩︎\n',
    message: /verschillende nummers/,
  },
  {
    name: 'motion attributed to other submitters than the cited motion',
    code: 'motion-submitters-mismatch',
    text: 'De motie van het lid [[Dassen]] (Kamerstuk 29826, nr. 250) vraagt een visie.',
    known: [MOTION_KOSTIC],
    message: /andere indieners/,
  },
  {
    name: 'motion by one of the signatories',
    code: 'motion-submitters-mismatch',
    text: 'De motie van het lid Koekkoek (Kamerstuk 29826, nr. 250) vraagt een visie.',
    known: [MOTION_KOSTIC],
  },
  // ── Stale ──
  {
    name: "the letter's own promise has passed: a warning",
    code: 'promise-passed',
    text: 'Ik informeer uw Kamer [[uiterlijk in Q4 van 2025]] en uiterlijk in Q4 van 2027. Het kabinet stuurt de visie [[voor de zomer van 2026]].',
    today: '2026-11-23',
    message: /^De brief belooft dit uiterlijk \d+ \w+ 20\d\d; die termijn is \d+ dagen geleden verstreken\. Pas de datum aan/,
  },
  {
    name: "a deadline quoted as history is not the letter's promise",
    code: 'promise-passed',
    text:
      'De motie verzoekt de regering uiterlijk in Q4 van 2025 een plan te sturen. In de brief van maart werd toegezegd dat de Kamer voor de zomer van 2026 zou worden geïnformeerd. ' +
      'Gemeenten leveren hun plannen uiterlijk 1 maart 2026 aan.[1] Ik stuur de visie uiterlijk 1 maart 2027.\n\n[1] Zie de handreiking.',
    today: '2026-11-23',
  },
  {
    name: 'deadline passed, quoted as history: a hint',
    code: 'deadline-passed',
    text: 'De motie verzoekt de regering [[uiterlijk in Q4 van 2025]] een plan te sturen. Ik informeer uw Kamer uiterlijk in Q4 van 2025 en uiterlijk in Q4 van 2027.',
    today: '2026-11-23',
    message: /verstreken/,
  },
  {
    name: 'deadline stated as still to come before the letter date',
    code: 'deadline-before-letter',
    text: 'Ik ben voornemens [[voor de zomer van 2022]] een brief te zenden.',
    facts: { date: '2022-07-08' },
    message: /vóór de datum van de brief/,
  },
  {
    name: 'a reported promise is not stated as still to come',
    code: 'deadline-before-letter',
    text: 'Tijdens het debat heb ik toegezegd in het derde kwartaal van 2025 een brief te sturen.',
    facts: { date: '2025-10-17' },
  },
  {
    name: 'rejected motion presented as carried out',
    code: 'motion-outcome-conflict',
    text: 'Met deze brief geef ik uitvoering aan de [[motie-Kostić c.s.]] (Kamerstuk 29826, nr. 250).',
    known: [{ ...MOTION_KOSTIC, outcome: 'verworpen' }],
    message: /verworpen/,
  },
  {
    name: 'adopted motion carried out',
    code: 'motion-outcome-conflict',
    text: 'Met deze brief geef ik uitvoering aan de motie-Kostić c.s. (Kamerstuk 29826, nr. 250).',
    known: [{ ...MOTION_KOSTIC, outcome: 'aangenomen' }],
  },
  {
    name: 'rejected motion merely mentioned',
    code: 'motion-outcome-conflict',
    text: 'De motie-Kostić c.s. (Kamerstuk 29826, nr. 250) is besproken.',
    known: [{ ...MOTION_KOSTIC, outcome: 'verworpen' }],
  },
  {
    name: 'replaced document; fix cites the newer one',
    code: 'document-replaced',
    text: 'Zie [[Kamerstuk 29826, nr. 260]].',
    known: [{ id: '29826-260', type: 'Brief regering', title: 'Voortgang', replacedBy: '29826-261' }, { id: '29826-261', type: 'Brief regering', title: 'Voortgang (herdruk)' }],
    message: /vervangen door Kamerstuk 29 826, nr\. 261/,
    fixed: 'Zie Kamerstuk 29 826, nr. 261.',
  },
  // ── Malformed ──
  {
    name: 'no nr.',
    code: 'citation-malformed',
    text: 'Zie de brief ([[Kamerstuk 35420, 57]]) voor de details.',
    message: /mist ‘nr\.’/,
    fixed: 'Zie de brief (Kamerstuk 35 420, nr. 57) voor de details.',
  },
  {
    name: 'hyphen with a space, fixed to the compact style',
    code: 'citation-malformed',
    text: 'Zie [[Kamerstuk 34952- 86]] voor de details.',
    settings: { citationStyle: 'compact' },
    message: /streepje en een spatie/,
    fixed: 'Zie Kamerstuk 34952, nr. 86 voor de details.',
  },
  {
    name: 'Kamerstukken for one paper',
    code: 'citation-malformed',
    text: 'Zie [[Kamerstukken 30 821, nr. 97]] voor de details.',
    message: /‘Kamerstukken’ voor één Kamerstuk/,
    fixed: 'Zie Kamerstuk 30 821, nr. 97 voor de details.',
  },
  {
    name: 'missing space after nr.',
    code: 'citation-malformed',
    text: 'Zie [[Kamerstuk 35 207, nr.1]] voor de details.',
    fixed: 'Zie Kamerstuk 35 207, nr. 1 voor de details.',
  },
  {
    name: 'correct citations are left alone',
    code: 'citation-malformed',
    text: 'Zie Kamerstuk 29 826, nr. 147, Kamerstukken II 2019/20, 35 300 XIII, nr. 102, Kamerstukken 29 826 en 32 813, nr. 135, Kamerstuknummer 29826-258, Kamerstukken 30 821, nr. 97 en 30 821, nr. 113, Kamerstukken 22 112, nrs. 2302, 2374 en 2676 en kst-29826-277.',
  },
  {
    name: "no comma before 'nr.', or no period after 'nr'",
    code: 'citation-malformed',
    text: 'Zie [[Kamerstuk 35 925 nr 12]], [[Kamerstuk 19 637 nr. 3334]], [[Kamerstuk 36 600-IX nr 13]], [[Kamerstuk 33 009, nr 102]] en Kamerstuk 33 009, nr. 103.',
    message: /ontbreekt de (komma tussen het dossier en ‘nr\.’|punt achter ‘nr’)/,
    fixed: 'Zie Kamerstuk 35 925, nr. 12, Kamerstuk 19 637 nr. 3334, Kamerstuk 36 600-IX nr 13, Kamerstuk 33 009, nr 102 en Kamerstuk 33 009, nr. 103.',
  },
  {
    name: 'Eerste Kamer letters need no nr.',
    code: 'citation-malformed',
    text: 'Zie Kamerstuk 35 526, L, Kamerstukken I 2021/22, 35 811, C, de motie (2012–2013, CII, B), de raming (CLV, letter A) en (35.300, D).',
  },
  {
    name: 'house style on: Eerste Kamer letters in the official form are left alone',
    code: 'citation-style',
    text: 'Zie Kamerstuk 35 526, L en Kamerstukken I 2021/22, 35 811, C.',
    settings: { enforceCitationStyle: true },
  },
  {
    name: 'house style off: hyphenated form not flagged',
    code: 'citation-style',
    text: 'Zie Kamerstuknummer 29826-258.',
  },
  {
    name: 'house style on: hyphenated form is a hint with a fix',
    code: 'citation-style',
    text: 'Zie [[Kamerstuknummer 29826-258]] en Kamerstuk 29 826, nr. 147.',
    settings: { enforceCitationStyle: true },
    message: /huisstijl/,
    fixed: 'Zie Kamerstuk 29 826, nr. 258 en Kamerstuk 29 826, nr. 147.',
  },
  {
    name: 'house style compact',
    code: 'citation-style',
    text: 'Zie [[Kamerstuk 29 826, nr. 147]].',
    settings: { enforceCitationStyle: true, citationStyle: 'compact' },
    fixed: 'Zie Kamerstuk 29826, nr. 147.',
  },
  {
    name: 'English decimal point',
    code: 'amount-english-decimal',
    text: 'Het kabinet trekt [[1.5 miljard euro]] uit en nog € 2,5 miljard.',
    message: /Engelse decimaalpunt/,
    fixed: 'Het kabinet trekt 1,5 miljard euro uit en nog € 2,5 miljard.',
  },
  {
    name: 'mixed currency notation',
    code: 'amount-mixed-notation',
    text: 'Er gaat € 30 miljoen naar A, € 20 miljoen naar B en [[EUR 10 miljoen]] naar C.',
    message: /munteenheid/,
    fixed: 'Er gaat € 30 miljoen naar A, € 20 miljoen naar B en € 10 miljoen naar C.',
  },
  {
    name: 'mixed scale abbreviations',
    code: 'amount-mixed-notation',
    text: 'Er gaat € 30 miljoen naar A, € 2 miljard naar B en [[€ 3 mrd]] naar C.',
    fixed: 'Er gaat € 30 miljoen naar A, € 2 miljard naar B en € 3 miljard naar C.',
  },
  {
    name: 'one notation throughout',
    code: 'amount-mixed-notation',
    text: 'Er gaat € 30 miljoen naar A en € 2 miljard naar B.',
  },
];

describe('diagnostics rules', () => {
  for (const c of CASES) {
    it(`${c.code}: ${c.name}`, async () => {
      const ws = ruleWorkspace([c.code], { known: c.known ?? [], ...(c.today ? { today: c.today } : {}), ...(c.settings ? { settings: c.settings } : {}) });
      for (const f of c.others ? parseFixture(c.others) : []) ws.add(f.name, f.text);
      const { text, ranges } = parseFile('brief.txt', c.text);
      const findings = await ws.service.findings(ws.add('brief.txt', text, c.facts));
      assert.deepEqual(
        findings.map((f) => text.slice(f.span.offset, f.span.offset + f.span.length)),
        ranges.map((r) => text.slice(r.offset, r.offset + r.length)),
        findings.map((f) => f.message).join('\n'),
      );
      for (const f of findings) {
        assert.equal(f.code, c.code);
        if (c.message) assert.match(f.message, c.message);
      }
      if (c.fixed === text) assert.deepEqual(findings[0]?.fixes ?? [], [], 'no fix is offered');
      else if (c.fixed !== undefined) {
        const fixes = findings[0]!.fixes ?? [];
        const fix = fixes.find((x) => x.preferred) ?? fixes[0];
        assert.ok(fix, 'a fix is offered');
        assert.equal(applyEdits(text, fix.edits), c.fixed);
      }
    });
  }

  it('messages are Dutch or English as the user asks', async () => {
    const known = [{ ...MOTION_KOSTIC, outcome: 'verworpen' as const }];
    const text = 'Met deze brief geef ik uitvoering aan de motie-Kostić c.s. (Kamerstuk 29826, nr. 250).';
    const messageIn = async (locale: 'nl' | 'en'): Promise<string> => {
      const ws = ruleWorkspace(['motion-outcome-conflict'], { known, locale });
      const [f] = await ws.service.findings(ws.add('brief.txt', text));
      return f!.message;
    };
    assert.match(await messageIn('nl'), /verworpen/);
    assert.match(await messageIn('en'), /rejected/);
  });
});
