import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/engine/analyze';
import { parseManifest } from '../../../server/src/engine/manifest';
import type { DocumentMetadata, Span } from '../../../server/src/engine/model';
import { readFrontMatter } from '../../../server/src/engine/recognizers/frontMatter';
import { recognizeMetadata, type MetadataOptions } from '../../../server/src/engine/recognizers/metadata';
import { seedsDir } from '../../support/paths';

/**
 * Fixture texts mark where the document names its own identity with ⟦ ⟧ (the expected
 * identitySpan) and its front matter with « » (the expected frontMatterSpan); the markers are
 * removed before the text is read. `want` is the metadata without those two spans.
 */
interface Case {
  readonly name: string;
  readonly text: string;
  readonly options?: MetadataOptions;
  readonly want: Omit<DocumentMetadata, 'identitySpan' | 'frontMatterSpan'>;
}

const MARKERS = { identity: ['⟦', '⟧'], frontMatter: ['«', '»'] } as const;

function unmark(marked: string): { text: string; identity?: Span; frontMatter?: Span } {
  let text = '';
  const opened: Record<string, number> = {};
  const spans: Record<string, Span> = {};
  for (const ch of marked) {
    const kind = (Object.keys(MARKERS) as (keyof typeof MARKERS)[]).find((k) => MARKERS[k].includes(ch as never));
    if (!kind) {
      text += ch;
      continue;
    }
    if (ch === MARKERS[kind][0]) opened[kind] = text.length;
    else spans[kind] = { offset: opened[kind]!, length: text.length - opened[kind]! };
  }
  return { text, ...spans };
}

const filler = (lines: number): string => Array.from({ length: lines }, (_, i) => `Regel ${i + 1} van de lopende tekst over het industriebeleid.`).join('\n');

