/**
 * The findings of each document version, kept so nothing is computed twice. A document's findings
 * are kept per analysis (one per text, facts and glossary) and per "local" state — the settings, the
 * date, the document's glossary and glossary file — and each rule's findings beside them, with
 * whether the rule read the workspace (index, catalog). A change elsewhere in the workspace (another
 * document indexed or removed, news in the catalog) advances the workspace generation: only the rules
 * that read the workspace run again; the others' findings are reused. A second request for the same
 * version under the same state gets the same findings at once.
 */
import { forgetLineage } from '../engine/lineage';
import type { DocumentAnalysis } from '../engine/model';
import type { CachedRuleFindings, RuleFindingsCache } from '../features/diagnostics/run';
import type { CheckedFinding, Finding, IndexedDocument } from '../features/model';

interface RuleEntry extends CachedRuleFindings {
  /** The workspace generation the findings were computed at (they read the workspace). */
  readonly generation: number;
  /** What the catalog answered when they were computed (see `catalogState`): a per-reference rule's next version takes them over while it is so. */
  readonly catalogState: string;
}

/** What the version before of a document was checked with: a per-reference rule's next findings are made from its. */
interface VersionBefore {
  readonly analysis: DocumentAnalysis;
  readonly local: readonly unknown[];
  readonly rules: ReadonlyMap<string, RuleEntry>;
}

interface DocumentEntry {
  readonly analysis: DocumentAnalysis;
  readonly text: string;
  /** The local state the entry is for (another state gets another entry). */
  readonly local: readonly unknown[];
  readonly rules: Map<string, RuleEntry>;
  /** The whole result, and the generation it holds for (undefined: it read nothing of the workspace). */
  final?: { readonly result: CheckedFinding[]; readonly generation: number | undefined };
  /** A computation under way for this state (a second caller shares it). */
  running?: { readonly promise: Promise<CheckedFinding[]>; readonly generation: number };
  /** Findings made elsewhere that are still to come (see `seedLater`): settled once they are kept (or not coming). */
  pending?: Promise<void>;
  /** The entry of the document's version before, until this one's findings are made (one step: never the one before that). */
  before?: VersionBefore;
}

export class FindingsCache {
  private generation = 0;
  /** Counts the catalog's news (a fetch brought facts, the sources were reloaded). */
  private catalogChanges = 0;

  constructor(
    /** Changes whenever the workspace's documents' identities, titles or dates may have (WorkspaceIndex.factsStamp): what the catalog says of them. */
    private readonly factsStamp: () => number = () => 0,
  ) {}

  /** What the catalog answers changed (news fetched, sources reloaded): per-reference rules take nothing over across it. */
  catalogChanged(): void {
    this.catalogChanges++;
  }

  /** Stands for what the catalog answers now: equal states, equal answers. */
  private catalogState(): string {
    return `${this.catalogChanges}:${this.factsStamp()}`;
  }
  private readonly documents = new Map<string, DocumentEntry>();
  /** The rules that read the workspace when they last ran (on any document). */
  private readonly workspaceRules = new Set<string>();

  /** True for a rule that read the workspace when it last ran (on any document). */
  readsWorkspace(code: string): boolean {
    return this.workspaceRules.has(code);
  }

  /** The workspace changed (a document indexed or removed, the catalog's facts): rules that read it run again. */
  workspaceChanged(): void {
    this.generation++;
  }

  /** Forgets a document's kept findings; with `analysis`, only those kept for that analysis (not a newer version's). */
  forget(uri: string, analysis?: IndexedDocument['analysis']): void {
    if (analysis && this.documents.get(uri)?.analysis !== analysis) return;
    this.documents.delete(uri);
  }

  /**
   * Keeps rules' findings of a document version under `local`, computed elsewhere (beside the
   * analysis, in the worker) by rules that read only the document: they hold in every workspace
   * generation. Rules already kept are left as they are. Returns how many were kept.
   */
  seed(doc: IndexedDocument, local: readonly unknown[], rules: readonly { readonly code: string; readonly findings: readonly Finding[] }[]): number {
    const entry = this.entryOf(doc, local);
    let count = 0;
    for (const { code, findings } of rules) {
      if (entry.rules.has(code)) continue;
      entry.rules.set(code, { findings, readsWorkspace: false, generation: this.generation, catalogState: this.catalogState() });
      count++;
    }
    return count;
  }

