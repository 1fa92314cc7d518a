/**
 * `kamerwijzer check`: runs the same checks as the editor on files and folders (built through the
 * same composition root), and prints the findings like a compiler (file:line:col severity code
 * message) followed by a summary per document, or as JSON, or as SARIF 2.1.0 (checkOutput.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DiagnosticSettings, Severity } from '../features/model';
import { SEVERITIES } from '../features/model';
import { readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import type { Locale, Messages } from '../l10n';
import { createKamerwijzer, type Kamerwijzer } from '../service/kamerwijzer';
import { printJson, printSarif, printText, type CheckedDocument } from './checkOutput';
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
  /** Folders whose .kamerwijzer/glossary.json applies to the documents below them (see glossaryFoldersOf). */
  readonly glossaryFolders?: readonly string[];
  /** The official sources (online or offline) and the bundled data. */
  readonly setup: OnlineSetup;
}

/** The folders whose workspace glossary applies: each folder given, and the folder of each file given. */
export function glossaryFoldersOf(paths: readonly string[]): string[] {
  const folders = paths.map((p) => {
    try {
      return path.resolve(fs.statSync(p).isDirectory() ? p : path.dirname(p));
    } catch {
      return undefined;
    }
  });
  return [...new Set(folders.filter((f): f is string => !!f))];
}

/** Runs the check; returns true when a finding at or above `failOn` was found. */
export async function runCheck(inputs: readonly InputDocument[], options: CheckOptions, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void): Promise<boolean> {
  const { service, checked } = await checkInputs(inputs, options, locale, m, err);
  if (options.format === 'json') printJson(checked, out);
  else if (options.format === 'sarif') printSarif(checked, service.rules, options, out);
  else printText(checked, options, locale, m, out);
  const threshold = SEVERITIES.indexOf(options.failOn);
  return checked.some((c) => c.findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold));
}

/** Indexes the documents (so that they can refer to each other), looks up what they cite when online, and checks each. */
export async function checkInputs(
  inputs: readonly InputDocument[],
  options: Omit<CheckOptions, 'format' | 'failOn' | 'showHints'>,
  locale: Locale,
  m: Messages,
  err: (s: string) => void,
): Promise<{ service: Kamerwijzer; checked: CheckedDocument[] }> {
  const folders = [...(options.glossaryFolders ?? [])].sort((a, b) => b.length - a.length);
  const service = createKamerwijzer({
    sources: options.setup.sources,
    bundledGlossary: options.setup.bundledGlossary,
    // The deepest folder given holds the glossary that applies.
    folderOf: (uri) => folders.find((f) => fileURLToPath(uri).startsWith(f + path.sep)),
    settings: { locale, today: options.today, diagnostics: options.diagnostics, online: options.setup.official.online },
    logger: { info: () => undefined, warn: err, error: err },
  });
  loadGlossaries(service, folders, m, err);
  // Index everything first, so that letters can refer to each other.
  const docs = inputs.map((input) => ({
    input,
    doc: service.setDocument(pathToFileURL(input.absolutePath).toString(), input.text, 1, {
      ...(input.known ? { known: input.known } : {}),
      ...(options.documentDate ? { documentDate: options.documentDate } : {}),
    }),
  }));
  // Online: what the documents cite is looked up first (the cache answers what it can).
  if (options.setup.official.online) await Promise.all(docs.map(({ doc }) => service.fetchCited(doc)));
  const checked: CheckedDocument[] = [];
  for (const { input, doc } of docs) checked.push({ input, doc, findings: await service.findings(doc) });
  return { service, checked };
}

/** Lays each folder's workspace glossary over the bundled one; problems go to stderr. */
function loadGlossaries(service: Kamerwijzer, folders: readonly string[], m: Messages, err: (s: string) => void): void {
  for (const folder of folders) {
    const file = workspaceGlossaryPath(folder);
    const update = service.glossaries.setFolder(folder, pathToFileURL(file).toString(), readWorkspaceGlossary(folder));
    const shown = path.relative(process.cwd(), file) || file;
    if (update.broken) err(m.glossary.unusable(shown, update.problems[0]!).replace(/^Kamerwijzer: /, ''));
    else for (const p of update.problems) err(`${shown}: ${p}`);
  }
}
