/**
 * `kamerwijzer check`: runs the same checks as the editor on files and folders (built through the
 * same composition root), and prints the findings like a compiler (file:line:col severity code
 * message) followed by a summary per document, or as JSON, or as SARIF 2.1.0 (checkOutput.ts).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CatalogKey } from '../catalog/model';
import { catalogKeyOf, citedKey, type IndexedDocument } from '../catalog/workspaceIndex';
import type { CheckedFinding } from '../features/model';
import type { DiagnosticSettings, Severity } from '../features/model';
import { SEVERITIES } from '../features/model';
import { GlossaryFolders, readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import { summarizeProblems } from '../io/manifests';
import type { Locale, Messages } from '../l10n';
import { createKamerwijzer, type DocumentAnalyzer, type DocumentFacts, type Kamerwijzer } from '../service/kamerwijzer';
import { checkedSummary, checkPrinter } from './checkOutput';
import type { InputDocument } from './documents';
import type { OnlineSetup } from './online';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly format: OutputFormat;
  readonly today: string;
  readonly failOn: Severity;
  readonly showHints: boolean;
  readonly documentDate?: string;
  readonly diagnostics: DiagnosticSettings;
  readonly version: string;
  /** The official sources (online or offline) and the bundled data. */
  readonly setup: OnlineSetup;
  /** Tests only: called before each analysis (see KamerwijzerOptions.beforeAnalysis). */
  readonly beforeAnalysis?: (uri: string, text: string) => void;
  /** Analyzes documents in other threads (worker threads, several at a time); without it, in this one. */
  readonly analyzer?: DocumentAnalyzer;
  /** How much text is kept analyzed between indexing and checking (default WHOLE_TEXT_BUDGET; tests make it small). */
  readonly wholeTextBudget?: number;
}

export interface CheckResult {
  /** A finding at or above `failOn` was found. */
  readonly failed: boolean;
  /** Documents that could not be checked (each reported on stderr). */
  readonly errors: number;
}

/**
 * Runs the check. A document whose analysis or checks fail is reported on stderr and left out;
 * the others are checked and printed as usual.
 */
export async function runCheck(inputs: readonly InputDocument[], options: CheckOptions, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void): Promise<CheckResult> {
  const run = await startCheck(inputs, options, locale, m, err);
  // Each document is printed as it is checked (SARIF: at the end); its analysis goes once it is.
  const printer = checkPrinter(options.format, options, run.service.rules, locale, m, out);
  const threshold = SEVERITIES.indexOf(options.failOn);
  let failed = false;
  for await (const c of run.checked()) {
    printer.document({ input: c.input, doc: checkedSummary(c.doc), findings: c.findings });
    failed ||= c.findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold);
  }
  printer.end();
  return { failed, errors: run.errors() };
}

/** A check under way: every document indexed; `checked()` analyzes and checks them one at a time. */
export interface CheckRun {
  readonly service: Kamerwijzer;
  /** Each document whole with its findings, in input order; a document that fails is reported and skipped. */
  checked(): AsyncGenerator<{ readonly input: InputDocument; readonly doc: IndexedDocument; readonly findings: CheckedFinding[] }>;
  /** Documents that could not be checked so far. */
  errors(): number;
}

/**
 * Up to this many characters of text are kept analyzed between indexing and checking; beyond it a
 * document is indexed as its entry (what other documents ask of it) and analyzed again when checked,
 * so that memory stays bounded however many documents are checked. (On 20 MB of letters: all kept
 * whole, ~315 MB; 8 MB kept, ~275 MB and a tenth more time than all; 1 MB, ~270 MB and a fifth more.)
 */
export const WHOLE_TEXT_BUDGET = 8 * 1024 * 1024;

/** With an analyzer: how many documents are being indexed at a time. */
const ANALYSES_IN_FLIGHT = 8;

/** With an analyzer: how many documents past the one being checked are analyzed again meanwhile. */
const CHECK_AHEAD = 4;
const CHECK_AHEAD_CHARS = 2 * 1024 * 1024;

