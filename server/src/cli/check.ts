/**
 * `kamerwijzer check`: runs the same checks as the editor on files and folders (built through the
 * same composition root), and prints the findings like a compiler (file:line:col severity code
 * message) followed by a summary per document, or as JSON, or as SARIF 2.1.0 (checkOutput.ts).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IndexedDocument } from '../catalog/workspaceIndex';
import type { CheckedFinding } from '../features/model';
import type { DiagnosticSettings, Severity } from '../features/model';
import { SEVERITIES } from '../features/model';
import { GlossaryFolders, readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import { summarizeProblems } from '../io/manifests';
import type { Locale, Messages } from '../l10n';
import { createKamerwijzer, type Kamerwijzer } from '../service/kamerwijzer';
import { checkedSummary, printJson, printSarif, printText, type CheckedDocument } from './checkOutput';
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
  // What the printers need of each document is kept; its analysis goes once it is checked.
  const checked: CheckedDocument[] = [];
  for await (const c of run.checked()) checked.push({ input: c.input, doc: checkedSummary(c.doc), findings: c.findings });
  if (options.format === 'json') printJson(checked, out);
  else if (options.format === 'sarif') printSarif(checked, run.service.rules, options, out);
  else printText(checked, options, locale, m, out);
  const threshold = SEVERITIES.indexOf(options.failOn);
  return { failed: checked.some((c) => c.findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold)), errors: run.errors() };
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
  });
  const loaded = new Set<string>();
  let errors = 0;
  const failed = (input: InputDocument, e: unknown): undefined => {
    errors++;
    err(m.cli.analysisFailed(input.displayPath, (e as Error)?.message ?? String(e)));
    return undefined;
  };
  const factsOf = (input: InputDocument) => ({
    ...(input.known ? { known: input.known } : {}),
    ...(options.documentDate ? { documentDate: options.documentDate } : {}),
  });
  // Index everything first, so that letters can refer to each other.
  const indexed: { input: InputDocument; uri: string }[] = [];
  let kept = 0;
  for (const input of inputs) {
    const folder = glossaryFolders.nearest(path.dirname(input.absolutePath));
    if (folder !== undefined && !loaded.has(folder)) {
      loaded.add(folder);
      loadGlossary(service, folder, m, err);
    }
    try {
      const uri = pathToFileURL(input.absolutePath).toString();
      kept += input.text.length;
      service.setDocument(uri, input.text, 1, factsOf(input), kept <= WHOLE_TEXT_BUDGET ? 'whole' : 'entry');
      indexed.push({ input, uri });
    } catch (e) {
      failed(input, e);
    }
  }
  // Online: what the documents cite is looked up first (the cache answers what it can).
  if (options.setup.official.online) await service.catalog.fetch(service.citedInWorkspace()).catch(() => undefined);
  async function* checked(): AsyncGenerator<{ input: InputDocument; doc: IndexedDocument; findings: CheckedFinding[] }> {
    for (const { input, uri } of indexed) {
      let doc: IndexedDocument;
      try {
        doc = service.document(uri) ?? service.wholeAgain(uri, input.text, 1, factsOf(input));
      } catch (e) {
        failed(input, e);
        continue;
      }
      // Let go first, so that nothing kept beside the index holds the analysis once it is checked.
      service.index.release(uri);
      const findings = await service.findings(doc).catch((e: unknown) => failed(input, e));
      if (findings) yield { input, doc, findings };
    }
  }
  return { service, checked, errors: () => errors };
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