const CASES: readonly Case[] = [
  // --- the official Kamerstuk header
  {
    name: 'official header: dossier line, Nr. + BRIEF VAN, Den Haag dateline',
    text: `Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2020–2021

⟦29 826 Industriebeleid

Nr. 124⟧ BRIEF VAN DE STAATSSECRETARIS VAN ECONOMISCHE ZAKEN EN KLIMAAT

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 30 oktober 2020

Hierbij bied ik u mede namens de minister van Economische Zaken en Klimaat de visie aan.`,
    want: { date: '2020-10-30', dateSource: 'header', kamerstuk: { dossier: '29826', nr: '124' }, kamerstukSource: 'header', dossierTitle: 'Industriebeleid' },
  },
  {
    name: 'official header flattened onto one line',
    text: `⟦29 826 Industriebeleid Nr. 124⟧ BRIEF VAN DE STAATSSECRETARIS VAN ECONOMISCHE ZAKEN EN KLIMAAT Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 30 oktober 2020
Hierbij bied ik u de visie aan.`,
    want: { date: '2020-10-30', dateSource: 'header', kamerstuk: { dossier: '29826', nr: '124' }, kamerstukSource: 'header', dossierTitle: 'Industriebeleid' },
  },
  {
    name: 'official header of a motion in two dossiers: the first dossier, the Voorgesteld date, the motion title',
    text: `Vergaderjaar 2023-2024
⟦36 410 XVI Vaststelling van de begrotingsstaten van het Ministerie van Volksgezondheid, Welzijn en Sport (XVI) voor het jaar 2024
36 410 VI Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2024
Nr. 96⟧ MOTIE VAN HET LID SYNHAEVE
Voorgesteld tijdens het Wetgevingsoverleg van 29 januari 2024
De Kamer,`,
    want: {
      date: '2024-01-29',
      dateSource: 'header',
      kamerstuk: { dossier: '36410-XVI', nr: '96' },
      kamerstukSource: 'header',
      dossierTitle: 'Vaststelling van de begrotingsstaten van het Ministerie van Volksgezondheid, Welzijn en Sport (XVI) voor het jaar 2024',
      title: 'MOTIE VAN HET LID SYNHAEVE',
      titleSource: 'header',
    },
  },
  {
    name: 'official header: stuk title on the line below "Nr. N", sub-dossier suffix',
    text: `⟦21 501-30 Raad voor Concurrentievermogen
Nr. 470⟧
VERSLAG VAN EEN SCHRIFTELIJK
OVERLEG
Vastgesteld 12 mei 2020
De vaste commissie heeft vragen gesteld.`,
    want: {
      date: '2020-05-12',
      dateSource: 'header',
      kamerstuk: { dossier: '21501-30', nr: '470' },
      kamerstukSource: 'header',
      dossierTitle: 'Raad voor Concurrentievermogen',
      title: 'VERSLAG VAN EEN SCHRIFTELIJK OVERLEG',
      titleSource: 'header',
    },
  },
  {
    name: 'a dossier title wrapped onto a second line',
    text: `⟦36 600 XIII Vaststelling van de begrotingsstaten van het Ministerie van Economische
Zaken (XIII) voor het jaar 2025
Nr. 65⟧ BRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN
Den Haag, 1 november 2024`,
    want: {
      date: '2024-11-01',
      dateSource: 'header',
      kamerstuk: { dossier: '36600-XIII', nr: '65' },
      kamerstukSource: 'header',
      dossierTitle: 'Vaststelling van de begrotingsstaten van het Ministerie van Economische Zaken (XIII) voor het jaar 2025',
    },
  },
  {
    name: 'a number at a line start with no "Nr." below it is no header (an address, a count)',
    text: `2594 AC Den Haag
12 345 Nederlanders werken in de industrie.
Dat zijn er veel.`,
    want: {},
  },

  // --- the running page footer
  {
    name: 'page footer deep in a PDF extract gives the identity',
    text: `${filler(120)}

Tweede Kamer, vergaderjaar 2021–2022, ⟦29 826, nr. 147⟧ 31

${filler(5)}`,
    want: { kamerstuk: { dossier: '29826', nr: '147' }, kamerstukSource: 'header' },
  },
  {
    name: 'Eerste Kamer footer with a letter paper',
    text: `${filler(3)}
Eerste Kamer, vergaderjaar 2020–2021, ⟦35 925, C⟧ 4
${filler(3)}`,
    want: { kamerstuk: { dossier: '35925', nr: 'C' }, kamerstukSource: 'header' },
  },
  {
    name: 'the footer form inside a sentence is a citation, not the footer',
    text: 'Zoals vermeld in Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 147 is dit zo.\n',
    want: {},
  },

  // --- the open-data page header (tkconv export)
  {
    name: 'open-data header: title line, Nummer/datum line, kamerstukdossier line',
    text: `Industriebeleid met focus
Industriebeleid
Brief regering
Nummer: 2025D44449, datum: 2025-10-17, bijgewerkt: 2025-10-20 10:54, versie: 1
Directe link naar document (.docx), link naar pagina op de Tweede Kamer site.
Gerelateerde personen:- Eerste ondertekenaar: V.P.G. Karremans, minister van Economische Zaken
Onderdeel van kamerstukdossier ⟦29826 -277⟧ Industriebeleid.
Onderdeel van zaak 2025Z19083:
Geachte Voorzitter,`,
    want: {
      date: '2025-10-17',
      dateSource: 'openDataHeader',
      kamerstuk: { dossier: '29826', nr: '277' },
      kamerstukSource: 'openDataHeader',
      documentNumber: '2025D44449',
      documentNumberSource: 'openDataHeader',
      title: 'Industriebeleid met focus',
      titleSource: 'openDataHeader',
      dossierTitle: 'Industriebeleid',
    },
  },
  {
    name: "open-data header under the site's menu: the menu is no title, the Nummer row further down is still the header",
    text: `[overzicht] [activiteiten] [besluiten] [commissies] [kamerleden]
[toezeggingen] [stemmingen] [verslagen] [wat is dit?]

Verslag van een schriftelijk overleg over de uitvoering van de Wet open overheid

Openbaarheid van bestuur

Verslag van een schriftelijk overleg

Nummer: ⟦2024D12345⟧, datum: 2024-03-01, bijgewerkt: 2024-03-02 10:00, versie: 2

Directe link naar document (.pdf).`,
    want: {
      date: '2024-03-01',
      dateSource: 'openDataHeader',
      documentNumber: '2024D12345',
      documentNumberSource: 'openDataHeader',
      title: 'Verslag van een schriftelijk overleg over de uitvoering van de Wet open overheid',
      titleSource: 'openDataHeader',
    },
  },
  {
    name: "a page record of the paper (eumonitor's Kerngegevens): the sentence and the Reference row",
    text: `Verslag van een schriftelijk overleg over de evaluatie van de Wet op de lijkbezorging

Dit verslag van een schriftelijk overleg is ⟦onder nr. 12 toegevoegd aan wetsvoorstel 36123⟧ - Wijziging van de Wet op de lijkbezorging i.

1.

Kerngegevens

Nummer KST3612312
Reference 36123, nr. 12
Commission(s) Binnenlandse Zaken (BiZa)`,
    want: { kamerstuk: { dossier: '36123', nr: '12' }, kamerstukSource: 'header' },
  },
  {
    name: "a page record in Dutch (parlementairemonitor): 'Kenmerk', a rijkswet dossier and an Eerste Kamer letter",
    text: `Voorlopig verslag - Rijkswet Koninkrijksgeschillen

Dit voorlopig verslag is ⟦onder nr. D toegevoegd aan wetsvoorstel 35099 (R2114)⟧ - Rijkswet Koninkrijksgeschillen i.

Kerngegevens

Nummer KST35099D
Kenmerk 35099, nr. D
Externe link origineel bericht`,
    want: { kamerstuk: { dossier: '35099-(R2114)', nr: 'D' }, kamerstukSource: 'header' },
  },
  {
    name: 'open-data header of a budget-chapter paper',
    text: `Motie over een verkenning naar een Nationale Strategische Industrie & Technologie Tafel
Vaststelling van de begrotingsstaten van het Ministerie van Economische Zaken (XIII) voor het jaar 2024
Motie
Nummer: 2023D47361, datum: 2023-11-21, bijgewerkt: 2024-02-19 10:57, versie: 3
Onderdeel van kamerstukdossier ⟦36410 XIII-55⟧ Vaststelling van de begrotingsstaten van het Ministerie van Economische Zaken (XIII) voor het jaar 2024.`,
    want: {
      date: '2023-11-21',
      dateSource: 'openDataHeader',
      kamerstuk: { dossier: '36410-XIII', nr: '55' },
      kamerstukSource: 'openDataHeader',
      documentNumber: '2023D47361',
      documentNumberSource: 'openDataHeader',
      title: 'Motie over een verkenning naar een Nationale Strategische Industrie & Technologie Tafel',
      titleSource: 'openDataHeader',
      dossierTitle: 'Vaststelling van de begrotingsstaten van het Ministerie van Economische Zaken (XIII) voor het jaar 2024',
    },
  },
  {
    name: 'open-data header without a kamerstukdossier line: the official id in the link line',
    text: `Antwoord op vragen
Nummer: 2024D12345, datum: 2024-03-01, bijgewerkt: 2024-03-02 09:00, versie: 1
Directe link naar document, link naar pagina op de Tweede Kamer site, officiële HTML versie (⟦kst-36410-XIII-70⟧).`,
    want: {
      date: '2024-03-01',
      dateSource: 'openDataHeader',
      kamerstuk: { dossier: '36410-XIII', nr: '70' },
      kamerstukSource: 'openDataHeader',
      documentNumber: '2024D12345',
      documentNumberSource: 'openDataHeader',
      title: 'Antwoord op vragen',
      titleSource: 'openDataHeader',
    },
  },
  {
    name: 'open-data header of a paper outside any dossier: the document number is the identity',
    text: 'Beslisnota bij Industriebeleid met focus\nNummer: ⟦2025D44450⟧, datum: 2025-10-17, bijgewerkt: 2025-10-20 10:54, versie: 1\n',
    want: {
      date: '2025-10-17',
      dateSource: 'openDataHeader',
      documentNumber: '2025D44450',
      documentNumberSource: 'openDataHeader',
      title: 'Beslisnota bij Industriebeleid met focus',
      titleSource: 'openDataHeader',
    },
  },

  // --- the ministry letter heading
  {
    name: 'letter heading: Datum and Betreft (seed 004)',
    text: `de Voorzitter van de Tweede Kamer
der Staten-Generaal
Bezuidenhoutseweg 67
2594 AC Den Haag

**Ministerie van Defensie**

Datum 2 november 2022
Betreft Defensie Industrie Strategie in een nieuwe geopolitieke context

Sinds het uitbrengen van de Defensie Industrie Strategie in 2018 is de context gewijzigd.`,
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Defensie Industrie Strategie in een nieuwe geopolitieke context', titleSource: 'datumLine' },
  },
  {
    name: 'letter heading with colons and Onderwerp',
    text: 'Datum: 2 november 2022\nOnderwerp: Voortgang industriebeleid\n\nGeachte Voorzitter,',
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Voortgang industriebeleid', titleSource: 'datumLine' },
  },
  {
    name: 'letter heading in Markdown emphasis and a table',
    text: '**Datum** 2 november 2022  \n| **Betreft** | Voortgang industriebeleid |\n\nGeachte Voorzitter,',
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Voortgang industriebeleid', titleSource: 'datumLine' },
  },
  {
    name: 'labels alone on their lines, values below (PDF side column)',
    text: 'Directie Topsectoren en Industriebeleid\nDatum\n30 oktober 2020\nBetreft\nVisie op de toekomst van de industrie in Nederland\n\nHierbij bied ik u de visie aan.',
    want: { date: '2020-10-30', dateSource: 'datumLine', title: 'Visie op de toekomst van de industrie in Nederland', titleSource: 'datumLine' },
  },
  {
    name: 'side column joined onto one line',
    text: 'Datum 30 oktober 2020 Betreft Visie op de toekomst van de industrie in Nederland\nHierbij bied ik u de visie aan.',
    want: { date: '2020-10-30', dateSource: 'datumLine', title: 'Visie op de toekomst van de industrie in Nederland', titleSource: 'datumLine' },
  },
  {
    name: 'a subject wrapped over two lines',
    text: 'Datum 2 november 2022\nBetreft Defensie Industrie Strategie in een nieuwe\ngeopolitieke context\n\nSinds het uitbrengen van de strategie is veel veranderd.',
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Defensie Industrie Strategie in een nieuwe geopolitieke context', titleSource: 'datumLine' },
  },
  {
    name: 'a weekday before the date',
    text: 'Datum woensdag 2 november 2022\n',
    want: { date: '2022-11-02', dateSource: 'datumLine' },
  },
  {
    name: 'a Den Haag dateline on its own',
    text: 'Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 2 november 2022\n\nGeachte Voorzitter,',
    want: { date: '2022-11-02', dateSource: 'datumLine' },
  },
  {
    name: 'Datum wins over a dateline in the same heading',
    text: 'Den Haag, 1 november 2022\nDatum 2 november 2022\n',
    want: { date: '2022-11-02', dateSource: 'datumLine' },
  },
  {
    name: 'Ons kenmerk and Uw kenmerk are not the identity',
    text: 'Datum 2 november 2022\nOns kenmerk 2022D41234\nUw kenmerk 2022D30651\nBetreft Reactie op verzoek\n',
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Reactie op verzoek', titleSource: 'datumLine' },
  },
  {
    name: '"Betreft het …" opening a sentence is no subject when nothing dates a heading',
    text: 'Betreft het een tijdelijke regeling, dan vervalt zij in 2026.\n',
    want: {},
  },
  {
    name: '"Onderwerp …" opening a sentence far below the heading is no subject',
    text: `Datum 2 november 2022\n\n${filler(10)}\nOnderwerp van het overleg was de netcapaciteit.\n`,
    want: { date: '2022-11-02', dateSource: 'datumLine' },
  },
  {
    name: 'an impossible date is no date',
    text: 'Datum 31 februari 2022\nDen Haag, 30 februari 2022\n',
    want: {},
  },
  {
    name: 'a Datum or dateline deep in the text (a quoted table, a quoted letter) is not the document date',
    text: `${filler(80)}
| Datum | 1 januari 2019 |
Datum 1 januari 2019
Den Haag, 1 mei 2019
`,
    want: {},
  },
  {
    name: 'a letter heading run into one paragraph (PDF text): Datum inside the line, after the address',
    text:
      'De voorzitter van de Tweede Kamer der Staten-Generaal Postbus 20018 2500 EA DEN HAAG Datum 22 december 2022 Betreft Emissies door de ' +
      'luchtvaart Geachte voorzitter, In de Kamer is de afgelopen jaren aandacht besteed aan de emissies.\n',
    want: { date: '2022-12-22', dateSource: 'datumLine' },
  },
  {
    name: 'Datum inside a line, followed by another heading label',
    text: 'Ministerie van Financiën Directie Begrotingszaken Datum 3 mei 2021 Ons kenmerk 2021-0000012345\n',
    want: { date: '2021-05-03', dateSource: 'datumLine' },
  },
  {
    name: 'Datum inside a sentence, in a quotation or without a heading around it, is no date of the document',
    text:
      'In de brief met „Datum 3 mei 2021 Betreft Visie” staat het voorstel.\nDe tabel noemt onder Datum 4 mei 2021 de stemmingen.\n' +
      'Het veld "Datum 5 mei 2021 Kenmerk" is leeg.\n',
    want: {},
  },
  {
    name: "an Eerste Kamer verslag's own title dates it, also glued to the heading before it",
    text:
      'Stemming moties, ingediend bij de Algemene politieke beschouwingenVerslag van de vergadering van 5 november 2019 (2019/2020 nr. 5)\n\n' +
      'Aanvang: 13.33 uur\n',
    want: { date: '2019-11-05', dateSource: 'datumLine' },
  },
  {
    name: 'Verslag van de vergadering with a weekday',
    text: 'Verslag van de vergadering van dinsdag 12 maart 2024 (2023/2024 nr. 22)\n',
    want: { date: '2024-03-12', dateSource: 'datumLine' },
  },
  {
    name: 'a verslag mentioned in running text is no title',
    text: 'Zie het verslag van de vergadering van 5 november 2019 over de moties.\n',
    want: {},
  },
  {
    name: "a committee's notes: the meeting's date in the title line",
    text:
      'Korte aantekeningen vergadering commissies Justitie en Veiligheid (J&V) en Financiën (FIN) van 9 maart 2022\n' +
      '1. Rappel toezeggingen\n\nDe commissies besluiten de brief van 2 februari 2022 voor kennisgeving aan te nemen.\n',
    want: { date: '2022-03-09', dateSource: 'datumLine' },
  },
  {
    name: "a committee's decisions with a weekday",
    text: 'Besluitenlijst procedurevergadering vaste commissie voor Financiën van donderdag 14 april 2016\nAgendapunt 1\n',
    want: { date: '2016-04-14', dateSource: 'datumLine' },
  },
  {
    name: 'notes of a meeting named inside a sentence are no title',
    text: 'In de korte aantekeningen vergadering van 9 maart 2022 staat het besluit.\n',
    want: {},
  },
  {
    name: 'an answer to Kamervragen: the day it was received, also broken over a line end; not the day the questions were sent',
    text:
      'Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over de begroting (ingezonden 3 oktober 2023).\n' +
      'Antwoord van Minister De Vries (Financiën) (ontvangen\n14 november 2023). Zie ook Aanhangsel Handelingen.\nVraag 1\n',
    want: { date: '2023-11-14', dateSource: 'datumLine' },
  },
  {
    name: 'questions not yet answered: the day they were sent in',
    text: 'Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over de begroting (ingezonden 3 oktober 2023).\n1\nBent u bekend met het bericht?\n',
    want: { date: '2023-10-03', dateSource: 'datumLine' },
  },
  {
    name: 'ontvangen without an answer before it is no date of the document',
    text: 'De brief (ontvangen 14 november 2023) is doorgestuurd.\n',
    want: {},
  },
  {
    name: "a report's cover date alone on its line under the title",
    text: 'Zicht op de uitgaven\n\nOnderzoek naar de onderbouwing\n\n12 maart 2019\n\nVooraf\n\nDeze publicatie gaat over de uitgaven.\n',
    want: { date: '2019-03-12', dateSource: 'datumLine' },
  },
  {
    name: "a date alone on its line as a field's value is no cover date",
    text: 'Fiche 1: Verordening\n1. Algemene gegevens\nb) Datum ontvangst Commissiedocument\n26 oktober 2022\nc) Nr. Commissiedocument\n',
    want: {},
  },
  {
    name: 'CRLF line ends',
    text: 'Datum 2 november 2022\r\nBetreft Voortgang industriebeleid\r\n\r\nGeachte Voorzitter,\r\n',
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Voortgang industriebeleid', titleSource: 'datumLine' },
  },

  // --- front matter
  {
    name: 'front matter with Dutch keys wins over the header and the manifest',
    text: `«---
kamerstuk: ⟦29826-147⟧
datum: 2022-07-08
titel: Het verschil maken met strategisch en groen industriebeleid
documentnummer: 2022D30651
---
»Datum 1 juli 2022
Betreft Concept

Tweede Kamer, vergaderjaar 2021–2022, 29 826, nr. 140 1
`,
    options: { known: { kamerstuk: '29826-1', date: '2020-01-01', title: 'Manifest', documentNumber: '2020D00001' } },
    want: {
      date: '2022-07-08',
      dateSource: 'frontMatter',
      kamerstuk: { dossier: '29826', nr: '147' },
      kamerstukSource: 'frontMatter',
      documentNumber: '2022D30651',
      documentNumberSource: 'frontMatter',
      title: 'Het verschil maken met strategisch en groen industriebeleid',
      titleSource: 'frontMatter',
    },
  },
  {
    name: 'front matter with English keys, quoted values and comments',
    text: `«---
# concept, niet verspreiden
title: "Visie op de \\"toekomst\\" van de industrie"   # werktitel
date: '2020-10-30'
documentNumber: 2020D43210 # nog aan te vragen
kamerstuk: '⟦kst-36600-XIII-65⟧'
author: Directie Topsectoren
---
»Tekst.`,
    want: {
      date: '2020-10-30',
      dateSource: 'frontMatter',
      kamerstuk: { dossier: '36600-XIII', nr: '65' },
      kamerstukSource: 'frontMatter',
      documentNumber: '2020D43210',
      documentNumberSource: 'frontMatter',
      title: 'Visie op de "toekomst" van de industrie',
      titleSource: 'frontMatter',
    },
  },
  {
    name: 'front matter: printed Kamerstuk and written date forms',
    text: '«---\nkamerstuk: ⟦29 826, nr. 147⟧\ndatum: 8 juli 2022\n---\n»Tekst.',
    want: { date: '2022-07-08', dateSource: 'frontMatter', kamerstuk: { dossier: '29826', nr: '147' }, kamerstukSource: 'frontMatter' },
  },
  {
    name: 'malformed front matter values are ignored; the text header fills in',
    text: `«---
kamerstuk: 29826
datum: 2022-13-45
titel: "niet gesloten
documentnummer: [2022D30651]
dit is geen yaml
---
»Datum 2 november 2022
Betreft Voortgang industriebeleid
`,
    want: { date: '2022-11-02', dateSource: 'datumLine', title: 'Voortgang industriebeleid', titleSource: 'datumLine' },
  },
  {
    name: 'a header after the front matter is still the head of the document',
    text: '«---\ntitel: Concept\n---\n»⟦29 826 Industriebeleid\nNr. 124⟧ BRIEF VAN DE STAATSSECRETARIS\nDen Haag, 30 oktober 2020\n',
    want: {
      date: '2020-10-30',
      dateSource: 'header',
      kamerstuk: { dossier: '29826', nr: '124' },
      kamerstukSource: 'header',
      dossierTitle: 'Industriebeleid',
      title: 'Concept',
      titleSource: 'frontMatter',
    },
  },
  {
    name: 'front matter with CRLF line ends and a byte order mark',
    text: '«\uFEFF---\r\ndatum: 2022-07-08\r\n---\r\n»Tekst.\r\n',
    want: { date: '2022-07-08', dateSource: 'frontMatter' },
  },
  {
    name: 'front matter closed by "..." and a YAML timestamp',
    text: '«---\ndate: 2022-07-08T10:30:00+02:00\n...\n»Tekst.',
    want: { date: '2022-07-08', dateSource: 'frontMatter' },
  },
  {
    name: 'Markdown between two horizontal rules is not front matter',
    text: '---\n# Concept\nDit is een notitie.\n---\nDatum 2 november 2022\n',
    want: { date: '2022-11-02', dateSource: 'datumLine' },
  },
  {
    name: 'front matter that is never closed is not front matter',
    text: '---\ndatum: 2022-07-08\nDe brief begint hier.\n',
    want: {},
  },
  {
    name: '--- not on the first line is not front matter',
    text: '\n---\ndatum: 2022-07-08\n---\n',
    want: {},
  },

  // --- options and the manifest
  {
    name: 'options.documentDate beats front matter and header',
    text: '«---\ndatum: 2022-07-08\n---\n»Datum 2 november 2022\n',
    options: { documentDate: '2023-01-15', known: { date: '2020-01-01' } },
    want: { date: '2023-01-15', dateSource: 'option' },
  },
  {
    name: 'an invalid options.documentDate is ignored',
    text: 'Datum 2 november 2022\n',
    options: { documentDate: '2023-02-30' },
    want: { date: '2022-11-02', dateSource: 'datumLine' },
  },
  {
    name: 'the manifest fills what a headerless text does not say',
    text: 'Hierbij bied ik u de visie aan.\n',
    options: { known: { kamerstuk: 'kst-29826-124', date: '2020-10-30', title: 'Visie', documentNumber: '2020D43210' } },
    want: {
      date: '2020-10-30',
      dateSource: 'manifest',
      kamerstuk: { dossier: '29826', nr: '124' },
      kamerstukSource: 'manifest',
      documentNumber: '2020D43210',
      documentNumberSource: 'manifest',
      title: 'Visie',
      titleSource: 'manifest',
    },
  },
  {
    name: "the text's own header beats the manifest, fact by fact",
    text: 'Datum 2 november 2022\nBetreft Voortgang industriebeleid\n',
    options: { known: { kamerstuk: '31125-123', date: '2020-10-30', title: 'Iets anders' } },
    want: {
      date: '2022-11-02',
      dateSource: 'datumLine',
      kamerstuk: { dossier: '31125', nr: '123' },
      kamerstukSource: 'manifest',
      title: 'Voortgang industriebeleid',
      titleSource: 'datumLine',
    },
  },
  {
    name: 'invalid manifest facts are ignored',
    text: 'Tekst.\n',
    options: { known: { kamerstuk: '29826', date: '2020-13-01', title: '  ', documentNumber: '2025Z19083' } },
    want: {},
  },
  { name: 'an empty text', text: '', want: {} },
  // --- Eerste Kamer papers, verslagen, reprints
  {
    name: "an Eerste Kamer paper's letters without Nr.; a verslag's Vastgesteld date, not the dateline of the letter it quotes",
    text: `⟦32 813 Kabinetsaanpak Klimaatbeleid

AO⟧ VERSLAG VAN EEN SCHRIFTELIJK OVERLEG

Vastgesteld 27 september 2022

De leden van de vaste commissie hadden kennisgenomen van een aantal brieven.

BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE

Aan de Minister voor Volkshuisvesting en Ruimtelijke Ordening

Den Haag, 12 juli 2022
`,
    want: {
      date: '2022-09-27',
      dateSource: 'header',
      kamerstuk: { dossier: '32813', nr: 'AO' },
      kamerstukSource: 'header',
      dossierTitle: 'Kabinetsaanpak Klimaatbeleid',
      title: 'VERSLAG VAN EEN SCHRIFTELIJK OVERLEG',
      titleSource: 'header',
    },
  },
  {
    name: 'a verslag without an official heading: Vastgesteld above a quoted letter is its date',
    text: `Kamerstuk
| Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |
|---|---|---|---|
| Eerste Kamer der Staten-Generaal | 2025-2026 | 36800-XVI nr. B |
Vastgesteld 3 december 2025
De vaste commissie heeft schriftelijk overleg gevoerd met de Minister.
Aan de Minister van Volksgezondheid, Welzijn en Sport
Den Haag, 17 september 2025
In het kader van het gebruikelijke rappel ontvangt u hierbij overzichten.`,
    want: { date: '2025-12-03', dateSource: 'datumLine' },
  },
  {
    name: 'a letter whose dateline comes before a Vastgesteld line keeps its dateline',
    text: 'Den Haag, 17 september 2025\nHierbij het verslag.\nVastgesteld 3 december 2025\n',
    want: { date: '2025-09-17', dateSource: 'datumLine' },
  },
  {
    name: 'a reprint: "HERDRUK" with its glued footnote marker is no title, nor part of one',
    text: `⟦29 240 Veiligheid op school

Nr. 108⟧ HERDRUK1 BRIEF VAN DE MINISTERS VAN ONDERWIJS, CULTUUR EN WETENSCHAP

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 11 juli 2019
`,
    want: { date: '2019-07-11', dateSource: 'header', kamerstuk: { dossier: '29240', nr: '108' }, kamerstukSource: 'header', dossierTitle: 'Veiligheid op school' },
  },
  {
    name: 'a reprint of a paper with a title',
    text: `⟦36 410 Wijziging van de Wet op het Nationaal Groeifonds

Nr. 5⟧ HERDRUK2 MEMORIE VAN TOELICHTING3

Ontvangen 12 februari 2024
`,
    want: {
      date: '2024-02-12',
      dateSource: 'header',
      kamerstuk: { dossier: '36410', nr: '5' },
      kamerstukSource: 'header',
      dossierTitle: 'Wijziging van de Wet op het Nationaal Groeifonds',
      title: 'MEMORIE VAN TOELICHTING',
      titleSource: 'header',
    },
  },
];

