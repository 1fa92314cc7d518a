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
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hover: {
    unknownOffline: 'Not known offline: not in the workspace, the bundled data or the cache. Online (kamerwijzer.online), Kamerwijzer looks it up on officielebekendmakingen.nl; ‘Kamerwijzer: Download cited documents for offline use’ fetches everything the workspace cites.',
    unknownOnline: 'Not known: not in the workspace or the bundled data, and the official sources gave no answer (yet).',
    fetching: 'Not known yet; being looked up on officielebekendmakingen.nl.',
    absent: (source: string) => `Does not exist according to ${source}.`,
    beyondHighest: (dossier: string, highest: number) => `Dossier ${dossier} runs to no. ${highest}; this number does not exist (yet).`,
    unknownDocumentNumber: 'This document number is not known in the workspace, the bundled data or the Tweede Kamer data (kamerwijzer sync).',
    date: 'Date',
    type: 'Type',
    dossier: 'Dossier',
    submitters: 'Submitted by',
    outcome: 'Outcome',
    appreciation: 'Cabinet’s assessment',
    documentNumber: 'Document number',
    alsoDossiers: 'Also in dossier',
    replacedBy: (id: string) => `Replaced by ${id}`,
    inWorkspace: 'This document is in the workspace',
    citedElsewhere: (n: number) => (n === 1 ? 'Also cited in 1 other place:' : `Also cited in ${n} other places:`),
    andMore: (n: number) => `and ${n} more`,
    officialPage: 'officielebekendmakingen.nl',
    tweedeKamerPage: 'tweedekamer.nl',
    dossierPage: 'dossier',
    sources: 'Source',
    motionKamerstuk: 'Parliamentary paper',
    motionNoKamerstuk: 'The letter gives no parliamentary paper number for this motion.',
    motionCandidates: 'Possibly meant (same submitters):',
    linkedVia: { sentence: 'in the same sentence', parenthesis: 'in brackets', footnote: 'in the footnote', document: 'elsewhere in the letter' },
    cs: 'c.s. (with co-signatories)',
    range: 'range',
    tableUnit: (unit: string) => `figure from a table, unit “${unit}” from its caption`,
    qualifiers: { perJaar: 'per year', structureel: 'structural', incidenteel: 'one-off' },
    deadline: 'Deadline',
    by: (d: string) => `by ${d}`,
    period: (a: string, b: string) => `${a} to ${b}`,
    onDay: (d: string) => `on ${d}`,
    passed: (days: number) => (days === 1 ? 'passed, 1 day ago' : `passed, ${days} days ago`),
    dueIn: (days: number) => (days === 0 ? 'today' : days === 1 ? 'in 1 day' : `in ${days} days`),
    running: (days: number) => (days === 0 ? 'running now; ends today' : days === 1 ? 'running now; 1 day left' : `running now; ${days} days left`),
    yearFromDocument: (d: string) => `year taken from the document's date (${d})`,
    unresolved: 'Cannot be resolved: the document’s date is unknown (give it in the header, front matter or kamerwijzer.json).',
    footnote: (label: string) => `Footnote ${label}`,
    footnoteMissing: (label: string) => `Footnote ${label} is not in this document.`,
    instrument: {
      kinds: {
        subsidieregeling: 'grant scheme',
        fonds: 'fund',
        'fiscale regeling': 'tax scheme',
        programma: 'programme',
        wet: 'act or regulation',
        strategie: 'strategy',
        organisatie: 'organisation',
      },
      fullName: 'Full name',
      abbreviations: 'Abbreviations',
      ministry: 'Ministry',
      legalBasis: 'Legal basis',
      officialPage: 'Official page',
      sources: 'Sources',
      fromWorkspace: '(workspace)',
      workspaceGlossary: 'From the workspace glossary',
      forInstrument: (name: string) => `for ${name}`,
      dutchOnly: '(described in Dutch only)',
    },
  },
  sourceNames: {
    officielebekendmakingen: 'officielebekendmakingen.nl',
    tweedekamer: 'the Tweede Kamer open data',
    bundled: 'the bundled data',
    workspace: 'the workspace',
  } as Record<string, string>,
  symbols: {
    citedDocuments: 'Cited documents',
    motions: 'Motions',
    amounts: 'Amounts',
    deadlines: 'Deadlines',
    footnotes: 'Footnotes',
    instruments: 'Policy instruments',
    line: (n: number) => `line ${n}`,
  },
  describe: {
    unresolved: 'cannot be resolved without a document date',
    by: (d: string) => `by ${d}`,
  },
  links: {
    official: (id: string) => `Open ${id} on zoek.officielebekendmakingen.nl`,
    tweedeKamer: (id: string) => `Open ${id} on tweedekamer.nl`,
  },
  diag: {
    kamerstukAbsent: (c: string, source: string) => `${c} does not exist according to ${source}. Check the number.`,
    kamerstukBeyondHighest: (c: string, dossier: string, highest: number) => `${c} does not exist: dossier ${dossier} runs to no. ${highest}. Check the number.`,
    motionWithoutKamerstuk: (motion: string) => `${motion} is mentioned without a parliamentary paper number; the letter gives this motion's number nowhere.`,
    insertCitation: (citation: string, title: string) => `Insert ${citation}${title ? ` (${title})` : ''}`,
    footnoteMissing: (label: string) => `Footnote marker ${label} has no footnote.`,
    footnoteUnreferenced: (label: string) => `Footnote ${label} is not referred to anywhere in the text.`,
    footnoteRelated: (label: string) => `footnote ${label}`,
    titleWithoutCitation: (title: string, citation: string) => `‘${title}’ is named without a citation; it is ${citation}.`,
    addCitation: (citation: string) => `Add (${citation})`,
    titleMismatch: (citation: string, title: string, described: string) => `${citation} is ‘${title}’, but the text describes ‘${described}’. Is the number right?`,
    titleMismatchBetter: (citation: string) => `Possibly meant: ${citation}.`,
    replaceWith: (citation: string) => `Replace with ${citation}`,
    inconsistentNumbers: (what: string, a: string, b: string) => `${what} is cited with different numbers in this letter: ${a} and ${b}.`,
    otherCitation: 'the other citation',
    submittersMismatch: (motion: string, citation: string, submitters: string) => `${motion} is attributed to other submitters than ${citation} (submitted by ${submitters}).`,
    citedKamerstuk: 'the cited paper',
    deadlinePassed: (when: string, days: number) => `Deadline passed: ${when} (${days === 1 ? '1 day' : `${days} days`} ago).`,
    deadlineBeforeLetter: (when: string, letterDate: string) => `This deadline (${when}) is presented as still to come, but lies before the letter's own date (${letterDate}).`,
    outcomeConflict: (motion: string, outcome: string) => `${motion} is presented as carried out or followed, but the motion was ${outcome}.`,
    replaced: (citation: string, newer: string) => `${citation} was replaced by ${newer}; cite the newer version.`,
    malformed: {
      noNr: (text: string) => `‘${text}’ lacks ‘nr.’ before the number.`,
      hyphenSpace: (text: string) => `In ‘${text}’ the number is glued to the dossier with a hyphen and a space.`,
      pluralForOne: (text: string) => `‘${text}’ uses ‘Kamerstukken’ for a single paper.`,
      splitDigits: (text: string) => `In ‘${text}’ the digits of the dossier number are split wrongly.`,
      noSpace: (text: string) => `In ‘${text}’ the space after ‘nr.’ is missing.`,
    },
    style: (text: string, styled: string) => `‘${text}’ does not follow the house style; write ‘${styled}’.`,
    rewriteTo: (styled: string) => `Write as ‘${styled}’`,
    fixAllCitations: 'Put all parliamentary paper citations in the house style',
    englishDecimal: (text: string, fixed: string) => `‘${text}’ uses an English decimal point; in Dutch that is ‘${fixed}’.`,
    mixedCurrency: (text: string, dominant: string) => `‘${text}’ writes the currency differently from the rest of the letter (${dominant}).`,
    mixedScale: (text: string, dominant: string) => `‘${text}’ abbreviates differently from the rest of the letter (${dominant}).`,
    fixAllKamerwijzer: 'Fix all Kamerwijzer form problems',
    fixAllAmounts: 'Write all amounts the same way',
    outcomes: { aangenomen: 'adopted', verworpen: 'rejected', ingetrokken: 'withdrawn', aangehouden: 'held over', overgenomen: 'taken over' },
    instrument: {
      abbreviationFirst: (abbr: string, full: string) => `‘${abbr}’ is used before its full name (‘${full}’) is written out; write an abbreviation out in full at first use.`,
      writeOut: (text: string) => `Write out: ‘${text}’`,
      fullNameRepeated: (full: string, abbr: string) => `‘${full}’ is written out again although the abbreviation ‘${abbr}’ has been introduced; use the abbreviation.`,
      introduced: (abbr: string) => `abbreviation ‘${abbr}’ introduced`,
      useAbbreviation: (abbr: string) => `Replace with ‘${abbr}’`,
      fixAll: 'Use the introduced abbreviations everywhere',
      unknownAbbreviation: (abbr: string) => `‘${abbr}’ looks like a policy instrument but is not in the glossary.`,
      addToGlossary: (abbr: string) => `Add ‘${abbr}’ to the glossary (.kamerwijzer/glossary.json)`,
    },
  },
  glossary: {
    unusable: (file: string, problem: string) => `Kamerwijzer: the glossary ${file} cannot be used (${problem}); the bundled glossary stays in use.`,
    problems: (file: string, n: number, first: string) => `Kamerwijzer: the glossary ${file} has ${n === 1 ? '1 problem' : `${n} problems`}: ${first}${n > 1 ? ' …' : ''}`,
  },
  commands: {
    offline: 'Kamerwijzer is offline (kamerwijzer.online is off, or the workspace is not trusted).',
    busy: 'Kamerwijzer is already fetching or updating data.',
    prefetching: (done: number, total: number) => `Fetching cited documents: ${done} of ${total}`,
    prefetched: (n: number) => (n === 1 ? '1 cited document fetched for offline use.' : `${n} cited documents fetched for offline use.`),
    syncing: (category: string, pages: number) => `Updating Tweede Kamer data: ${category}, ${pages === 1 ? '1 page' : `${pages} pages`}`,
    synced: (pages: number) => (pages === 1 ? 'Tweede Kamer data updated (1 page).' : `Tweede Kamer data updated (${pages} pages).`),
    syncBusy: 'Another synchronization is already running (another window or the command line).',
  },
  server: {
    tooLarge: (file: string, max: number) => `Kamerwijzer: ${file} is larger than kamerwijzer.maxFileSize (${max} bytes) and is not analyzed.`,
  },
  cli: {
    usage: `Usage: kamerwijzer <command> [options] PATH...

Commands:
  extract [--json] [--document-date YYYY-MM-DD] PATH...
      list every reference (a table, or JSON with positions)
  check [--format text|json|sarif] [--today YYYY-MM-DD] [--fail-on LEVEL] PATH...
      check documents: findings as file:line:col severity code message, then a summary
      --fail-on hint|information|warning|error   exit code 1 from this level up (default error)
      --citation-style official|compact           style that citation fixes use (default official)
      --house-style                               also report correct citations in another style
      --hints                                     also print hints in text output
  info [--json] ID...
      what the sources know of documents: kst-29826-277, 29826-277, "Kamerstuk 29 826, nr. 277", 2025D44449
  sync [--max-pages N]
      update the Tweede Kamer data (motions, outcomes, document numbers); resumes where an earlier
      sync stopped, afterwards only what is new
  prefetch PATH...
      fetch everything the documents cite (facts and texts) for working offline
  lsp --stdio
      start the language server (for editors such as Neovim)

Official sources: check and extract work offline unless --online; info, sync and prefetch online unless
--offline. --officielebekendmakingen-url URL and --tweedekamer-url URL choose other hosts (a mirror),
--cache-dir DIR the cache (default $XDG_CACHE_HOME/kamerwijzer or ~/.cache/kamerwijzer).

Folders are searched for .txt and .md files. General options: --lang nl|en, --help, --version.
Exit codes: 0 fine, 1 findings at or above --fail-on, 2 input errors, 3 a source failed.`,
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
      instrument: (n: number) => `${n} ${n === 1 ? 'policy instrument' : 'policy instruments'}`,
    },
    ownIdentity: 'own identity',
    severity: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as Record<string, string>,
    findings: (n: number, severity: string) => `${n} × ${severity}`,
    noFindings: 'no findings',
    hiddenHints: (n: number) => (n === 1 ? '1 hint not shown (--hints)' : `${n} hints not shown (--hints)`),
    badFormat: (v: string) => `--format: unknown format ${v} (text, json or sarif)`,
    badLevel: (o: string, v: string) => `${o}: unknown level ${v} (hint, information, warning, error)`,
    badStyle: (v: string) => `--citation-style: unknown style ${v} (official or compact)`,
    nothingFound: 'no references found',
    onlineAndOffline: '--online and --offline exclude each other',
    badUrl: (o: string, v: string) => `${o}: not an http(s) address: ${v}`,
    notAnId: (v: string) => `no document recognized in ‘${v}’ (for example kst-29826-277, 29826-277, 2025D44449)`,
    info: { unknown: 'not known in the workspace, the bundled data, the cache or the official sources' },
    syncInterrupted: (pages: number) => `sync interrupted after ${pages === 1 ? '1 page' : `${pages} pages`}; run it again to go on`,
    syncFailed: (why: string) => `sync failed: ${why}; run it again to go on`,
    prefetched: (n: number, texts: number, dir: string) => `${n === 1 ? '1 cited document' : `${n} cited documents`} looked up, ${texts === 1 ? '1 text' : `${texts} texts`} kept in ${dir}`,
    badNumber: (o: string, v: string) => `${o}: not a positive whole number: ${v}`,
  },
};
