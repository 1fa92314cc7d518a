import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Messages } from '../l10n';
import { ManifestLookup, summarizeProblems } from '../io/manifests';
import { Exclusions } from '../io/exclusions';
import { readTextFile } from '../io/textFiles';
import { scanDocuments } from '../io/workspaceScanner';
import type { KnownDocumentFacts } from '../engine/model';
import { DEFAULT_MAX_FILE_BYTES } from '../protocol';

/** A document the command line was asked to read. */
export interface InputDocument {
  /** The path as shown to the user (relative to the working directory where possible). */
  readonly displayPath: string;
  readonly absolutePath: string;
  readonly text: string;
  readonly known: KnownDocumentFacts | undefined;
}

export interface InputResult {
  readonly documents: InputDocument[];
  /** One line per problem, already in the user's language. */
  readonly errors: string[];
  /** Notices that are not errors (a file read as Windows-1252, invalid bytes replaced, manifest problems). */
  readonly warnings: string[];
}

/**
 * Expands the given paths (folders are walked for .txt and .md, respecting their .gitignore files,
 * as the editor does) and reads every document: regular files only, at most `maxBytes` each. A
 * folder without documents is an input error, like a missing file.
 */
export async function readInputs(paths: readonly string[], m: Messages, cwd = process.cwd(), maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<InputResult> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const manifests = new ManifestLookup(({ file, problems, usable }) => {
    const { first, more } = summarizeProblems(problems);
    warnings.push(usable ? m.manifest.problems(display(file, cwd), problems.length, first, more) : m.manifest.unusable(display(file, cwd), first));
  });
  const files: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push(m.cli.missing(p));
      continue;
    }
    const found: string[] = [];
    if (stat.isDirectory()) for await (const f of scanDocuments(p, new Exclusions(p, []))) found.push(f);
    else found.push(p);
    if (stat.isDirectory() && found.length === 0) errors.push(m.cli.directoryEmpty(p));
    for (const f of found) {
      const abs = path.resolve(f);
      if (!seen.has(abs)) {
        seen.add(abs);
        files.push(f);
      }
    }
  }
  // Several files are read at a time (their reads overlap), each taken in the order given.
  const reads: Promise<Awaited<ReturnType<typeof readTextFile>>>[] = [];
  const read = (k: number): void => {
    if (k < files.length) reads[k] = readTextFile(files[k]!, maxBytes);
  };
  for (let k = 0; k < READ_AHEAD; k++) read(k);
  const documents: InputDocument[] = [];
  for (let k = 0; k < files.length; k++) {
    const f = files[k]!;
    const shown = display(f, cwd);
    const r = await reads[k]!;
    read(k + READ_AHEAD);
    if (!r.ok) {
      if (r.reason === 'binary') errors.push(m.cli.binary(shown));
      else if (r.reason === 'tooLarge') errors.push(m.cli.tooLarge(shown, maxBytes));
      else if (r.reason === 'missing') errors.push(m.cli.missing(shown));
      else if (r.reason === 'notRegular') errors.push(m.cli.notRegular(shown, r.detail));
      else errors.push(m.cli.unreadable(shown, r.detail));
      continue;
    }
    if (r.encoding === 'windows-1252') warnings.push(m.cli.decodedAs(shown, r.encoding));
    if (r.invalid) warnings.push(m.encoding.invalid(shown, r.invalid.line, r.invalid.column, r.encoding, r.invalid.offset, r.invalid.count));
    documents.push({ displayPath: shown, absolutePath: path.resolve(f), text: r.text, known: manifests.factsFor(f) });
  }
  return { documents, errors, warnings };
}

/** How many files are being read at a time. */
const READ_AHEAD = 8;

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(file));
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file)).split(path.sep).join('/');
}
