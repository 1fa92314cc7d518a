/**
 * Completion wherever a citation is being typed:
 * - after "Kamerstuk " (or "Kamerstukken II 2019/20, ", "Kamerstuknummer ") and the digits typed so
 *   far, the documents whose number starts so; after words instead of digits, the documents whose
 *   title holds them;
 * - after "motie-", "motie " or "de motie van het lid ", the motions of the submitter whose name is
 *   being typed, with their subject and outcome (no such submitter: "motie over groene waterstof"
 *   finds motions by their title's words);
 * - a Tweede Kamer document number ("2025D44"): the documents whose number starts so;
 * - after "Handelingen II ": the publications the workspace cites, or by title words.
 * Candidates come from the workspace first, then the catalog (cache, Tweede Kamer mirror, bundled
 * data) and, when online, the official search — asked within the request for a short while: what it
 * has not answered by then is left out; every list is marked incomplete, so the next keystroke asks
 * again (the search's answer is kept in the cache by then). Each citation is written in `kamerwijzer.citationStyle`; the
 * first few candidates also come as a footnote in the document's own footnote style (footnoteEdit.ts).
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import type { CatalogDocument } from '../catalog/model';
import { catalogKeyOf, type IndexEntry } from '../catalog/workspaceIndex';
import { handelingenKey, kamerstukKey, parseHandelingenKey, parseKamerstukKey, type HandelingenId, type KamerstukId } from '../engine/identifiers';
import { messages } from '../l10n';
import { formatCitation, handelingenTitle } from './citations';
import { formatDate } from './describe';
import { newFootnote } from './footnoteEdit';
import { escapeMarkdown, safeMarkdown } from './markdown';
import type { CitationStyle, FeatureContext, IndexedDocument } from './model';
import { lazily } from '../engine/lazily';

const MAX_ITEMS = 50;
/** How many of the first candidates also come as a footnote. */
const FOOTNOTE_ITEMS = 3;
/** How long a completion request waits for the official search. */
export const REMOTE_WAIT_MS = 1500;

export interface CompletionResult {
  readonly items: CompletionItem[];
  /** The editor asks again as the user types on (the candidates depend on every character, and a late official answer comes next time). */
  readonly isIncomplete: boolean;
}

