/**
 * House style: an abbreviation is written out in full at its first use ("Nationaal Groeifonds
 * (NGF)"). Flags the first use of an instrument's abbreviation when the letter has not written the
 * instrument out before it — nor right after it in brackets ("NGF (Nationaal Groeifonds)") — with a
 * fix that writes "Full name (ABBR)" (not inside a compound such as "SER-advies").
 */
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { introducedWhereUsed, WELL_KNOWN_ABBREVIATIONS } from '../abbreviations';
import { abbreviationAsWritten, mentionedEntries, writtenOutName } from '../instrumentUse';

export const instrumentAbbreviationBeforeFullName: DiagnosticRule = {
  code: 'instrument-abbreviation-before-full-name',
  defaultSeverity: 'information',
  description: "A policy instrument's abbreviation used before its full name is written out in the letter (house style: write it out at first use).",
  check(ctx) {
    const text = ctx.doc.text;
    const findings: Finding[] = [];
    for (const { entry: e, mentions } of mentionedEntries(ctx)) {
      const full = e.abbreviations.length ? writtenOutName(e) : undefined;
      if (!full) continue;
      const first = mentions.find((m) => m.abbreviation);
      if (!first) continue;
      // The planning offices and councils every reader knows (SER, CPB, TNO, AIV) need no writing out.
      if (WELL_KNOWN_ABBREVIATIONS.has(first.text.trim().toUpperCase())) continue;
      const firstEnd = first.span.offset + first.span.length;
      if (mentions.some((m) => !m.abbreviation && m.span.offset < first.span.offset)) continue;
      // "NGF (Nationaal Groeifonds)": introduced the other way round.
      if (mentions.some((m) => !m.abbreviation && m.span.offset >= firstEnd && /^\s*\(\s*$/.test(text.slice(firstEnd, m.span.offset)))) continue;
      // "Inspectie voor Leefomgeving en Transport (ILT)": its first use introduces it, after the letter's own wording of the name.
      if (introducedWhereUsed(text, first.span.offset, firstEnd, abbreviationAsWritten(first.text, e))) continue;
      const written = first.text.replace(/\s+/g, ' ');
      const replacement = `${full} (${written})`;
      // "SER-advies": writing out inside a compound reads badly; the finding stands without a fix.
      const inCompound = /^-\p{L}/u.test(text.slice(firstEnd, firstEnd + 2));
      findings.push({
        code: this.code,
        span: first.span,
        message: ctx.m.diag.instrument.abbreviationFirst(written, full),
        fixes: inCompound ? [] : [{ title: ctx.m.diag.instrument.writeOut(replacement), edits: [{ uri: ctx.doc.uri, span: first.span, newText: replacement }], preferred: true }],
      });
    }
    return findings;
  },
};
