/**
 * Rules that read one reference at a time: whether and which findings a reference gets depends only
 * on that reference (every field of it), on what the rule reads around it (`readsAround`: a
 * deadline's status), the settings, the date, the messages' language, the
 * document's metadata and what the catalog says — not on other references or on the workspace index.
 * Such a rule says so by giving `checkReference` instead of a loop of its own (`perReferenceRule`).
 *
 * Then an edited version's findings need not be made again for every reference: a reference the
 * edit left as it was (kept before it, moved after it: engine/lineage.ts) that reads around it what
 * it read before (compared moved: `ReadAround.same`) keeps the version before's findings, moved with
 * it; only the others are checked (`referenceFindings`). A 5 MB letter's thousands of citations and
 * deadlines cost `kamerstuk-unknown`, `document-replaced` and the deadline rules 1–5 ms each per
 * keystroke (a catalog question per paper, a message per finding); now they cost the references
 * around the edit and, for a rule that reads around them, one comparison per reference.
 *
 * Each finding made is kept with the index of its reference (`owners`), and what each reference
 * read (`around`), so the next version finds those of the references it keeps. Whether the version
 * before's findings hold still (the same settings, date, glossary and catalog) is the caller's to tell
 * (`PreviousReferenceFindings`; service/findingsCache.ts).
 */
import { lineageOf, patchedWalker, previousIndex } from '../../engine/lineage';
import type { Reference } from '../../engine/model';
import { lowerBound } from '../../engine/sortedOffsets';
import type { Finding } from '../model';
import type { DiagnosticRule, RuleContext } from './model';
import { moved } from './moving';

/**
 * What a rule reads beside a reference itself (a deadline's status, which its sentence decides):
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
 * document's analysis was made of (engine/lineage.ts), the references kept or moved that read around
 * them what they read before take theirs over, moved by the edit, and only the others are checked;
 * `taken` counts the references that took theirs over. Without (another version before, or none),
 * every reference of the rule's kinds is checked.
 */
export async function referenceFindings(rule: PerReferenceRule, ctx: RuleContext, previous?: PreviousReferenceFindings): Promise<ReferenceFindings & { readonly taken: number }> {
  const analysis = ctx.doc.analysis;
  const refs = analysis.references;
  const lineage = lineageOf(analysis);
  const from = previous && lineage?.previous === previous.analysis && (!rule.readsAround || previous.around) ? previous : undefined;
  const mine = referencesOfKinds(analysis, rule.kinds);
  const checkCtx = withoutIndex(ctx);
  const reads = rule.readsAround;
  const around: unknown[] | undefined = reads ? new Array<unknown>(refs.length) : undefined;
  const findings: Finding[] = [];
  const owners: number[] = [];
  const check = async (i: number, read: unknown): Promise<void> => {
    const made = rule.checkReference(refs[i]!, checkCtx, read);
    const own = made instanceof Promise ? await made : made;
    if (own) for (const f of own) (findings.push(f), owners.push(i));
  };
  if (!from || !lineage) {
    for (const i of mine) {
      const read = reads?.of(refs[i]!, checkCtx);
      if (around) around[i] = read;
      await check(i, read);
    }
    return done(findings, owners, around, 0);
  }
  const at = lineage.change.oldEnd;
  const shift = lineage.change.newEnd - lineage.change.oldEnd;
  // The version before's findings of the references `j` in [lo, hi), taken over as those of `j - off`.
  let k = 0;
  const take = (lo: number, hi: number, off: number): void => {
    k = lowerBound(from.owners, lo, k);
    for (; k < from.owners.length && from.owners[k]! < hi; k++) {
      findings.push(moved(from.findings[k]!, ctx.doc.uri, at, shift));
      owners.push(from.owners[k]! - off);
    }
  };
  let taken = 0;
  if (!reads) {
    // Runs of references kept (before the stretch read again, or after it) take their findings over
    // at once; a run ends at a patched reference (checked), at one of the stretch (checked), and at
    // the end of its part (the version before's references between the parts are not this one's).
    const isPatched = patchedWalker(lineage);
    const partEnd = (i: number): number => (i < lineage.prefix ? lineage.prefix : refs.length);
    let run = -1;
    let runOff = 0;
    const endRun = (until: number): void => {
      if (run >= 0) take(run + runOff, Math.min(until, partEnd(run)) + runOff, runOff);
      run = -1;
    };
    for (const i of mine) {
      const j = isPatched(i) ? -1 : previousIndex(lineage, i);
      if (j >= 0 && run >= 0 && partEnd(i) === partEnd(run)) {
        taken++;
        continue;
      }
      endRun(i);
      if (j < 0) {
        await check(i, undefined);
        continue;
      }
      run = i;
      runOff = j - i;
      taken++;
    }
    endRun(refs.length);
    return done(findings, owners, undefined, taken);
  }
  const isPatched = patchedWalker(lineage);
  for (const i of mine) {
    const read = reads.of(refs[i]!, checkCtx);
    around![i] = read;
    const j = isPatched(i) ? -1 : previousIndex(lineage, i);
    // Kept by the edit, and reading around it what it read before.
    if (j >= 0 && reads.same(from.around![j], read, at, shift)) {
      take(j, j + 1, j - i);
      taken++;
    } else await check(i, read);
  }
  return done(findings, owners, around, taken);
}

function done(findings: Finding[], owners: number[], around: unknown[] | undefined, taken: number): ReferenceFindings & { readonly taken: number } {
  return { findings, owners: Int32Array.from(owners), ...(around ? { around } : {}), taken };
}

/** The indices of an analysis's references of some kinds, in order (made once per analysis and kinds). */
const byKinds = new WeakMap<readonly Reference[], Map<string, Int32Array>>();
function referencesOfKinds(analysis: RuleContext['doc']['analysis'], kinds: readonly Reference['kind'][]): Int32Array {
  const refs = analysis.references;
  let made = byKinds.get(refs);
  if (!made) byKinds.set(refs, (made = new Map()));
  const key = kinds.join(',');
  let out = made.get(key);
  if (!out) {
    const wanted = new Set<string>(kinds);
    const list: number[] = [];
    for (let i = 0; i < refs.length; i++) if (wanted.has(refs[i]!.kind)) list.push(i);
    made.set(key, (out = Int32Array.from(list)));
  }
  return out;
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
