import { isIsoDate } from '../engine/calendar';
import { localeFrom, messages, type Locale, type Messages } from '../l10n';
import { SEVERITIES, type CitationStyle, type Severity } from '../features/model';
import { ArgError, parseArgs, type ParsedArgs } from './args';
import { runCheck, type CheckOptions, type OutputFormat } from './check';
import { runReport } from './report';
import type { ReportFormat } from '../features/reportFormats';
import { readInputs } from './documents';
import { runExtract } from './extract';
import { defaultDataDir } from '../io/bundledData';
import { tuneCompiler } from '../io/compilerTuning';
import { analysisFaultFromEnvironment } from '../io/environment';
import { AnalyzerPool, askedWorkerCount, MAX_WORKERS } from '../lsp/analyzerPool';
import { createKamerwijzer, isoDate } from '../service/kamerwijzer';
import { runPrefetch, runSync } from './fetch';
import { runInfo } from './info';
import { ONLINE_FLAGS, ONLINE_OPTIONS, onlineSetup } from './online';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

declare const KAMERWIJZER_VERSION: string | undefined;

const SPEC = {
  flags: ['--json', '--help', '-h', '--version', '--stdio', '--node-ipc', '--hints', '--house-style', ...ONLINE_FLAGS],
  options: ['--document-date', '--lang', '--format', '--today', '--fail-on', '--citation-style', '--socket', '--clientProcessId', ...ONLINE_OPTIONS],
};

const VERSION = typeof KAMERWIJZER_VERSION === 'string' ? KAMERWIJZER_VERSION : 'dev';

/** The options every command shares, read and checked; a string is the error to print. */
interface CommonOptions {
  readonly documentDate: string | undefined;
  readonly today: string;
  readonly format: OutputFormat | ReportFormat;
  readonly failOn: Severity;
  readonly citationStyle: CitationStyle;
}

function commonOptions(args: ParsedArgs, m: Messages): CommonOptions | string {
  const documentDate = args.options.get('--document-date');
  if (documentDate !== undefined && !isIsoDate(documentDate)) return m.cli.badDate('--document-date', documentDate);
  const today = args.options.get('--today') ?? isoDate(new Date());
  if (!isIsoDate(today)) return m.cli.badDate('--today', today);
  const format = args.options.get('--format') ?? (args.command === 'report' ? 'md' : 'text');
  if (args.command === 'report') {
    if (format !== 'md' && format !== 'csv' && format !== 'html') return m.cli.badReportFormat(format);
  } else if (format !== 'text' && format !== 'json' && format !== 'sarif') return m.cli.badFormat(format);
  const written = args.options.get('--fail-on') ?? 'error';
  // "info" is what the output calls the level; "information" what LSP calls it.
  const failOn = written === 'info' ? 'information' : written;
  if (!(SEVERITIES as readonly string[]).includes(failOn)) return m.cli.badLevel('--fail-on', written);
  const citationStyle = args.options.get('--citation-style') ?? 'official';
  if (citationStyle !== 'official' && citationStyle !== 'compact') return m.cli.badStyle(citationStyle);
  return { documentDate, today, format, failOn: failOn as Severity, citationStyle };
}

