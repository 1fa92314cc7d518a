/**
 * The interface in both languages, nothing half-translated: the Dutch and English bundles have the
 * same keys with a text for each; every source and status a hover, the report or the Citations view
 * names is translated; a Dutch hover never shows a source's internal name ("Bron: bundled").
 */
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { KOOP_SOURCE } from '../../server/src/catalog/sources/koop';
import { TWEEDEKAMER_SOURCE } from '../../server/src/catalog/sources/tweedekamer';
import { CITATION_KINDS } from '../../server/src/features/citationList';
import { REPORT_STATUSES } from '../../server/src/features/report';
import { messages, type Locale } from '../../server/src/l10n';
import { en } from '../../server/src/l10n/en';
import { nl } from '../../server/src/l10n/nl';
import { bundledSource, testWorkspace } from '../support/workspace';

/** Every leaf of a bundle as "a.b.c" → its value. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
  } else out.set(prefix, value);
  return out;
}

/** A message's text: a function called with sample arguments of its arity. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'function') {
    const f = v as (...a: unknown[]) => unknown;
    // Sample arguments: words, or numbers where the message counts.
    for (const sample of ['x', 2] as const) {
      try {
        return String(f(...Array.from({ length: f.length }, () => sample)));
      } catch {
        // the other kind of argument
      }
    }
    return String(f(...Array.from({ length: f.length }, (_, i) => (i % 2 ? 2 : 'x'))));
  }
  return '';
}

describe('l10n: Dutch and English complete', () => {
  const nlLeaves = leaves(nl);
  const enLeaves = leaves(en);

  it('both bundles have the same keys', () => {
    assert.deepEqual([...enLeaves.keys()].sort(), [...nlLeaves.keys()].sort());
  });

  it('every message has a text in both languages, of the same kind', () => {
    // Empty on purpose: a Dutch hover needs no "described in Dutch only".
    const emptyInDutch = new Set(['hover.instrument.dutchOnly']);
    for (const [key, value] of nlLeaves) {
      const other = enLeaves.get(key);
      assert.equal(typeof other, typeof value, key);
      assert.ok(emptyInDutch.has(key) || textOf(value).trim(), `nl ${key}`);
      assert.ok(textOf(other).trim(), `en ${key}`);
    }
  });

  for (const locale of ['nl', 'en'] as Locale[]) {
    it(`${locale}: every source, status and citation kind shown to a user has a name`, () => {
      const m = messages(locale);
      for (const source of ['workspace', 'bundled', KOOP_SOURCE, TWEEDEKAMER_SOURCE]) assert.ok(m.sourceNames[source], `${locale} sourceNames.${source}`);
      for (const s of REPORT_STATUSES) assert.ok(m.report.statuses[s], `${locale} report.statuses.${s}`);
      for (const k of CITATION_KINDS) assert.ok(m.view.groups[k], `${locale} view.groups.${k}`);
      for (const o of ['aangenomen', 'verworpen', 'ingetrokken', 'aangehouden', 'overgenomen'] as const) assert.ok(m.diag.outcomes[o]);
    });
  }

  it('a Dutch hover names the bundled data in Dutch, an English one in English; no internal source name shows', async function () {
    this.timeout(20_000);
    bundledSource();
    for (const [locale, name] of [['nl', 'de meegeleverde gegevens'], ['en', 'the bundled data']] as const) {
      const ws = testWorkspace({ bundled: true, locale });
      const opened = ws.open('Zie Kamerstuk 29826, nr. 2‸50.');
      const hover = await ws.service.hover(opened.doc, opened.cursor);
      const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      const sourceLine = (text.split('\n').find((l) => /^_(?:Bron|Source)s?: /.test(l)) ?? '').replace(/\]\([^)]*\)/g, ']');
      assert.ok(sourceLine.includes(name), `${locale}: ${text}`);
      assert.doesNotMatch(sourceLine, /\b(?:bundled|workspace|tweedekamer|officielebekendmakingen)\b(?![ .])/, sourceLine);
      assert.match(sourceLine, locale === 'nl' ? /^_Bron: / : /^_Sources?: /);
    }
  });
});