describe('recognizeMetadata', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { text, identity, frontMatter } = unmark(c.text);
      const { identitySpan, frontMatterSpan, identitySpans, headEnd, ...rest } = recognizeMetadata(text, c.options);
      assert.deepEqual(rest, c.want);
      assert.deepEqual(identitySpan, identity, 'identitySpan');
      assert.deepEqual(frontMatterSpan, frontMatter, 'frontMatterSpan');
      // The heading is one of the places where the document names itself.
      if (identitySpan) {
        assert.ok(identitySpans?.some((s) => s.offset <= identitySpan.offset && s.offset + s.length >= identitySpan.offset + identitySpan.length), 'identitySpans cover the heading');
        assert.ok(headEnd !== undefined, 'a document with an identity has a head');
      }
    });
  }

  it("reads an Eerste Kamer heading's letters as the paper's own identity, not as a citation", () => {
    const text = '32 813 Kabinetsaanpak Klimaatbeleid\n\nAO VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\nVastgesteld 27 september 2022\n\nZie ook Kamerstuk 32 813, nr. 900.\n';
    const a = analyze(text);
    assert.deepEqual(a.metadata.kamerstuk, { dossier: '32813', nr: 'AO' });
    const cited = a.references.filter((r) => r.kind === 'kamerstuk').map((r) => r.kind === 'kamerstuk' && `${r.dossier}-${r.nr}`);
    assert.deepEqual(cited, ['32813-900']);
  });

  it("an archive page's ID row names the paper; its title row and source link are the paper naming itself too", () => {
    const text =
      'Kamerstuk 34300-VII-60\n\nKabinetsreactie op een advies\n\nGepubliceerd: 9 maart 2016\nBron: https://zoek.officielebekendmakingen.nl/kst-34300-VII-60.html\nID: 34300-VII-60\n\n' +
      'Zie ook Kamerstuk 34300-VII, nr. 12.\n';
    const a = analyze(text);
    assert.deepEqual(a.metadata.kamerstuk, { dossier: '34300-VII', nr: '60' });
    assert.deepEqual(
      a.references.filter((r) => r.kind === 'kamerstuk').map((r) => r.text),
      ['Kamerstuk 34300-VII, nr. 12'],
    );
  });

  it("the Tweede Kamer's printed document number opening the title is the document's own", () => {
    const text = 'Inbreng verslag schriftelijk overleg\n2025D20977 INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nBinnen de commissie (zie 2025D20123) …\n';
    const a = analyze(text);
    assert.equal(a.metadata.documentNumber, '2025D20977');
    assert.deepEqual(a.references.filter((r) => r.kind === 'documentNumber').map((r) => r.text), ['2025D20123']);
    // In running text a document number followed by capitals is no heading.
    assert.equal(recognizeMetadata('De brief.\nHij schreef.\nOok.\nEn.\nVerder 2025D20977 INBRENG VERSLAG\n').documentNumber, undefined);
  });

  it("does not cite its own paper or dossier from a page record's rows", () => {
    const text =
      'Verslag over de motie (Kamerstuk 35 526, L)\n\nDit verslag is onder nr. 60 toegevoegd aan wetsvoorstel 35526 - Tijdelijke wet.\n\nKerngegevens\n\nNummer KST3552660\nReference 35526, nr. 60\n';
    const a = analyze(text);
    assert.deepEqual(a.metadata.kamerstuk, { dossier: '35526', nr: '60' });
    const cited = a.references.filter((r) => r.kind === 'kamerstuk' || r.kind === 'dossier').map((r) => r.text);
    assert.deepEqual(cited, ['Kamerstuk 35 526, L']);
  });

  it("takes only a flattened heading's first 'Nr.' for its own: a placeholder is none, a later one is a citation's", () => {
    const text =
      '21501 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG Vastgesteld, … 2026 Nr. xxx Binnen de vaste commissie hebben de fracties vragen over de agenda voor de Raad (Kamerstuk 21501-02, Nr. 3355).\n';
    const a = analyze(text);
    assert.equal(a.metadata.kamerstuk, undefined);
    assert.deepEqual(a.references.filter((r) => r.kind === 'kamerstuk').map((r) => r.text), ['Kamerstuk 21501-02, Nr. 3355']);
  });

  it('never throws on odd texts', () => {
    const odd = ['---', '---\n', '---\n---\n', '---\n:\n---\n', '---\nkey: "\\u12"\n---\n', 'Nr. 1', '29 826 X\nNr.', 'Datum', 'Betreft\n', '\uFEFF', '\r\r\r', 'Tweede Kamer, vergaderjaar'];
    for (const t of odd) assert.doesNotThrow(() => recognizeMetadata(t), JSON.stringify(t));
  });

  // Speed is measured by `npm run bench`.
  it('finds nothing in a text that repeats the footer cue on one endless line', () => {
    const text = 'Tweede Kamer, vergaderjaar 2021–2022, 29 826, '.repeat(40_000);
    assert.deepEqual(recognizeMetadata(text), {});
  });
});

