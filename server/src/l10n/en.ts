import type { nl } from './nl';
import type { Shape } from './shape';

/** English texts. */
export const en: Shape<typeof nl> = {
  kind: {
    kamerstuk: 'Parliamentary paper',
    dossier: 'Dossier',
    documentNumber: 'Document number',
    motion: 'Motion',
    amount: 'Amount',
    deadline: 'Deadline',
  },
  cli: {
    usage: `Usage: kamerwijzer <command> [options] PATH...

Commands:
  extract [--json] [--document-date YYYY-MM-DD] PATH...   list every reference
  check PATH...                                           check documents and summarize
  lsp --stdio                                             start the language server (for editors)

Folders are searched for .txt and .md files. Options: --lang nl|en, --help, --version.`,
    unknownCommand: (c: string) => `unknown command: ${c} (see kamerwijzer --help)`,
    unknownOption: (o: string) => `unknown option: ${o}`,
    missingValue: (o: string) => `option ${o} needs a value`,
    badDate: (o: string, v: string) => `${o}: not a valid date (YYYY-MM-DD): ${v}`,
    noPaths: 'no files or folders given',
    missing: (f: string) => `${f}: no such file or folder`,
    directoryEmpty: (f: string) => `${f}: no .txt or .md files found`,
    binary: (f: string) => `${f}: binary file, not text; skipped`,
    tooLarge: (f: string, d: string) => `${f}: file too large (${d}); skipped`,
    unreadable: (f: string, d: string) => `${f}: cannot be read (${d}); skipped`,
    decodedAs: (f: string, enc: string) => `${f}: not valid UTF-8, read as ${enc}`,
    badManifest: (f: string, d: string) => `${f}: manifest not usable: ${d}`,
    noDate: 'date unknown',
    date: (d: string) => `dated ${d}`,
    found: 'found',
    files: (n: number) => (n === 1 ? '1 file' : `${n} files`),
    total: 'total',
    count: {
      kamerstuk: (n: number) => `${n} ${n === 1 ? 'parliamentary paper' : 'parliamentary papers'}`,
      dossier: (n: number) => `${n} ${n === 1 ? 'dossier' : 'dossiers'}`,
      documentNumber: (n: number) => `${n} ${n === 1 ? 'document number' : 'document numbers'}`,
      motion: (n: number) => `${n} ${n === 1 ? 'motion' : 'motions'}`,
      amount: (n: number) => `${n} ${n === 1 ? 'amount' : 'amounts'}`,
      deadline: (n: number) => `${n} ${n === 1 ? 'deadline' : 'deadlines'}`,
      footnote: (n: number) => `${n} ${n === 1 ? 'footnote' : 'footnotes'}`,
    },
    ownIdentity: 'own identity',
    nothingFound: 'no references found',
  },
};
