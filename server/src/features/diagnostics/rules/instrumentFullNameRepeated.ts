/**
 * House style: once an abbreviation is introduced ("Nationaal Groeifonds (NGF)", or the full name
 * followed later by "NGF"), the letter uses the abbreviation. Flags each later place where the full
 * name is written out again (with a repeated "(NGF)" after it, if any), with a fix that writes the
 * abbreviation, and a fix-all.
 */
import type { Span } from '../../../engine/model';
import { lowerBound } from '../../../engine/sortedOffsets';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { abbreviationAsWritten, isFullForm, mentionedEntries } from '../instrumentUse';

export const instrumentFullNameRepeated: DiagnosticRule = {
  code: 'instrument-full-name-repeated',
  // A house-style nit at every repetition: quiet (a hint with a fix-all), not a reviewer's finding.
  defaultSeverity: 'hint',
  description: "A policy instrument's full name written out again after its abbreviation was introduced (house style: use the abbreviation).",
  check(ctx) {
    const text = ctx.doc.text;
    const findings: Finding[] = [];
    for (const { entry: e, mentions } of mentionedEntries(ctx)) {
      if (!e.abbreviations.length) continue;
      const firstFull = mentions.find((m) => isFullForm(m, e));
      if (!firstFull) continue;
      const intro = mentions.find((m) => m.abbreviation && m.span.offset > firstFull.span.offset);
      if (!intro) continue;
      const abbreviation = abbreviationAsWritten(intro.text, e);
      // Where the abbreviations are (mentions are in order of offset): a repeated "(NGF)" is found by binary search.
      const abbreviations = mentions.filter((a) => a.abbreviation).map((a) => a.span.offset);
      for (const m of mentions) {
        if (m.span.offset <= intro.span.offset || !isFullForm(m, e)) continue;
        // A repeated "(NGF)" after the full name goes too.
        const end = m.span.offset + m.span.length;
        const bracket = /^\s*\(([^()\r\n]{1,20})\)/.exec(text.slice(end, end + 24));
        const repeated = bracket && (abbreviations[lowerBound(abbreviations, end + 1)] ?? Infinity) < end + bracket[0].length;
        const span: Span = repeated ? { offset: m.span.offset, length: m.span.length + bracket[0].length } : m.span;
        findings.push({
          code: this.code,
          span: m.span,
          message: ctx.m.diag.instrument.fullNameRepeated(m.text.replace(/\s+/g, ' '), abbreviation),
          related: [{ uri: ctx.doc.uri, span: intro.span, message: ctx.m.diag.instrument.introduced(abbreviation) }],
          fixes: [{ title: ctx.m.diag.instrument.useAbbreviation(abbreviation), edits: [{ uri: ctx.doc.uri, span, newText: abbreviation }], preferred: true, fixAllGroup: 'instrument' }],
        });
      }
    }
    return findings;
  },
};
