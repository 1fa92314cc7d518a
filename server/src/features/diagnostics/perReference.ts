/**
 * Rules that read one reference at a time: whether and which findings a reference gets depends only
 * on that reference (every field of it), the settings, the date, the messages' language and what the
 * catalog says — not on the text around it, on other references, on the document's metadata or on
 * the workspace index. Such a rule says so by giving `checkReference` instead of a loop of its own
 * (`perReferenceRule`).
 *
 * Then an edited version's findings need not be made again for every reference: the references the
 * edit left as they were (kept before it, moved after it: engine/lineage.ts) keep the version
 * before's findings, moved with them; only the references found anew or changed are checked
 * (`referenceFindings`). A 5 MB letter's thousands of Kamerstuk citations cost `kamerstuk-unknown`
 * and `document-replaced` 2–5 ms each per keystroke (a catalog question per paper, a message per
 * finding); now they cost the few citations around the edit.
 *
 * Each finding made is kept with the index of its reference (`owners`), so the next version finds
 * the findings of the references it keeps. Whether the version before's findings hold still (the
 * same settings, date and catalog) is the caller's to tell (`PreviousReferenceFindings`).
 */
import { lineageOf, patchedWalker, previousIndex } from '../../engine/lineage';
import type { Reference } from '../../engine/model';
import type { Finding } from '../model';
import type { DiagnosticRule, RuleContext } from './model';
import { moved } from './moving';

/** A rule that reads one reference at a time (see the module's comment). */
export interface PerReferenceRule extends DiagnosticRule {
  /** The kinds of reference it reads; the others get no findings. */
  readonly kinds: readonly Reference['kind'][];
  /**
   * The findings of one reference (none: undefined or empty). Each lies within the reference's span;
   * its related places and fixes read only the reference's own places. The context's `index` cannot
   * be read (it throws).
   */
  checkReference(r: Reference, ctx: RuleContext): readonly Finding[] | undefined | Promise<readonly Finding[] | undefined>;
}

/** A per-reference rule: `check` reads every reference of its kinds in order. */
export function perReferenceRule(spec: Omit<PerReferenceRule, 'check'>): PerReferenceRule {
  const rule: PerReferenceRule = {
    ...spec,
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
    const j = from && lineage && !isPatched!(i) ? previousIndex(lineage, i) : -1;
    if (j >= 0) {
      while (k < from!.owners.length && from!.owners[k]! < j) k++;
      for (; k < from!.owners.length && from!.owners[k] === j; k++) {
        findings.push(moved(from!.findings[k]!, ctx.doc.uri, at, shift));
        owners.push(i);
      }
      taken++;
      continue;
    }
    const made = rule.checkReference(r, checkCtx);
    const own = made instanceof Promise ? await made : made;
    if (!own) continue;
    for (const f of own) {
      findings.push(f);
      owners.push(i);
    }
  }
  return { findings, owners: Int32Array.from(owners), taken };
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
