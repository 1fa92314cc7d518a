/**
 * Analyses in several worker threads: the documents open in the editor in one (the editor's worker,
 * which keeps their last analyses to analyze the next versions from and to send deltas of), the files
 * of a workspace scan or a check in all of them, so that a workspace of thousands of letters is read
 * by as many threads as the machine has cores.
 *
 * A job with checks (an open document's version) goes to the editor's worker (once that failed, to
 * another one, which keeps them from then on). Any other job goes to the least busy of the others;
 * to the editor's worker only when it is idle, the others are busy and the file is short
 * (EDITOR_TAKES_FILES_UP_TO): an edit waits behind one short file at most. A file of a scan that a
 * worker reads itself (`analyzeFile`) goes the same way; the editor's worker looks at its size before
 * reading it and declines a longer one, which then goes to another worker. A worker that failed is
 * passed over (the log says so once per worker); when all have failed, the service analyzes in its
 * own thread.
 */
import { availableParallelism } from 'node:os';
import type { GlossaryData } from '../engine/glossary';
import type { AnalysisJob, AnalyzedElsewhere, AnalyzedFile, DocumentAnalyzer, FileJob } from '../service/kamerwijzer';
import { WorkerAnalyzer, type WorkerAnalyzerOptions } from './analysisWorker';

/** The young generation of a worker for files of a scan or a check (see WorkerAnalyzerOptions.youngGenerationMb). */
const FILES_YOUNG_GENERATION_MB = 16;

/**
 * A file of a scan this short (in UTF-16 units; a long letter is ~100,000) goes to the editor's worker
 * when that one is idle and the others are busy: analyzed in a few milliseconds, so an edit arriving
 * meanwhile hardly waits, and a machine with two cores reads a workspace with both.
 */
const EDITOR_TAKES_FILES_UP_TO = 128 * 1024;

/** At most this many workers: each has its own heap (tens of MB), and the main thread needs a share of the cores too. */
export const MAX_WORKERS = 4;

/** The number of workers KAMERWIJZER_WORKERS asks for (1–16), if it asks. */
export function askedWorkerCount(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const asked = Number(env['KAMERWIJZER_WORKERS']);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 16) : undefined;
}

/** The workers a machine gets: as KAMERWIJZER_WORKERS asks, else one per core, at most MAX_WORKERS. */
export function defaultWorkerCount(): number {
  return askedWorkerCount() ?? Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
}

export class AnalyzerPool implements DocumentAnalyzer {
  private readonly workers: WorkerAnalyzer[];

  /** Whether the first worker is kept for open documents (the editor), else every job goes to the least busy worker (a check). */
  private readonly withEditor: boolean;

  constructor(options: WorkerAnalyzerOptions & { readonly workers?: number; readonly editorWorker?: boolean }) {
    const count = Math.max(1, options.workers ?? defaultWorkerCount());
    this.withEditor = options.editorWorker ?? true;
    // One line in the log when a worker fails: whether the others take over or the main thread does.
    let failed = 0;
    const onFailed = (e: unknown): void => {
      const why = (e as Error)?.stack ?? String(e);
      if (++failed === count) options.logger.error(`the analysis worker failed, documents are analyzed in the server's main thread from now on: ${why}`);
      else options.logger.error(`an analysis worker failed, the other ${count - failed === 1 ? 'worker takes' : `${count - failed} workers take`} its documents: ${why}`);
    };
    // The editor's worker keeps V8's default heap (an edit of a long letter allocates much); the others
    // take many short files one after another, where a small young generation costs little time and
    // keeps a workspace of 2,000 letters indexed under 300 MB.
    this.workers = Array.from({ length: count }, (_, i) => new WorkerAnalyzer({ ...(this.withEditor && i === 0 ? { collectWhenIdle: true } : { youngGenerationMb: FILES_YOUNG_GENERATION_MB }), ...options, onFailed }));
  }

  /** The editor's worker: open documents' versions (tests read its counters). */
  get editor(): WorkerAnalyzer {
    return this.workers[0]!;
  }

  /** Each worker's jobs given and not yet answered (tests see where jobs went). */
  get loads(): readonly number[] {
    return this.workers.map((w) => w.load);
  }

  /** True once every worker failed: analyses run in the main thread. */
  get inProcess(): boolean {
    return this.workers.every((w) => w.inProcess);
  }

  analyze(job: AnalysisJob, bundled: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedElsewhere | undefined> {
    return this.workerFor(job).analyze(job, bundled, signal);
  }

  /**
   * A file read and analyzed by a worker for the index's entry. As a file of a scan: by the least busy
   * of the other workers, or by the editor's worker when that one is idle and the others are busy —
   * if the file is short (it declines a longer one before reading it, which then goes to another).
   */
  async analyzeFile(job: FileJob, bundled: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedFile | undefined> {
    const { worker, short } = this.fileWorker();
    if (short) {
      const made = await worker.readFile({ ...job, atMostBytes: EDITOR_TAKES_FILES_UP_TO }, bundled, signal);
      if (made !== 'declined') return made;
      return this.otherWorkers().analyzeFile(job, bundled, signal);
    }
    return worker.analyzeFile(job, bundled, signal);
  }

  /** Starts the editor's worker now (the others start with their first job). */
  warmUp(): void {
    this.editor.warmUp();
  }

  dispose(): void {
    for (const w of this.workers) w.dispose();
  }

  private workerFor(job: AnalysisJob): WorkerAnalyzer {
    const editor = this.editor;
    if (!this.withEditor) return this.leastBusy(this.workers);
    // Open documents: the editor's worker, or once it failed another one (which then keeps them).
    if (job.checks || this.workers.length === 1) return editor.inProcess ? (this.workers.find((w) => !w.inProcess) ?? editor) : editor;
    const { worker, short } = this.fileWorker();
    return short && job.text.length > EDITOR_TAKES_FILES_UP_TO ? this.otherWorkers() : worker;
  }

  /**
   * The worker for a file of a scan or a check, and whether it is the editor's worker taking a short
   * file (idle while the others are busy: an edit waits for one short file at most).
   */
  private fileWorker(): { readonly worker: WorkerAnalyzer; readonly short: boolean } {
    const editor = this.editor;
    if (!this.withEditor) return { worker: this.leastBusy(this.workers), short: false };
    if (this.workers.length === 1) return { worker: editor, short: false };
    const best = this.otherWorkers();
    if (best !== editor && best.load > 0 && editor.load === 0 && !editor.inProcess) return { worker: editor, short: true };
    return { worker: best, short: false };
  }

  /** The least busy worker but the editor's (every other one failed: the editor's worker, or, failed too, the main thread through it). */
  private otherWorkers(): WorkerAnalyzer {
    let best: WorkerAnalyzer | undefined;
    for (let i = 1; i < this.workers.length; i++) {
      const w = this.workers[i]!;
      if (!w.inProcess && (!best || w.load < best.load)) best = w;
    }
    return best ?? this.editor;
  }

  /** The least busy worker that did not fail (the first when all did). */
  private leastBusy(workers: readonly WorkerAnalyzer[]): WorkerAnalyzer {
    return workers.reduce((a, b) => (b.inProcess || (!a.inProcess && a.load <= b.load) ? a : b));
  }
}
