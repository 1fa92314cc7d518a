/**
 * An in-memory workspace for feature tests, built through the composition root like the server and
 * the command line: documents of a fixture (test/support/fixture.ts) at file:///ws/<name>, a
 * catalog of the workspace plus a fixed list of known documents (and, when asked, the real bundled
 * data), the real bundled glossary with an optional workspace glossary, a fixed today.
 */
import * as path from 'node:path';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { CatalogDocument, CatalogSource } from '../../server/src/catalog/model';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/analyze';
import { foldForSearch } from '../../server/src/engine/folding';
import { BundledCatalogSource } from '../../server/src/catalog/sources/bundled';
import type { IndexedDocument } from '../../server/src/catalog/workspaceIndex';
import type { GlossaryData, GlossaryEntry } from '../../server/src/engine/glossary';
import { handelingenKey, kamerstukKey, parseKamerstukKey, type HandelingenId, type KamerstukId } from '../../server/src/engine/identifiers';
import { LineIndex } from '../../server/src/engine/lineIndex';
import type { KnownDocumentFacts, Span } from '../../server/src/engine/model';
import type { DiagnosticRule } from '../../server/src/features/diagnostics/model';
import { DEFAULT_DIAGNOSTIC_SETTINGS, type DiagnosticSettings } from '../../server/src/features/model';
import { loadBundledCatalog } from '../../server/src/io/bundledData';
import { loadBundledGlossary } from '../../server/src/io/glossary';
import type { Locale } from '../../server/src/l10n';
import { createKamerwijzer, type Kamerwijzer } from '../../server/src/service/kamerwijzer';
import { parseFixture, type FixtureFile } from './fixture';
import { repoRoot } from './paths';

/** A document a test's catalog knows (ids "29826-250" or "2025D12193"). */
export type Known = Omit<CatalogDocument, 'sources' | 'kamerstuk'>;

/** A catalog source over a fixed list of documents. */
export class ListCatalogSource implements CatalogSource {
  readonly name = 'test';
  constructor(private readonly docs: readonly Known[]) {}
  private full(d: Known): CatalogDocument {
    const kamerstuk = parseKamerstukKey(d.id);
    return { ...d, ...(kamerstuk ? { kamerstuk } : {}), sources: [{ origin: 'test' }] };
  }
  lookupKamerstuk(id: KamerstukId): CatalogDocument | undefined {
    const d = this.docs.find((x) => x.id === kamerstukKey(id));
    return d && this.full(d);
  }
  lookupDocumentNumber(n: string): CatalogDocument | undefined {
    const d = this.docs.find((x) => x.id === n || x.documentNumber === n);
    return d && this.full(d);
  }
  lookupHandelingen(id: HandelingenId): CatalogDocument | undefined {
    const d = this.docs.find((x) => x.id === handelingenKey(id));
    return d && { ...d, handelingen: id, sources: [{ origin: 'test' }] };
  }
  searchTitles(words: readonly string[], limit: number): CatalogDocument[] {
    const w = words.map(foldForSearch);
    return this.docs.filter((d) => d.title && w.every((x) => ` ${foldForSearch(d.title!)} `.includes(x))).slice(0, limit).map((d) => this.full(d));
  }
  documentsByIdPrefix(prefix: string, limit: number): CatalogDocument[] {
    return this.docs.filter((d) => d.id.startsWith(prefix) && parseKamerstukKey(d.id)).slice(0, limit).map((d) => this.full(d));
  }
  titledDocuments(): CatalogDocument[] {
    return this.docs.filter((d) => d.title && !/^motie/i.test(d.type ?? '')).map((d) => this.full(d));
  }
  findMotions(surnames: readonly string[], limit: number): CatalogDocument[] {
    const last = (s: string): string => foldForSearch(s).split(' ').pop()!;
    return this.docs
      .filter((d) => /^motie/i.test(d.type ?? '') && surnames.every((s) => (d.submitters ?? []).some((x) => last(x) === last(s))))
      .slice(0, limit)
      .map((d) => this.full(d));
  }
  motionsBySubmitterPrefix(prefix: string, limit: number): CatalogDocument[] {
    const p = foldForSearch(prefix);
    return this.docs
      .filter((d) => /^motie/i.test(d.type ?? '') && (d.submitters ?? []).some((x) => foldForSearch(x).startsWith(p) || foldForSearch(x).split(' ').pop()!.startsWith(p)))
      .slice(0, limit)
      .map((d) => this.full(d));
  }
  documentsByNumberPrefix(prefix: string, limit: number): CatalogDocument[] {
    return this.docs.filter((d) => d.documentNumber?.toUpperCase().startsWith(prefix.toUpperCase())).slice(0, limit).map((d) => this.full(d));
  }
}

/** An official source's title search over a fixed list of documents (what `searchRemote` finds online); it looks nothing up by number. */
export class RemoteSearchSource implements CatalogSource {
  readonly name = 'remote';
  /** The words of every search asked, in order. */
  readonly asked: string[][] = [];
  private readonly list: ListCatalogSource;
  constructor(docs: readonly Known[]) {
    this.list = new ListCatalogSource(docs);
  }
  lookupKamerstuk(): undefined {
    return undefined;
  }
  lookupDocumentNumber(): undefined {
    return undefined;
  }
  async searchRemote(words: readonly string[], limit: number): Promise<CatalogDocument[]> {
    this.asked.push([...words]);
    return this.list.searchTitles(words, limit);
  }
}