describe('readFrontMatter', () => {
  it('reports what it cannot read, line by line', () => {
    const fm = readFrontMatter('---\nok: ja\ntitel: "open\ndit is geen yaml\nlijst: [a, b]\nok: nogmaals\nnest:\n  diep: waarde\n- los\n---\nTekst');
    assert.ok(fm);
    assert.deepEqual(
      fm.entries.map((e) => [e.key, e.value]),
      [['ok', 'ja'], ['nest', '']],
    );
    assert.deepEqual(fm.problems, [
      'line 3: titel: the double quote is not closed on its line',
      'line 4: expected "key: value"',
      'line 5: lijst: "[" values (lists, maps, block text, anchors, tags) are not read here',
      'line 6: ok is given twice; the first value counts',
    ]);
    assert.deepEqual(fm.span, { offset: 0, length: '---\nok: ja\ntitel: "open\ndit is geen yaml\nlijst: [a, b]\nok: nogmaals\nnest:\n  diep: waarde\n- los\n---\n'.length });
  });

  it("unescapes single-quoted '' and double-quoted escapes; keeps # inside quotes and words", () => {
    const fm = readFrontMatter(`---\na: 'it''s # geen commentaar'\nb: "tab\\tregel\\u00e9"\nc: nr#1 # wel commentaar\nd:\n---\n`);
    assert.deepEqual(
      fm?.entries.map((e) => [e.key, e.value]),
      [['a', "it's # geen commentaar"], ['b', 'tab\tregelé'], ['c', 'nr#1'], ['d', '']],
    );
  });
});

