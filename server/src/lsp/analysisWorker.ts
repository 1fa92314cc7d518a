/**
 * Analysis in a worker thread, so the server's main thread stays free for requests while a large
 * document is analyzed. The worker is the server's own bundle (dist/server.js) started in worker
 * mode — or, unbundled (tests), this module — and runs `analyze` with the same glossary the service
 * would use: it is given the bundled glossary once and each job's folder glossary file, and builds
 * them with the same GlossaryCatalog (an unchanged file keeps its glossary).
 *
 * Beside the analysis of an open document (a job with checks) the worker runs the rules that read
 * only the document, and hands over their findings, the text's words (features/documentWords.ts,
 * the index the rules share) and what the other rules need of the document
 * (features/diagnostics/prepared.ts), so the main thread does not compute them. A file of a
 * workspace scan is read here too (readAndAnalyzeFile): its text never goes to the main thread, which
 * gets only what the index keeps of it (its metadata, line starts and citations as numbers). One job
 * runs at a time (a file job of a scan is posted while the one before it runs: see `ahead`); a newer
 * job of the same document drops a queued older one, and stops a
 * running one on a large text (the worker is restarted) unless the worker keeps that one to analyze
 * the next version from (an open document's: the newer version is analyzed from it as a stretch).
 * When the worker fails (it cannot start, crashes or exits), analyses continue in the main thread:
 * `analyze` answers undefined and the service analyzes in process; the log says so once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { GlossaryCatalog } from '../catalog/glossaries';
import { analyzeWhole, type AnalyzeOptions, type WholeAnalysis } from '../engine/analyze';
import { citationList, entryAnalysis } from '../catalog/workspaceIndex';
import { readHashedTextFileSync } from '../io/textFiles';
import { analysisDelta, applyingAnalysisDelta, canonicalStretch, changedStretch, composeStretch, reanalyze, recordReanalysisLineage, rememberChangedStretch, sameAnalyzeOptions, type AnalysisDelta, type ChangedStretch, type Reanalysis } from '../engine/incremental';
import { forgetLineage } from '../engine/lineage';
import { yieldToEventLoop } from '../io/workspaceScanner';
import type { DocumentAnalysis } from '../engine/model';
import type { GlossaryData } from '../engine/glossary';
import type { InstrumentMatcher } from '../engine/instrumentMatcher';
import type { InstrumentSenses } from '../engine/instrumentSenses';
import { LineIndex } from '../engine/lineIndex';
import { ALL_RULES } from '../features/diagnostics/rules';
import { prepareDocument, versionFollows, type PreparedDocument } from '../features/diagnostics/prepared';
import type { PreviousReferenceFindings } from '../features/diagnostics/perReference';
import { computeDocumentOnlyFindings } from '../features/diagnostics/run';
import { DocumentWords, type DocumentWordsData } from '../features/documentWords';
import type { EditTrail } from './editTrail';
import { applyDescribedDelta, applyFindingsDelta, applyingDescribedDelta, applyingFindingsDelta, describedDelta, findingsDelta, type Described, type DescribedDelta, type FindingsDelta } from './replyDeltas';
import type { IndexedDocument } from '../features/model';
import type { AnalysisJob, AnalyzedElsewhere, AnalyzedFile, DocumentAnalyzer, DocumentChecks, FileJob, Logger } from '../service/kamerwijzer';

const WORKER_MARK = 'kamerwijzerAnalysisWorker';
const COLLECT_WHEN_IDLE = 'collectWhenIdle';

/**
 * A running analysis of a text this long is stopped when a newer version arrives (the worker is
 * restarted), unless the worker keeps it for the next version (an open document's: finished, the
 * newer version is analyzed from it as a stretch, far sooner than anew in a restarted worker that
 * would also have lost every other open document's last analysis). A shorter one finishes, its
 * result dropped.
 */
const STOP_RUNNING_FROM_CHARS = 200_000;

/** A delta is applied for this long at most before the event loop runs (requests are answered in between). */
const APPLY_FOR_MS = 3;

/** Whether the worker keeps a job's analysis to analyze the document's next version from (an open document's). */
function keptForNextVersion(job: AnalysisJob): boolean {
  return !!job.checks && !job.once;
}

/**
 * A job, and `base`: the id of the job whose analysis of the same document the main thread holds (a
 * stretch analysis is then sent as what it adds to that one: an AnalysisDelta); `findingsBase` and
 * `describedBase`: the job whose findings (those that follow its analysis) and citations'
 * descriptions it holds (those are then sent as what changed: replyDeltas.ts).
 */
type ToWorker =
  | { readonly kind: 'bundled'; readonly data: GlossaryData }
  | { readonly kind: 'analyze'; readonly id: number; readonly job: PostedJob; readonly edit?: TextEdit; readonly base?: number; readonly findingsBase?: number; readonly describedBase?: number }
  | { readonly kind: 'file'; readonly id: number; readonly job: SizedFileJob }
  /** The findings being made for job `id` are not wanted (a newer version came): stop between rules. */
  | { readonly kind: 'cancel'; readonly id: number };
/** A job as posted: with its text, or without it and with the edit that makes it from the text of job `edit.base`. */
type PostedJob = Omit<AnalysisJob, 'text'> & { readonly text?: string };
type AnalyzeMessage = Extract<ToWorker, { readonly kind: 'analyze' }>;

/**
 * An open document's version as what changed against the version the worker was given last (job
 * `base`, whose text the worker keeps): `[start, oldEnd)` of that text replaced by `text`, to make a
 * text of `length` characters.
 */
interface TextEdit {
  readonly base: number;
  readonly start: number;
  readonly oldEnd: number;
  readonly text: string;
  readonly length: number;
}

/**
 * An analysis as the worker sends it. `findingsFollow`: the findings of the rules that read only the
 * document come after it, in a message of their own (`laterFindings`), while the main thread already
 * uses the analysis (an open document's version: requests waiting for it are answered; its findings
 * are computed once those have come).
 */
/**
 * An analysis as the worker sends it: whole, or what changed against the job `base`'s. `cancelled`:
 * the job was dropped while it was analyzed; only its analysis comes (the worker analyzes the next
 * version from it, and the main thread holds it for that version's delta), nothing is made of it.
 */
type Analyzed = Omit<AnalyzedElsewhere, 'analysis' | 'findingsLater' | 'prepared'> & { readonly findingsFollow?: true; readonly cancelled?: true; readonly prepared?: PreparedDocument | PreparedChange } & ({ readonly analysis: DocumentAnalysis } | { readonly delta: AnalysisDelta; readonly base: number });
/** What the rules need of a version (PreparedDocument) beside an analysis delta: the descriptions as what changed against the base's. */
interface PreparedChange {
  readonly sentences: Int32Array;
  readonly describedDelta: DescribedDelta;
}
type RuleFindings = NonNullable<AnalyzedElsewhere['findings']>;

/**
 * The main thread's last analysis received of an open document and the job it answered: what a delta
 * is applied to; with the findings that followed it (what a findings delta is applied to), and until
 * they come those of the version before.
 */
