// Entry point of the bundled language server (dist/server.js), started by the VS Code client. The
// same bundle started as a worker thread is the analysis worker (analysisWorker.ts), not a server.
import { isAnalysisWorker } from './analysisWorker';
import { runLanguageServer } from './run';

if (!isAnalysisWorker) runLanguageServer();