/** "Kamerstuk 29 8", "Kamerstuknummer 36600-XIII-", "Kamerstukken II 2019/20, 35 3" before the cursor. */
const KAMERSTUK_NUMBER = /\b[Kk]amerstuk(?:ken|nummer)?(?:\s+I{1,2}(?:\s+\d{4}\/\d{2,4})?,?)?:?\s+([0-9][0-9 .,\-A-Za-z]{0,24})?$/;
/** "Kamerstuk industriebeleid foc": title words after the keyword. */
const KAMERSTUK_WORDS = lazily(() => /\b[Kk]amerstuk(?:ken)?(?:\s+I{1,2})?:?\s+(\p{L}[\p{L}\p{N}'’ -]{2,48})$/u);
/** "motie-Kos", "motie Kos", "de motie van het lid Kos", "motie van de leden Van der P". */
const MOTION = lazily(() => /\b[Mm]otie(?:-|\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?)(\p{L}[\p{L}'’ -]{0,29})?$/u);
/** "2025D4", "2025D44449". */
const DOCUMENT_NUMBER = lazily(() => /(?:^|[^\p{L}\p{N}])((?:19|20)\d{2}D\d{0,5})$/iu);
/** "Handelingen II ", "Handelingen II 2021/22, nr. 6", "Aanhangsel Handelingen II debat stikstof". */
const HANDELINGEN = /\b((?:Aanhangsel\s+(?:van\s+de\s+)?)?Handelingen(?:\s+I{1,2})?)(?:\s+([^\n]{0,48}))?$/;
/** Words that say nothing of a title. */
const STOP_WORDS = new Set(['over', 'van', 'het', 'een', 'met', 'voor', 'naar', 'bij', 'aan', 'uit', 'die', 'dat', 'and', 'the']);

/** What is being replaced and by what it is filtered. */
interface Place {
  readonly from: number;
  readonly to: number;
  /** The text of [from, to): every filter text starts with it, so the editor keeps the item while it is typed. */
  readonly typed: string;
  /** Where a footnote variant's replacement starts: the keyword's start ("Kamerstuk 29 8" becomes the marker, the citation goes to the note). */
  readonly noteFrom: number;
}

export async function completion(doc: IndexedDocument, offset: number, ctx: FeatureContext, style: CitationStyle, remoteWaitMs = REMOTE_WAIT_MS): Promise<CompletionResult> {
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(offset).line);
  const before = doc.text.slice(Math.max(lineStart, offset - 100), offset);
  const place = (typed: string, keyword?: RegExpExecArray): Place => ({ from: offset - typed.length, to: offset, typed, noteFrom: keyword ? offset - before.length + keyword.index : offset - typed.length });

  // Each list is asked again as the user types on (isIncomplete): the candidates depend on every character.
  const number = KAMERSTUK_NUMBER.exec(before);
  if (number) return { items: await kamerstukByNumber(doc, place(number[1] ?? '', number), ctx, style), isIncomplete: true };
  const docNumber = DOCUMENT_NUMBER().exec(before);
  if (docNumber) return { items: await byDocumentNumber(doc, place(docNumber[1]!), ctx, style), isIncomplete: true };
  const motion = MOTION().exec(before);
  if (motion) return { items: await motionItems(doc, place(motion[1] ?? ''), ctx, style), isIncomplete: true };
  const handelingen = HANDELINGEN.exec(before);
  if (handelingen) return { items: await handelingenItems(doc, place(handelingen[0]), handelingen[2] ?? '', ctx, remoteWaitMs), isIncomplete: true };
  const words = KAMERSTUK_WORDS().exec(before);
  if (words) return { items: await kamerstukByTitle(doc, place(words[1]!, words), ctx, style, remoteWaitMs), isIncomplete: true };
  return { items: [], isIncomplete: false };
}

/** The Kamerstukken whose number starts with what was typed; those the workspace cites first. */
async function kamerstukByNumber(doc: IndexedDocument, at: Place, ctx: FeatureContext, style: CitationStyle): Promise<CompletionItem[]> {
  // "29 826, nr. 2" / "29826-2" → the id prefix "29826-2".
  const prefix = at.typed
    .replace(/\s*,?\s*nr\.?\s*/i, '-')
    .replace(/(\d)[ .](\d)/g, '$1$2')
    .replace(/\s+/g, '-')
    .toUpperCase();
  const local = new Map<string, number>();
  // The workspace's citations of such Kamerstukken, the most cited first (the one being typed is none).
  for (const key of ctx.index.citedKeys()) {
    if (!key.startsWith(prefix)) continue;
    const count = ctx.index.citationsOf(key).filter((c) => c.reference.kind === 'kamerstuk' && !isTyped(c.doc, c.reference.span, doc, at)).length;
    if (count) local.set(key, count);
  }
  const found = new Map<string, CatalogDocument | undefined>();
  for (const key of [...local.keys()].sort((a, b) => local.get(b)! - local.get(a)!)) found.set(key, undefined);
  for (const d of await ctx.catalog.findByIdPrefix(prefix, MAX_ITEMS)) if (d.kamerstuk && !found.get(kamerstukKey(d.kamerstuk))) found.set(kamerstukKey(d.kamerstuk), d);

  const candidates: Candidate[] = [];
  for (const [key, known] of found) {
    if (candidates.length >= MAX_ITEMS) break;
    const id = parseKamerstukKey(key);
    if (!id) continue;
    const d = known ?? (await ctx.catalog.lookupKamerstuk(id));
    const kamerstuk = d?.kamerstuk ?? id;
    candidates.push({ written: bare(kamerstuk, style), filter: `${key} ${d?.title ?? ''}`, doc: d, footnote: formatCitation(kamerstuk, style) });
  }
  return items(doc, at, candidates, ctx);
}

/** The Kamerstukken whose title holds the typed words: the catalog's, then the official search's. */
async function kamerstukByTitle(doc: IndexedDocument, at: Place, ctx: FeatureContext, style: CitationStyle, waitMs: number): Promise<CompletionItem[]> {
  const words = titleWords(at.typed);
  if (!words.length) return [];
  const local = ctx.catalog.searchTitles(words, MAX_ITEMS);
  const remote = await remoteSearch(words, ctx, waitMs);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const d of [...local, ...remote.found]) {
    if (!d.kamerstuk || seen.has(d.id) || candidates.length >= MAX_ITEMS) continue;
    seen.add(d.id);
    candidates.push({ written: bare(d.kamerstuk, style), filter: `${kamerstukKey(d.kamerstuk)} ${d.title ?? ''}`, doc: d, footnote: formatCitation(d.kamerstuk, style) });
  }
  return items(doc, at, candidates, ctx);
}

/** The documents whose Tweede Kamer number starts with what was typed (at least the year and "D"). */
async function byDocumentNumber(doc: IndexedDocument, at: Place, ctx: FeatureContext, style: CitationStyle): Promise<CompletionItem[]> {
  const prefix = at.typed.toUpperCase();
  const found = new Map<string, CatalogDocument | undefined>();
  for (const key of ctx.index.citedKeys()) {
    if (key.startsWith(prefix) && ctx.index.citationsOf(key).some((c) => c.reference.kind === 'documentNumber' && !isTyped(c.doc, c.reference.span, doc, at))) found.set(key, undefined);
  }
  for (const d of await ctx.catalog.findByNumberPrefix(prefix, MAX_ITEMS)) if (d.documentNumber && !found.get(d.documentNumber)) found.set(d.documentNumber, d);
  const candidates: Candidate[] = [];
  for (const [n, known] of found) {
    if (candidates.length >= MAX_ITEMS) break;
    const d = known ?? (await ctx.catalog.lookupDocumentNumber(n));
    candidates.push({ written: n, filter: `${n} ${d?.title ?? ''}`, doc: d, footnote: d?.kamerstuk ? `${formatCitation(d.kamerstuk, style)} (${n})` : n });
  }
  return items(doc, at, candidates, ctx);
}

/** The Handelingen the workspace cites whose title starts as typed; after words, those whose title holds them. */
async function handelingenItems(doc: IndexedDocument, at: Place, rest: string, ctx: FeatureContext, waitMs: number): Promise<CompletionItem[]> {
  const typed = at.typed.replace(/\s+/g, ' ');
  const found = new Map<string, { id: HandelingenId; doc?: CatalogDocument }>();
  for (const key of ctx.index.citedKeys()) {
    const cited = catalogKeyOf(key);
    if (cited?.kind !== 'handelingen' || !ctx.index.citationsOf(key).some((c) => c.reference.kind === 'handelingen')) continue;
    if (handelingenTitle(cited.id).startsWith(typed)) found.set(handelingenKey(cited.id), { id: cited.id });
  }
  const words = /\d/.test(rest) ? [] : titleWords(rest);
  if (words.length) {
    const remote = await remoteSearch(words, ctx, waitMs);
    for (const d of [...ctx.catalog.searchTitles(words, MAX_ITEMS), ...remote.found]) {
      const id = d.handelingen ?? parseHandelingenKey(d.id);
      if (id && !found.has(handelingenKey(id))) found.set(handelingenKey(id), { id, doc: d });
    }
  }
  const candidates: Candidate[] = [];
  for (const { id, doc: known } of found.values()) {
    if (candidates.length >= MAX_ITEMS) break;
    const d = known ?? (await ctx.catalog.lookupHandelingen(id));
    const title = handelingenTitle(id);
    candidates.push({ written: title, filter: `${title} ${d?.title ?? ''}`, doc: d, footnote: title });
  }
  return items(doc, at, candidates, ctx);
}

/**
 * The motions of the submitter whose name is being typed: those the workspace cites with their
 * Kamerstuk first (any name, when none is typed yet), then the catalog's, newest first.
 */
async function motionItems(doc: IndexedDocument, at: Place, ctx: FeatureContext, style: CitationStyle): Promise<CompletionItem[]> {
  const prefix = at.typed.trim();
  const found = new Map<string, CatalogDocument | { readonly kamerstuk: KamerstukId; readonly submitters: readonly string[]; readonly cs: boolean }>();
  for (const key of ctx.index.citedKeys()) {
    const kamerstuk = parseKamerstukKey(key);
    if (!kamerstuk) continue;
    for (const c of ctx.index.citationsOf(key)) {
      const motion = c.reference.motion;
      if (!motion || isTyped(c.doc, c.reference.span, doc, at) || (prefix && !motion.submitters.some((n) => matchesName(n, prefix)))) continue;
      if (!found.has(key)) found.set(key, { kamerstuk: { dossier: kamerstuk.dossier, nr: kamerstuk.nr }, submitters: motion.submitters, cs: motion.cs });
    }
  }
  const before = found.size;
  if (prefix.length >= 2) for (const d of ctx.catalog.motionsBySubmitterPrefix(prefix, MAX_ITEMS)) if (d.kamerstuk && !found.has(kamerstukKey(d.kamerstuk))) found.set(kamerstukKey(d.kamerstuk), d);
  // No submitter of that name: "motie over groene waterstof" finds motions by the words of their title.
  const words = titleWords(prefix);
  if (found.size === before && words.length && prefix.includes(' ')) {
    for (const d of ctx.catalog.searchTitles(['motie', ...words], MAX_ITEMS)) if (d.kamerstuk && /^motie/i.test(d.type ?? '') && !found.has(kamerstukKey(d.kamerstuk))) found.set(kamerstukKey(d.kamerstuk), d);
  }
  const candidates: Candidate[] = [];
  for (const f of found.values()) {
    if (candidates.length >= MAX_ITEMS || !f.kamerstuk) continue;
    const d = 'sources' in f ? f : await ctx.catalog.lookupKamerstuk(f.kamerstuk);
    const names = d?.submitters?.length ? d.submitters : f.submitters ?? [];
    const first = names.find((n) => matchesName(n, prefix)) ?? names[0];
    if (!first) continue;
    const who = `${first}${names.length > 1 || ('cs' in f && f.cs) ? ' c.s.' : ''}`;
    const citation = formatCitation(f.kamerstuk, style);
    candidates.push({ written: `${who} (${citation})`, filter: `${names.join(' ')} ${d?.title ?? ''}`, doc: d, footnote: citation, footnoteText: who });
  }
  return items(doc, at, candidates, ctx);
}

interface Candidate {
  /** What replaces the typed text. */
  readonly written: string;
  /** More words the editor may filter on (after the typed text). */
  readonly filter: string;
  readonly doc: CatalogDocument | undefined;
  /** The footnote's text for the footnote variant. */
  readonly footnote: string;
  /** What stays in the running text before the footnote's marker (else nothing: the marker replaces what was typed). */
  readonly footnoteText?: string;
}

/** The completion items of the candidates, in order, with the first few also as a footnote. */
function items(doc: IndexedDocument, at: Place, candidates: readonly Candidate[], ctx: FeatureContext): CompletionItem[] {
  const m = messages(ctx.locale);
  const range = { start: doc.lines.positionAt(at.from), end: doc.lines.positionAt(at.to) };
  const out: CompletionItem[] = [];
  candidates.forEach((c, i) => {
    const d = c.doc;
    const facts = [d?.type, d?.date ? formatDate(d.date, ctx.locale) : undefined, d?.outcome ? m.diag.outcomes[d.outcome] : undefined].filter(Boolean).join(' · ');
    const documentation = [escapeMarkdown(facts), d?.dossierTitle ? `*${escapeMarkdown(d.dossierTitle)}*` : ''].filter(Boolean).join('\n\n');
    const shared: Partial<CompletionItem> = {
      kind: CompletionItemKind.Reference,
      ...(d?.title ? { detail: d.title } : {}),
      ...(facts ? { labelDetails: { description: facts } } : {}),
      ...(documentation ? { documentation: { kind: MarkupKind.Markdown, value: safeMarkdown(documentation) } } : {}),
      insertTextFormat: InsertTextFormat.PlainText,
    };
    out.push({ ...shared, label: c.written, filterText: `${at.typed}${c.filter}`, sortText: `a${String(i).padStart(4, '0')}`, textEdit: { range, newText: c.written } });
    if (i >= FOOTNOTE_ITEMS) return;
    const note = newFootnote(doc, at.noteFrom, at.to, c.footnote);
    const noteTyped = doc.text.slice(at.noteFrom, at.to);
    const noteRange = { start: doc.lines.positionAt(at.noteFrom), end: range.end };
    const marker = `${c.footnoteText ?? ''}${note.marker}`;
    const atEnd = note.body.offset <= at.to;
    const additional: TextEdit[] = atEnd ? [] : [{ range: { start: doc.lines.positionAt(note.body.offset), end: doc.lines.positionAt(note.body.offset) }, newText: note.body.text }];
    out.push({
      ...shared,
      label: `${marker} ${c.footnote}`,
      detail: `${m.completion.footnote(note.label)}${d?.title ? ` — ${d.title}` : ''}`,
      filterText: `${noteTyped}${c.filter} ${m.completion.footnoteWord}`,
      sortText: `b${String(i).padStart(4, '0')}`,
      textEdit: { range: noteRange, newText: atEnd ? `${marker}${note.body.text}` : marker },
      ...(additional.length ? { additionalTextEdits: additional } : {}),
    });
  });
  return out;
}

/** The reference is the one being typed (it is no candidate for itself). */
function isTyped(d: Pick<IndexEntry, 'uri'>, span: { offset: number; length: number }, doc: IndexedDocument, at: Place): boolean {
  return d.uri === doc.uri && span.offset <= at.to && at.noteFrom <= span.offset + span.length;
}

/** "29 826, nr. 250" in the style (the keyword is already typed). */
function bare(id: KamerstukId, style: CitationStyle): string {
  return formatCitation(id, style).replace(/^Kamerstuk /, '');
}

/** The typed words worth searching titles for: three letters or more, no stop words. */
function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .slice(0, 5);
}

/** A name starts with the typed prefix, as a whole or by its surname. */
function matchesName(name: string, prefix: string): boolean {
  const n = name.toLowerCase();
  const p = prefix.toLowerCase();
  return n.startsWith(p) || n.split(/\s+/).some((part) => part.startsWith(p));
}

/** The official search's answer, if it comes within `waitMs` (only online); else nothing this time. */
async function remoteSearch(words: readonly string[], ctx: FeatureContext, waitMs: number): Promise<{ found: readonly CatalogDocument[] }> {
  if (!ctx.online) return { found: [] };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
  // The search goes on after the wait (bounded): its answer is kept for the next keystroke.
  const asked = ctx.catalog.searchRemote(words, 20, AbortSignal.timeout(15_000)).catch(() => [] as CatalogDocument[]);
  const found = await Promise.race([asked, late]);
  clearTimeout(timer);
  return { found: found ?? [] };
}