interface ReceivedAnalysis {
  readonly id: number;
  readonly analysis: DocumentAnalysis;
  /** The job's text (where the next version's delta says the texts differ: see appliedInSteps). */
  readonly text: string;
  /** The citations' descriptions that came with it (what a descriptions delta is applied to). */
  readonly described?: Described | undefined;
  findings?: RuleFindings | undefined;
  before?: { readonly id: number; readonly findings: RuleFindings } | undefined;
}
type FromWorker =
  | ({ readonly id: number } & Analyzed)
  /**
   * `cancelled`: the findings (or, cancelled while the job's analysis was made, the whole answer) were
   * no longer wanted. The findings come whole, or as what changed against the job `findingsBase`'s.
   */
  | { readonly id: number; readonly laterFindings: RuleFindings | FindingsDelta; readonly cancelled?: true; readonly taken?: number }
  | { readonly id: number; readonly file: AnalyzedFile | 'declined' }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } }
  /** The job came as an edit of a text the worker does not hold (any more): it is posted again with its text. */
  | { readonly id: number; readonly needText: true };

/** Findings sent whole (not as a FindingsDelta). */
function isWhole(sent: RuleFindings | FindingsDelta): sent is RuleFindings {
  return Array.isArray(sent);
}

/**
 * A file job, and the most bytes the worker takes it with (a larger file is declined without being
 * read: the pool gives it to another worker).
 */
export interface SizedFileJob extends FileJob {
  readonly atMostBytes?: number;
}

/** How many open documents' last analyses each side keeps to send and receive deltas of (the most recently analyzed). */
const RECENT_DOCUMENTS = 8;

/** A job given to the worker: a text to analyze (`job`) or a file to read and analyze (`file`). */
type Pending = {
  readonly id: number;
  readonly bundled: () => GlossaryData;
  readonly reject: (e: unknown) => void;
  /** Set once the analysis is answered and its findings follow: what hands them on (undefined: none, made here). */
  laterFindings?: (findings: RuleFindings | undefined) => void;
  /** Set while its text is with the worker as an edit (not given again whole). */
  postedAsEdit?: boolean;
} & (
  | { readonly job: AnalysisJob; readonly file?: undefined; readonly resolve: (analysis: AnalyzedElsewhere | undefined) => void }
  | { readonly file: SizedFileJob; readonly job?: undefined; readonly resolve: (analysis: AnalyzedFile | 'declined' | undefined) => void }
);

declare const KAMERWIJZER_VERSION: string | undefined;

/** The script a worker runs: the server bundle beside this one when bundled (dist/server.js, also from dist/cli.js), else this module. */
export function defaultWorkerScript(): string {
  return typeof KAMERWIJZER_VERSION === 'string' ? path.join(__dirname, 'server.js') : __filename;
}

export interface WorkerAnalyzerOptions {
  readonly logger: Logger;
  /** The worker's script (tests: a missing one, to see the fallback). */
  readonly script?: string;
  /**
   * The worker's young generation at most, in MB (V8's default when absent): smaller means more
   * frequent, shorter collections and less memory. The pool's workers for files of a scan or a check
   * use a small one.
   */
  readonly youngGenerationMb?: number;
  /** The editor's worker: its heap is collected when it has no job left and grew (see idleCollector). */
  readonly collectWhenIdle?: boolean;
  /** How long a delta is applied at most before the event loop runs (default APPLY_FOR_MS; tests: 0, a pause at every step). */
  readonly applyForMs?: number;
  /** Told instead of the log when the worker fails (a pool says what that means for its other workers). */
  readonly onFailed?: (e: unknown) => void;
  /**
   * Where open documents' texts changed since the version last given to the worker (the editor's
   * edits): a version goes as that change, not as a copy of its text. Without it, every version goes whole.
   */
  readonly edits?: EditTrail;
  /** Tests only: told when a job is handed to the worker and when the worker is restarted. */
  readonly onEvent?: (event: 'started' | 'restarted', uri?: string) => void;
}

export class WorkerAnalyzer implements DocumentAnalyzer {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  /** Workers being stopped on purpose (their exit is no failure). */
  private readonly stopping = new WeakSet<Worker>();
  /** The last analysis received of each recently analyzed open document, and the job it answered: what a delta is applied to. */
  private readonly received = new RecentByUri<ReceivedAnalysis>(RECENT_DOCUMENTS);
  /** The text of the last job of each recently analyzed open document posted to the running worker (which keeps it), and the job. */
  private readonly posted = new RecentByUri<{ readonly id: number; readonly text: string }>(RECENT_DOCUMENTS);
  /** How many versions went to the worker as an edit, and how many of those it had to be given whole after all (the tests count them). */
  readonly postedAs = { edits: 0, again: 0 };

  constructor(private readonly options: WorkerAnalyzerOptions) {}

  /** True once the worker failed: analyses run in the main thread. */
  get inProcess(): boolean {
    return this.failed;
  }

  /** The jobs given and not yet answered: waiting, running, posted behind it, and a dropped one still running. */
  get load(): number {
    return this.queue.length + (this.running ? 1 : 0) + (this.ahead ? 1 : 0) + (this.droppedRunning ? 1 : 0);
  }

  /**
   * A file job posted to the worker while another file job runs there (the worker takes its messages
   * in order): it goes from one file of a scan to the next without waiting for this thread to hear of
   * the first and post the second (those round trips idled each worker a sixth of a scan on two cores).
   */
  private ahead: Pending | undefined;

