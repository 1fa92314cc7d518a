import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { defaultDataDir } from '../io/bundledData';
import { analysisFaultFromEnvironment } from '../io/environment';
import { startServer } from './server';

/**
 * Starts the language server on the transport given on the command line (--stdio, --node-ipc,
 * --socket=N; VS Code passes --node-ipc) and keeps the process alive whatever happens inside a
 * handler.
 */
export function runLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`Kamerwijzer: unexpected error: ${e.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`Kamerwijzer: unexpected rejection: ${String(e)}`));
  const beforeAnalysis = analysisFaultFromEnvironment();
  startServer(connection, { dataDir: defaultDataDir(), ...(beforeAnalysis ? { beforeAnalysis } : {}) });
  connection.listen();
}
