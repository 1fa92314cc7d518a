import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { defaultDataDir } from '../io/bundledData';
import { tuneCompiler } from '../io/compilerTuning';
import { analysisFaultFromEnvironment } from '../io/environment';
import { startServer } from './server';

/**
 * Starts the language server on the transport given on the command line (--stdio, --node-ipc,
 * --socket=N; VS Code passes --node-ipc) and keeps the process alive whatever happens inside a
 * handler.
 */
export function runLanguageServer(): void {
  // Before any code is hot, and before the analysis workers start (they share the process's flags).
  tuneCompiler();
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`Kamerwijzer: unexpected error: ${e.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`Kamerwijzer: unexpected rejection: ${String(e)}`));
  const beforeAnalysis = analysisFaultFromEnvironment();
  // Tests: KAMERWIJZER_TEST_WORKER_SCRIPT names the analysis worker's script (a missing one shows the
  // fallback to the main thread); KAMERWIJZER_ANALYSIS=main analyzes in the main thread.
  const workerScript = process.env['KAMERWIJZER_TEST_WORKER_SCRIPT'];
  const analysis = { inProcess: process.env['KAMERWIJZER_ANALYSIS'] === 'main', ...(workerScript ? { workerScript } : {}) };
  startServer(connection, { dataDir: defaultDataDir(), analysis, ...(beforeAnalysis ? { beforeAnalysis } : {}) });
  connection.listen();
}
