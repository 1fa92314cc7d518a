import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/analyze';
import { buildGlossary, Glossary } from '../../../server/src/engine/glossary';
import { InstrumentMatcher } from '../../../server/src/engine/instrumentMatcher';
import { InstrumentSenses, type SenseEntry } from '../../../server/src/engine/instrumentSenses';
import { isUnresolved } from '../../../server/src/engine/model';
import { bundledGlossary } from '../../support/workspace';

/**
 * InstrumentSenses: which entry an abbreviation with several meanings stands for, per mention —
 * the document's own expansion, else the words of the paragraph, else open.
 */
const glossary = Glossary.from(bundledGlossary);
const ONDERWIJS = 'nationaal-programma-onderwijs';
const OMROEP = 'nederlandse-publieke-omroep';

/** The NPO mentions of a text: [id, how] each, "open" when unresolved. */
function npo(text: string, g: Glossary = glossary): string[] {
  const a = analyze(text, { instruments: g.matcher, senses: g.senses });
  return a.instruments.filter((m) => m.candidates).map((m) => (isUnresolved(m) ? 'open' : `${m.id === ONDERWIJS ? 'onderwijs' : m.id === OMROEP ? 'omroep' : m.id} by ${m.resolvedBy}`));
}

describe('instrument senses (ambiguous abbreviations)', () => {
  it('knows NPO as ambiguous, with both candidates', () => {
    assert.deepEqual(glossary.senses.candidatesOf('NPO'), [ONDERWIJS, OMROEP]);
    assert.equal(glossary.senses.candidatesOf('WBSO'), undefined);
    assert.ok(glossary.ambiguity('NPO')!.note);
  });

  it('takes the meaning the document writes out, anywhere in it', () => {
    assert.deepEqual(npo('Het NPO loopt af. Later meer over het Nationaal Programma Onderwijs.'), ['onderwijs by expansion']);
    assert.deepEqual(npo('De Nederlandse Publieke Omroep (NPO) bezuinigt. De NPO schrapt programma’s.'), ['omroep by expansion', 'omroep by expansion']);
    assert.deepEqual(npo('De NPO-gelden zijn besteed. Het NPO is afgerond.'), ['onderwijs by expansion'], 'a variant counts as written out');
  });

  it('else takes the meaning the words of the paragraph clearly fit', () => {
    assert.deepEqual(npo('Met het NPO hebben scholen de achterstanden van leerlingen ingelopen.'), ['onderwijs by context']);
    assert.deepEqual(npo('De NPO zendt minder uit op radio en televisie; de omroepen krijgen minder geld.'), ['omroep by context']);
    assert.deepEqual(npo('De NPO moet zich aan de Mediawet 2008 houden en de omroepen sturen.'), ['omroep by context']);
  });

  it('reads only the mention’s own paragraph', () => {
    const text = 'Scholen en leerlingen hebben achterstanden ingelopen in het onderwijs.\n\nHet NPO is besproken.\n\nDe omroepen en de radio.';
    assert.deepEqual(npo(text), ['open']);
  });

  it('needs more than one fitting word, and twice as many as for the other meaning', () => {
    assert.deepEqual(npo('Het NPO en de scholen.'), ['open'], 'one word is not enough');
    assert.deepEqual(npo('Het NPO, de scholen en de leerlingen, de omroepen en de radio.'), ['open'], 'a tie decides nothing');
  });

  it('leaves it open when nothing tells', () => {
    assert.deepEqual(npo('Het NPO is besproken in het overleg van gisteren.'), ['open']);
    const a = analyze('Het NPO is besproken.', { instruments: glossary.matcher, senses: glossary.senses });
    assert.deepEqual(a.instruments[0]!.candidates, [ONDERWIJS, OMROEP]);
    assert.equal(a.instruments[0]!.id, ONDERWIJS, 'the first candidate stands in');
  });

  it('decides per mention: context first, then the nearest expansion before it', () => {
    const text = [
      'Het Nationaal Programma Onderwijs liep tot 2025. De Nederlandse Publieke Omroep bezuinigt.',
      'Over het NPO nog dit: scholen en leerlingen hebben de achterstanden ingelopen.',
      'De NPO zendt minder uit op radio en televisie; de omroepen krijgen minder geld.',
      'Tot slot het NPO.',
    ].join('\n\n');
    assert.deepEqual(npo(text), ['onderwijs by context', 'omroep by context', 'omroep by expansion']);
  });

  it('without senses (or with entries alone) a shared abbreviation is just the first entry’s', () => {
    const a = analyze('Het NPO is besproken.', { instruments: glossary.matcher });
    assert.equal(a.instruments[0]!.id, ONDERWIJS);
    assert.equal(a.instruments[0]!.candidates, undefined);
    assert.deepEqual(npo('Het NPO is besproken.', new Glossary(bundledGlossary.entries)), []);
  });

  it('leaves an abbreviation a workspace entry claims alone', () => {
    const { glossary: own } = buildGlossary(bundledGlossary, {
      uri: 'file:///ws/.kamerwijzer/glossary.json',
      text: JSON.stringify({ entries: [{ id: 'npo-netwerk', name: 'Netwerk Publieke Organisaties', abbreviations: ['NPO'], kind: 'organisatie', description: { nl: 'Een netwerk.' } }] }),
    });
    const a = analyze('Het NPO is besproken.', { instruments: own.matcher, senses: own.senses });
    assert.equal(a.instruments[0]!.id, 'npo-netwerk');
    assert.equal(a.instruments[0]!.candidates, undefined);
  });

  it('works on any glossary: words fit by their beginning, plurals and accents aside', () => {
    const entries: SenseEntry[] = [
      { id: 'kip', name: 'Kippenregeling', abbreviations: ['KR'], description: { nl: 'Subsidie voor pluimveehouders met kippen en eieren.' } },
      { id: 'kunst', name: 'Kunstregeling', abbreviations: ['KR'], description: { nl: 'Subsidie voor musea en kunstenaars.' } },
    ];
    const senses = InstrumentSenses.fromGlossary(entries, [{ abbreviation: 'KR', entries: ['kip', 'kunst'] }]);
    const matcher = InstrumentMatcher.fromEntries(entries);
    const find = (text: string): string[] =>
      senses
        .resolve(text, matcher.find(text))
        .filter((m) => m.candidates)
        .map((m) => `${m.id}/${m.resolvedBy ?? 'open'}`);
    assert.deepEqual(find('De KR helpt de pluimveehouder met zijn kip.'), ['kip/open'], 'one word: "kip" is too short to count, "pluimveehouder" fits');
    assert.deepEqual(find('De KR helpt pluimveehouders en eierhandelaren: eieren.'), ['kip/context']);
    assert.deepEqual(find('De KR helpt de musea en de kunstenaar.'), ['kunst/context']);
    assert.deepEqual(find('De KR. Zie de Kunstregeling.'), ['kunst/expansion']);
  });

  it('stays linear: a letter with a thousand ambiguous mentions', () => {
    const paragraph = 'Het NPO en de scholen met leerlingen.\n\nDe NPO en de omroepen op radio.\n\nHet NPO.\n\n';
    const text = paragraph.repeat(1000);
    const t0 = process.hrtime.bigint();
    const found = npo(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(found.length, 3000);
    assert.deepEqual(found.slice(0, 3), ['onderwijs by context', 'omroep by context', 'open']);
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });
});