describe('metadata of the seeds', () => {
  const manifest = parseManifest(fs.readFileSync(path.join(seedsDir, 'kamerwijzer.json'), 'utf8'));
  const read = (file: string, withManifest: boolean): DocumentMetadata => {
    const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    return recognizeMetadata(text, withManifest ? { known: manifest.documents.get(file) } : {});
  };
  const brief = (m: DocumentMetadata): Record<string, unknown> => ({
    date: m.date,
    dateSource: m.dateSource,
    kamerstuk: m.kamerstuk ? `${m.kamerstuk.dossier}-${m.kamerstuk.nr}` : undefined,
    kamerstukSource: m.kamerstukSource,
    documentNumber: m.documentNumber,
    title: m.title,
    titleSource: m.titleSource,
  });

  const SEEDS: readonly { file: string; manifest: boolean; want: Record<string, unknown> }[] = [
    {
      file: '000_314d4768fc43998e.txt',
      manifest: false,
      want: { date: undefined, dateSource: undefined, kamerstuk: undefined, kamerstukSource: undefined, documentNumber: undefined, title: undefined, titleSource: undefined },
    },
    {
      file: '000_314d4768fc43998e.txt',
      manifest: true,
      want: { date: '2020-10-30', dateSource: 'manifest', kamerstuk: '29826-124', kamerstukSource: 'manifest', documentNumber: undefined, title: 'Visie op de toekomst van de industrie in Nederland', titleSource: 'manifest' },
    },
    {
      file: '001_6eee23a5c68b1126.txt',
      manifest: false,
      want: { date: undefined, dateSource: undefined, kamerstuk: '29826-147', kamerstukSource: 'header', documentNumber: undefined, title: undefined, titleSource: undefined },
    },
    {
      file: '001_6eee23a5c68b1126.txt',
      manifest: true,
      want: { date: '2022-07-08', dateSource: 'manifest', kamerstuk: '29826-147', kamerstukSource: 'header', documentNumber: '2022D30651', title: 'Het verschil maken met strategisch en groen industriebeleid', titleSource: 'manifest' },
    },
    {
      file: '002_185b39cd919789ed.txt',
      manifest: false,
      want: { date: '2025-10-17', dateSource: 'openDataHeader', kamerstuk: '29826-277', kamerstukSource: 'openDataHeader', documentNumber: '2025D44449', title: 'Industriebeleid met focus', titleSource: 'openDataHeader' },
    },
    {
      file: '003_5ba8678b3eddeb36.txt',
      manifest: true,
      want: { date: undefined, dateSource: undefined, kamerstuk: undefined, kamerstukSource: undefined, documentNumber: undefined, title: 'Nadere toelichting op de uitvoering van de motie-Kostić c.s.', titleSource: 'manifest' },
    },
    {
      file: '004_845066ec087d8ccf.txt',
      manifest: false,
      want: { date: '2022-11-02', dateSource: 'datumLine', kamerstuk: undefined, kamerstukSource: undefined, documentNumber: undefined, title: 'Defensie Industrie Strategie in een nieuwe geopolitieke context', titleSource: 'datumLine' },
    },
    {
      file: '004_845066ec087d8ccf.txt',
      manifest: true,
      want: { date: '2022-11-02', dateSource: 'datumLine', kamerstuk: '31125-123', kamerstukSource: 'manifest', documentNumber: undefined, title: 'Defensie Industrie Strategie in een nieuwe geopolitieke context', titleSource: 'datumLine' },
    },
  ];
  for (const s of SEEDS) {
    it(`${s.file} ${s.manifest ? 'with' : 'without'} the manifest`, () => assert.deepEqual(brief(read(s.file, s.manifest)), s.want));
  }

  it('the identity spans of seeds 001 (page footer) and 002 (open-data header) cover the written identity', () => {
    for (const [file, written] of [['001_6eee23a5c68b1126.txt', '29 826, nr. 147'], ['002_185b39cd919789ed.txt', '29826 -277']] as const) {
      const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
      const span = recognizeMetadata(text).identitySpan;
      assert.ok(span, file);
      assert.equal(text.slice(span.offset, span.offset + span.length), written, file);
    }
  });

  it('every seed date agrees with the gold annotations', () => {
    const gold = JSON.parse(fs.readFileSync(path.join(seedsDir, '..', 'test', 'fixtures', 'eval', 'seeds.gold.json'), 'utf8')) as { file: string; documentDate: string | null }[];
    for (const g of gold) assert.equal(read(g.file, true).date ?? null, g.documentDate, g.file);
  });
});

describe('analyze hides front matter from the recognizers', () => {
  it('sets frontMatterSpan on the analysis', () => {
    const text = '---\nkamerstuk: 29826-147\n---\nTekst.';
    assert.deepEqual(analyze(text).metadata.frontMatterSpan, { offset: 0, length: text.indexOf('Tekst') });
  });
});
