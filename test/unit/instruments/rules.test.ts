import * as assert from 'node:assert/strict';
import { parseGlossary } from '../../../server/src/engine/glossary';
import type { DiagnosticRule } from '../../../server/src/features/diagnostics/model';
import { ALL_RULES, INSTRUMENT_RULES } from '../../../server/src/features/diagnostics/rules';
import { computeFindings } from '../../../server/src/features/diagnostics/run';
import type { CheckedFinding, SeverityName } from '../../../server/src/features/model';
import { applied, quickFixes, ruleWorkspace } from '../../support/checks';
import { parseFile } from '../../support/fixture';
import { applyEdits, GLOSSARY_URI, testWorkspace, uriOf, type TestWorkspace, type WorkspaceOptions } from '../../support/workspace';

const DOC = 'brief.txt';
const DOC_URI = uriOf(DOC);

async function diagnose(ws: TestWorkspace, text: string): Promise<CheckedFinding[]> {
  return ws.service.findings(ws.add(DOC, text));
}

/**
 * Checks a rule on a fixture: `[[…]]` marks each expected finding; `fixed` is the letter after the
 * first quick fix of every finding is applied (one at a time, on the original text).
 */
async function checkRule(code: string, fixture: string, fixed?: string, options: WorkspaceOptions = {}): Promise<void> {
  const { text, ranges } = parseFile(DOC, fixture);
  const ws = ruleWorkspace([code], options);
  const found = await diagnose(ws, text);
  assert.deepEqual(
    found.map((d) => text.slice(d.span.offset, d.span.offset + d.span.length)),
    ranges.map((r) => text.slice(r.offset, r.offset + r.length)),
    found.map((d) => d.message).join('\n'),
  );
  for (const d of found) {
    assert.equal(d.code, code);
    assert.equal(d.severity, code === 'instrument-full-name-repeated' ? 'hint' : 'information');
  }
  if (fixed === undefined) return;
  const edits = found.flatMap((d) => quickFixes(ws, d, found)[0]!.edits.filter((e) => e.uri === DOC_URI));
  assert.equal(applyEdits(text, edits), fixed);
}