  analyze(job: AnalysisJob, bundled: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedElsewhere | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => this.enqueue({ id: ++this.nextId, job, bundled, resolve, reject }, signal));
  }

  /** Has the worker read a file and analyze it for the index's entry (the text stays in the worker). */
  analyzeFile(job: FileJob, bundled: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedFile | undefined> {
    return this.readFile(job, bundled, signal).then((made) => (made === 'declined' ? undefined : made));
  }

  /** As analyzeFile; 'declined' (unread) when the file is larger than `job.atMostBytes`. */
  readFile(job: SizedFileJob, bundled: () => GlossaryData, signal?: AbortSignal): Promise<AnalyzedFile | 'declined' | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => this.enqueue({ id: ++this.nextId, file: job, bundled, resolve, reject }, signal));
  }

  private enqueue(pending: Pending, signal: AbortSignal | undefined): void {
    signal?.addEventListener('abort', () => this.drop(pending, signal.reason), { once: true });
    this.queue.push(pending);
    this.pump();
  }

  /**
   * Starts the worker now (its script loads while the server starts), unless it runs or failed. The
   * bundled glossary goes to it with its first analysis: reading it here would keep the server from
   * answering `initialize` meanwhile.
   */
  warmUp(): void {
    if (this.worker || this.failed) return;
    try {
      this.start();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Whether the running worker has the bundled glossary (sent before its first analysis). */
  private bundledSent = false;

  /** Stops the worker (the server shuts down). */
  dispose(): void {
    if (this.worker) this.stop(this.worker);
    this.worker = undefined;
  }

  /** A job no longer wanted: taken from the queue, or — a large text — stopped while it runs. */
  private drop(pending: Pending, reason: unknown): void {
    const at = this.queue.indexOf(pending);
    if (at >= 0) this.queue.splice(at, 1);
    else if (this.ahead === pending) {
      // In the worker already: read and answered there all the same, its answer settles nothing.
      return pending.reject(reason);
    } else if (this.running === pending) {
      this.running = undefined;
      // (A job whose findings follow its analysis is one the worker keeps: never stopped.)
      if (pending.job && pending.job.text.length >= STOP_RUNNING_FROM_CHARS && !keptForNextVersion(pending.job) && this.worker) {
        this.stop(this.worker);
        this.worker = undefined;
        this.options.onEvent?.('restarted', pending.job.uri);
      } else {
        // Its analysis is finished (an open document's is kept in the worker: the next version is
        // analyzed from it, a stretch) and dropped here; the findings that would follow it, or those
        // still being made after it was answered, are not made: the worker stops before the first
        // rule or at the next one.
        this.droppedRunning = pending;
        this.worker?.postMessage({ kind: 'cancel', id: pending.id } satisfies ToWorker);
        // Answered already: whoever waits for its findings gets none (they are not kept).
        if (pending.laterFindings) return pending.laterFindings(undefined);
      }
    } else return;
    pending.reject(reason);
    this.pump();
  }

  /** A dropped job still running in the worker: its result is not wanted (its analysis is held all the same: the worker analyzes the next version from it). */
  private droppedRunning: Pending | undefined;

  private pump(): void {
    if (this.failed) return;
    if (this.running || this.droppedRunning) return this.postAhead();
    const next = this.queue.shift();
    if (!next) return;
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
      if (next.job && !this.bundledSent) {
        worker.postMessage({ kind: 'bundled', data: next.bundled() } satisfies ToWorker);
        this.bundledSent = true;
      }
    } catch (e) {
      return this.fail(e, next);
    }
    this.running = next;
    if (next.file) {
      this.options.onEvent?.('started', next.file.uri);
      worker.postMessage({ kind: 'file', id: next.id, job: next.file } satisfies ToWorker);
      return;
    }
    this.options.onEvent?.('started', next.job.uri);
    this.postAnalysis(worker, next, next.job, true);
  }

  /**
   * Posts an analysis job: an open document's version as an edit of the text the worker was given
   * last where the edit trail knows what changed (`asEdit`), else with its text.
   */
  private postAnalysis(worker: Worker, pending: Pending, job: AnalysisJob, asEdit: boolean): void {
    const { id } = pending;
    const kept = keptForNextVersion(job);
    const held = kept ? this.received.peek(job.uri) : undefined;
    const base = held?.id;
    // The findings held: of the version held, or (none came of it: it was dropped) of the one before it.
    const findingsBase = held?.findings ? held.id : held?.before?.id;
    const describedBase = held?.described ? held.id : undefined;
    const edit = kept && asEdit ? this.editOf(job) : undefined;
    pending.postedAsEdit = !!edit;
    const { text, ...withoutText } = job;
    worker.postMessage({ kind: 'analyze', id, job: edit ? withoutText : job, ...(edit ? { edit } : {}), ...(base ? { base } : {}), ...(findingsBase ? { findingsBase } : {}), ...(describedBase ? { describedBase } : {}) } satisfies ToWorker);
    if (kept) {
      this.posted.keep(job.uri, { id, text });
      // The analysis of this text will be held: where the editor's text differs from it is followed (views of it).
      this.options.edits?.given(job.uri, text);
    }
  }

  /** The job's text as an edit of the text last posted of its document, when the edit trail knows where they differ. */
  private editOf(job: AnalysisJob): TextEdit | undefined {
    const last = this.posted.peek(job.uri);
    const taken = this.options.edits?.take(job.uri, last?.text, job.text);
    if (!last || !taken) return undefined;
    this.postedAs.edits++;
    return { base: last.id, start: taken.stretch.start, oldEnd: taken.stretch.oldEnd, text: taken.inserted, length: job.text.length };
  }

  /** While a file job runs in the worker, the next waiting job, a file job too, is posted behind it. */
  private postAhead(): void {
    const next = this.queue[0];
    if (this.ahead || !this.worker || !this.running?.file || !next?.file) return;
    this.queue.shift();
    this.ahead = next;
    this.options.onEvent?.('started', next.file.uri);
    this.worker.postMessage({ kind: 'file', id: next.id, job: next.file } satisfies ToWorker);
  }

  /** The job posted behind the one answered, which runs in the worker now (undefined: none). */
  private nextInWorker(): Pending | undefined {
    const next = this.ahead;
    this.ahead = undefined;
    return next;
  }

  private start(): Worker {
    const young = this.options.youngGenerationMb;
    const worker = new Worker(this.options.script ?? defaultWorkerScript(), { workerData: { [WORKER_MARK]: true, [COLLECT_WHEN_IDLE]: !!this.options.collectWhenIdle }, ...(young ? { resourceLimits: { maxYoungGenerationSizeMb: young } } : {}) });
    this.received.clear();
    this.posted.clear();
    this.bundledSent = false;
    worker.unref();
    worker.on('message', (reply: FromWorker) => this.receive(worker, reply));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (!this.stopping.has(worker)) this.fail(new Error(`the analysis worker exited (code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /**
   * The worker's replies, taken in the order they came. A delta to apply (an open document's edited
   * version) is applied in steps first, the event loop running in between (requests are answered from
   * the last analysis meanwhile); replies that come during it wait their turn.
   */
  private receive(worker: Worker, reply: FromWorker): void {
    const take = (): Promise<void> | undefined => this.take(worker, reply);
    const taken = this.inbox ? this.inbox.then(take, take) : take();
    if (!taken) return;
    const inbox: Promise<void> = taken.then(
      () => void (this.inbox === inbox && (this.inbox = undefined)),
      (e: unknown) => {
        if (this.inbox === inbox) this.inbox = undefined;
        this.options.logger.error(`taking the analysis worker's reply failed: ${(e as Error)?.stack ?? String(e)}`);
      },
    );
    this.inbox = inbox;
  }

  /** Replies waiting while a delta is applied in steps (undefined: none is being applied). */
  private inbox: Promise<void> | undefined;

  /** Takes a reply: at once, or (a delta to apply) once it is applied in steps. */
  private take(worker: Worker, reply: FromWorker): Promise<void> | undefined {
    // The analysis of a job dropped while the worker made it: the worker keeps it and analyzes the
    // document's next version from it, so this thread holds it too — the next version's analysis then
    // comes as what changed against it, not whole (a 5 MB letter's: 50–100 ms of this thread to read,
    // in one task, after every burst of typing).
    const dropped = worker === this.worker && reply.id === this.droppedRunning?.id ? this.droppedRunning.job : undefined;
    if (dropped && ('delta' in reply || 'analysis' in reply)) return this.heldDropped(worker, dropped, reply);
    const pending = this.running;
    const current = worker === this.worker && reply.id !== this.droppedRunning?.id && pending?.id === reply.id && !!pending.job;
    if (current && pending.laterFindings && 'laterFindings' in reply && !isWhole(reply.laterFindings)) {
      return this.findingsInSteps(pending.job!.uri, reply.laterFindings).then((made) => this.answered(worker, reply, undefined, made));
    }
    if (!current || pending.laterFindings || !('delta' in reply)) return void this.answered(worker, reply);
    const job = pending.job!;
    return this.appliedInSteps(job.uri, job.text, reply.base, reply.delta).then(
      async (analysis) => this.answered(worker, reply, analysis, await this.describedInSteps(job.uri, reply)),
      (e: unknown) => this.answered(worker, reply, e instanceof Error ? e : new Error(String(e))),
    );
  }

  /**
   * The descriptions a reply sends as a change against those this thread holds, made in steps before
   * the reply is taken (`preparedOf` takes them when they are still of what it holds).
   */
  private async describedInSteps(uri: string, reply: Analyzed & { readonly base?: number }): Promise<MadeInSteps | undefined> {
    const sent = reply.prepared;
    const held = this.received.peek(uri);
    if (!sent || !('describedDelta' in sent) || !held?.described || held.id !== reply.base) return undefined;
    try {
      return { described: { from: held.described, value: await this.inSteps(applyingDescribedDelta(held.described, sent.describedDelta)) } };
    } catch {
      return undefined; // said (and made in this thread) where the reply is taken
    }
  }

  /** Findings sent as a change against those this thread holds, made in steps before the reply is taken (see `laterFindingsOf`). */
  private async findingsInSteps(uri: string, delta: FindingsDelta): Promise<MadeInSteps | undefined> {
    const held = this.received.peek(uri);
    if (!held?.before || held.before.id !== delta.base) return undefined;
    try {
      return { findings: { from: held.before.findings, value: await this.inSteps(applyingFindingsDelta(held.before.findings, delta, uri)) } };
    } catch {
      return undefined;
    }
  }

  /** Holds the analysis of a dropped job (its delta applied in steps), then takes its reply as one not wanted. */
  private async heldDropped(worker: Worker, job: AnalysisJob, reply: { readonly id: number } & Analyzed): Promise<void> {
    try {
      const analysis = 'delta' in reply ? await this.appliedInSteps(job.uri, job.text, reply.base, reply.delta) : reply.analysis;
      this.hold(job, reply, analysis, await this.describedInSteps(job.uri, reply));
      this.droppedHeld++;
    } catch {
      // Not against what this thread holds: the next version goes whole.
      this.received.take(job.uri);
    }
    this.answered(worker, reply);
  }

  /** How many analyses of dropped jobs were held (the tests count them). */
  droppedHeld = 0;

  /**
   * Holds an open document's analysis as the one the next version's delta is applied to, with the
   * descriptions that came beside it; what the rules need of the version, if it came.
   */
  private hold(job: AnalysisJob, reply: { readonly id: number } & Analyzed, analysis: DocumentAnalysis, made?: MadeInSteps): PreparedDocument | undefined {
    const prepared = reply.prepared && this.preparedOf(job.uri, reply.prepared, 'base' in reply ? reply.base : undefined, made);
    if (keptForNextVersion(job)) {
      // The findings held of the version before stay until this one's come (what they may change).
      const before = this.received.peek(job.uri);
      // (Those of a version before that, when none came of the version before: it was dropped.)
      const held = before?.findings ? { id: before.id, findings: before.findings } : before?.before;
      this.received.keep(job.uri, { id: reply.id, analysis, text: job.text, described: prepared?.described, ...(held ? { before: held } : {}) });
    }
    return prepared;
  }

  /** `applied` delta: the analysis it made, or why it could not be applied. */
  private answered(worker: Worker, reply: FromWorker, applied?: DocumentAnalysis | Error, stepped?: MadeInSteps): void {
    if (worker !== this.worker) return;
    if (reply.id === this.droppedRunning?.id) {
      // The analysis of a job dropped after the worker sent it (on its way, or its delta applied in
      // steps): the findings that follow it (or their cancel) are the job's last reply.
      if ('findingsFollow' in reply && reply.findingsFollow) return;
      this.droppedRunning = undefined;
      if ('cancelled' in reply) this.findingsCancelled++;
      this.running = this.nextInWorker();
      return this.pump();
    }
    const pending = this.running;
    if (!pending || pending.id !== reply.id) return;
    if ('needText' in reply && pending.job && pending.postedAsEdit) {
      // The worker does not hold the text the edit was made against (it failed on it, or let it go): the job again, whole.
      this.postedAs.again++;
      this.postAnalysis(worker, pending, pending.job, false);
      return;
    }
    if (pending.laterFindings) {
      // The findings that follow an analysis (none when making them failed: they are made here).
      this.running = undefined;
      if ('laterFindings' in reply && reply.taken) this.referencesTakenOver += reply.taken;
      pending.laterFindings('laterFindings' in reply && pending.job ? this.laterFindingsOf(pending.job.uri, reply.id, reply.laterFindings, stepped) : undefined);
      return this.pump();
    }
    this.running = this.nextInWorker();
    if ('error' in reply) pending.reject(Object.assign(new Error(reply.error.message), reply.error.stack ? { stack: reply.error.stack } : {}));
    else if (pending.file) pending.resolve('file' in reply ? reply.file : undefined);
    else if ('file' in reply || 'laterFindings' in reply || 'needText' in reply) pending.resolve(undefined);
    else {
      // A delta was applied before its reply was taken (`take`), or could not be.
      const analysis = 'analysis' in reply ? reply.analysis : (applied ?? new Error('an analysis delta was taken without being applied'));
      if (analysis instanceof Error) {
        // Not what this thread holds: this version is analyzed here, and the next one is sent whole.
        this.received.take(pending.job.uri);
        this.options.logger.error(`${analysis.message}; the document is analyzed in the main thread this time`);
        pending.resolve(undefined);
        return this.pump();
      }
      const prepared = this.hold(pending.job, reply, analysis, stepped);
      this.options.edits?.held(pending.job.uri, pending.job.text);
      const later = reply.findingsFollow ? this.findingsFollowing(pending) : undefined;
      const made: AnalyzedElsewhere = { analysis, ...(reply.words ? { words: reply.words } : {}), ...(reply.findings ? { findings: reply.findings } : {}), ...(later ? { findingsLater: later } : {}), ...(prepared ? { prepared } : {}), ...(reply.how ? { how: reply.how } : {}), ...(pending.postedAsEdit ? { fromEdit: true as const } : {}), ...(reply.lineStarts ? { lineStarts: reply.lineStarts } : {}), ...(reply.citations ? { citations: reply.citations } : {}) };
      // A delta was applied to a large analysis just now: what is made of the result (the index, the
      // findings) goes on in a task of its own, so that requests are answered in between.
      if ('delta' in reply) setImmediate(() => pending.resolve(made));
      else pending.resolve(made);
      // The worker goes on with the job's findings: the next job waits for them.
      if (later) return;
    }
    this.pump();
  }

  /**
   * The findings that followed the analysis of job `id` of a document, as the worker sent them (whole,
   * or what changed against the findings of the version before), kept with that analysis for the next
   * version's. Undefined (they are made in this thread) when a delta is not against what this thread
   * holds.
   */
  private laterFindingsOf(uri: string, id: number, sent: RuleFindings | FindingsDelta, made?: MadeInSteps): RuleFindings | undefined {
    const held = this.received.peek(uri);
    let findings: RuleFindings | undefined;
    if (isWhole(sent)) findings = sent;
    else if (made?.findings && held?.before?.findings === made.findings.from && held.before.id === sent.base) {
      findings = made.findings.value;
      this.findingsDeltasApplied++;
      this.madeInSteps.findings++;
    } else {
      const delta = sent;
      try {
        if (!held?.before || held.before.id !== delta.base) throw new Error(`the analysis worker sent a change to findings this thread does not hold (${uri})`);
        findings = applyFindingsDelta(held.before.findings, delta, uri);
        this.findingsDeltasApplied++;
      } catch (e) {
        this.options.logger.error(`${(e as Error).message}; the findings are made in the main thread this time`);
      }
    }
    if (held?.id === id) {
      held.before = undefined;
      held.findings = findings;
    }
    return findings;
  }

  /** How many findings came as deltas (the tests count them). */
  findingsDeltasApplied = 0;
  /** References whose findings the worker's per-reference rules took over from the version before (perReference.ts). */
  referencesTakenOver = 0;

  /**
   * What the rules need of a version, as the worker sent it beside the analysis (its descriptions
   * whole, or what changed against those of the analysis `base` this thread holds). Undefined (the
   * rules make it here) when a delta is not against what this thread holds.
   */
  private preparedOf(uri: string, sent: PreparedDocument | PreparedChange, base: number | undefined, made?: MadeInSteps): PreparedDocument | undefined {
    if (!('describedDelta' in sent)) return sent;
    const held = this.received.peek(uri);
    try {
      if (!held?.described || held.id !== base) throw new Error(`the analysis worker sent a change to citations' descriptions this thread does not hold (${uri})`);
      // Made in steps before the reply was taken, of what is still held (else made now).
      const stepped = made?.described?.from === held.described;
      if (stepped) this.madeInSteps.described++;
      const described = stepped ? made!.described!.value : applyDescribedDelta(held.described, sent.describedDelta);
      this.describedDeltasApplied++;
      return { sentences: sent.sentences, described };
    } catch (e) {
      this.options.logger.error(`${(e as Error).message}; they are made in the main thread this time`);
      return undefined;
    }
  }

  /** How many versions' citation descriptions came as deltas (the tests count them). */
  describedDeltasApplied = 0;
  /** How many deltas of descriptions and of findings were applied in steps before their reply was taken (the tests count them). */
  readonly madeInSteps = { described: 0, findings: 0 };

  /** The findings that will follow a job's analysis: the job stays the running one until they are in. */
  private findingsFollowing(pending: Pending): Promise<RuleFindings | undefined> {
    this.running = pending;
    return new Promise((resolve) => {
      pending.laterFindings = (findings) => {
        pending.laterFindings = () => undefined;
        resolve(findings);
      };
    });
  }

  /** How many analyses came as deltas (the tests and the bench count them). */
  deltasApplied = 0;
  /** How often applying a delta let the event loop run (the tests count them). */
  deltaPauses = 0;
  /** How many jobs' findings the worker stopped making when they were no longer wanted (the tests count them). */
  findingsCancelled = 0;

  /**
   * The analysis a delta describes, of the analysis received of the job `base`: made in steps, the
   * event loop running whenever a few milliseconds went by.
   */
  private async appliedInSteps(uri: string, text: string, base: number, delta: AnalysisDelta): Promise<DocumentAnalysis> {
    const held = this.received.peek(uri);
    if (!held || held.id !== base) throw new Error(`the analysis worker sent a change to an analysis this thread does not hold (${uri})`);
    this.deltasApplied++;
    // Where the two versions differ, as the worker found it comparing the same texts: what this
    // thread makes of the new version (word index, sentences, descriptions) asks it too.
    rememberChangedStretch(held.text, text, delta.change);
    return this.inSteps(applyingAnalysisDelta(held.analysis, delta));
  }

  /** Runs a computation made in steps to its end, the event loop running whenever `applyForMs` went by. */
  private async inSteps<T>(steps: Generator<void, T, void>): Promise<T> {
    let since = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - since < (this.options.applyForMs ?? APPLY_FOR_MS)) continue;
      this.deltaPauses++;
      await yieldToEventLoop();
      since = performance.now();
    }
  }

  private stop(worker: Worker): void {
    this.stopping.add(worker);
    void worker.terminate().catch(() => undefined);
  }

  /** The worker failed: every waiting job, and all later ones, are analyzed in the main thread. */
  private fail(e: unknown, first?: Pending): void {
    if (this.failed) return;
    this.failed = true;
    if (this.options.onFailed) this.options.onFailed(e);
    else this.options.logger.error(`the analysis worker failed, documents are analyzed in the server's main thread from now on: ${(e as Error)?.stack ?? String(e)}`);
    if (this.worker) this.stop(this.worker);
    this.worker = undefined;
    const waiting = [...(first ? [first] : []), ...(this.running ? [this.running] : []), ...(this.ahead ? [this.ahead] : []), ...this.queue.splice(0)];
    this.running = undefined;
    this.ahead = undefined;
    for (const p of waiting) {
      // A job whose analysis was answered: its findings are made in the main thread.
      if (p.laterFindings) p.laterFindings(undefined);
      else p.resolve(undefined);
    }
  }
}

