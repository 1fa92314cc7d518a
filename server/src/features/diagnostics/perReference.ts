/**
 * Rules that read one reference at a time: whether and which findings a reference gets depends only
 * on that reference (every field of it), on what the rule reads around it (`readsAround`: a
 * deadline's status, what a citation describes), the settings, the date, the messages' language, the
 * document's metadata and what the catalog says — not on other references or on the workspace index.
 * Such a rule says so by giving `checkReference` instead of a loop of its own (`perReferenceRule`).
 *
 * Then an edited version's findings need not be made again for every reference: a reference the
 * edit left as it was (kept before it, moved after it: engine/lineage.ts) that reads around it what
 * it read before (compared moved: `ReadAround.same`) keeps the version before's findings, moved with
 * it; only the others are checked (`referenceFindings`). A 5 MB letter's thousands of citations and
 * deadlines cost `kamerstuk-unknown`, `document-replaced`, `citation-title-mismatch` and the deadline
 * rules 1–8 ms each per keystroke (a catalog question and a judgement per paper, a message per
 * finding); now they cost the references around the edit and one comparison per reference.
 *
 * Each finding made is kept with the index of its reference (`owners`), and what each reference
 * read (`around`), so the next version finds those of the references it keeps. Whether the version
 * before's findings hold still (the same settings, date, glossary and catalog) is the caller's to tell
 * (`PreviousReferenceFindings`; service/findingsCache.ts).
 */
import { lineageOf, patchedWalker, previousIndex } from '../../engine/lineage';
import type { Reference } from '../../engine/model';
import type { Finding } from '../model';
import type { DiagnosticRule, RuleContext } from './model';
import { moved } from './moving';

/**
 * What a rule reads beside a reference itself (its sentence's reading, what a citation describes):
 * made once per reference and version, and compared with what the reference read in the version
 * before — a reference the edit kept takes its findings over only when it reads the same.
 */
export interface ReadAround<I> {
  /** What the rule reads of the document around the reference (its `index` cannot be read). */
  of(r: Reference, ctx: RuleContext): I;
  /** Whether what a reference read in the version before, its places at or after `at` moved by `shift`, is what it reads now. */
  same(before: I, now: I, at: number, shift: number): boolean;
}

/** What a per-reference rule gives (see the module's comment). */
export interface PerReferenceSpec<I> extends Omit<DiagnosticRule, 'check'> {
  /** The kinds of reference it reads; the others get no findings. */
  readonly kinds: readonly Reference['kind'][];
  /** What it reads beside the reference, if anything (given to `checkReference`). */
  readonly readsAround?: ReadAround<I>;
  /**
   * The findings of one reference (none: undefined or empty), from the reference, what it reads
   * around it (`around`, with `readsAround`), the settings, date, language, the document's metadata
   * and the catalog. Each lies within the reference's span or what it read around it; its related
   * places and fixes are the reference's own places or those. The context's `index` cannot be read
   * (it throws).
   */
  checkReference(r: Reference, ctx: RuleContext, around: I | undefined): readonly Finding[] | undefined | Promise<readonly Finding[] | undefined>;
}

/** A rule that reads one reference at a time. */
export type PerReferenceRule = DiagnosticRule & PerReferenceSpec<unknown>;

/** A per-reference rule: `check` reads every reference of its kinds in order. */
export function perReferenceRule<I>(spec: PerReferenceSpec<I>): PerReferenceRule {
  const rule: PerReferenceRule = {
    ...(spec as PerReferenceSpec<unknown>),
    async check(ctx) {
      return (await referenceFindings(rule, ctx)).findings;
    },
  };
  return rule;
}

export function isPerReferenceRule(rule: DiagnosticRule): rule is PerReferenceRule {
  return typeof (rule as Partial<PerReferenceRule>).checkReference === 'function';
}

/** A rule's findings, each with the index of the reference it belongs to (in order of reference). */
export interface ReferenceFindings {
  readonly findings: readonly Finding[];
  readonly owners: Int32Array;
  /** With `readsAround`: what each reference of the rule's kinds read, by the reference's index. */
  readonly around?: readonly unknown[];
}

/** The findings a per-reference rule made of a version before, valid still (the same settings, date and catalog). */
export interface PreviousReferenceFindings extends ReferenceFindings {
  /** The analysis they were made of. */
  readonly analysis: RuleContext['doc']['analysis'];
}

/**
 * A per-reference rule's findings of a document. With the findings it made of the version the
 * document's analysis was made of (engine/lineage.ts), the references kept or moved take theirs over,
 * moved by the edit, and only the others are checked; `taken` counts the references that took theirs
 * over. Without (another version before, or none), every reference is checked.
 */
export async function referenceFindings(rule: PerReferenceRule, ctx: RuleContext, previous?: PreviousReferenceFindings): Promise<ReferenceFindings & { readonly taken: number }> {
  const refs = ctx.doc.analysis.references;
  const lineage = lineageOf(ctx.doc.analysis);
  const from = previous && lineage?.previous === previous.analysis ? previous : undefined;
  const kinds = new Set<string>(rule.kinds);
  const checkCtx = withoutIndex(ctx);
  const reads = rule.readsAround;
  const around: unknown[] | undefined = reads ? new Array<unknown>(refs.length) : undefined;
  const findings: Finding[] = [];
  const owners: number[] = [];
  let taken = 0;
  // The version before's findings, walked in order of their references (theirs are in order).
  let k = 0;
  const isPatched = from && lineage ? patchedWalker(lineage) : undefined;
  const at = lineage ? lineage.change.oldEnd : 0;
  const shift = lineage ? lineage.change.newEnd - lineage.change.oldEnd : 0;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (!kinds.has(r.kind)) continue;
    const read = reads ? reads.of(r, checkCtx) : undefined;
    if (around) around[i] = read;
    const j = from && lineage && !isPatched!(i) ? previousIndex(lineage, i) : -1;
    // Kept by the edit, and reading around it what it read before.
    if (j >= 0 && (!reads || (from!.around && reads.same(from!.around[j], read, at, shift)))) {
      while (k < from!.owners.length && from!.owners[k]! < j) k++;
      for (; k < from!.owners.length && from!.owners[k] === j; k++) {
        findings.push(moved(from!.findings[k]!, ctx.doc.uri, at, shift));
        owners.push(i);
      }
      taken++;
      continue;
    }
    const made = rule.checkReference(r, checkCtx, read);
    const own = made instanceof Promise ? await made : made;
    if (!own) continue;
    for (const f of own) {
      findings.push(f);
      owners.push(i);
    }
  }
  return { findings, owners: Int32Array.from(owners), ...(around ? { around } : {}), taken };
}

/** The rule's context with an `index` that throws when read: a per-reference rule reads no index. */
function withoutIndex(ctx: RuleContext): RuleContext {
  const out = Object.create(ctx) as RuleContext;
  Object.defineProperty(out, 'index', {
    get: () => {
      throw new Error('a per-reference rule reads no workspace index');
    },
  });
  return out;
}