let bundled: BundledCatalogSource | undefined;
/** The real bundled catalog (dist/data, built by `node esbuild.mjs` before the tests), read once. */
export function bundledSource(): BundledCatalogSource {
  bundled ??= new BundledCatalogSource(loadBundledCatalog(path.join(repoRoot, 'dist', 'data')));
  return bundled;
}

/** The bundled glossary as the server reads it (server/data is the source of dist/data): entries and ambiguities. */
export const bundledGlossary: GlossaryData = loadBundledGlossary(path.join(repoRoot, 'server', 'data'), (p) => {
  throw new Error(p);
});
export const bundledEntries: readonly GlossaryEntry[] = bundledGlossary.entries;

export const FOLDER = 'file:///ws';
export const GLOSSARY_URI = `${FOLDER}/.kamerwijzer/glossary.json`;

export interface WorkspaceOptions {
  /** Documents the catalog knows beside the workspace. */
  readonly known?: readonly Known[];
  /** Also the real bundled catalog. */
  readonly bundled?: boolean;
  /** Documents only the official search finds (RemoteSearchSource). */
  readonly remote?: readonly Known[];
  /** The text of the workspace glossary (.kamerwijzer/glossary.json); the bundled glossary applies in any case. */
  readonly glossary?: string;
  readonly locale?: Locale;
  readonly today?: string;
  readonly settings?: Partial<DiagnosticSettings>;
  readonly rules?: readonly DiagnosticRule[];
}

export interface TestWorkspace {
  readonly service: Kamerwijzer;
  /** Adds (or replaces) a document at file:///ws/<name>. */
  add(name: string, text: string, known?: KnownDocumentFacts): IndexedDocument;
  /** Adds every file of a fixture; returns the files and the indexed documents by name. */
  open(fixture: string): OpenedFixture;
}

export interface OpenedFixture {
  readonly files: readonly FixtureFile[];
  /** The fixture file with the cursor (else the first), indexed. */
  readonly doc: IndexedDocument;
  readonly file: FixtureFile;
  /** The cursor's offset (throws when the fixture has none). */
  readonly cursor: number;
  docOf(name: string): IndexedDocument;
}

export const uriOf = (name: string): string => `${FOLDER}/${name}`;

export function testWorkspace(options: WorkspaceOptions = {}): TestWorkspace {
  const sources: CatalogSource[] = [];
  if (options.known) sources.push(new ListCatalogSource(options.known));
  if (options.bundled) sources.push(bundledSource());
  if (options.remote) sources.push(new RemoteSearchSource(options.remote));
  const service = createKamerwijzer({
    sources,
    bundledGlossary: () => bundledGlossary,
    folderOf: (uri) => (uri.startsWith(`${FOLDER}/`) ? 'ws' : undefined),
    settings: { locale: options.locale ?? 'nl', today: options.today ?? '2026-11-23', diagnostics: { ...DEFAULT_DIAGNOSTIC_SETTINGS, ...options.settings } },
    ...(options.rules ? { rules: options.rules } : {}),
  });
  service.glossaries.setFolder('ws', GLOSSARY_URI, options.glossary);
  const add = (name: string, text: string, known?: KnownDocumentFacts): IndexedDocument => service.setDocument(uriOf(name), text, 1, known ? { known } : undefined);
  return {
    service,
    add,
    open(fixture: string): OpenedFixture {
      const files = parseFixture(fixture);
      const docs = new Map(files.map((f) => [f.name, add(f.name, f.text)]));
      const file = files.find((f) => f.cursor !== undefined) ?? files[0]!;
      return {
        files,
        file,
        doc: docs.get(file.name)!,
        get cursor(): number {
          if (file.cursor === undefined) throw new Error('the fixture has no ‸');
          return file.cursor;
        },
        docOf: (name) => docs.get(name) ?? (() => { throw new Error(`no file ${name} in the fixture`); })(),
      };
    },
  };
}

/** Applies edits (offset spans in the original text) from last to first. */
/** A document version analyzed on its own (no service, no glossary), as the per-version stores of the rules take it. */
export function analyzedDocument(text: string, version = 1, options: Pick<AnalyzeOptions, 'keepSentences'> = {}): IndexedDocument {
  const lines = new LineIndex(text);
  const analysis = analyze(text, { ...options, lines });
  return { uri: 'file:///ws/brief.md', version, text, lines, metadata: analysis.metadata, analysis, known: undefined };
}

export function applyEdits(text: string, edits: readonly { span: Span; newText: string }[]): string {
  return [...edits]
    .sort((a, b) => b.span.offset - a.span.offset)
    .reduce((t, e) => t.slice(0, e.span.offset) + e.newText + t.slice(e.span.offset + e.span.length), text);
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ span: { offset: lines.offsetAt(e.range.start), length: lines.offsetAt(e.range.end) - lines.offsetAt(e.range.start) }, newText: e.newText })));
}

/** The text edits of a workspace edit for one URI (from `changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri]!;
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) {
    if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  }
  return out;
}

/** Every `[[…]]` range of a fixture's files, as "name: text" lines in file order. */
export function markedRanges(opened: OpenedFixture): string[] {
  return opened.files.flatMap((f) => f.ranges.map((r) => `${f.name}: ${f.text.slice(r.offset, r.offset + r.length)}`));
}

/** LSP locations in the workspace, as "name: text" lines (the text the range covers). */
export function locationTexts(ws: TestWorkspace, locations: readonly { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]): string[] {
  return locations.map((l) => {
    const doc = ws.service.document(l.uri);
    if (!doc) return `${l.uri}: ?`;
    return `${l.uri.slice(FOLDER.length + 1)}: ${doc.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end))}`;
  });
}