/** The worker's side: answers each job with the analysis (or the error it threw). */
function serveAnalyses(): void {
  const port = parentPort!;
  let bundled: GlossaryData = { entries: [], ambiguities: [] };
  const folderOf = new Map<string, string>();
  const glossaries = new GlossaryCatalog(() => bundled, (uri) => folderOf.get(uri));
  // The last analyses of open documents, to analyze their next versions from.
  const recent = new RecentByUri<RecentAnalysis>(RECENT_DOCUMENTS);
  // One job at a time: a job's rules may await, the next job waits for them.
  let turn: Promise<void> = Promise.resolve();
  // Jobs whose findings are no longer wanted (heard between two rules).
  const cancelled = new Set<number>();
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'bundled') {
      bundled = message.data;
      return;
    }
    if (message.kind === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    idle.queued();
    turn = turn.then(() => (message.kind === 'file' ? serveFile(port, message.id, message.job) : serveAnalysis(message))).then(idle.done);
  });
  // (A job that came as an edit of a text this worker does not hold is asked for again, with its text.)
  const serveAnalysis = (message: AnalyzeMessage): Promise<void> | undefined => withText(message, recent, port, (job) => serve(message.id, job, message));
  // When no job is left, the heap is collected if it grew (idleCollector).
  const idle = idleCollector(!!(workerData as Record<string, unknown> | undefined)?.[COLLECT_WHEN_IDLE]);
  const serve = async (id: number, job: AnalysisJob, bases: { readonly base?: number; readonly findingsBase?: number; readonly describedBase?: number }): Promise<void> => {
    const { base, findingsBase, describedBase } = bases;
    // A cancel heard after its job was done is forgotten (jobs come in the order of their ids).
    for (const old of cancelled) if (old < id) cancelled.delete(old);
    try {
      const glossary = glossaryOf(job, folderOf, glossaries);
      // An open document (a job with checks) is analyzed from its previous version where only a
      // stretch changed (engine/incremental.ts); its line index is made from that version's too.
      const last = job.checks ? recent.take(job.uri) : undefined;
      const change = last && changedStretch(last.doc.text, job.text);
      const lines = last && change ? last.doc.lines.edited(job.text, change) : new LineIndex(job.text);
      const options = analyzeOptionsOf(job, glossary, lines);
      // With the same options; else whole.
      const made =
        last && sameAnalyzeOptions(last.options, options)
          ? reanalyze(last.analysis, job.text, options)
          : { result: analyzeWhole(job.text, options), how: 'whole' as const };
      const whole = made.result;
      const analysis = whole.analysis;
      const doc: IndexedDocument = { uri: job.uri, version: 0, text: job.text, lines, metadata: analysis.metadata, analysis, known: job.known };
      const kept: RecentAnalysis | undefined = job.checks && !job.once ? { analysis: whole, doc, options, sentAs: id } : undefined;
      if (job.checks) {
        // What the rules keep per version is made from the previous version's (kept with it).
        if (last) versionFollows(doc, last.doc);
        if (kept) recent.keep(job.uri, kept);
      }
      const findingsBefore = last && change ? findingsHeldOf(last, change, findingsBase) : undefined;
      if (kept && findingsBefore) kept.findingsOf = findingsBefore;
      const takeOver = perReferenceBefore(job, last, made, kept);
      // A stretch analysis of the version the main thread holds goes as what it adds to that one.
      const delta = (): AnalysisDelta | undefined => (last && base === last.sentAs && 'reuse' in made ? analysisDelta(last.analysis.analysis, made) : undefined);
      if (keptForNextVersion(job)) {
        // A newer version came while this one was analyzed (its cancel is heard now): the analysis
        // stays here for the next version, and nothing more is made of it. Only what it changed goes,
        // so that the main thread holds it too (the next version's then goes as what changed against
        // it); when that cannot be said, nothing (the next version goes whole).
        await yieldToEventLoop();
        if (cancelled.delete(id)) {
          const changed = delta();
          port.postMessage((changed ? { id, delta: changed, base: base!, cancelled: true } : { id, laterFindings: [], cancelled: true }) satisfies FromWorker);
          return;
        }
      }
      const analysisChanged = delta();
      // The descriptions likewise, beside an analysis delta (of the version whose descriptions the main thread has).
      const describedBefore = analysisChanged && last?.sentDescribed && change && describedBase === last.sentAs ? { described: last.sentDescribed, change } : undefined;
      const answered = answer(port, id, { job, doc, lines, how: made.how, delta: analysisChanged && { delta: analysisChanged, base: base! }, glossaries, findingsBefore, describedBefore, kept, perReferenceBefore: takeOver }, cancelled);
      await answered.finally(() => forgetLineage(analysis));
    } catch (e) {
      port.postMessage(errorReply(id, e));
    }
  };
}

