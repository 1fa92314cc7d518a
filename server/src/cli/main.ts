import { isIsoDate } from '../engine/calendar';
import { localeFrom, messages, type Locale } from '../l10n';
import { ArgError, parseArgs } from './args';
import { glossaryFoldersOf, runCheck } from './check';
import { readInputs } from './documents';
import { runExtract } from './extract';
import { defaultDataDir } from '../io/bundledData';
import { localToday } from '../lsp/settings';
import { runLanguageServer } from '../lsp/run';

declare const KAMERWIJZER_VERSION: string | undefined;

const SPEC = {
  flags: ['--json', '--help', '-h', '--version', '--stdio', '--node-ipc', '--hints', '--house-style'],
  options: ['--document-date', '--lang', '--format', '--today', '--fail-on', '--citation-style', '--socket', '--clientProcessId'],
};

const VERSION = typeof KAMERWIJZER_VERSION === 'string' ? KAMERWIJZER_VERSION : 'dev';

/** Runs the command line; returns the exit code (0 fine, 1 findings, 2 errors). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = (s: string): void => void process.stdout.write(s);
  const err = (s: string): void => void process.stderr.write(`kamerwijzer: ${s}\n`);
  let locale: Locale = localeFrom(env['KAMERWIJZER_LANG'] ?? env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG']);
  let m = messages(locale);
  let args;
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
  if (lang) {
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
  const documentDate = args.options.get('--document-date');
  if (documentDate !== undefined && !isIsoDate(documentDate)) {
    err(m.cli.badDate('--document-date', documentDate));
    return 2;
  }
  const today = args.options.get('--today') ?? localToday();
  if (!isIsoDate(today)) {
    err(m.cli.badDate('--today', today));
    return 2;
  }
  const format = args.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    err(m.cli.badFormat(format));
    return 2;
  }
  const failOn = args.options.get('--fail-on') ?? 'error';
  if (failOn !== 'hint' && failOn !== 'information' && failOn !== 'warning' && failOn !== 'error') {
    err(m.cli.badLevel('--fail-on', failOn));
    return 2;
  }
  const citationStyle = args.options.get('--citation-style') ?? 'official';
  if (citationStyle !== 'official' && citationStyle !== 'compact') {
    err(m.cli.badStyle(citationStyle));
    return 2;
  }
  switch (args.command) {
    case 'extract':
    case 'check': {
      if (args.paths.length === 0) {
        err(m.cli.noPaths);
        return 2;
      }
      const input = await readInputs(args.paths, m);
      for (const w of input.warnings) err(w);
      for (const e of input.errors) err(e);
      if (args.command === 'extract') {
        runExtract(input.documents, { json: args.flags.has('--json'), ...(documentDate ? { documentDate } : {}) }, locale, m, out);
        return input.errors.length ? 2 : 0;
      }
      const failed = await runCheck(
        input.documents,
        {
          format,
          today,
          failOn,
          showHints: args.flags.has('--hints'),
          ...(documentDate ? { documentDate } : {}),
          diagnostics: { severity: {}, citationStyle, enforceCitationStyle: args.flags.has('--house-style') },
          dataDir: defaultDataDir(),
          version: VERSION,
          glossaryFolders: glossaryFoldersOf(args.paths),
        },
        locale,
        m,
        out,
        err,
      );
      return input.errors.length ? 2 : failed ? 1 : 0;
    }
    case 'lsp':
      // The transport (--stdio, --node-ipc, --socket=N) is read from the process arguments.
      runLanguageServer();
      return -1;
    default:
      err(m.cli.unknownCommand(args.command));
      return 2;
  }
}

if (require.main === module) {
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
