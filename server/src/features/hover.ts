/**
 * Hover: what a reference is. A Kamerstuk or document number shows the catalog's facts (title,
 * type, date, dossier, submitters, a motion's outcome), where else the workspace cites it, and links
 * to its official pages; a motion its submitters, Kamerstuk and outcome; an amount the full figure
 * and its words (and the instrument it is for); a deadline its dates and how far that is from
 * today; a footnote marker its text; a policy instrument its glossary entry; a law's citation title
 * the glossary lacks what the Basiswettenbestand (wetten.overheid.nl) says of it.
 */
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { hasFacts, isAbsent, type CatalogDocument, type CatalogKey, type LawAnswer, type LawFacts } from '../catalog/model';
import { citedKey, type IndexEntry } from '../catalog/workspaceIndex';
import { daysBetween } from '../engine/calendar';
import {
  handelingenKey,
  kamerstukKey,
  officialHandelingenId,
  officialHandelingenPageUrl,
  officialDossierText,
  officialDossierUrl,
  officialPageUrl,
  parseKamerstukKey,
  tweedeKamerDocumentUrl,
  tweedeKamerSearchUrl,
} from '../engine/identifiers';
import { wettenUrl, type Glossary, type GlossaryEntry } from '../engine/glossary';
import { isUnresolved, type AmountReference, type DeadlineReference, type DocumentNumberReference, type HandelingenReference, type InstrumentMention, type KamerstukReference, type MotionReference, type Span } from '../engine/model';
import { messages, type Messages } from '../l10n';
import { handelingenTitle, kamerstukTitle } from './citations';
import { sentenceAround } from './sentences';
import type { FeatureContext, IndexedDocument } from './model';
import { describeDeadlineWhen, formatDate, formatEuro } from './describe';
import { escapeMarkdown, hostOf, markdownLink, safeFileUrl, safeMarkdown, safeWebUrl, webLink } from './markdown';
import { euroInWords } from './numberWords';
import { lawTitlesAt } from './lawTitles';
import { contains, footnoteOf, targetAt } from './referenceAt';

/** At most this many other citations are listed in a hover. */
const MAX_CITATIONS_LISTED = 5;

export async function hover(doc: IndexedDocument, offset: number, ctx: FeatureContext): Promise<Hover | undefined> {
  const target = targetAt(doc, offset);
  const m = messages(ctx.locale);
  if (!target) return lawHover(doc, offset, ctx, m);
  let value: string | undefined;
  let span: Span;
  switch (target.kind) {
    case 'reference': {
      const r = target.reference;
      span = r.span;
      if (r.kind === 'kamerstuk') value = await kamerstukHover(doc, r, ctx, m);
      else if (r.kind === 'documentNumber') value = await documentNumberHover(doc, r, ctx, m);
      else if (r.kind === 'dossier') value = `**${m.hover.dossier} ${escapeMarkdown(officialDossierText(r.dossier))}**\n\n${webLink(m.hover.officialPage, officialDossierUrl(r.dossier))}`;
      else if (r.kind === 'motion') value = await motionHover(doc, r, ctx, m);
      else if (r.kind === 'amount') value = amountHover(r, ctx) + instrumentNear(doc, r, ctx, m);
      else if (r.kind === 'handelingen') value = await handelingenHover(doc, r, ctx, m);
      else value = deadlineHover(r, doc, ctx, m);
      break;
    }
    case 'footnoteMarker': {
      span = target.marker.span;
      const note = footnoteOf(doc, target.marker);
      value = note ? `**${m.hover.footnote(escapeMarkdown(note.label))}**\n\n${escapeMarkdown(note.body)}` : m.hover.footnoteMissing(escapeMarkdown(target.marker.label));
      break;
    }
    case 'footnote':
      span = target.footnote.span;
      value = `**${m.hover.footnote(escapeMarkdown(target.footnote.label))}**\n\n${escapeMarkdown(target.footnote.body)}`;
      break;
    case 'identity':
      span = target.span;
      value = await identityHover(doc, target.key, target.span, ctx, m);
      break;
    case 'instrument':
      span = target.mention.span;
      value = instrumentHover(doc, target.mention, ctx, m);
      break;
  }
  if (!value) return undefined;
  // Built from escaped text and checked links; the last pass takes out anything that slipped through.
  return { contents: { kind: MarkupKind.Markdown, value: safeMarkdown(value) }, range: doc.lines.rangeOf(span) };
}