/**
 * The per-reference rules' findings of the version before, taken over where the edit kept their
 * references (perReference.ts) under the same checks: how this analysis was made of that one is
 * recorded for them (and forgotten once they are made). The checks are kept with this version.
 */
function perReferenceBefore(job: AnalysisJob, last: RecentAnalysis | undefined, made: Reanalysis | { readonly how: 'whole' }, kept: RecentAnalysis | undefined): ReadonlyMap<string, PreviousReferenceFindings> | undefined {
  const checksKey = job.checks ? JSON.stringify(job.checks) : undefined;
  if (kept) kept.checksKey = checksKey;
  if (!last?.perReference || last.checksKey !== checksKey || made.how !== 'stretch' || !('reuse' in made)) return undefined;
  recordReanalysisLineage(last.analysis.analysis, made);
  return last.perReference;
}

/** The glossary of a job's document, its folder's glossary file as the job says it is now. */
function glossaryOf(job: AnalysisJob, folderOf: Map<string, string>, glossaries: GlossaryCatalog): ReturnType<GlossaryCatalog['forDocument']> {
  if (job.glossaryFolder === undefined) folderOf.delete(job.uri);
  else {
    folderOf.set(job.uri, job.glossaryFolder);
    if (job.glossaryFile) glossaries.setFolder(job.glossaryFolder, job.glossaryFile.uri, job.glossaryFile.text);
    else glossaries.removeFolder(job.glossaryFolder);
  }
  return glossaries.forDocument(job.uri);
}