describe('instrument rules', () => {
  it('are registered, once each, with information as default severity (a repeated full name is a hint)', () => {
    assert.deepEqual(
      INSTRUMENT_RULES.map((r) => [r.code, r.defaultSeverity]),
      [
        ['instrument-abbreviation-before-full-name', 'information'],
        ['instrument-full-name-repeated', 'hint'],
        ['instrument-unknown-abbreviation', 'information'],
        ['abbreviation-unexplained', 'information'],
      ],
    );
    for (const r of INSTRUMENT_RULES) assert.equal(ALL_RULES.filter((x: DiagnosticRule) => x.code === r.code).length, 1);
  });

  it('find nothing without a glossary', async () => {
    const ws = testWorkspace({ rules: INSTRUMENT_RULES });
    const doc = ws.add(DOC, 'De WBSO helpt. De SCE-regeling ook. Het Nationaal Groeifonds (NGF) en het Nationaal Groeifonds.');
    const { glossaries: _unused, ...bare } = ws.service.context();
    assert.deepEqual(await computeFindings(doc, bare, ws.service.settings.diagnostics, INSTRUMENT_RULES), []);
  });

  describe('instrument-abbreviation-before-full-name', () => {
    const code = 'instrument-abbreviation-before-full-name';
    it('flags the first use of an abbreviation that was not written out, and writes it out', () =>
      checkRule(
        code,
        'De [[WBSO]] is een fiscale regeling. De WBSO helpt bedrijven.',
        'De Wet bevordering speur- en ontwikkelingswerk (WBSO) is een fiscale regeling. De WBSO helpt bedrijven.',
      ));
    it('flags it when the full name comes only later', () =>
      checkRule(code, 'Het [[NGF]] investeert. Het Nationaal Groeifonds is groot.', 'Het Nationaal Groeifonds (NGF) investeert. Het Nationaal Groeifonds is groot.'));
    it('flags each instrument once', () => checkRule(code, 'De [[WBSO]]-aanvraag en het [[NGF]]. De WBSO en het NGF.'));
    it('takes a first use that introduces the abbreviation after the letter’s own wording of the name; not a bracket after other words', async () => {
      await checkRule(code, 'De Inspectie voor Leefomgeving en Transport (ILT) controleert. De ILT rapporteert.');
      await checkRule(code, 'De controles ([[ILT]]) zijn streng. De Inspectie Leefomgeving en Transport (ILT) rapporteert.');
    });
    it('asks no writing out of a name that holds the abbreviation itself (BNC-fiche)', () => checkRule(code, 'Een BNC-fiche volgt. Het BNC fiche is verstuurd.'));
    it('leaves the planning offices and councils every reader knows alone (SER, CPB, TNO, AIV)', () =>
      checkRule(code, 'De CPB-raming, het SER-advies, TNO en het AIV-rapport. Het CPB en de SER.'));
    it('offers no fix inside a compound', async () => {
      const ws = ruleWorkspace([code]);
      const found = await diagnose(ws, 'Het NGF-project over reshoring.');
      assert.equal(found.length, 1);
      assert.deepEqual(quickFixes(ws, found[0]!, found), []);
    });
    it('accepts "Full name (ABBR)"', () => checkRule(code, 'Het Nationaal Groeifonds (NGF) investeert. Het NGF is groot.'));
    it('accepts "ABBR (Full name)"', () => checkRule(code, 'Het NGF (Nationaal Groeifonds) investeert. Het NGF is groot.'));
    it('accepts a variant written out before', () => checkRule(code, 'De Energie Investeringsaftrek (EIA) helpt. De EIA ook.'));
    it('leaves instruments without an abbreviation alone', () => checkRule(code, 'Invest-NL en Invest International werken samen.'));
    it('ignores mentions in footnotes', () => checkRule(code, 'Zie het advies.[^1] Het Nationaal Groeifonds (NGF) helpt.\n\n[^1]: SER, Reshoring, 2021; NGF, jaarverslag.\n'));
  });

  describe('instrument-full-name-repeated', () => {
    const code = 'instrument-full-name-repeated';
    it('flags the full name after the abbreviation was introduced, and writes the abbreviation', () =>
      checkRule(
        code,
        'Het Nationaal Groeifonds (NGF) investeert. Later wordt het [[Nationaal Groeifonds]] verlengd en het [[nationaal groeifonds]] geëvalueerd.',
        'Het Nationaal Groeifonds (NGF) investeert. Later wordt het NGF verlengd en het NGF geëvalueerd.',
      ));
    it('removes a repeated "(ABBR)" along with the full name', () =>
      checkRule(code, 'Het Nationaal Groeifonds (NGF) investeert. Het [[Nationaal Groeifonds]] (NGF) stopt.', 'Het Nationaal Groeifonds (NGF) investeert. Het NGF stopt.'));
    it('counts a later abbreviation as its introduction', () =>
      checkRule(code, 'De Nationale Technologiestrategie is er. De NTS kiest. De [[Nationale Technologiestrategie]] werkt.', 'De Nationale Technologiestrategie is er. De NTS kiest. De NTS werkt.'));
    it('writes the abbreviation, not its plural', () =>
      checkRule(
        code,
        'Een Important Project of Common European Interest (IPCEI) en meer IPCEI’s. Elk [[Important Project of Common European Interest]] telt.',
        'Een Important Project of Common European Interest (IPCEI) en meer IPCEI’s. Elk IPCEI telt.',
      ));
    it('leaves a full name alone when no abbreviation was introduced', () => checkRule(code, 'Het Nationaal Groeifonds investeert. Het Nationaal Groeifonds stopt.'));
    it('leaves a shorter name alone ("Groeifonds" is no full name)', () => checkRule(code, 'Het Nationaal Groeifonds (NGF) investeert. Het Groeifonds stopt.'));
    it('leaves full names before the introduction alone', () => checkRule(code, 'Het Nationaal Groeifonds investeert. Het Nationaal Groeifonds (NGF) stopt. Het NGF.'));

    it('offers a fix-all for the repeated full names', async () => {
      const text = 'Het Nationaal Groeifonds (NGF) investeert. Het Nationaal Groeifonds stopt. Het Nationaal Groeifonds eindigt.';
      const ws = ruleWorkspace([code]);
      const found = await diagnose(ws, text);
      const all = ws.service.codeActions({ selected: [found[0]!], all: found });
      const fixAll = all.find((a) => a.title.startsWith('Gebruik overal de ingevoerde afkortingen'))!;
      assert.ok(fixAll, all.map((a) => a.title).join(', '));
      assert.equal(applied(text, fixAll, DOC_URI), 'Het Nationaal Groeifonds (NGF) investeert. Het NGF stopt. Het NGF eindigt.');
    });
  });

  describe('abbreviation-unexplained', () => {
    const code = 'abbreviation-unexplained';
    it('flags the first use of an abbreviation the letter never writes out', () =>
      checkRule(code, 'De [[RDW]] controleert. De RDW en het [[CJIB]] werken samen met de [[DJI]] en de [[RvdK]].'));
    it('accepts "Full name (ABBR)", "(hierna: ABBR)" and "ABBR (Full name)", wherever in the letter', () =>
      checkRule(
        code,
        'De ANVS inspecteert. Later: de Autoriteit Nucleaire Veiligheid en Stralingsbescherming (ANVS). Het CJIB (Centraal Justitieel Incassobureau) en de Dienst Wegverkeer (hierna: RDW).',
      ));
    it('leaves alone what every reader knows, headings in capitals, compounds, identifiers and Roman numerals', () =>
      checkRule(
        code,
        'BRIEF VAN DE MINISTER VAN FINANCIËN\n\nDe EU, het CPB, de SER, de VVD en het ministerie van EZK. De NV-gebieden, kst-36600-IX-13, 2025D44449, hoofdstuk XIII en Kamerstukken II.',
      ));
    it('flags the first use in the running text when the abbreviation came first in a heading in capitals or in the front matter', () =>
      checkRule(code, '---\ntitel: Toezicht door de RDW\n---\nROL VAN DE RDW EN HET CJIB\n\nDe [[RDW]] controleert en het [[CJIB]] int. De RDW rapporteert.'));
    it('accepts an introduction with a plural or with more in the brackets, where its letters stand for the words', () =>
      checkRule(
        code,
        'Diesel Ground Power Units (GPU’s) en een Preconditioned Air unit (PCA, kortere termijn maatregel) op de luchthaven. ' +
          'Het groeipercentage (Compound Annual Growth Rate; CAGR) en de betaaldiensten (Payment Service Providers, oftewel PSP’s). ' +
          'Later de GPU’s, de PCA, de CAGR en de PSP’s.',
      ));
    it('takes no source or list in brackets for an introduction', () =>
      checkRule(code, 'Het toezicht schiet tekort ([[RDW]], 2023). Zie de rapporten (van het CPB, [[CJIB]]). Het CJIB en de RDW reageren.'));
    it('leaves alone postcodes, web addresses, identifiers, Dutch words and a signature in capitals, the Kamer’s procedure and firms known by their abbreviation', () =>
      checkRule(
        code,
        'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Postbus 20018 2500 EA DEN HAAG Datum 22 december 2022 Betreft Emissies\n\nZie https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52022PC0546 en COM(2022) 546, PbEU L 259 en ISSN 0921-7371. ' +
          'DEEL A\n\nIn het AO en het VAO, met KPMG en de VNG. Het [[CIZ]] kijkt mee.\n\nDE MINISTER VAN FINANCIËN,',
      ));
    it("leaves a glossary instrument to the instrument rules, and counts an abbreviation's plural once", () =>
      checkRule(code, "De WBSO helpt, de NVWA en de KMar controleren. Twee [[AMvB]]'s en een AMvB."));
  });

  describe('an abbreviation with several meanings (NPO)', () => {
    const open = 'Het [[NPO]] is in het overleg besproken. Het NPO komt terug.';
    const education = 'Met het [[NPO]] hebben scholen de achterstanden van leerlingen ingelopen. Het NPO is afgerond.';
    it('left open: abbreviation-unexplained reports it once, the instrument rules not at all', async () => {
      await checkRule('abbreviation-unexplained', open);
      await checkRule('instrument-abbreviation-before-full-name', open.replace(/\[\[|\]\]/g, ''));
      await checkRule('instrument-full-name-repeated', open.replace(/\[\[|\]\]/g, ''));
    });
    it('decided by the paragraph: the instrument rule writes out the meaning chosen', async () => {
      await checkRule(
        'instrument-abbreviation-before-full-name',
        education,
        'Met het Nationaal Programma Onderwijs (NPO) hebben scholen de achterstanden van leerlingen ingelopen. Het NPO is afgerond.',
      );
      await checkRule('abbreviation-unexplained', education.replace(/\[\[|\]\]/g, ''));
    });
    it('written out: house style as for any instrument', async () => {
      await checkRule('instrument-abbreviation-before-full-name', 'Het Nationaal Programma Onderwijs (NPO) is afgerond. Het NPO werkte.');
      await checkRule(
        'instrument-full-name-repeated',
        'De Nederlandse Publieke Omroep (NPO) bezuinigt. Later bezuinigt de [[Nederlandse Publieke Omroep]] opnieuw.',
        'De Nederlandse Publieke Omroep (NPO) bezuinigt. Later bezuinigt de NPO opnieuw.',
      );
    });
    it('is reported once by all rules together', async () => {
      for (const fixture of [open, education]) {
        const { text } = parseFile(DOC, fixture);
        const ws = testWorkspace();
        const found = (await diagnose(ws, text)).filter((d) => text.slice(d.span.offset, d.span.offset + d.span.length) === 'NPO');
        assert.equal(found.length, 1, found.map((d) => `${d.code}: ${d.message}`).join('\n'));
      }
    });
  });

  describe('instrument-unknown-abbreviation', () => {
    const code = 'instrument-unknown-abbreviation';
    const positives: readonly string[] = [
      'De [[SCE]]-regeling helpt energiecoöperaties.',
      'Met de Subsidieregeling Coöperatieve Energieopwekking ([[SCE]]) helpt het kabinet.',
      'De subsidieregeling [[DUMAVA]] is opengesteld.',
      'Het [[GAP]] programma loopt tot 2030.',
      'De [[TVL]]-subsidie en de [[NOW]]-regeling.',
      'Het Regionaal Investeringsfonds MKB ([[RIF]]) start.',
      'Het [[KIA]] fonds, en later weer het KIA fonds.',
    ];
    for (const fixture of positives) it(JSON.stringify(fixture), () => checkRule(code, fixture));

    const negatives: readonly string[] = [
      'De EU-regeling en de EU subsidie.',
      'De CO2-heffing en het CO2 programma.',
      'De WBSO-regeling en het MIT programma.',
      'Het programma van de VVD en het CDA.',
      'Het ministerie van Economische Zaken (EZK) en Klimaat.',
      'De ABC en de XYZ zonder context.',
      'HOOFDSTUK IV SUBSIDIE REGELING',
      'Zie https://www.rvo.nl/ABC-regeling voor meer.',
      'Carbon Capture and Storage (CCS) is een techniek.',
      'In fase II programma en Q3 regeling.',
      'Het Dit is (NB) geen naam.',
    ];
    for (const text of negatives) it(`not: ${JSON.stringify(text)}`, () => checkRule(code, text));

    it('creates the workspace glossary with a skeleton entry when it does not exist', async () => {
      const text = 'Met de Subsidieregeling Coöperatieve Energieopwekking (SCE) helpt het kabinet.';
      const ws = ruleWorkspace([code]);
      const [d] = await diagnose(ws, text);
      const [fix] = quickFixes(ws, d!, [d!]);
      assert.equal(fix!.title, 'Voeg ‘SCE’ toe aan de woordenlijst (.kamerwijzer/glossary.json)');
      assert.deepEqual(fix!.createFiles, [GLOSSARY_URI]);
      const created = applied('', fix!, GLOSSARY_URI);
      const parsed = parseGlossary(created);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.entries, [
        { id: 'sce', name: 'SCE', fullName: 'Subsidieregeling Coöperatieve Energieopwekking', abbreviations: ['SCE'], kind: 'subsidieregeling', description: { nl: '…' } },
      ]);
    });

    it('extends an existing workspace glossary, keeping its layout', async () => {
      const existing = '{\n  "version": 1,\n  "entries": [\n    {\n      "id": "sce",\n      "name": "SCE-oud",\n      "abbreviations": ["SCE"],\n      "kind": "programma",\n      "description": { "nl": "Iets anders." }\n    }\n  ]\n}\n';
      const ws = ruleWorkspace([code], { glossary: existing });
      const text = 'Het Regionaal Investeringsfonds MKB (RIF) start en de SCE-regeling ook.';
      const found = await diagnose(ws, text);
      assert.deepEqual(found.map((d) => d.message), ['‘RIF’ lijkt een beleidsinstrument, maar staat niet in de woordenlijst.']);
      const [fix] = quickFixes(ws, found[0]!, found);
      assert.equal(fix!.createFiles, undefined, 'no file to create');
      const extended = applied(existing, fix!, GLOSSARY_URI);
      const parsed = parseGlossary(extended);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.entries.map((e) => [e.id, e.kind, e.fullName]), [
        ['sce', 'programma', undefined],
        ['rif', 'fonds', 'Regionaal Investeringsfonds MKB'],
      ]);
      assert.ok(extended.includes('\n    {\n      "id": "rif",'), extended);
    });

    it('fills an empty entries array and gives a free id', async () => {
      const ws = ruleWorkspace([code], { glossary: '{ "entries": [] }' });
      const text = 'De SCE-regeling helpt.';
      const [d] = await diagnose(ws, text);
      const extended = applied('{ "entries": [] }', quickFixes(ws, d!, [d!])[0]!, GLOSSARY_URI);
      assert.deepEqual(parseGlossary(extended).entries.map((e) => e.id), ['sce']);

      const taken = '{ "entries": [ { "id": "sce", "name": "Iets anders", "kind": "programma", "description": { "nl": "Iets." } } ] }';
      const ws2 = ruleWorkspace([code], { glossary: taken });
      const [d2] = await diagnose(ws2, text);
      const extended2 = applied(taken, quickFixes(ws2, d2!, [d2!])[0]!, GLOSSARY_URI);
      assert.deepEqual(parseGlossary(extended2).entries.map((e) => e.id), ['sce', 'sce-2']);
    });

    it('offers no fix for a broken glossary file, nor when the editor cannot create files', async () => {
      const broken = ruleWorkspace([code], { glossary: '{ "entries": [ ' });
      const [d] = await diagnose(broken, 'De SCE-regeling helpt.');
      assert.deepEqual(quickFixes(broken, d!, [d!]), []);
      const ws = ruleWorkspace([code]);
      const [d2] = await diagnose(ws, 'De SCE-regeling helpt.');
      assert.deepEqual(quickFixes(ws, d2!, [d2!], false), []);
      assert.equal(quickFixes(ws, d2!, [d2!], true).length, 1);
    });
  });

  it('severities are configurable, and "off" silences a rule', async () => {
    const text = 'De WBSO en de SCE-regeling.';
    const withSeverity = (code: string, severity: Record<string, SeverityName>): TestWorkspace => ruleWorkspace([code], { settings: { severity } });
    assert.deepEqual(await diagnose(withSeverity('instrument-unknown-abbreviation', { 'instrument-unknown-abbreviation': 'off' }), text), []);
    const warned = await diagnose(withSeverity('instrument-abbreviation-before-full-name', { 'instrument-abbreviation-before-full-name': 'warning' }), text);
    assert.deepEqual(warned.map((d) => d.severity), ['warning']);
  });

  it('speak English too', async () => {
    const ws = testWorkspace({ locale: 'en', rules: INSTRUMENT_RULES });
    const found = await diagnose(ws, 'De WBSO en de SCE-regeling. Het Nationaal Groeifonds (NGF) en het Nationaal Groeifonds.');
    assert.deepEqual(found.map((d) => d.message), [
      '‘WBSO’ is used before its full name (‘Wet bevordering speur- en ontwikkelingswerk’) is written out; write an abbreviation out in full at first use.',
      '‘SCE’ looks like a policy instrument but is not in the glossary.',
      '‘Nationaal Groeifonds’ is written out again although the abbreviation ‘NGF’ has been introduced; use the abbreviation.',
    ]);
  });
});