/** Runs the command line; returns the exit code (0 fine, 1 findings, 2 errors). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = (s: string): void => void process.stdout.write(s);
  const err = (s: string): void => void process.stderr.write(`kamerwijzer: ${s}\n`);
  let locale: Locale = localeFrom(env['KAMERWIJZER_LANG'] ?? env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG']);
  let m = messages(locale);
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, SPEC);
  } catch (e) {
    if (e instanceof ArgError) {
      err(e.kind === 'unknownOption' ? m.cli.unknownOption(e.option) : m.cli.missingValue(e.option));
      return 2;
    }
    throw e;
  }
  const lang = args.options.get('--lang');
  if (lang !== undefined) {
    if (!/^(?:nl|en)(?:[-_][a-z]{2,4})?$/i.test(lang)) {
      err(m.cli.badLang(lang));
      return 2;
    }
    locale = localeFrom(lang);
    m = messages(locale);
  }
  if (args.flags.has('--version')) {
    out(`${VERSION}\n`);
    return 0;
  }
  if (args.flags.has('--help') || args.flags.has('-h') || args.command === undefined || args.command === 'help') {
    out(m.cli.usage + '\n');
    return args.command === undefined && !args.flags.has('--help') && !args.flags.has('-h') ? 2 : 0;
  }
  const common = commonOptions(args, m);
  if (typeof common === 'string') {
    err(common);
    return 2;
  }
  switch (args.command) {
    case 'extract':
    case 'check':
    case 'report':
      return readAndRun(args, common, locale, m, out, err, env);
    case 'info':
    case 'sync':
    case 'prefetch':
      return runOnlineCommand(args, locale, m, out, err, env);
    case 'lsp':
      // The transport (--stdio, --node-ipc, --socket=N) is read from the process arguments.
      if (!args.flags.has('--stdio') && !args.flags.has('--node-ipc') && !args.options.has('--socket')) {
        err(m.cli.lspTransport);
        return 2;
      }
      startLanguageServer();
      return -1;
    default:
      err(m.cli.unknownCommand(args.command));
      return 2;
  }
}

/**
 * `lsp`: the language server. Bundled, it is the server's own bundle beside this one (dist/server.js:
 * it starts from V8's code cache, and the command line's bundle carries no protocol library, so every
 * other command starts sooner); unbundled (tests), the server's module.
 */
function startLanguageServer(): void {
  if (typeof KAMERWIJZER_VERSION === 'string') {
    require(path.join(__dirname, 'server.js'));
    return;
  }
  const unbundled = '../lsp/run';
  (require(unbundled) as typeof import('../lsp/run')).runLanguageServer();
}

/** `extract` and `check`: read the documents, then run the command on them. */
async function readAndRun(args: ParsedArgs, o: CommonOptions, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  if (args.paths.length === 0) {
    err(m.cli.noPaths);
    return 2;
  }
  const setup = onlineSetup(args, false, defaultDataDir(), VERSION, m, err);
  if (typeof setup === 'string') {
    err(setup);
    return 2;
  }
  const input = await readInputs(args.paths, m);
  for (const w of input.warnings) err(w);
  for (const e of input.errors) err(e);
  const beforeAnalysis = analysisFaultFromEnvironment(env);
  const hooks = beforeAnalysis ? { beforeAnalysis } : {};
  // Many documents are analyzed in worker threads, several at a time, while this thread checks or writes.
  const workers = analysisWorkersFor(input.documents, env);
  const analyzer = workers ? new AnalyzerPool({ logger: { info: () => undefined, warn: err, error: err }, editorWorker: false, workers }) : undefined;
  try {
    if (args.command === 'extract') {
      const failed = await runExtract(input.documents, { json: args.flags.has('--json'), ...(o.documentDate ? { documentDate: o.documentDate } : {}), ...hooks, ...(analyzer ? { analyzer } : {}) }, locale, m, out, err);
      return input.errors.length || failed ? 2 : 0;
    }
    return await checkOrReport(args, o, input, setup, { ...hooks, ...(analyzer ? { analyzer } : {}) }, locale, m, out, err);
  } finally {
    analyzer?.dispose();
  }
}

/**
 * How many worker threads `extract`, `check` and `report` analyze in (0: none, this thread analyzes):
 * for several documents of some size together (a worker takes a moment to start and to warm up),
 * when the machine has cores to spare beside this thread and the garbage collector's helpers — on two
 * cores the workers' start, warm-up and hand-over cost what they save (measured: the same time, more
 * memory). KAMERWIJZER_WORKERS=n asks for n; KAMERWIJZER_ANALYSIS=main for none.
 */
function analysisWorkersFor(documents: readonly { readonly text: string }[], env: NodeJS.ProcessEnv): number {
  if (env['KAMERWIJZER_ANALYSIS'] === 'main' || documents.length < 2) return 0;
  let chars = 0;
  for (const d of documents) chars += d.text.length;
  if (chars < ANALYSIS_WORKERS_FROM_CHARS) return 0;
  const asked = askedWorkerCount(env);
  if (asked) return asked;
  const spare = availableParallelism() - 2;
  return spare >= 2 ? Math.min(spare, MAX_WORKERS) : 0;
}