async function kamerstukHover(doc: IndexedDocument, r: KamerstukReference, ctx: FeatureContext, m: Messages): Promise<string> {
  const found = await ctx.catalog.lookupKamerstuk(r);
  const heading = `**${escapeMarkdown(kamerstukTitle(r))}**`;
  const links = [webLink(m.hover.officialPage, officialPageUrl(r)), webLink(m.hover.tweedeKamerPage, found?.documentNumber ? tweedeKamerDocumentUrl(found.documentNumber) : tweedeKamerSearchUrl(r))];
  const known = found && hasFacts(found);
  const parts = [known ? documentFacts(heading, found, ctx, m, r.dossier) : `${heading}\n\n${unknownText(found, { kind: 'kamerstuk', id: r }, ctx, m)}`];
  parts.push(citationsElsewhere(doc, r, kamerstukKey(r), ctx, m));
  parts.push(links.join(' · '));
  if (known) parts.push(sourceLine(found, m));
  return parts.filter(Boolean).join('\n\n');
}

async function documentNumberHover(doc: IndexedDocument, r: DocumentNumberReference, ctx: FeatureContext, m: Messages): Promise<string> {
  const found = await ctx.catalog.lookupDocumentNumber(r.number);
  const heading = `**${escapeMarkdown(r.number)}**`;
  const links = [webLink(m.hover.tweedeKamerPage, tweedeKamerDocumentUrl(r.number))];
  if (found?.kamerstuk) links.unshift(webLink(m.hover.officialPage, officialPageUrl(found.kamerstuk)));
  const known = found && hasFacts(found);
  const parts = [known ? documentFacts(heading, found, ctx, m, found.kamerstuk?.dossier) : `${heading}\n\n${m.hover.unknownDocumentNumber}`];
  parts.push(citationsElsewhere(doc, r, r.number.toUpperCase(), ctx, m));
  parts.push(links.join(' · '));
  if (known) parts.push(sourceLine(found, m));
  return parts.filter(Boolean).join('\n\n');
}

/**
 * The document's own identity (its heading, page footer, export header): what this document is,
 * from the catalog where it knows more, else from what the document says; where the workspace cites it.
 */
async function identityHover(doc: IndexedDocument, key: string, span: Span, ctx: FeatureContext, m: Messages): Promise<string> {
  const meta = doc.analysis.metadata;
  const found = meta.kamerstuk ? await ctx.catalog.lookupKamerstuk(meta.kamerstuk) : await ctx.catalog.lookupDocumentNumber(key);
  const heading = `**${m.hover.thisDocument}: ${escapeMarkdown(meta.kamerstuk ? kamerstukTitle(meta.kamerstuk) : key)}**`;
  const own: CatalogDocument = {
    id: key,
    ...(found ?? {}),
    ...(!found?.title && meta.title ? { title: meta.title } : {}),
    ...(!found?.date && meta.date ? { date: meta.date } : {}),
    ...(!found?.dossierTitle && meta.dossierTitle ? { dossierTitle: meta.dossierTitle } : {}),
    ...(!found?.documentNumber && meta.documentNumber ? { documentNumber: meta.documentNumber } : {}),
    sources: found?.sources ?? [],
  };
  const { workspace: _inWorkspace, ...facts } = own;
  const parts = [documentFacts(heading, facts, ctx, m, meta.kamerstuk?.dossier)];
  parts.push(citationsElsewhere(doc, { span }, key, ctx, m) || m.hover.notCitedInWorkspace);
  if (meta.kamerstuk) parts.push(webLink(m.hover.officialPage, officialPageUrl(meta.kamerstuk)));
  if (found && hasFacts(found) && found.sources.some((s) => s.origin !== 'workspace')) parts.push(sourceLine(found, m));
  return parts.filter(Boolean).join('\n\n');
}

