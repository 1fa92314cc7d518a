/**
 * Runs the diagnostics rules on one document: each rule's findings get the configured severity and
 * their place as a range, silencing comments are applied, and the result is sorted by place. A rule
 * that fails is reported and skipped; the others still run.
 */
import { messages } from '../../l10n';
import type { Range } from '../../engine/model';
import type { CheckedFinding, DiagnosticSettings, FeatureContext, Finding, IndexedDocument, Severity, SeverityName } from '../model';
import type { DiagnosticRule, RuleContext } from './model';
import { isPerReferenceRule, referenceFindings, type PreviousReferenceFindings } from './perReference';
import { suppressionsOf } from './suppressions';

/** The effective severity of a rule under the settings. */
export function severityOf(rule: DiagnosticRule, settings: DiagnosticSettings): SeverityName {
  return settings.severity[rule.code] ?? rule.defaultSeverity;
}

/** A rule's findings kept for a document version, and whether they read the workspace (index, catalog). */
export interface CachedRuleFindings {
  readonly findings: readonly Finding[];
  /** The rule read the workspace index or the catalog: its findings change when they change. */
  readonly readsWorkspace: boolean;
  /** A per-reference rule's findings: the index of each one's reference (perReference.ts). */
  readonly owners?: Int32Array;
  /** And what each reference read around it (perReference.ts `readsAround`). */
  readonly around?: readonly unknown[];
}

/** Where a document version's rule findings are kept between computations (the service's per-version cache). */
export interface RuleFindingsCache {
  /** The findings still valid for the rule, if any. */
  get(code: string): CachedRuleFindings | undefined;
  set(code: string, findings: CachedRuleFindings): void;
  /**
   * Settles when findings being made elsewhere are kept (undefined when none are coming): a
   * computation runs the rules that read the workspace meanwhile (`readsWorkspace`; those are not made
   * elsewhere), then waits for it, then runs what did not come.
   */
  pending?(): Promise<void> | undefined;
  /** True for a rule that read the workspace when it last ran (on any document): it is not made elsewhere. */
  readsWorkspace?(code: string): boolean;
  /**
   * A per-reference rule's findings of the version before, where they hold still (the same settings,
   * date, glossary and catalog): the references the edit kept take theirs over (perReference.ts).
   */
  previous?(code: string): (PreviousReferenceFindings & { readonly readsWorkspace: boolean }) | undefined;
}

export interface ComputeOptions {
  readonly cache?: RuleFindingsCache;
  /** Awaited between rules: the caller's event loop runs (a language server answers other requests). */
  readonly slice?: () => Promise<void>;
  /** Checked after every rule; an aborted computation throws its reason. */
  readonly signal?: AbortSignal;
  /** Called before a rule runs (not for findings taken from the cache): counts work in tests. */
  readonly onRule?: (code: string) => void;
  /** Called when a per-reference rule took the findings of `count` references over from the version before. */
  readonly onTaken?: (code: string, count: number) => void;
}

/** How many findings are turned into ranges between two slices. */
const SLICE_FINDINGS = 256;

/**
 * The findings of one document; a failing rule is reported through `onRuleError` and skipped. With a
 * cache, a rule whose findings are kept is not run again; each rule run is recorded with whether it
 * read the workspace (the index or the catalog), so a change elsewhere in the workspace reruns only
 * those rules.
 */