/** From this much text on, `extract`, `check` and `report` may analyze in worker threads (about 1 MB: a fifth of a second of analysis). */
const ANALYSIS_WORKERS_FROM_CHARS = 1024 * 1024;

async function checkOrReport(
  args: ParsedArgs,
  o: CommonOptions,
  input: Awaited<ReturnType<typeof readInputs>>,
  setup: Exclude<ReturnType<typeof onlineSetup>, string>,
  hooks: Pick<CheckOptions, 'beforeAnalysis' | 'analyzer'>,
  locale: Locale,
  m: Messages,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (args.command === 'report') {
    const report = await runReport(
      input.documents,
      {
        today: o.today,
        ...(o.documentDate ? { documentDate: o.documentDate } : {}),
        diagnostics: { severity: {}, citationStyle: o.citationStyle, enforceCitationStyle: args.flags.has('--house-style') },
        version: VERSION,
        setup,
        ...hooks,
      },
      o.format as ReportFormat,
      locale,
      m,
      out,
      err,
    );
    return input.errors.length || report.errors ? 2 : 0;
  }
  const result = await runCheck(
    input.documents,
    {
      format: o.format as OutputFormat,
      today: o.today,
      failOn: o.failOn,
      showHints: args.flags.has('--hints'),
      ...(o.documentDate ? { documentDate: o.documentDate } : {}),
      diagnostics: { severity: {}, citationStyle: o.citationStyle, enforceCitationStyle: args.flags.has('--house-style') },
      version: VERSION,
      setup,
      ...hooks,
    },
    locale,
    m,
    out,
    err,
  );
  return input.errors.length || result.errors ? 2 : result.failed ? 1 : 0;
}

/** info, sync and prefetch: online unless --offline. */
async function runOnlineCommand(args: ParsedArgs, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const setup = onlineSetup(args, true, defaultDataDir(), VERSION, m, err);
  if (typeof setup === 'string') {
    err(setup);
    return 2;
  }
  const maxPages = args.options.get('--max-pages');
  if (maxPages !== undefined && !/^[1-9]\d{0,6}$/.test(maxPages)) {
    err(m.cli.badNumber('--max-pages', maxPages));
    return 2;
  }
  if (args.command === 'sync') {
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort());
    return runSync(setup, maxPages === undefined ? undefined : Number(maxPages), m, err, abort.signal);
  }
  if (args.paths.length === 0) {
    err(m.cli.noPaths);
    return 2;
  }
  const beforeAnalysis = analysisFaultFromEnvironment(env);
  const service = createKamerwijzer({
    sources: setup.sources,
    settings: { locale, online: setup.official.online },
    logger: { info: () => undefined, warn: err, error: err },
    ...(beforeAnalysis ? { beforeAnalysis } : {}),
  });
  if (args.command === 'info') return runInfo(args.paths, service, args.flags.has('--json'), locale, m, out, err);
  const input = await readInputs(args.paths, m);
  for (const w of input.warnings) err(w);
  for (const e of input.errors) err(e);
  let failed = 0;
  for (const d of input.documents) {
    try {
      service.setDocument(pathToFileURL(d.absolutePath).toString(), d.text, 1, d.known ? { known: d.known } : undefined);
    } catch (e) {
      failed++;
      err(m.cli.analysisFailed(d.displayPath, (e as Error)?.message ?? String(e)));
    }
  }
  const code = await runPrefetch(service, setup, m, err);
  return input.errors.length || failed ? 2 : code;
}

if (require.main === module) {
  // `kamerwijzer check … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // A closed stderr (`2>/dev/full`, a reader gone) loses the messages, not the run: the findings and
  // the exit code still come. There is nowhere left to report a failure of stderr itself.
  process.stderr.on('error', () => undefined);
  // A batch run makes much short-lived garbage: V8 would let the heap grow to four times what is
  // live before collecting it all; at one and a half times, checking 20 MB stays near 250 MB of
  // memory instead of 450, at the same speed. (The language server, `lsp`, keeps V8's default.)
  if (process.argv[2] !== 'lsp') setFlagsFromString('--heap-growing-percent=50');
  tuneCompiler();
  main(process.argv.slice(2)).then(
    (code) => {
      // -1: a long-running command (the language server) keeps the process alive.
      if (code >= 0) process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kamerwijzer: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
