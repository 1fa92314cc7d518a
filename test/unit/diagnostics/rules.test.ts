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
  /** Documents only the official search finds. */
  readonly remote?: readonly Known[];
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
// Two letters of one day (the wrong-number trap of a shared date) and two motions of one submitter.
const NATUURHERSTEL: Known = { id: '33576-440', type: 'Brief regering', title: 'Voortgang implementatie Natuurherstelverordening', date: '2025-03-25', dossierTitle: 'Natuurbeleid' };
const BIODIVERSITEITSPLAN: Known = { id: '26407-155', type: 'Brief regering', title: 'Nationaal Biodiversiteitsplan', date: '2025-03-25', dossierTitle: 'Biodiversiteit' };
const MUTLUER_244: Known = {
  id: '28638-244',
  type: 'Motie',
  title: 'Motie van het lid Mutluer c.s. over onderzoeken hoe een landelijke aansturing en coördinatie van mensenhandel kan worden bewerkstelligd en welke meerwaarde een nationaal coördinator mensenhandel daarbij kan hebben',
  date: '2023-12-21',
  dossierTitle: 'Mensenhandel',
  submitters: ['Mutluer', 'Bikker', 'Helder'],
};
const MUTLUER_245: Known = {
  id: '28638-245',
  type: 'Motie',
  title: 'Motie van het lid Mutluer c.s. over met betrokken gemeenten en de VNG overleggen op welke wijze de continuering van het Eindhovense inloophuis voor mannelijke prostitués kan worden gegarandeerd',
  date: '2023-12-21',
  dossierTitle: 'Mensenhandel',
  submitters: ['Mutluer', 'Bikker', 'Helder'],
};
const HELDER_243: Known = {
  id: '28638-243',
  type: 'Motie',
  title: 'Motie van het lid Helder c.s. over in het kader van het beschermen van de lichamelijke integriteit van minderjarigen de uitzondering van artikel 22b lid 3 Sr in geval van seksueel misbruik van minderjarigen uit de wet halen',
  date: '2023-12-21',
  dossierTitle: 'Mensenhandel',
  submitters: ['Helder', 'Mutluer'],
};
// Titles that share 'Defensie', 'industrie' and 'strategie' and nothing else.
const DIS_2025: Known = { id: '31125-130', type: 'Brief regering', title: 'Defensie Industrie Strategie in een nieuwe geopolitieke context', date: '2024-10-04' };
const DSII: Known = { id: '31125-140', type: 'Brief regering', title: 'Defensie Strategie voor Industrie en Innovatie 2025-2029', date: '2025-06-16' };
const MARITIEM: Known = { id: '29862-50', type: 'Brief regering', title: 'Sectoragenda maritieme maakindustrie', date: '2024-02-01' };
const VOORJAARSNOTA_2024: Known = { id: '36550-1', type: 'Brief regering', title: 'Voorjaarsnota 2024', date: '2024-04-15' };
const VOORJAARSNOTA_2025: Known = { id: '36725-1', type: 'Brief regering', title: 'Voorjaarsnota 2025', date: '2025-04-15' };
const NTS_UITWERKING: Known = { id: '33009-150', type: 'Brief regering', title: 'Uitwerking Nationale Technologiestrategie', date: '2024-12-02', dossierTitle: 'Innovatiebeleid' };
const RD_ACTIEPLAN: Known = { id: '33009-165', type: 'Brief regering', title: '‘Investeren in een weerbare en toekomstbestendige economie: het 3%-R&D-actieplan’', date: '2025-07-11', dossierTitle: 'Innovatiebeleid' };
const GLASTUINBOUW: Known = { id: '31839-999', type: 'Brief regering', title: 'Voortgang verduurzaming glastuinbouw en warmtenetten in het Westland', date: '2025-05-01' };

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
    name: 'a motion whose number the text gives in place: "op stuk nr." in a debate, the chair\'s "Zij krijgt nr." in the Handelingen',
    code: 'motion-without-kamerstuk',
    text:
      'Deze motie is voorgesteld door het lid Kops. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.\n\nZij krijgt nr. 471 (29453).\n\n' +
      'Minister Ollongren:\n\nHet dictum van de motie op stuk nr. 469 van de heer Koerhuis is helder. ' +
      'De [[motie-Kostić c.s.]] vraagt meer. Zie ook de brief van 5 juni (Kamerstuk 29826, nr. 100).',
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
    name: 'a title that is only a kind of document, or that several documents carry, names none of them',
    code: 'document-title-without-citation',
    text: 'Het verslag van een schriftelijk overleg en de LIJST VAN VRAGEN EN ANTWOORDEN volgen. In de brief [[Toekomstperspectief op de energie-intensieve industrie]] en in Jaarverslag Waddenzee visserij kustbeheer staat meer.',
    known: [
      LETTER_265,
      { id: '36600-B-K', type: 'Verslag', title: 'Verslag van een schriftelijk overleg', date: '2025-06-01' },
      { id: '31865-214', title: 'Lijst van vragen en antwoorden', date: '2022-05-01' },
      { id: '33450-12', type: 'Brief regering', title: 'Jaarverslag Waddenzee visserij kustbeheer', date: '2024-05-01' },
      { id: '33450-13', type: 'Brief regering', title: 'Jaarverslag Waddenzee visserij kustbeheer', date: '2025-05-01' },
    ],
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
  // Wrong number: the description wherever letters put it.
  {
    name: 'wrong number: the noun phrase before the citation names another document; fix to its number',
    code: 'citation-title-mismatch',
    text: 'In de Kamerbrief Toekomstperspectief energie-intensieve industrie ([[Kamerstuk 29 826, nr. 258]]) staat het beleid.',
    known: [LETTER_258, LETTER_265],
    message: /Kamerstuk 29 826, nr\. 258 is ‘Ruimte voor industrieclusters’, maar de tekst beschrijft ‘Toekomstperspectief energie-intensieve industrie’.*Kamerstuk 29 826, nr\. 265/,
    fixed: 'In de Kamerbrief Toekomstperspectief energie-intensieve industrie (Kamerstuk 29 826, nr. 265) staat het beleid.',
  },
  {
    name: 'wrong number: "de brief over …" before the citation',
    code: 'citation-title-mismatch',
    text: 'Zoals aangekondigd in de brief over de energie-intensieve industrie ([[Kamerstuk 29826, nr. 258]]) werk ik aan maatwerkafspraken.',
    known: [LETTER_258, LETTER_265],
    fixed: 'Zoals aangekondigd in de brief over de energie-intensieve industrie (Kamerstuk 29 826, nr. 265) werk ik aan maatwerkafspraken.',
  },
  {
    name: 'wrong number: a title and its date before the citation, another letter of the same day',
    code: 'citation-title-mismatch',
    text: 'De maatregelen hangen samen met het Nationaal Biodiversiteitsplan van 25 maart 2025 ([[Kamerstuk 33 576, nr. 440]]) en de Kaderrichtlijn Water.',
    known: [NATUURHERSTEL, BIODIVERSITEITSPLAN],
    message: /‘Voortgang implementatie Natuurherstelverordening’.*‘Nationaal Biodiversiteitsplan’.*Kamerstuk 26 407, nr\. 155/,
    fixed: 'De maatregelen hangen samen met het Nationaal Biodiversiteitsplan van 25 maart 2025 (Kamerstuk 26 407, nr. 155) en de Kaderrichtlijn Water.',
  },
  {
    name: 'wrong number: the document meant found by the official search',
    code: 'citation-title-mismatch',
    text: 'Met het Nationaal Biodiversiteitsplan ([[Kamerstuk 33 576, nr. 440]]) zet het kabinet de koers uit.',
    known: [NATUURHERSTEL],
    remote: [BIODIVERSITEITSPLAN],
    fixed: 'Met het Nationaal Biodiversiteitsplan (Kamerstuk 26 407, nr. 155) zet het kabinet de koers uit.',
  },
  {
    name: 'one telling word and no document that has it: no evidence of a wrong number',
    code: 'citation-title-mismatch',
    text: 'Met het Nationaal Biodiversiteitsplan (Kamerstuk 33 576, nr. 440) zet het kabinet de koers uit.',
    known: [NATUURHERSTEL],
  },
  {
    name: 'wrong number: "Met de …" title whose only shared words are Defensie, industrie, strategie',
    code: 'citation-title-mismatch',
    text: 'Met de Defensie Strategie voor Industrie en Innovatie ([[Kamerstuk 31125, nr. 130]]) versterkt het kabinet de defensie-industrie.',
    known: [DIS_2025, DSII],
    fixed: 'Met de Defensie Strategie voor Industrie en Innovatie (Kamerstuk 31 125, nr. 140) versterkt het kabinet de defensie-industrie.',
  },
  {
    name: 'wrong number: shared words do not hide a different subject',
    code: 'citation-title-mismatch',
    text: 'Het kabinet verwijst naar de brief over de industriestrategie voor de maritieme maakindustrie ([[Kamerstuk 31125, nr. 130]]).',
    known: [DIS_2025, MARITIEM],
    message: /Sectoragenda maritieme maakindustrie/,
  },
  {
    name: 'a description of shared words only is no evidence',
    code: 'citation-title-mismatch',
    text: 'Zie de Defensie Industrie Strategie (Kamerstuk 31125, nr. 140) en de brief over de defensie-industrie (Kamerstuk 31125, nr. 130).',
    known: [DIS_2025, DSII],
  },
  {
    name: 'wrong number: a quoted title',
    code: 'citation-title-mismatch',
    text: 'In de brief ‘Ruimte voor industrieclusters’ ([[Kamerstuk 29826, nr. 265]]) staat de aanpak.',
    known: [LETTER_258, LETTER_265],
    fixed: 'In de brief ‘Ruimte voor industrieclusters’ (Kamerstuk 29 826, nr. 258) staat de aanpak.',
  },
  {
    name: 'wrong number: an italic title',
    code: 'citation-title-mismatch',
    text: 'In *Ruimte voor industrieclusters* ([[Kamerstuk 29826, nr. 265]]) staat de aanpak.',
    known: [LETTER_258, LETTER_265],
  },
  {
    name: 'a quoted title that fits',
    code: 'citation-title-mismatch',
    text: 'In de brief ‘Toekomstperspectief op de energie-intensieve industrie’ (Kamerstuk 29826, nr. 265) staat de aanpak.',
    known: [LETTER_258, LETTER_265],
  },
  {
    name: 'wrong number: a year the title writes otherwise',
    code: 'citation-title-mismatch',
    text: 'In de Voorjaarsnota 2024 ([[Kamerstuk 36 725, nr. 1]]) is dit geregeld.',
    known: [VOORJAARSNOTA_2024, VOORJAARSNOTA_2025],
    message: /‘Voorjaarsnota 2025’/,
    fixed: 'In de Voorjaarsnota 2024 (Kamerstuk 36 550, nr. 1) is dit geregeld.',
  },
  {
    name: 'the right year',
    code: 'citation-title-mismatch',
    text: 'In de Voorjaarsnota 2025 (Kamerstuk 36 725, nr. 1) is dit geregeld.',
    known: [VOORJAARSNOTA_2024, VOORJAARSNOTA_2025],
  },
  {
    name: 'wrong number: a clear contradiction without a known document that fits',
    code: 'citation-title-mismatch',
    text: 'In de brief over de wachtlijsten in de jeugdzorg en de inzet van wijkteams ([[Kamerstuk 31839, nr. 999]]) staat het plan.',
    known: [GLASTUINBOUW],
    message: /Voortgang verduurzaming glastuinbouw.*wachtlijsten in de jeugdzorg/,
  },
  {
    name: 'wrong number: a motion with its submitters and another motion of theirs',
    code: 'citation-title-mismatch',
    text: 'Over de motie van het lid Mutluer c.s. over met betrokken gemeenten en de VNG overleggen op welke wijze de continuering van het Eindhovense inloophuis voor mannelijke prostitués kan worden gegarandeerd ([[Kamerstuk 28 638, nr. 244]]) heb ik overleg gevoerd.',
    known: [MUTLUER_244, MUTLUER_245, HELDER_243],
    message: /aansturing en coördinatie.*inloophuis.*Kamerstuk 28 638, nr\. 245/,
    fixed: 'Over de motie van het lid Mutluer c.s. over met betrokken gemeenten en de VNG overleggen op welke wijze de continuering van het Eindhovense inloophuis voor mannelijke prostitués kan worden gegarandeerd (Kamerstuk 28 638, nr. 245) heb ik overleg gevoerd.',
  },
  {
    name: 'wrong number: the motion meant found by the official search, by its submitter and subject',
    code: 'citation-title-mismatch',
    text: 'Over de motie van het lid Mutluer c.s. over de continuering van het Eindhovense inloophuis voor mannelijke prostitués ([[Kamerstuk 28 638, nr. 244]]) heb ik overleg gevoerd.',
    known: [MUTLUER_244],
    remote: [MUTLUER_245],
    message: /Kamerstuk 28 638, nr\. 245/,
  },
  {
    name: 'wrong number: a motion whose subject is before its footnote',
    code: 'citation-title-mismatch',
    text: 'Ik betrek de motie van het lid Mutluer c.s. over de continuering van het Eindhovense inloophuis voor mannelijke prostitués.[footnoteRef:1] Het inloophuis blijft open.\n\n[1:  [[Kamerstuk 28 638, nr. 244]].]',
    known: [MUTLUER_244, MUTLUER_245],
    fixed: 'Ik betrek de motie van het lid Mutluer c.s. over de continuering van het Eindhovense inloophuis voor mannelijke prostitués.[footnoteRef:1] Het inloophuis blijft open.\n\n[1:  Kamerstuk 28 638, nr. 245.]',
  },
  {
    name: 'a motion whose subject fits, among other motions of the same submitters',
    code: 'citation-title-mismatch',
    text: 'De motie van het lid Mutluer c.s. over een nationaal coördinator mensenhandel (Kamerstuk 28 638, nr. 244) betrek ik bij het programma.',
    known: [MUTLUER_244, MUTLUER_245],
  },
  {
    name: 'a motion with its subject paraphrased',
    code: 'citation-title-mismatch',
    text: 'De motie van het lid Helder c.s. over het schrappen van de uitzondering van artikel 22b, derde lid, van het Wetboek van Strafrecht bij seksueel misbruik van minderjarigen (Kamerstuk 28 638, nr. 243) is door uw Kamer verworpen.',
    known: [HELDER_243, MUTLUER_244, MUTLUER_245],
  },
  {
    name: 'a motion named without its subject is no evidence',
    code: 'citation-title-mismatch',
    text: 'In december werd in de motie van het lid Mutluer c.s. gevraagd om overleg met de VNG over het inloophuis (Kamerstuk 28 638, nr. 244). Deze motie (Kamerstuk 28 638, nr. 244) voer ik uit.',
    known: [MUTLUER_244, MUTLUER_245],
  },
  {
    name: 'wrong number: a footnote marker after the title',
    code: 'citation-title-mismatch',
    text: 'Het beleid staat in de Kamerbrief Toekomstperspectief energie-intensieve industrie.[footnoteRef:1]\n\n[1:  [[Kamerstuk 29826, nr. 258]].]',
    known: [LETTER_258, LETTER_265],
  },
  {
    name: 'wrong number: a footnote marker right after a title in mid-sentence',
    code: 'citation-title-mismatch',
    text: 'Met de Nationale Technologiestrategie[footnoteRef:1] investeert het kabinet in sleuteltechnologieën.\n\n[1:  [[Kamerstuk 33009, nr. 165]].]',
    known: [NTS_UITWERKING, RD_ACTIEPLAN],
    fixed: 'Met de Nationale Technologiestrategie[footnoteRef:1] investeert het kabinet in sleuteltechnologieën.\n\n[1:  Kamerstuk 33 009, nr. 150.]',
  },
  {
    name: 'a footnote marker after the full stop is the source of the sentence, not of its last words',
    code: 'citation-title-mismatch',
    text: 'Het kabinet investeert fors in de Nationale Technologiestrategie.[footnoteRef:1]\n\n[1:  Kamerstuk 33009, nr. 165.]',
    known: [NTS_UITWERKING, RD_ACTIEPLAN],
  },
  {
    name: 'wrong number: the title in the footnote',
    code: 'citation-title-mismatch',
    text: 'Het beleid staat in de Kamerbrief.[footnoteRef:1]\n\n[1:  Toekomstperspectief Energie-intensieve Industrie, [[Kamerstuk 29826, nr. 258]].]',
    known: [LETTER_258, LETTER_265],
  },
  {
    name: 'a footnote that says something gives a source, not a description',
    code: 'citation-title-mismatch',
    text: 'Tekst.[footnoteRef:1]\n\n[1:  Ik heb toegezegd voor de zomer een brief over verduurzaming van de glastuinbouw en de warmtenetten te sturen, Kamerstuk 29826, nr. 258.]',
    known: [LETTER_258, GLASTUINBOUW],
  },
  {
    name: 'wrong number: a list item',
    code: 'citation-title-mismatch',
    text: 'Eerder verschenen:\n- Toekomstperspectief Energie-intensieve Industrie, [[Kamerstuknummer 29826-258]]\n- Ruimte voor industrieclusters, Kamerstuknummer 29826-258\n',
    known: [LETTER_258, LETTER_265],
    fixed: 'Eerder verschenen:\n- Toekomstperspectief Energie-intensieve Industrie, Kamerstuknummer 29826-265\n- Ruimte voor industrieclusters, Kamerstuknummer 29826-258\n',
  },
  {
    name: 'correct citations described in other words: a paraphrase, a shortened title, the dossier title',
    code: 'citation-title-mismatch',
    text:
      'Zie de brief over ruimte voor clusters van bedrijven in de industrie (Kamerstuk 29826, nr. 258), de Kamerbrief Toekomstperspectief (Kamerstuk 29826, nr. 265) ' +
      'en de brief over het mestbeleid (Kamerstuk 33037, nr. 600).',
    known: [
      LETTER_258,
      LETTER_265,
      { id: '33037-600', type: 'Brief regering', title: 'Reactie op verzoek commissie over de brief van LTO Nederland', dossierTitle: 'Mestbeleid' },
      { id: '33037-610', type: 'Brief regering', title: 'Voortgang mestbeleid en derogatie', dossierTitle: 'Mestbeleid' },
    ],
  },
  {
    name: 'a title another source gives the cited document fits',
    code: 'citation-title-mismatch',
    text: 'In de Kamerbrief Ruimte voor industrieclusters (Kamerstuk 29826, nr. 258) staat het.',
    others: '//- eigen.md\n---\nkamerstuk: 29826-258\ntitel: Kamerbrief EZK juni 2025\n---\nTekst.',
    known: [LETTER_258, { id: '29826-259', type: 'Brief regering', title: 'Ruimte voor industrieclusters: de uitvoering' }],
  },
  {
    name: 'a letter named by its date, a relative clause, a claim with its source: no description',
    code: 'citation-title-mismatch',
    text:
      'In de brief van 27 juni 2025 (Kamerstuk 29826, nr. 265) staat het. In de brief die ik u op 27 juni stuurde (Kamerstuk 29826, nr. 265) ook. ' +
      'Het aantal industrieclusters groeit sterk (Kamerstuk 29826, nr. 265). Zie over ruimte voor industrieclusters ook de Kamerbrief (zie Kamerstuk 29826, nr. 265).',
    known: [LETTER_258, LETTER_265],
  },
  {
    name: 'the noun phrase is not what the parenthesis cites when a verb stands between',
    code: 'citation-title-mismatch',
    text: 'Ook de acquisitiestrategie van het kabinet vormt deel van de Kabinetsvisie op de industrie in Nederland (Kamerstuk 32 637, nr. 415). In deze brief hangen de maatregelen samen met de energie-intensieve industrie (Kamerstuk 32 637, nr. 415).',
    known: [
      { id: '32637-415', type: 'Brief regering', title: 'Naar meer focus in de Acquisitie van buitenlandse bedrijven' },
      { id: '21501-30-621', type: 'Brief regering', title: 'Kabinetsvisie EU-concurrentievermogen' },
      LETTER_265,
    ],
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
    name: 'a rejected motion called adopted; the message names the outcome and its date',
    code: 'motion-outcome-conflict',
    text: 'De aangenomen [[motie-Kostić c.s.]] (Kamerstuk 29826, nr. 250) vraagt een visie. Zoals gevraagd in de [[motie-Kostić c.s.]] (Kamerstuk 29826, nr. 250) volgt die.',
    known: [{ ...MOTION_KOSTIC, outcome: 'verworpen', outcomeDate: '2025-03-25' }],
    message: /maar de motie is verworpen \(25 maart 2025\)/,
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
      const ws = ruleWorkspace([c.code], { known: c.known ?? [], ...(c.remote ? { remote: c.remote } : {}), ...(c.today ? { today: c.today } : {}), ...(c.settings ? { settings: c.settings } : {}) });
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