/**
 * A Handelingen citation: what it is (a sitting's report, or the Aanhangsel's answers to
 * Kamervragen), its chamber, vergaderjaar, number, item and pages; what officielebekendmakingen
 * says of the publication it names (title, date), or why it names none; where else it is cited; a
 * link to its official page.
 */
async function handelingenHover(doc: IndexedDocument, r: HandelingenReference, ctx: FeatureContext, m: Messages): Promise<string> {
  const t = m.hover.handelingen;
  const official = officialHandelingenId(r);
  const found = official ? await ctx.catalog.lookupHandelingen(r) : undefined;
  const heading = `**${escapeMarkdown(handelingenTitle(r))}**`;
  const facts: string[] = [];
  if (r.chamber) facts.push(`**${t.chamber}:** ${t.chambers[r.chamber]}`);
  facts.push(`**${t.vergaderjaar}:** ${escapeMarkdown(r.year)}`);
  facts.push(`**${t.number}:** ${escapeMarkdown(r.nr)}${r.item ? ` · **${t.item}:** ${escapeMarkdown(r.item)}` : ''}${r.pages ? ` · **${t.pages}:** ${escapeMarkdown(r.pages)}` : ''}`);
  const known = found && hasFacts(found);
  if (known && found.date) facts.push(`**${m.hover.date}:** ${dateText(found.date, ctx)}`);
  if (known && found.submitters?.length) facts.push(`**${m.hover.submitters}:** ${escapeMarkdown(found.submitters.join(', '))}`);
  const parts = [`${heading} · ${r.aanhangsel ? t.aanhangsel : t.sitting}`];
  if (known && found.title) parts.push(`*${escapeMarkdown(found.title)}*`);
  parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (!r.chamber) parts.push(t.chamberUnknown);
  else if (!official) parts.push(t.noItem);
  else if (!known) parts.push(unknownText(found, { kind: 'handelingen', id: r }, ctx, m));
  parts.push(citationsElsewhere(doc, r, handelingenKey(r), ctx, m));
  const page = officialHandelingenPageUrl(r);
  if (page) parts.push(webLink(m.hover.officialPage, page));
  if (known) parts.push(sourceLine(found, m));
  return parts.filter(Boolean).join('\n\n');
}

/** Why a cited document shows no facts: it does not exist, is being looked up, or is not known (offline). */
function unknownText(found: CatalogDocument | undefined, key: CatalogKey, ctx: FeatureContext, m: Messages): string {
  if (isAbsent(found)) return m.hover.absent(escapeMarkdown(m.sourceNames[found!.absent!.origin] ?? found!.absent!.origin));
  if (key.kind === 'kamerstuk' && found?.dossierHighest !== undefined && /^\d+$/.test(key.id.nr) && Number(key.id.nr) > found.dossierHighest) {
    return m.hover.beyondHighest(escapeMarkdown(officialDossierText(key.id.dossier)), found.dossierHighest);
  }
  if (key.kind === 'documentNumber') return m.hover.unknownDocumentNumber;
  if (ctx.catalog.isFetching(key)) return m.hover.fetching;
  return ctx.online ? m.hover.unknownOnline : m.hover.unknownOffline;
}