/**
 * Indexes the documents (so that they can refer to each other) and, when online, looks up what they
 * cite; then `checked()` checks each. A document whose analysis or checks fail is reported on stderr
 * and counted.
 */
export async function startCheck(
  inputs: readonly InputDocument[],
  options: Omit<CheckOptions, 'format' | 'failOn' | 'showHints'>,
  locale: Locale,
  m: Messages,
  err: (s: string) => void,
): Promise<CheckRun> {
  // Each document gets the nearest .kamerwijzer/glossary.json in its folder or above, as in the editor.
  const glossaryFolders = new GlossaryFolders();
  const service = createKamerwijzer({
    sources: options.setup.sources,
    bundledGlossary: options.setup.bundledGlossary,
    folderOf: (uri) => glossaryFolders.nearest(path.dirname(fileURLToPath(uri))),
    settings: { locale, today: options.today, diagnostics: options.diagnostics, online: options.setup.official.online },
    logger: { info: () => undefined, warn: err, error: err },
    ...(options.beforeAnalysis ? { beforeAnalysis: options.beforeAnalysis } : {}),
    ...(options.analyzer ? { analyzer: options.analyzer } : {}),
  });
  let errors = 0;
  const run: RunContext = {
    service,
    parallel: !!options.analyzer,
    entries: options.setup.official.online ? 'entry' : 'metadata',
    failed: (input, e) => {
      errors++;
      err(m.cli.analysisFailed(input.displayPath, (e as Error)?.message ?? String(e)));
      return undefined;
    },
    factsOf: (input) => ({
      ...(input.known ? { known: input.known } : {}),
      ...(options.documentDate ? { documentDate: options.documentDate } : {}),
    }),
  };
  const indexed = await indexAll(run, inputs, glossaryFolders, options.wholeTextBudget ?? WHOLE_TEXT_BUDGET, m, err);
  // What the documents cite is looked up first: online, fetched (the cache answers what it can); then
  // read from the sources' stores many at a time, so that the checks find it in memory.
  const cited = service.citedInWorkspace();
  if (options.setup.official.online) await service.catalog.fetch(cited).catch(() => undefined);
  await service.catalog.preload(cited).catch(() => undefined);
  return { service, checked: () => checkAll(run, indexed), errors: () => errors };
}

/** What indexing and checking share. */
interface RunContext {
  readonly service: Kamerwijzer;
  /** Whether documents are analyzed elsewhere, several at a time (an analyzer). */
  readonly parallel: boolean;
  /**
   * How a document not held whole is kept in the index: with its citations when what the documents
   * cite is looked up (online), else only what it says of itself (the rules read no more of it).
   */
  readonly entries: 'entry' | 'metadata';
  /** Reports a document that could not be analyzed or checked, and counts it. */
  readonly failed: (input: InputDocument, e: unknown) => undefined;
  readonly factsOf: (input: InputDocument) => DocumentFacts;
}

interface Indexed {
  readonly input: InputDocument;
  readonly uri: string;
}

/**
 * Indexes every document, so that letters can refer to each other; returns those indexed, in input
 * order. In parallel, several documents are analyzed at a time (each worker has one running and one
 * waiting) and the index takes them in as they come (its order does not depend on that).
 */