  /**
   * As `seed`, for findings still being made elsewhere: a computation of this version's findings
   * meanwhile waits for them first (`RuleFindingsCache.pending`) and runs itself only the rules whose
   * findings did not come. `count` hears how many were kept.
   */
  seedLater(doc: IndexedDocument, local: readonly unknown[], later: Promise<readonly { readonly code: string; readonly findings: readonly Finding[] }[] | undefined>, count: (kept: number) => void): void {
    const entry = this.entryOf(doc, local);
    const pending: Promise<void> = later
      .then((rules) => {
        // Kept while this entry (this state) is still the document's.
        if (rules && this.documents.get(doc.uri) === entry) count(this.seed(doc, local, rules));
      })
      .catch(() => undefined)
      .finally(() => {
        if (entry.pending === pending) entry.pending = undefined;
      });
    entry.pending = pending;
  }

  /**
   * The entry of a document version under `local`: a new one for another analysis, text or local
   * state. (Never the old one emptied: a computation under the old state still running writes into
   * its own entry, which is no longer the document's, so none of its findings is kept for the new state.)
   */
  private entryOf(doc: IndexedDocument, local: readonly unknown[]): DocumentEntry {
    let entry = this.documents.get(doc.uri);
    if (!entry || entry.analysis !== doc.analysis || entry.text !== doc.text || !sameItems(entry.local, local)) {
      const before: VersionBefore | undefined = entry && { analysis: entry.analysis, local: entry.local, rules: entry.rules };
      entry = { analysis: doc.analysis, text: doc.text, local, rules: new Map(), ...(before ? { before } : {}) };
      this.documents.set(doc.uri, entry);
    }
    return entry;
  }

  /**
   * The findings of a document version under `local` (the settings, date and glossary objects it is
   * checked with): kept ones when valid, else `compute` with a per-rule cache. Concurrent callers for
   * the same state share one computation.
   */
  findings(doc: IndexedDocument, local: readonly unknown[], compute: (cache: RuleFindingsCache) => Promise<CheckedFinding[]>): Promise<CheckedFinding[]> {
    const entry = this.entryOf(doc, local);
    const generation = this.generation;
    if (entry.final && (entry.final.generation === undefined || entry.final.generation === generation)) return Promise.resolve(entry.final.result);
    if (entry.running && entry.running.generation === generation) return entry.running.promise;
    const current = entry;
    const catalogState = this.catalogState();
    let readsWorkspace = false;
    const cache: RuleFindingsCache = {
      get: (code) => {
        const kept = current.rules.get(code);
        if (!kept || (kept.readsWorkspace && kept.generation !== generation)) return undefined;
        readsWorkspace ||= kept.readsWorkspace;
        return kept;
      },
      set: (code, findings) => {
        readsWorkspace ||= findings.readsWorkspace;
        current.rules.set(code, { ...findings, generation, catalogState });
        if (findings.readsWorkspace) this.workspaceRules.add(code);
        else this.workspaceRules.delete(code);
      },
      pending: () => current.pending,
      readsWorkspace: (code) => this.readsWorkspace(code),
      previous: (code) => {
        const before = current.before;
        const kept = before?.rules.get(code);
        if (!before || !kept?.owners || kept.catalogState !== catalogState || !sameItems(before.local, current.local)) return undefined;
        return { analysis: before.analysis, findings: kept.findings, owners: kept.owners, ...(kept.around ? { around: kept.around } : {}), readsWorkspace: kept.readsWorkspace };
      },
    };
    const promise = compute(cache).then(
      (result) => {
        if (current.running?.promise === promise) current.running = undefined;
        // Kept only while this entry (this state) is still the document's.
        if (this.documents.get(doc.uri) === current) current.final = { result, generation: readsWorkspace ? generation : undefined };
        // Made: the version before (its findings, its analysis) can go.
        current.before = undefined;
        forgetLineage(current.analysis);
        return result;
      },
      (e: unknown) => {
        if (current.running?.promise === promise) current.running = undefined;
        throw e;
      },
    );
    current.running = { promise, generation };
    return promise;
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