function documentFacts(heading: string, d: CatalogDocument, ctx: FeatureContext, m: Messages, dossier: string | undefined): string {
  const lines: string[] = [d.type ? `${heading} · ${escapeMarkdown(d.type)}` : heading];
  if (d.title) lines.push(`*${escapeMarkdown(d.title)}*`);
  const facts: string[] = [];
  if (d.date) facts.push(`**${m.hover.date}:** ${dateText(d.date, ctx)}`);
  if (dossier) facts.push(`**${m.hover.dossier}:** ${escapeMarkdown(officialDossierText(dossier))}${d.dossierTitle ? ` — ${escapeMarkdown(d.dossierTitle)}` : ''}`);
  if (d.alsoDossiers?.length) facts.push(`**${m.hover.alsoDossiers}:** ${escapeMarkdown(d.alsoDossiers.map(officialDossierText).join(', '))}`);
  if (d.submitters?.length) facts.push(`**${m.hover.submitters}:** ${escapeMarkdown(d.submitters.join(', '))}`);
  if (d.outcome) facts.push(`**${m.hover.outcome}:** ${m.diag.outcomes[d.outcome]}${d.outcomeDate ? ` (${dateText(d.outcomeDate, ctx)})` : ''}`);
  if (d.kabinetsappreciatie) facts.push(`**${m.hover.appreciation}:** ${escapeMarkdown(d.kabinetsappreciatie)}`);
  if (d.documentNumber && d.id !== d.documentNumber) facts.push(`**${m.hover.documentNumber}:** ${escapeMarkdown(d.documentNumber)}`);
  if (d.replacedBy) {
    const by = parseKamerstukKey(d.replacedBy);
    facts.push(`⚠ ${m.hover.replacedBy(by ? webLink(kamerstukTitle(by), officialPageUrl(by)) : escapeMarkdown(d.replacedBy))}`);
  }
  if (d.workspace) facts.push(`${m.hover.inWorkspace}: ${markdownLink(fileName(d.workspace.uri), locationLink(ctx, d.workspace.uri, d.workspace.span))}`);
  if (facts.length) lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n\n');
}

/** The order in which sources are named: the official ones first. */
const SOURCE_ORDER = ['officielebekendmakingen', 'tweedekamer', 'bundled', 'workspace'];

/**
 * "Bron: officielebekendmakingen.nl · de meegeleverde gegevens": each source once, by what it is,
 * official sources first, each linked to the first web page it gave (the record or its provenance).
 */
function sourceLine(d: CatalogDocument, m: Messages): string {
  const origins = [...new Set(d.sources.map((s) => s.origin))].filter((o) => o !== 'workspace' || d.sources.length === 1);
  origins.sort((a, b) => (SOURCE_ORDER.indexOf(a) + 1 || 99) - (SOURCE_ORDER.indexOf(b) + 1 || 99));
  const named = origins.map((o) => {
    const url = d.sources.find((s) => s.origin === o && safeWebUrl(s.url))?.url;
    return webLink(m.sourceNames[o] ?? o, url);
  });
  return `_${m.hover.sources}: ${named.join(' · ')}_`;
}

/** A date as words; a date that is not ISO (a source's odd value) as escaped text. */
function dateText(iso: string, ctx: FeatureContext): string {
  return escapeMarkdown(formatDate(iso, ctx.locale));
}

/** The other places in the workspace that cite the same key. */
/**
 * "Ook geciteerd op 2 andere plekken: brief.txt:3, nota.md:12": the other places, one per line of a
 * document (a motion and its Kamerstuk in one sentence are one place), never the place hovered.
 */
