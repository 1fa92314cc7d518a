/**
 * How a letter uses an instrument's names, for the first-use rules: which mentions write the name
 * out in full, which abbreviation was introduced and where.
 */
import { detached, standsAsWord } from '../../engine/chars';
import { isCapitalsTerm } from '../../engine/instrumentMatcher';
import type { GlossaryEntry } from '../../engine/glossary';
import { SpanSet } from '../../engine/sortedOffsets';
import { isUnresolved, type Footnote, type InstrumentMention } from '../../engine/model';
import type { RuleContext } from './model';

/** The glossary entries a document mentions in its running text, each with its mentions (none without a glossary). */
export function mentionedEntries(ctx: RuleContext): { readonly entry: GlossaryEntry; readonly mentions: readonly InstrumentMention[] }[] {
  const glossary = ctx.glossaries?.forDocument(ctx.doc.uri);
  if (!glossary) return [];
  const out: { entry: GlossaryEntry; mentions: readonly InstrumentMention[] }[] = [];
  for (const [id, mentions] of mentionsById(ctx.doc.analysis.instruments, ctx.doc.analysis.footnotes)) {
    const entry = glossary.entry(id);
    if (entry) out.push({ entry, mentions });
  }
  return out;
}

/**
 * The mentions of each instrument in the running text, in order of first mention. Mentions inside
 * footnotes are left out: a footnote names its source in full ("Adviesraad internationale
 * vraagstukken, Slimme industriepolitiek, 2022") whatever the letter has introduced. So are
 * abbreviations with several meanings that the letter leaves open ("NPO" without the name written
 * out or words that tell): they belong to no one instrument (abbreviation-unexplained reports them).
 * A resolved one counts for the instrument it was resolved to.
 */
export function mentionsById(mentions: readonly InstrumentMention[], footnotes: readonly Footnote[] = []): ReadonlyMap<string, readonly InstrumentMention[]> {
  // Asked by each first-use rule of a version: made once per analysis (its lists of mentions and footnotes).
  const kept = madeFor.get(mentions);
  if (kept?.footnotes === footnotes) return kept.made;
  const out = new Map<string, InstrumentMention[]>();
  madeFor.set(mentions, { footnotes, made: out });
  const bodies = new SpanSet(footnotes.map((f) => f.bodySpan));
  const inFootnote = (m: InstrumentMention): boolean => bodies.holds(m.span.offset);
  for (const m of [...mentions].sort((a, b) => a.span.offset - b.span.offset)) {
    if (inFootnote(m) || isUnresolved(m)) continue;
    const list = out.get(m.id) ?? [];
    list.push(m);
    out.set(m.id, list);
  }
  return out;
}

const madeFor = new WeakMap<readonly InstrumentMention[], { readonly footnotes: readonly Footnote[]; readonly made: ReadonlyMap<string, readonly InstrumentMention[]> }>();

/** Text as compared: lower case, PDF hyphenation (before any line end) undone, whitespace collapsed. */
export function normalizedName(text: string): string {
  let name = normalizedNames.get(text);
  if (name === undefined) {
    name = text.replace(/(\p{L})-[ \t]*(?:\r\n?|\n)\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ').trim().toLowerCase();
    // The same few hundred names come back in every version of a letter: each is made once (the
    // cache is emptied now and then so that it stays small whatever the texts hold). Kept as copies:
    // a mention's text is a cut of its document's, which a cut kept here would keep in memory.
    if (normalizedNames.size >= 4096) normalizedNames.clear();
    name = detached(name);
    normalizedNames.set(detached(text), name);
  }
  return name;
}

const normalizedNames = new Map<string, string>();

/**
 * The name an abbreviation stands for, written out: the full name, else a name that is not in
 * capitals; none that holds the abbreviation itself ("BNC-fiche" writes nothing out of BNC).
 */
export function writtenOutName(e: GlossaryEntry): string | undefined {
  if (writtenOut.has(e)) return writtenOut.get(e);
  const holdsAbbreviation = (name: string): boolean => e.abbreviations.some((a) => standsAsWord(name, a));
  const name = [e.fullName, e.name].find((n): n is string => !!n && !isCapitalsTerm(n) && !e.abbreviations.includes(n) && !holdsAbbreviation(n));
  writtenOut.set(e, name);
  return name;
}
/** Per glossary entry (the same object while its glossary is), its written-out name. */
const writtenOut = new WeakMap<GlossaryEntry, string | undefined>();


/**
 * True when a mention writes the instrument out in full: not an abbreviation, and the full name,
 * the name, or a variant of more than one word ("Energie Investeringsaftrek"; not "Groeifonds").
 */
export function isFullForm(m: InstrumentMention, e: GlossaryEntry): boolean {
  if (m.abbreviation) return false;
  const text = normalizedName(m.text);
  if (text.includes(' ')) return true;
  return [e.fullName, e.name].some((n) => !!n && normalizedName(n) === text);
}

/** The abbreviation to write for an entry, given how the letter wrote it ("IPCEI's" → "IPCEI"). */
export function abbreviationAsWritten(written: string, e: GlossaryEntry): string {
  const plain = written.replace(/\s+/g, ' ');
  if (e.abbreviations.includes(plain)) return plain;
  return e.abbreviations.find((a) => plain.startsWith(a)) ?? e.abbreviations[0] ?? plain;
}