/**
 * The findings the main thread holds (those of the job `findingsBase`) and where the new version's
 * text differs from that job's: what the new version's findings go as a change of. Those of the
 * version before (`last`, whose text differs in `change`), or — when the main thread holds none of it:
 * it was dropped before they were made, or while they were on their way — those of an earlier one,
 * the stretches since composed. Undefined when the main thread holds neither.
 */
function findingsHeldOf(last: RecentAnalysis, change: ChangedStretch, findingsBase: number | undefined): NonNullable<RecentAnalysis['findingsOf']> | undefined {
  if (last.sentFindings && findingsBase === last.sentAs) return { base: last.sentAs, findings: last.sentFindings, change };
  if (!last.findingsOf || findingsBase !== last.findingsOf.base) return undefined;
  return { ...last.findingsOf, change: composeStretch(last.findingsOf.change, change.start, change.oldEnd, change.newEnd - change.start) };
}

/**
 * Serves a posted job with its text: as posted, or made from the text of the job its edit was made
 * against, which the worker keeps; when it does not (another job's, or none), the main thread is told
 * to post the job again with its text. Where the two texts differ is told to changedStretch as
 * comparing them would find it, read around the edit only.
 */
function withText(message: AnalyzeMessage, recent: RecentByUri<RecentAnalysis>, port: MessagePort, serve: (job: AnalysisJob) => Promise<void>): Promise<void> | undefined {
  const { job, edit } = message;
  if (!edit) return serve(job as AnalysisJob);
  const base = recent.peek(job.uri);
  const before = base?.doc.text ?? '';
  if (!base || base.sentAs !== edit.base || !(edit.start >= 0 && edit.start <= edit.oldEnd && edit.oldEnd <= before.length && before.length - (edit.oldEnd - edit.start) + edit.text.length === edit.length)) {
    port.postMessage({ id: message.id, needText: true } satisfies FromWorker);
    return undefined;
  }
  const text = before.slice(0, edit.start) + edit.text + before.slice(edit.oldEnd);
  rememberChangedStretch(before, text, canonicalStretch(before, text, { start: edit.start, oldEnd: edit.oldEnd, newEnd: edit.start + edit.text.length }));
  return serve({ ...job, text });
}