async function indexAll(run: RunContext, inputs: readonly InputDocument[], glossaryFolders: GlossaryFolders, budget: number, m: Messages, err: (s: string) => void): Promise<Indexed[]> {
  const loaded = new Set<string>();
  const slots: (Indexed | undefined)[] = [];
  const inFlight = new Set<Promise<void>>();
  let kept = 0;
  for (const input of inputs) {
    const folder = glossaryFolders.nearest(path.dirname(input.absolutePath));
    if (folder !== undefined && !loaded.has(folder)) {
      // A glossary is loaded before any document under it is analyzed (and none is being analyzed meanwhile).
      await Promise.all(inFlight);
      loaded.add(folder);
      loadGlossary(run.service, folder, m, err);
    }
    const slot = slots.push(undefined) - 1;
    const uri = pathToFileURL(input.absolutePath).toString();
    kept += input.text.length;
    const keep = kept <= budget ? 'whole' : run.entries;
    const indexing: Promise<void> = run.service
      .setDocumentAsync(uri, input.text, 1, run.factsOf(input), undefined, { keep })
      .then(
        () => void (slots[slot] = { input, uri }),
        (e: unknown) => void run.failed(input, e),
      )
      .finally(() => inFlight.delete(indexing));
    inFlight.add(indexing);
    if (inFlight.size >= (run.parallel ? ANALYSES_IN_FLIGHT : 1)) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return slots.filter((x) => x !== undefined);
}

/**
 * Checks the indexed documents in order, each whole with its findings. A document not held whole is
 * analyzed again; in parallel a few ahead (by the analyzer's workers, with the rules that read only
 * the document) while this thread checks the one before.
 */
async function* checkAll(run: RunContext, indexed: readonly Indexed[]): AsyncGenerator<{ input: InputDocument; doc: IndexedDocument; findings: CheckedFinding[] }> {
  const { service } = run;
  const ahead = new Map<string, Promise<IndexedDocument>>();
  const whole = (k: number): Promise<IndexedDocument> | undefined => {
    const next = indexed[k];
    if (!next || service.document(next.uri)) return undefined;
    let made = ahead.get(next.uri);
    if (!made) {
      made = service.wholeAgainAsync(next.uri, next.input.text, 1, run.factsOf(next.input));
      made.catch(() => undefined); // handled when it is its turn
      ahead.set(next.uri, made);
    }
    return made;
  };
  for (let k = 0; k < indexed.length; k++) {
    const { input, uri } = indexed[k]!;
    let doc: IndexedDocument;
    try {
      const again = whole(k);
      // Ahead within a budget of text (their analyses are held until checked), at least the next one.
      let aheadChars = 0;
      for (let j = k + 1; run.parallel && j <= k + CHECK_AHEAD && j < indexed.length; j++) {
        aheadChars += indexed[j]!.input.text.length;
        if (j > k + 1 && aheadChars > CHECK_AHEAD_CHARS) break;
        whole(j);
      }
      doc = service.document(uri) ?? (await again!);
    } catch (e) {
      run.failed(input, e);
      continue;
    } finally {
      ahead.delete(uri);
    }
    // Let go first, so that nothing kept beside the index holds the analysis once it is checked.
    service.index.release(uri);
    // What it cites is read from the stores many at a time (what was read before answers from memory).
    await service.catalog.preload(catalogKeysCitedBy(doc)).catch(() => undefined);
    const findings = await service.findings(doc).catch((e: unknown) => run.failed(input, e));
    if (findings) yield { input, doc, findings };
  }
}

/** What a document cites, as catalog keys, each once. */
function catalogKeysCitedBy(doc: IndexedDocument): CatalogKey[] {
  const keys = new Set<string>();
  for (const r of doc.analysis.references) {
    const key = citedKey(r);
    if (key) keys.add(key);
  }
  return [...keys].flatMap((k) => catalogKeyOf(k) ?? []);
}

/** Lays a folder's workspace glossary over the bundled one; its problems go to stderr, bounded. */
function loadGlossary(service: Kamerwijzer, folder: string, m: Messages, err: (s: string) => void): void {
  const file = workspaceGlossaryPath(folder);
  const update = service.glossaries.setFolder(folder, pathToFileURL(file).toString(), readWorkspaceGlossary(folder));
  if (!update.problems.length) return;
  const shown = displayPath(file);
  const message = update.broken ? m.glossary.unusable(shown, update.problems[0]!) : m.glossary.problems(shown, update.problems.length, summarizeProblems(update.problems).first);
  err(message.replace(/^Kamerwijzer: /, ''));
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
