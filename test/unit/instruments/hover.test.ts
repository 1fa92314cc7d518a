import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { expect } from '../../support/expect';
import { bundledEntries, testWorkspace, type TestWorkspace, type WorkspaceOptions } from '../../support/workspace';

/**
 * Hover on policy instruments across ministries, in whole letters: acts by their official names
 * (citation title, BWB id, consolidated text), and an abbreviation with several meanings (NPO)
 * decided by the letter or shown with all its candidates.
 */

/** The hover text on the n-th (0-based) occurrence of `word` in the letter, and the hovered text. */
async function hoverOn(ws: TestWorkspace, text: string, word: string, nth = 0): Promise<{ value: string; hovered: string }> {
  const doc = ws.add('brief.txt', text);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(word, at + 1);
    assert.ok(at >= 0, `no ${nth + 1}× ${word}`);
  }
  const h = await ws.service.hover(doc, at + Math.floor(word.length / 2));
  if (!h) return { value: '', hovered: '' };
  const r = h.range!;
  return { value: (h.contents as MarkupContent).value, hovered: doc.text.slice(doc.lines.offsetAt(r.start), doc.lines.offsetAt(r.end)) };
}

function letter(options: WorkspaceOptions = {}): (text: string, word: string, nth?: number) => Promise<{ value: string; hovered: string }> {
  const ws = testWorkspace(options);
  return (text, word, nth) => hoverOn(ws, text, word, nth);
}

const HOUSING = `Ministerie van Volkshuisvesting en Ruimtelijke Ordening

Datum 14 maart 2025
Betreft Voortgang betaalbare huur

Sinds 1 juli 2024 geldt de Wet betaalbare huur. Het woningwaarderingsstelsel (WWS) is daarmee dwingend voor sociale huurwoningen en voor middenhuurwoningen tot en met 186 punten; huurders kunnen een geschil voorleggen aan de Huurcommissie.

Huurders met een laag inkomen ontvangen daarnaast huurtoeslag. De WWS-punten van een woning bepalen de maximale huur.
`;

const HEALTH = `Ministerie van Volksgezondheid, Welzijn en Sport

Betreft Voortgang Integraal Zorgakkoord

De zorg uit de Zorgverzekeringswet (Zvw) en de Wet langdurige zorg (Wlz) staat onder druk. Gemeenten voeren de Wmo 2015 uit. In het Integraal Zorgakkoord (IZA) zijn afspraken gemaakt over passende zorg; de NZa ziet toe op de tarieven.

De Zvw blijft de basis; over de Wlz en de Wmo 2015 informeer ik u later. Het IZA loopt tot en met 2026.
`;

const EDUCATION_NPO = `Ministerie van Onderwijs, Cultuur en Wetenschap

Betreft Afronding herstelprogramma

Met de middelen uit het NPO hebben scholen in het primair en voortgezet onderwijs de achterstanden van leerlingen ingelopen; de schoolprogramma's zijn geëvalueerd.
`;

const MEDIA_NPO = `Ministerie van Onderwijs, Cultuur en Wetenschap

Betreft Toekomst publieke omroep

De NPO moet het aantal zenders op radio en televisie beperken; de omroepen krijgen daarvoor minder geld uit de mediabegroting.
`;

const OPEN_NPO = `Ministerie van Onderwijs, Cultuur en Wetenschap

Betreft Stand van zaken

Het NPO is in het overleg van 12 maart besproken. Ik kom daar voor de zomer op terug.
`;