export async function computeFindings(
  doc: IndexedDocument,
  ctx: FeatureContext,
  settings: DiagnosticSettings,
  rules: readonly DiagnosticRule[],
  onRuleError: (code: string, error: unknown) => void = () => undefined,
  options: ComputeOptions = {},
): Promise<CheckedFinding[]> {
  const suppressions = suppressionsOf(doc);
  const m = messages(ctx.locale);
  // The rules ask the catalog about the same citations: each is asked of the sources once.
  const catalog = ctx.catalog.forOneComputation();
  const active = rules.filter((rule) => severityOf(rule, settings) !== 'off');
  /** Each rule's findings (none for a rule that failed), kept or made now. */
  const found = new Map<DiagnosticRule, readonly Finding[] | undefined>();
  const run = async (rule: DiagnosticRule): Promise<void> => {
    let findings = options.cache?.get(rule.code)?.findings;
    // Between rules (kept ones too: turning many findings into ranges takes a while on a large text).
    if (options.slice) await options.slice();
    if (options.signal?.aborted) throw options.signal.reason;
    if (!findings) {
      options.onRule?.(rule.code);
      const watched = watchedContext({ ...ctx, catalog, doc, settings, m });
      let owners: Int32Array | undefined;
      let around: readonly unknown[] | undefined;
      let readBefore = false;
      try {
        if (isPerReferenceRule(rule)) {
          const previous = options.cache?.previous?.(rule.code);
          const made = await referenceFindings(rule, watched.ctx, previous);
          ({ findings, owners, around } = made);
          // What the findings taken over read (the catalog) they still read.
          readBefore = made.taken > 0 && !!previous?.readsWorkspace;
          if (made.taken) options.onTaken?.(rule.code, made.taken);
        } else findings = await rule.check(watched.ctx);
      } catch (e) {
        onRuleError(rule.code, e);
        found.set(rule, undefined);
        return;
      }
      options.cache?.set(rule.code, { findings, readsWorkspace: readBefore || watched.readsWorkspace(), ...(owners ? { owners } : {}), ...(around ? { around } : {}) });
    }
    found.set(rule, findings);
  };
  // Findings being made elsewhere (see RuleFindingsCache.pending): the rules that read the workspace,
  // which are not, run meanwhile; then the rest waits for them, and what did not come runs here.
  const pending = options.cache?.pending?.();
  if (pending) {
    for (const rule of active) if (options.cache!.readsWorkspace?.(rule.code)) await run(rule);
    await pending;
  }
  for (const rule of active) if (!found.has(rule)) await run(rule);
  // In the rules' order, whatever order they ran in (findings at the same place keep that order).
  const out: CheckedFinding[] = [];
  let converted = 0;
  for (const rule of active) {
    const findings = found.get(rule);
    if (!findings) continue;
    const severity = severityOf(rule, settings);
    for (let k = 0; k < findings.length; k++) {
      if (options.slice && ++converted % SLICE_FINDINGS === 0) {
        await options.slice();
        if (options.signal?.aborted) throw options.signal.reason;
      }
      const f = findings[k]!;
      const range = doc.lines.rangeOf(f.span);
      if (suppressions.isSilenced(f.code, range.start.line)) continue;
      out.push(checkedFinding(f, severity as Severity, range, f.related && locatedPlaces(f.related, doc, ctx)));
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

/**
 * A finding with its severity and range (and its related places with theirs). Written out field by
 * field: a spread of findings of every rule's shape costs ten times as much (thousands of findings
 * on a large letter, on every version).
 */
function checkedFinding(f: Finding, severity: Severity, range: Range, related: CheckedFinding['related']): CheckedFinding {
  const out: { -readonly [K in keyof CheckedFinding]: CheckedFinding[K] } = { code: f.code, span: f.span, message: f.message, severity, range };
  if (f.fixes !== undefined) out.fixes = f.fixes;
  if (f.tags !== undefined) out.tags = f.tags;
  if (related !== undefined) out.related = related;
  return out;
}

/** Related places with their ranges, in their own document when the index has it (else this one's lines). */
function locatedPlaces(related: NonNullable<Finding['related']>, doc: IndexedDocument, ctx: FeatureContext): NonNullable<CheckedFinding['related']> {
  return related.map((r) => ({ uri: r.uri, span: r.span, message: r.message, range: (r.uri === doc.uri ? doc : (ctx.index.entry(r.uri) ?? doc)).lines.rangeOf(r.span) }));
}

/**
 * The context a rule gets, noting whether it reads the workspace index or the catalog: a rule that
 * does not reads only its document, the settings, the glossary and the date.
 */
function watchedContext(ctx: RuleContext): { readonly ctx: RuleContext; readsWorkspace(): boolean } {
  let reads = false;
  const { index, catalog } = ctx;
  const watched = { ...ctx };
  Object.defineProperty(watched, 'index', { enumerable: true, get: () => ((reads = true), index) });
  Object.defineProperty(watched, 'catalog', { enumerable: true, get: () => ((reads = true), catalog) });
  return { ctx: watched, readsWorkspace: () => reads };
}

/** What a rule read that `documentOnlyContext` does not give: the rule is run where the workspace is. */
const READS_WORKSPACE = new Error('the rule reads the workspace');

/**
 * The findings of the rules that read only their document, the settings, the glossary and the date,
 * computed where the workspace index and catalog are not (the analysis worker): a rule that touches
 * `index` or `catalog`, or fails, is left out (whatever it returned), so the caller runs it itself
 * with the workspace — and reports its failure there. Each result is what `rule.check` gives where the
 * workspace is, since the rule read nothing else.
 */
export async function computeDocumentOnlyFindings(
  doc: IndexedDocument,
  ctx: Omit<FeatureContext, 'index' | 'catalog'>,
  settings: DiagnosticSettings,
  rules: readonly DiagnosticRule[],
  /** Awaited before each rule; true stops the computation (the findings so far are returned). */
  stop?: () => Promise<boolean>,
  /**
   * The per-reference rules' findings of the version this one's analysis was made of (by code), taken
   * over where they hold (perReference.ts); `made` hears those made now, to hand on to the next.
   */
  perReference?: { readonly previous?: ReadonlyMap<string, PreviousReferenceFindings>; readonly made: (code: string, made: PreviousReferenceFindings, taken: number) => void },
): Promise<{ readonly code: string; readonly findings: readonly Finding[] }[]> {
  const m = messages(ctx.locale);
  const out: { code: string; findings: readonly Finding[] }[] = [];
  for (const rule of rules) {
    if (stop && (await stop())) break;
    let reads = false;
    const ruleCtx = { ...ctx, doc, settings, m } as RuleContext;
    Object.defineProperty(ruleCtx, 'index', { enumerable: true, get: () => ((reads = true), thrown()) });
    Object.defineProperty(ruleCtx, 'catalog', { enumerable: true, get: () => ((reads = true), thrown()) });
    try {
      let findings: readonly Finding[];
      if (perReference && isPerReferenceRule(rule)) {
        const made = await referenceFindings(rule, ruleCtx, perReference.previous?.get(rule.code));
        findings = made.findings;
        if (!reads) perReference.made(rule.code, { analysis: doc.analysis, findings, owners: made.owners, ...(made.around ? { around: made.around } : {}) }, made.taken);
      } else findings = await rule.check(ruleCtx);
      if (!reads) out.push({ code: rule.code, findings });
    } catch {
      // Run again by the caller (it reads the workspace, or it fails and the caller reports it).
    }
  }
  return out;
}

function thrown(): never {
  throw READS_WORKSPACE;
}