/** What a job is analyzed with: its facts and date, what it leaves out, its glossary (unless without instruments). */
function analyzeOptionsOf(job: AnalysisJob, glossary: { readonly matcher: InstrumentMatcher; readonly senses: InstrumentSenses }, lines: LineIndex): AnalyzeOptions {
  return {
    known: job.known,
    ...(job.withoutInstruments ? {} : { instruments: glossary.matcher, senses: glossary.senses }),
    ...(job.citationsOnly ? { citationsOnly: true } : {}),
    ...(job.metadataOnly ? { metadataOnly: true } : {}),
    ...(job.documentDate ? { documentDate: job.documentDate } : {}),
    lines,
  };
}

/**
 * Sends a job's analysis (or its delta) with what the main thread needs beside it, and the findings
 * of the rules that read only the document: for an open document (a job with checks that later
 * versions follow) after the analysis, in a message of their own, so that the main thread uses the
 * analysis meanwhile; otherwise with it.
 */
async function answer(
  port: MessagePort,
  id: number,
  a: {
    readonly job: AnalysisJob;
    readonly doc: IndexedDocument;
    readonly lines: LineIndex;
    readonly how: AnalyzedElsewhere['how'];
    readonly delta: { readonly delta: AnalysisDelta; readonly base: number } | undefined;
    readonly glossaries: GlossaryCatalog;
    /** The findings the main thread holds of the document's version before (job `base`), and where the text changed since. */
    readonly findingsBefore?: { readonly base: number; readonly findings: RuleFindings; readonly change: ChangedStretch } | undefined;
    /** The citations' descriptions sent of the document's version before (beside an analysis delta), and where the text changed since. */
    readonly describedBefore?: { readonly described: Described; readonly change: ChangedStretch } | undefined;
    /** What the worker keeps of this version for the next: the findings and descriptions sent are kept with it. */
    readonly kept?: RecentAnalysis | undefined;
    /** The per-reference rules' findings of the version before, to take over (perReference.ts). */
    readonly perReferenceBefore?: ReadonlyMap<string, PreviousReferenceFindings> | undefined;
  },
  cancelled: Set<number>,
): Promise<void> {
  const { job, doc, lines, delta } = a;
  const analysis = doc.analysis;
  const apart = keptForNextVersion(job);
  // The rules that read only the document run here too (with their per-version preparation:
  // sentences, lookups); those that read the workspace are left to the main thread.
  /** References whose findings the per-reference rules took over from the version before. */
  let takenOver = 0;
  const ruleFindings = (stop?: () => Promise<boolean>): Promise<RuleFindings> =>
    documentOnlyFindings(job.checks!, doc, a, stop, (taken) => (takenOver += taken));
  const findings = job.checks && !apart ? await ruleFindings() : undefined;
  // What the rules left to the main thread need of the document (and hovers: the sentences).
  const prepared = job.checks ? prepareDocument(doc) : undefined;
  // The rules' shared word index, read here too: the main thread takes it over as it is. Not for
  // a file of a workspace scan (no checks): its findings are seldom asked, its memory would stay.
  // Not for a stretch analysis either: what the main thread's line passes read of the next version is
  // made from what they found in this one and the words around the change (12 MB of arrays copied
  // on every keystroke of a 5 MB letter before).
  const words = job.checks && a.how !== 'stretch' ? wordsToHandOver(doc) : undefined;
  const lineStarts = lines.startsData();
  // An open document's citations as the index keeps them, made here rather than in the main thread.
  const citations = job.checks ? citationList(analysis.references) : undefined;
  const buffers = [lineStarts, ...(citations ? [citations.found] : []), ...(words ? [words.starts, words.ends, words.wordOf, words.firstRun, words.runsByWord] : []), ...(prepared ? [prepared.sentences] : [])].map((x) => x.buffer as ArrayBuffer);
  if (a.kept && prepared) a.kept.sentDescribed = prepared.described;
  const sentPrepared = prepared && a.describedBefore ? preparedChange(prepared, a.describedBefore) : prepared;
  port.postMessage(
    { id, ...(delta ? { delta: delta.delta, base: delta.base } : { analysis }), lineStarts, how: a.how, ...(citations ? { citations } : {}), ...(words ? { words } : {}), ...(findings ? { findings } : {}), ...(sentPrepared ? { prepared: sentPrepared } : {}), ...(apart ? { findingsFollow: true as const } : {}) } satisfies FromWorker,
    buffers,
  );
  if (!apart) return;
  // Between rules the worker hears whether the findings are still wanted (a newer version came).
  const stop = async (): Promise<boolean> => {
    await yieldToEventLoop();
    return cancelled.has(id);
  };
  const laterFindings = await ruleFindings(stop);
  const stopped = cancelled.delete(id);
  if (stopped) {
    // (What was made of them is not wanted: none is copied over.)
    port.postMessage({ id, laterFindings: [], cancelled: true } satisfies FromWorker);
    return;
  }
  // The main thread keeps these with this version's analysis: the next version's go as what changed.
  if (a.kept) a.kept.sentFindings = laterFindings;
  const before = a.findingsBefore;
  const sent = before ? findingsDelta(before.base, before.findings, laterFindings, job.uri, before.change.oldEnd, before.change.newEnd - before.change.oldEnd) : laterFindings;
  port.postMessage({ id, laterFindings: sent, ...(takenOver ? { taken: takenOver } : {}) } satisfies FromWorker);
}

/**
 * The findings of the rules of `checks` that read only the document; the per-reference rules take
 * over those of the version before (`perReferenceBefore`), and what they make now is kept with this
 * version for the next (not of a version checked once). `taken` hears how many references took theirs over.
 */
async function documentOnlyFindings(
  checks: DocumentChecks,
  doc: IndexedDocument,
  a: { readonly glossaries: GlossaryCatalog; readonly kept?: RecentAnalysis | undefined; readonly perReferenceBefore?: ReadonlyMap<string, PreviousReferenceFindings> | undefined },
  stop: (() => Promise<boolean>) | undefined,
  taken: (count: number) => void,
): Promise<RuleFindings> {
  const { codes, settings, locale, today, online } = checks;
  const rules = codes.map((code) => ALL_RULES.find((r) => r.code === code)).filter((r) => r !== undefined);
  const madeNow = a.kept ? new Map<string, PreviousReferenceFindings>() : undefined;
  const perReference = madeNow && {
    ...(a.perReferenceBefore ? { previous: a.perReferenceBefore } : {}),
    made: (code: string, made: PreviousReferenceFindings, count: number) => {
      madeNow.set(code, made);
      taken(count);
    },
  };
  const found = await computeDocumentOnlyFindings(doc, { locale, today, online, glossaries: a.glossaries }, settings, rules, stop, perReference);
  if (a.kept && madeNow) a.kept.perReference = madeNow;
  return found;
}