describe('instrument hover across ministries', () => {
  describe('a housing letter (Volkshuisvesting en Ruimtelijke Ordening)', () => {
    const hoverAt = letter();

    it('the WWS: its full name, what it does and the act it rests on', async () => {
      const { value, hovered } = await hoverAt(HOUSING, 'WWS');
      assert.equal(hovered, 'WWS');
      assert.match(value, /^\*\*WWS\*\* · wet of regelgeving\n\n\*Woningwaarderingsstelsel\*\n\nPuntenstelsel dat op basis van de kwaliteit van een huurwoning de maximale huurprijs bepaalt/);
      assert.match(value, /- \*\*Ministerie:\*\* Volkshuisvesting en Ruimtelijke Ordening/);
      assert.match(value, /- \*\*Grondslag:\*\* Uitvoeringswet huurprijzen woonruimte en Besluit huurprijzen woonruimte — \[wetten\.overheid\.nl\]\(https:\/\/wetten\.overheid\.nl\/BWBR0014315\)/);
      assert.ok(!/BWB-id/.test(value), 'the WWS is no act of its own');
      const compound = await hoverAt(HOUSING, 'WWS', 1);
      assert.equal(compound.hovered, 'WWS', 'the WWS in "WWS-punten"');
      assert.match(compound.value, /^\*\*WWS\*\*/);
    });

    it('huurtoeslag: the Wet op de huurtoeslag linked by its own BWB id', async () => {
      const { value, hovered } = await hoverAt(HOUSING, 'huurtoeslag');
      assert.equal(hovered, 'huurtoeslag');
      expect`
**Huurtoeslag** · subsidieregeling

Inkomensafhankelijke bijdrage in de huurkosten voor huurders, op grond van de Wet op de huurtoeslag; de hoogte hangt onder meer af van de huur, het inkomen, de bezittingen en de leeftijd. Dienst Toeslagen keert de huurtoeslag uit.

- **Ministerie:** Volkshuisvesting en Ruimtelijke Ordening
- **Grondslag:** Wet op de huurtoeslag — [wetten.overheid.nl](https://wetten.overheid.nl/BWBR0008659)

_Bronnen: [aame.nl](https://www.aame.nl/accountants-en-belastingadviseurs/belastingaangifte/toeslagen/), [github.com](https://github.com/MinBZK/regelrecht-mvp/blob/main/doc/migration/poc-migratie-plan.md)_
`.assert(value);
    });

    it('the Wet betaalbare huur: the act and its Kamerstuk', async () => {
      const { value, hovered } = await hoverAt(HOUSING, 'Wet betaalbare huur');
      assert.equal(hovered, 'Wet betaalbare huur');
      assert.match(value, /^\*\*Wet betaalbare huur\*\* · wet of regelgeving/);
      assert.match(value, /middenhuurwoningen \(tot en met 186 punten\)/);
      assert.match(value, /\[Kamerstuk 36 496, nr\. 3\]\(https:\/\/zoek\.officielebekendmakingen\.nl\/kst-36496-3\.html\)/);
      assert.ok(!/BWB-id/.test(value), 'an amending act has no consolidated text of its own');
    });
  });

  describe('a health letter (Volksgezondheid, Welzijn en Sport)', () => {
    const hoverAt = letter();

    it('the Zvw: citation title with its abbreviation, BWB id and the consolidated text', async () => {
      const { value, hovered } = await hoverAt(HEALTH, 'Zvw', 1);
      assert.equal(hovered, 'Zvw');
      expect`
**Zorgverzekeringswet** · wet of regelgeving

Wet die de verplichte basisverzekering voor zorgkosten regelt: wie in Nederland is verzekerd en welke zorg het basispakket vergoedt. Zorginstituut Nederland adviseert over de inhoud van het basispakket; afspraken in het Integraal Zorgakkoord gaan over zorg die onder deze wet valt.

- **Citeertitel:** Zorgverzekeringswet (Zvw)
- **BWB-id:** BWBR0018450
- **Ministerie:** Volksgezondheid, Welzijn en Sport

[Geldende tekst: wetten.overheid.nl/BWBR0018450](https://wetten.overheid.nl/BWBR0018450)

_Bronnen: [english.zorginstituutnederland.nl](https://english.zorginstituutnederland.nl/about-us/working-methods-and-procedures/advising-on-and-clarifying-the-contents-of-the-standard-health-care-benefit-package), [vsregister.nl](https://vsregister.nl/thema-s/integraal-zorgakkoord/), [github.com](https://github.com/MinBZK/regelrecht-mvp/blob/main/doc/migration/poc-migratie-plan.md)_
`.assert(value);
    });

    it('the Wlz, written out or abbreviated', async () => {
      for (const [word, nth, whole] of [['Wet langdurige zorg', 0, 'Wet langdurige zorg (Wlz)'], ['Wlz', 1, 'Wlz']] as const) {
        const { value, hovered } = await hoverAt(HEALTH, word, nth);
        assert.equal(hovered, whole);
        assert.match(value, /^\*\*Wet langdurige zorg\*\* · wet of regelgeving/);
        assert.match(value, /- \*\*Citeertitel:\*\* Wet langdurige zorg \(Wlz\)\n- \*\*BWB-id:\*\* BWBR0035917/);
        assert.match(value, /\[Geldende tekst: wetten\.overheid\.nl\/BWBR0035917\]\(https:\/\/wetten\.overheid\.nl\/BWBR0035917\)/);
      }
    });

    it('the Wmo 2015: its citation title, official abbreviation and short abbreviation', async () => {
      const { value, hovered } = await hoverAt(HEALTH, 'Wmo 2015', 1);
      assert.equal(hovered, 'Wmo 2015');
      assert.match(value, /^\*\*Wmo 2015\*\* · wet of regelgeving\n\nWet waarmee gemeenten maatschappelijke ondersteuning bieden/);
      assert.match(value, /- \*\*Citeertitel:\*\* Wet maatschappelijke ondersteuning 2015 \(Wmo 2015\)\n- \*\*BWB-id:\*\* BWBR0035362\n- \*\*Afkortingen:\*\* Wmo\n/);
      assert.ok(!/\*Wet maatschappelijke ondersteuning 2015\*/.test(value), 'the full name is not repeated in italics');
    });

    it('the NZa and the IZA: an organisation and an agreement, no act', async () => {
      const nza = await hoverAt(HEALTH, 'NZa');
      assert.equal(nza.hovered, 'NZa');
      assert.match(nza.value, /^\*\*NZa\*\* · organisatie\n\n\*Nederlandse Zorgautoriteit\*/);
      assert.match(nza.value, /- \*\*Grondslag:\*\* Wet marktordening gezondheidszorg/);
      assert.ok(!/Citeertitel/.test(nza.value));
      const iza = await hoverAt(HEALTH, 'IZA', 1);
      assert.equal(iza.hovered, 'IZA');
      assert.match(iza.value, /^\*\*Integraal Zorgakkoord\*\* · strategie/);
      assert.match(iza.value, /- \*\*Afkortingen:\*\* IZA/);
    });

    it('speaks English: citation title, BWB id, consolidated text', async () => {
      const { value } = await letter({ locale: 'en' })(HEALTH, 'Zvw', 1);
      assert.match(value, /^\*\*Zorgverzekeringswet\*\* · act or regulation\n\nAct governing the compulsory basic health insurance/);
      assert.match(value, /- \*\*Citation title:\*\* Zorgverzekeringswet \(Zvw\)\n- \*\*BWB id:\*\* BWBR0018450\n- \*\*Ministry:\*\* Volksgezondheid, Welzijn en Sport/);
      assert.match(value, /\[Consolidated text: wetten\.overheid\.nl\/BWBR0018450\]\(https:\/\/wetten\.overheid\.nl\/BWBR0018450\)/);
    });
  });

  describe('an education letter: NPO (Onderwijs, Cultuur en Wetenschap)', () => {
    const hoverAt = letter();

    it('in an education paragraph: the Nationaal Programma Onderwijs', async () => {
      const { value, hovered } = await hoverAt(EDUCATION_NPO, 'NPO');
      assert.equal(hovered, 'NPO');
      assert.match(value, /^\*\*Nationaal Programma Onderwijs\*\* · programma\n\nInvesteringsprogramma van het kabinet/);
      assert.match(value, /_‘NPO’ kan ook staan voor \*\*Stichting Nederlandse Publieke Omroep\*\*; hier gekozen op grond van de woorden in de alinea\._/);
    });

    it('in a media paragraph: the broadcaster', async () => {
      const { value, hovered } = await hoverAt(MEDIA_NPO, 'NPO');
      assert.equal(hovered, 'NPO');
      assert.match(value, /^\*\*NPO\*\* · organisatie\n\n\*Stichting Nederlandse Publieke Omroep\*\n\nStichting Nederlandse Publieke Omroep, het sturings- en samenwerkingsorgaan/);
      assert.match(value, /_‘NPO’ kan ook staan voor \*\*Nationaal Programma Onderwijs\*\*; hier gekozen op grond van de woorden in de alinea\._/);
    });

    it('written out in the letter: that one, whatever the paragraph says', async () => {
      const text = `${MEDIA_NPO}\nHet Nationaal Programma Onderwijs is afgerond.\n`;
      const { value } = await hoverAt(text.replace('De NPO moet', 'Het NPO moest'), 'NPO');
      assert.match(value, /^\*\*Nationaal Programma Onderwijs\*\* · programma/);
      assert.match(value, /hier gekozen omdat de brief deze naam voluit schrijft\._/);
    });

    it('with nothing to tell: every candidate with one line, the note and how to settle it', async () => {
      const { value, hovered } = await hoverAt(OPEN_NPO, 'NPO');
      assert.equal(hovered, 'NPO');
      expect`
**NPO** · meerdere betekenissen

‘NPO’ staat in de woordenlijst voor:

- **Nationaal Programma Onderwijs** (programma): Investeringsprogramma van het kabinet van ruim € 8,5 miljard om de gevolgen van de coronacrisis voor leerlingen en studenten op te vangen.
- **Stichting Nederlandse Publieke Omroep** (organisatie): Stichting Nederlandse Publieke Omroep, het sturings- en samenwerkingsorgaan van de landelijke publieke omroep op grond van de Mediawet 2008; met de wetswijziging van 2016 kreeg de NPO een regierol …

_In OCW-brieven staat NPO zowel voor het Nationaal Programma Onderwijs (coronaherstel, 2021-2025) als voor de Nederlandse Publieke Omroep (Mediawet 2008); de context (onderwijs of media) beslist._

_Uit de brief blijkt niet welke bedoeld is. Schrijf de naam bij het eerste gebruik voluit, bijvoorbeeld ‘Nationaal Programma Onderwijs (NPO)’._
`.assert(value);
    });

    it('with nothing to tell, in English: the candidates without the Dutch note', async () => {
      const { value } = await letter({ locale: 'en' })(OPEN_NPO, 'NPO');
      assert.match(value, /^\*\*NPO\*\* · several meanings\n\nIn the glossary, ‘NPO’ stands for:\n\n- \*\*Nationaal Programma Onderwijs\*\* \(programme\): Cabinet investment programme/);
      assert.match(value, /- \*\*Stichting Nederlandse Publieke Omroep\*\* \(organisation\): Netherlands Public Broadcasting foundation/);
      assert.ok(!/OCW-brieven/.test(value));
      assert.match(value, /Write the name out at its first use, for example ‘Nationaal Programma Onderwijs \(NPO\)’/);
    });
  });

  it('every entry of the glossary hovers as plain, safe Markdown: no HTML, links only http(s)', async () => {
    const ws = testWorkspace();
    for (const e of bundledEntries) {
      const text = `Over ${e.name} het volgende.`;
      const { value } = await hoverOn(ws, text, e.name);
      assert.ok(value, `${e.id}: no hover on ${e.name}`);
      assert.ok(!/<[a-z/!]/i.test(value.replace(/\\</g, '')), `${e.id}: HTML in ${value}`);
      for (const m of value.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^https?:\/\/[^\s()<>]+$/, `${e.id}: link ${m[1]}`);
      if (e.law?.bwbId) assert.ok(value.includes(`](https://wetten.overheid.nl/${e.law.bwbId})`), `${e.id}: links its consolidated text`);
    }
  });
});