function citationsElsewhere(doc: IndexedDocument, r: { span: Span }, key: string, ctx: FeatureContext, m: Messages): string {
  const hereLine = doc.lines.positionAt(r.span.offset).line;
  const seen = new Set<string>();
  const others = ctx.index.citationsOf(key).filter((c) => {
    const line = c.doc.lines.positionAt(c.reference.span.offset).line;
    if (c.doc.uri === doc.uri && (line === hereLine || overlaps(c.reference.span, r.span))) return false;
    const place = `${c.doc.uri}:${line}`;
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
  if (!others.length) return '';
  const listed = others.slice(0, MAX_CITATIONS_LISTED).map((c) => {
    const line = c.doc.lines.positionAt(c.reference.span.offset).line + 1;
    return markdownLink(`${fileName(c.doc.uri)}:${line}`, locationLink(ctx, c.doc.uri, c.reference.span, c.doc));
  });
  if (others.length > MAX_CITATIONS_LISTED) listed.push(m.hover.andMore(others.length - MAX_CITATIONS_LISTED));
  return `${m.hover.citedElsewhere(others.length)} ${listed.join(', ')}`;
}

function overlaps(a: Span, b: Span): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

/** The file name of a URI, decoded (as text: it is escaped where it is shown). */
function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A link target that opens a document at a place (VS Code reads `#L<line>,<column>`, 1-based); file URIs only. */
function locationLink(ctx: FeatureContext, uri: string, span: Span, known?: IndexEntry): string | undefined {
  const doc = known ?? ctx.index.entry(uri);
  if (!doc) return safeFileUrl(uri);
  const p = doc.lines.positionAt(span.offset);
  return safeFileUrl(uri, p.line + 1, p.character + 1);
}

async function motionHover(doc: IndexedDocument, r: MotionReference, ctx: FeatureContext, m: Messages): Promise<string> {
  const title = `**${m.kind.motion} ${escapeMarkdown(r.submitters.join(', '))}${r.cs ? ' c.s.' : ''}**`;
  const lines = [title];
  const facts: string[] = [`**${m.hover.submitters}:** ${escapeMarkdown(r.submitters.join(', '))}${r.cs ? ` — ${m.hover.cs}` : ''}`];
  if (r.kamerstuk) {
    const found = await ctx.catalog.lookupKamerstuk(r.kamerstuk);
    facts.push(`**${m.hover.motionKamerstuk}:** ${webLink(kamerstukTitle(r.kamerstuk), officialPageUrl(r.kamerstuk))} (${m.hover.linkedVia[r.kamerstuk.source]})`);
    if (found?.title) facts.push(`*${escapeMarkdown(found.title)}*`);
    if (found?.date) facts.push(`**${m.hover.date}:** ${dateText(found.date, ctx)}`);
    if (found?.submitters?.length) facts.push(`**${m.kind.motion} — ${m.hover.submitters.toLowerCase()}:** ${escapeMarkdown(found.submitters.join(', '))}`);
    if (found?.outcome) facts.push(`**${m.hover.outcome}:** ${m.diag.outcomes[found.outcome]}${found.outcomeDate ? ` (${dateText(found.outcomeDate, ctx)})` : ''}`);
    if (found?.kabinetsappreciatie) facts.push(`**${m.hover.appreciation}:** ${escapeMarkdown(found.kabinetsappreciatie)}`);
    lines.push(facts.map((f) => `- ${f}`).join('\n'));
    const key = citedKey(r);
    if (key) lines.push(citationsElsewhere(doc, r, key, ctx, m));
  } else {
    lines.push(facts.map((f) => `- ${f}`).join('\n'));
    lines.push(m.hover.motionNoKamerstuk);
    const candidates = ctx.catalog.findMotions(r.submitters, 3);
    if (candidates.length) {
      lines.push(
        `${m.hover.motionCandidates}\n` +
          candidates
            .filter((c) => c.kamerstuk)
            .map((c) => `- ${webLink(kamerstukTitle(c.kamerstuk!), officialPageUrl(c.kamerstuk!))}${c.date ? ` (${dateText(c.date, ctx)})` : ''}${c.title ? `: ${escapeMarkdown(c.title)}` : ''}`)
            .join('\n'),
      );
    }
  }
  return lines.filter(Boolean).join('\n\n');
}

function amountHover(r: AmountReference, ctx: FeatureContext): string {
  const m = messages(ctx.locale);
  const figure = `**${r.valueMax !== undefined ? `${formatEuro(r.value)} – ${formatEuro(r.valueMax)}` : formatEuro(r.value)}**`;
  const words = r.valueMax !== undefined ? `${euroInWords(r.value, ctx.locale)} – ${euroInWords(r.valueMax, ctx.locale)} (${m.hover.range})` : euroInWords(r.value, ctx.locale);
  const lines = [figure, words];
  if (r.qualifiers?.length) lines.push(r.qualifiers.map((q) => m.hover.qualifiers[q]).join(', '));
  if (r.tableUnit) lines.push(`_${m.hover.tableUnit(escapeMarkdown(r.tableUnit.text))}_`);
  return lines.join('\n\n');
}

function deadlineHover(r: DeadlineReference, doc: IndexedDocument, ctx: FeatureContext, m: Messages): string {
  if (!r.end) return `**${m.hover.deadline}**\n\n${m.hover.unresolved}`;
  const f = (d: string): string => formatDate(d, ctx.locale);
  const lines = [`**${m.hover.deadline}:** ${escapeMarkdown(describeDeadlineWhen(r, ctx.locale))}`];
  const toEnd = daysBetween(ctx.today, r.end);
  if (toEnd < 0) lines.push(m.hover.passed(-toEnd));
  else if (r.start && daysBetween(ctx.today, r.start) <= 0) lines.push(m.hover.running(toEnd));
  else lines.push(m.hover.dueIn(r.start ? daysBetween(ctx.today, r.start) : toEnd));
  if (r.relative && doc.analysis.metadata.date) lines.push(`_${m.hover.yearFromDocument(escapeMarkdown(f(doc.analysis.metadata.date)))}_`);
  return lines.join('\n\n');
}

/**
 * An instrument from the glossary: its name and kind, full name, description in the UI language,
 * for an act its citation title, BWB id and consolidated text, ministry, legal basis (its Kamerstuk
 * linked like any citation), official page and sources. An abbreviation with several meanings shows
 * the one chosen and the others, or, when the letter leaves it open, every candidate.
 */
function instrumentHover(doc: IndexedDocument, mention: InstrumentMention, ctx: FeatureContext, m: Messages): string | undefined {
  const glossary = ctx.glossaries?.forDocument(doc.uri);
  if (!glossary) return undefined;
  if (isUnresolved(mention)) return candidatesHover(mention, glossary, ctx, m);
  const e = glossary.entry(mention.id);
  if (!e) return undefined;
  const t = m.hover.instrument;
  const fromWorkspace = glossary.fromWorkspace(e.id);
  const law = e.law ?? undefined;
  const parts: string[] = [`**${escapeMarkdown(e.name)}** · ${t.kinds[e.kind]}${fromWorkspace ? ` ${t.fromWorkspace}` : ''}`];
  if (e.fullName && e.fullName !== e.name && e.fullName !== law?.citationTitle) parts.push(`*${escapeMarkdown(e.fullName)}*`);
  parts.push(describedIn(e, ctx, m));
  const facts: string[] = [];
  if (law) {
    const official = law.abbreviation && law.abbreviation !== law.citationTitle ? ` (${escapeMarkdown(law.abbreviation)})` : '';
    facts.push(`**${t.citationTitle}:** ${escapeMarkdown(law.citationTitle)}${official}`);
    if (law.bwbId) facts.push(`**${t.bwbId}:** ${escapeMarkdown(law.bwbId)}`);
  }
  const abbreviations = e.abbreviations.filter((a) => a !== e.name && a !== law?.abbreviation);
  if (abbreviations.length) facts.push(`**${t.abbreviations}:** ${escapeMarkdown(abbreviations.join(', '))}`);
  if (e.ministry) facts.push(`**${t.ministry}:** ${escapeMarkdown(e.ministry)}`);
  const lawUrl = law?.bwbId ? consolidatedTextUrl(law.bwbId, law.url) : undefined;
  if (e.legalBasis && !(lawUrl && e.legalBasis.url === lawUrl && e.legalBasis.text === law?.citationTitle)) {
    const id = e.legalBasis.kamerstuk ? parseKamerstukKey(e.legalBasis.kamerstuk) : undefined;
    const kst = id ? officialPageUrl(id) : undefined;
    // A link's text is the host it goes to; an address that is not a safe web address is not linked.
    const basis = safeWebUrl(e.legalBasis.url);
    const links = [id ? webLink(kamerstukTitle(id), kst) : '', basis && basis !== kst ? webLink(hostOf(basis), basis) : ''].filter(Boolean);
    facts.push(`**${t.legalBasis}:** ${escapeMarkdown(e.legalBasis.text)}${links.length ? ` — ${links.join(' · ')}` : ''}`);
  }
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  const links: string[] = [];
  if (lawUrl) links.push(webLink(`${t.consolidatedText}: ${lawUrl.replace(/^https:\/\//, '')}`, lawUrl));
  const page = safeWebUrl(e.url);
  if (page && page !== safeWebUrl(lawUrl) && page !== safeWebUrl(e.legalBasis?.url)) links.push(webLink(`${t.officialPage}: ${hostOf(page)}`, page));
  if (links.length) parts.push(links.join(' · '));
  const sources = [...new Set((e.sources ?? []).map((src) => safeWebUrl(src.url)).filter((u): u is string => !!u))];
  if (sources.length) parts.push(`_${t.sources}: ${sources.slice(0, 3).map((u) => webLink(hostOf(u), u)).join(', ')}_`);
  const others = (mention.candidates ?? []).filter((id) => id !== e.id).map((id) => glossary.entry(id)).filter((x): x is GlossaryEntry => !!x);
  if (others.length && mention.resolvedBy) {
    const names = others.map((o) => `**${escapeMarkdown(longName(o))}**`).join(', ');
    parts.push(`_${t.alsoMeans(escapeMarkdown(mention.text), names)}; ${t.chosenBy[mention.resolvedBy]}._`);
  }
  const where = glossary.locationOf(e.id);
  if (fromWorkspace) {
    const target = where && safeFileUrl(where.uri, where.range.start.line + 1, where.range.start.character + 1);
    parts.push(`_${t.workspaceGlossary}${where ? `: ${markdownLink(fileName(where.uri), target)}` : ''}_`);
  }
  return parts.join('\n\n');
}

/**
 * An abbreviation with several meanings that the letter leaves open ("NPO"): each candidate with its
 * name, kind and the first sentence of its description, the glossary's note, and how to settle it.
 */
function candidatesHover(mention: InstrumentMention, glossary: Glossary, ctx: FeatureContext, m: Messages): string | undefined {
  const t = m.hover.instrument;
  const candidates = (mention.candidates ?? []).map((id) => glossary.entry(id)).filter((x): x is GlossaryEntry => !!x);
  if (!candidates.length) return undefined;
  const written = mention.text.replace(/\s+/g, ' ');
  const parts = [`**${escapeMarkdown(written)}** · ${t.ambiguous}`, escapeMarkdown(t.candidatesIntro(written))];
  parts.push(candidates.map((e) => `- **${escapeMarkdown(longName(e))}** (${t.kinds[e.kind]}): ${escapeMarkdown(firstSentence(describedText(e, ctx)))}`).join('\n'));
  const note = (glossary.ambiguity(written) ?? glossary.ambiguities.find((a) => candidates.every((c) => a.entries.includes(c.id))))?.note;
  if (note && ctx.locale === 'nl') parts.push(`_${escapeMarkdown(note)}_`);
  parts.push(`_${escapeMarkdown(t.writeOutHint(`${longName(candidates[0]!)} (${written})`))}_`);
  return parts.join('\n\n');
}

/** The name that tells an entry apart: its name, or its full name when the name is only the abbreviation. */
function longName(e: GlossaryEntry): string {
  return e.fullName && (e.abbreviations.includes(e.name) || e.name === e.name.toUpperCase()) ? e.fullName : e.name;
}

/** The description in the UI language, with a note when only the Dutch one exists. */
function describedIn(e: GlossaryEntry, ctx: FeatureContext, m: Messages): string {
  const t = m.hover.instrument;
  return escapeMarkdown(describedText(e, ctx)) + (ctx.locale === 'en' && !e.description.en && t.dutchOnly ? ` _${t.dutchOnly}_` : '');
}

function describedText(e: GlossaryEntry, ctx: FeatureContext): string {
  return ctx.locale === 'en' && e.description.en ? e.description.en : e.description.nl;
}

/** The first sentence of a description, at most about 200 characters. */
function firstSentence(text: string): string {
  const end = /[.!?](?=\s+\p{Lu})/u.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  return sentence.length > 200 ? `${sentence.slice(0, 197).replace(/\s+\S*$/, '')} …` : sentence;
}

/** The consolidated text of an act: the glossary's wetten.overheid.nl link when it is a clean one, else built from the BWB id. */
function consolidatedTextUrl(bwbId: string, given: string | undefined): string {
  const built = wettenUrl(bwbId);
  return given && given.startsWith(built) && safeWebUrl(given) ? given : built;
}

/** How long a hover waits for the Basiswettenbestand before it says the law is being looked up. */
const LAW_WAIT_MS = 2500;

/**
 * A law's citation title the glossary lacks ("de Wet open overheid", "Grondwet", "Mediawet 2008"):
 * what the Basiswettenbestand says of it — its citation title, type, BWB id, ministry, the version
 * described and a link to its consolidated text built from the id. Nothing when the BWB knows none
 * of the candidate titles, or offline when nothing is kept.
 */
async function lawHover(doc: IndexedDocument, offset: number, ctx: FeatureContext, m: Messages): Promise<Hover | undefined> {
  const titles = lawTitlesAt(doc.text, offset);
  if (!titles) return undefined;
  const pending = ctx.catalog.lookupLaw(titles.map((t) => t.text), ctx.today);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), LAW_WAIT_MS)));
  const answer: LawAnswer | undefined = await Promise.race([pending, late]).finally(() => clearTimeout(timer));
  if (!answer) {
    // Still asking (the answer is kept when it comes): say so over the shortest candidate at the cursor.
    const shortest = titles.filter((t) => contains(t.span, offset)).pop();
    if (!shortest) return undefined;
    return { contents: { kind: MarkupKind.Markdown, value: safeMarkdown(`**${escapeMarkdown(shortest.text)}**\n\n${m.hover.law.fetching}`) }, range: doc.lines.rangeOf(shortest.span) };
  }
  if (answer.kind !== 'found') return undefined;
  const named = titles.find((t) => t.text.toLowerCase() === answer.law.matched.toLowerCase());
  if (!named || !contains(named.span, offset)) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: safeMarkdown(lawText(answer.law, ctx, m)) }, range: doc.lines.rangeOf(named.span) };
}