/** The prepared data with its descriptions as what changed against those sent of the version before. */
function preparedChange(prepared: PreparedDocument, before: { readonly described: Described; readonly change: ChangedStretch }): PreparedChange {
  const { oldEnd, newEnd } = before.change;
  return { sentences: prepared.sentences, describedDelta: describedDelta(before.described, prepared.described, oldEnd, newEnd - oldEnd) };
}

/** The document's word index as plain data, its arrays copied: the worker keeps its own, to make the next version's from. */
function wordsToHandOver(doc: IndexedDocument): DocumentWordsData {
  const read = DocumentWords.of(doc).data();
  return { ...read, starts: read.starts.slice(), ends: read.ends.slice(), wordOf: read.wordOf.slice(), firstRun: read.firstRun.slice(), runsByWord: read.runsByWord.slice() };
}

/** Answers a file job: what the index keeps of the file, or why it was not read. */
function serveFile(port: MessagePort, id: number, job: SizedFileJob): void {
  try {
    // Copied, not transferred: for arrays of a few KB a transfer costs more (measured: 0.08–0.12 ms a
    // file against 0.05–0.07, the whole reply).
    port.postMessage({ id, file: readAndAnalyzeFile(job) } satisfies FromWorker);
  } catch (e) {
    port.postMessage(errorReply(id, e));
  }
}

/** The answer to a job that threw. */
function errorReply(id: number, e: unknown): FromWorker {
  return { id, error: { message: (e as Error)?.message ?? String(e), ...((e as Error)?.stack ? { stack: (e as Error).stack! } : {}) } };
}

/**
 * A file of a workspace scan, read here (as readTextFile reads it) and analyzed for the index's entry
 * (entryAnalysis, as WorkspaceIndex.update with `keep: 'entry'` analyzes it). Of the analysis only
 * what the entry keeps goes back: the metadata and the citations as plain numbers (citationList), with
 * the hash of the bytes read; or only that they hash as the job expected (an index cache's entry stands).
 */
function readAndAnalyzeFile(job: SizedFileJob): AnalyzedFile | 'declined' {
  if (job.atMostBytes !== undefined && fileSize(job.file) > job.atMostBytes) return 'declined';
  const read = readHashedTextFileSync(job.file, job.maxBytes, job.expect);
  if ('unchanged' in read) return read;
  if (!read.ok) return { unread: { reason: read.reason, detail: read.detail } };
  const lines = new LineIndex(read.text);
  const analysis = entryAnalysis(read.text, { known: job.known, ...(job.documentDate ? { documentDate: job.documentDate } : {}) }, lines);
  return {
    hash: read.hash,
    encoding: read.encoding,
    ...(read.invalid ? { invalid: read.invalid } : {}),
    length: read.text.length,
    lineStarts: lines.startsData(),
    metadata: analysis.metadata,
    citations: citationList(analysis.references),
  };
}

/** A file's size in bytes (0 when it cannot be told: reading it then says why). */
function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * What was made in steps of a reply's changes before the reply was taken, with what it was made of
 * (taken only while that is still what this thread holds).
 */
interface MadeInSteps {
  readonly described?: { readonly from: Described; readonly value: Described };
  readonly findings?: { readonly from: RuleFindings; readonly value: RuleFindings };
}

interface RecentAnalysis {
  readonly analysis: WholeAnalysis;
  /** The findings sent of it (those that follow the analysis), once sent. */
  sentFindings?: RuleFindings;
  /**
   * Until they are sent (none are, of a version dropped while it was analyzed): the findings the main
   * thread holds of an earlier job of the document, and where this version's text differs from that
   * job's — what the next version's findings go as a change of.
   */
  findingsOf?: { readonly base: number; readonly findings: RuleFindings; readonly change: ChangedStretch };
  /** The citations' descriptions sent of it. */
  sentDescribed?: Described;
  /** The checks it was made with (as sent), and what the per-reference rules made of it: the next version takes those over under the same checks. */
  checksKey?: string | undefined;
  perReference?: ReadonlyMap<string, PreviousReferenceFindings>;
  /** The document version it is of (its line index keys the rules' word index of that version). */
  readonly doc: IndexedDocument;
  /** The id of the job whose answer sent it. */
  readonly sentAs: number;
  /** The options it was made with (glossary, facts, date). */
  readonly options: AnalyzeOptions;
}

/**
 * What is kept of each of the most recently analyzed open documents (the main thread's received
 * analyses and posted texts, the worker's last analyses): at most `most`, the least recently kept
 * let go first.
 */
class RecentByUri<T> {
  private readonly byUri = new Map<string, T>();

  constructor(private readonly most: number) {}

  /** What is kept of the document, left in. */
  peek(uri: string): T | undefined {
    return this.byUri.get(uri);
  }

  /** What is kept of the document, taken out (a job that fails leaves none behind). */
  take(uri: string): T | undefined {
    const found = this.byUri.get(uri);
    this.byUri.delete(uri);
    return found;
  }

  /** Keeps this for the document, as the most recent. */
  keep(uri: string, value: T): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, value);
    if (this.byUri.size > this.most) this.byUri.delete(this.byUri.keys().next().value!);
  }

  clear(): void {
    this.byUri.clear();
  }
}

/** A full collection when idle once the heap grew past this many times what the last one left, plus IDLE_COLLECTION_SLACK. */
const IDLE_COLLECTION_GROWTH = 1.25;
const IDLE_COLLECTION_SLACK = 32 * 1024 * 1024;

/**
 * What the worker calls when it has no job left: a full collection of its heap when the heap grew
 * well past what the last collection left. An open document's versions are analyzed one from the
 * other in one worker (a superseded version is finished, not stopped), and V8 then lets the heap grow
 * to several times its live data while edits come quickly: 200 edits of a 1 MB letter peaked at
 * 700–970 MB, ~380 MB with this. The collection runs while no one waits for the worker (a job that
 * comes meanwhile waits for it, tens of milliseconds). Only the editor's worker (`on`): the workers
 * that read a workspace's files are idle between batches, and collecting there slowed indexing by a
 * tenth. Without `gc` (not exposable), nothing is done.
 */
function idleCollector(on: boolean): { readonly queued: () => void; readonly done: () => void } {
  /** Jobs received and not yet done. */
  let waiting = 0;
  let live = 0;
  let gc: (() => void) | null | undefined = on ? undefined : null;
  return {
    queued: () => void waiting++,
    done: () => {
      if (--waiting > 0 || gc === null || v8.getHeapStatistics().used_heap_size <= IDLE_COLLECTION_GROWTH * live + IDLE_COLLECTION_SLACK) return;
      gc ??= exposedGc();
      gc?.();
      live = v8.getHeapStatistics().used_heap_size;
    },
  };
}

/**
 * V8's `gc`, made at the first need (not at start-up), with the flags set back at once: V8's code cache
 * (dist/server.js starts from it) is only taken by a process with the flags it was written with.
 * Null when it cannot be had.
 */
function exposedGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

/** True in a thread started as the analysis worker. */
export const isAnalysisWorker = !isMainThread && !!(workerData as Record<string, unknown> | undefined)?.[WORKER_MARK];

if (isAnalysisWorker) serveAnalyses();