function lawText(law: LawFacts, ctx: FeatureContext, m: Messages): string {
  const t = m.hover.instrument;
  const parts = [`**${escapeMarkdown(law.title)}**${law.type ? ` · ${escapeMarkdown(law.type)}` : ''} _(${m.hover.law.notInGlossary})_`];
  const facts: string[] = [`**${t.citationTitle}:** ${escapeMarkdown(law.title)}`, `**${t.bwbId}:** ${escapeMarkdown(law.bwbId)}`];
  if (law.authority) facts.push(`**${t.ministry}:** ${escapeMarkdown(law.authority)}`);
  if (law.validFrom) {
    const from = dateText(law.validFrom, ctx);
    const open = !law.validUntil || law.validUntil >= '9999';
    facts.push(`**${m.hover.law.version}:** ${open ? m.hover.law.validFrom(from) : m.hover.law.validBetween(from, dateText(law.validUntil!, ctx))}`);
  }
  parts.push(facts.map((f) => `- ${f}`).join('\n'));
  // The link is built from the BWB id (never an address a response gave), and only to wetten.overheid.nl.
  const url = wettenUrl(law.bwbId);
  if (safeWebUrl(url) && hostOf(url) === 'wetten.overheid.nl') parts.push(webLink(`${t.consolidatedText}: ${url.replace(/^https:\/\//, '')}`, url));
  parts.push(`_${m.hover.sources}: ${escapeMarkdown(m.sourceNames['bwb'] ?? 'wetten.overheid.nl')}_`);
  return parts.join('\n\n');
}

/** "bij **Nationaal Groeifonds**" when an instrument is named in the amount's sentence (the nearest one). */
function instrumentNear(doc: IndexedDocument, r: AmountReference, ctx: FeatureContext, m: Messages): string {
  const glossary = ctx.glossaries?.forDocument(doc.uri);
  if (!glossary || !doc.analysis.instruments.length) return '';
  const sentence = sentenceAround(doc, r.span);
  const end = r.span.offset + r.span.length;
  let best: { mention: InstrumentMention; distance: number } | undefined;
  for (const i of doc.analysis.instruments) {
    if (i.span.offset < sentence.offset || i.span.offset + i.span.length > sentence.offset + sentence.length) continue;
    const distance = i.span.offset >= end ? i.span.offset - end : r.span.offset - (i.span.offset + i.span.length);
    if (distance < 0) continue;
    if (!best || distance < best.distance) best = { mention: i, distance };
  }
  const e = best && !isUnresolved(best.mention) ? glossary.entry(best.mention.id) : undefined;
  return e ? `\n\n${m.hover.instrument.forInstrument(`**${escapeMarkdown(e.name)}**`)}` : '';
}
