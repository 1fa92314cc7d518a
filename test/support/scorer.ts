/**
 * The project's scorer for reference recognition, following the matching rule of the annotation
 * guideline (test/fixtures/eval/GUIDELINE.md): a prediction matches a gold reference when the kind
 * is the same, the spans overlap and the normalized fields agree; each gold reference matches at
 * most one prediction. Precision, recall and F1 per kind.
 */

export const SCORED_KINDS = ['kamerstuk', 'dossier', 'documentNumber', 'motion', 'amount', 'deadline', 'handelingen'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface AnnotatedReference {
  readonly kind: string;
  readonly line?: number;
  readonly text?: string;
  readonly offset?: number;
  readonly length?: number;
  readonly dossier?: string;
  readonly nr?: string;
  readonly number?: string;
  readonly value?: number;
  readonly valueMax?: number;
  readonly start?: string;
  readonly end?: string;
  readonly submitters?: readonly string[];
  readonly chamber?: string | null;
  readonly year?: string;
  readonly item?: string | null;
  readonly aanhangsel?: boolean;
}

export interface AnnotatedFile {
  readonly file: string;
  readonly references: readonly AnnotatedReference[];
}

export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreReport {
  readonly kinds: Record<ScoredKind | 'all', KindScore>;
  /** "missed file:line kind text" and "spurious …" lines, for debugging. */
  readonly mistakes: string[];
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The span [start, end) of a reference: its offset when given, else its text at or near its line. */
export function locate(ref: AnnotatedReference, text: string, starts: readonly number[]): [number, number] | null {
  const t = ref.text ?? '';
  if (Number.isInteger(ref.offset)) {
    const len = Number.isInteger(ref.length) ? ref.length! : t.length;
    return [ref.offset!, ref.offset! + Math.max(1, len)];
  }
  if (!t) return null;
  const line = Math.max(1, ref.line ?? 1);
  let from = starts[line - 1] ?? 0;
  let at = text.indexOf(t, from);
  if (at < 0 || (starts[line] !== undefined && at >= starts[line]!)) {
    from = starts[Math.max(0, line - 3)] ?? 0;
    at = text.indexOf(t, from);
  }
  if (at < 0 || (starts[line + 2] !== undefined && at > starts[line + 2]!)) {
    const pattern = t.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    const re = new RegExp(pattern, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? [m.index, m.index + m[0].length] : null;
  }
  return [at, at + t.length];
}

const normDossier = (d: string | undefined): string => String(d ?? '').toUpperCase().replace(/\s+/g, '').replace(/-+/g, '-');
const close = (a: number | undefined, b: number | undefined): boolean =>
  typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), 1);
/** Surnames compare by their last word: "Van der Lee" ~ "Lee", "Aukje de Vries" ~ "De Vries". */
const lastName = (s: string): string => fold(s).split(' ').pop() ?? '';

/** Whether a prediction's normalized fields agree with a gold reference of the same kind. */
export function fieldsAgree(g: AnnotatedReference, p: AnnotatedReference): boolean {
  switch (g.kind) {
    case 'kamerstuk':
      return normDossier(g.dossier) === normDossier(p.dossier) && String(g.nr) === String(p.nr);
    case 'dossier':
      return normDossier(g.dossier) === normDossier(p.dossier);
    case 'documentNumber':
      return String(g.number).toUpperCase() === String(p.number ?? '').toUpperCase();
    case 'amount':
      return close(g.value, p.value) && (g.valueMax === undefined || close(g.valueMax, p.valueMax));
    case 'deadline':
      return g.end === p.end && (g.start === undefined || g.start === p.start);
    case 'motion': {
      const names = new Set((g.submitters ?? []).map(lastName));
      return (p.submitters ?? []).some((s) => names.has(lastName(s)));
    }
    case 'handelingen': {
      const year = (y: string | undefined): string => String(y ?? '').replace(/[\s\u2013\u2014/-]+/g, '-');
      if (Boolean(g.aanhangsel) !== Boolean(p.aanhangsel) || year(g.year) !== year(p.year) || String(g.nr) !== String(p.nr)) return false;
      if (g.chamber && String(g.chamber) !== String(p.chamber ?? '')) return false;
      return g.item === undefined || g.item === null || String(g.item) === String(p.item ?? '');
    }
    default:
      return false;
  }
}

const baseName = (f: string): string => f.split('/').pop()!;

/** Scores predictions against gold annotations; `textOf` gives a file's text by its base name. */
export function score(gold: readonly AnnotatedFile[], predicted: readonly AnnotatedFile[], textOf: (file: string) => string): ScoreReport {
  const tally = Object.fromEntries(SCORED_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<ScoredKind, { tp: number; fp: number; fn: number }>;
  const mistakes: string[] = [];
  const predByFile = new Map(predicted.map((f) => [baseName(f.file), f]));
  const isKind = (k: string): k is ScoredKind => (SCORED_KINDS as readonly string[]).includes(k);
  for (const g of gold) {
    const name = baseName(g.file);
    const text = textOf(name);
    const starts = lineStarts(text);
    const preds = (predByFile.get(name)?.references ?? []).filter((p) => isKind(p.kind));
    const pSpans = preds.map((p) => locate(p, text, starts));
    const used = new Set<number>();
    for (const gr of g.references) {
      if (!isKind(gr.kind)) continue;
      const gs = locate(gr, text, starts);
      let hit = -1;
      for (let i = 0; i < preds.length; i++) {
        const ps = pSpans[i];
        if (used.has(i) || preds[i]!.kind !== gr.kind || !ps || !gs) continue;
        if (ps[0] < gs[1] && gs[0] < ps[1] && fieldsAgree(gr, preds[i]!)) {
          hit = i;
          break;
        }
      }
      if (hit >= 0) {
        used.add(hit);
        tally[gr.kind].tp++;
      } else {
        tally[gr.kind].fn++;
        mistakes.push(`missed   ${name}:${gr.line} ${gr.kind} ${JSON.stringify(gr.text)}`);
      }
    }
    preds.forEach((p, i) => {
      if (used.has(i)) return;
      tally[p.kind as ScoredKind].fp++;
      const fields = Object.fromEntries(
        Object.entries(p).filter(([k]) => ['dossier', 'nr', 'number', 'value', 'valueMax', 'start', 'end', 'submitters', 'chamber', 'year', 'item', 'aanhangsel'].includes(k)),
      );
      mistakes.push(`spurious ${name}:${p.line ?? '?'} ${p.kind} ${JSON.stringify(p.text)} ${JSON.stringify(fields)}`);
    });
  }
  const kinds = {} as Record<ScoredKind | 'all', KindScore>;
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const k of SCORED_KINDS) {
    const { tp, fp, fn } = tally[k];
    all.tp += tp;
    all.fp += fp;
    all.fn += fn;
    kinds[k] = rates(tp, fp, fn);
  }
  kinds.all = rates(all.tp, all.fp, all.fn);
  return { kinds, mistakes };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function rates(tp: number, fp: number, fn: number): KindScore {
  const p = tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision: round3(p), recall: round3(r), f1: round3(p + r ? (2 * p * r) / (p + r) : 0) };
}
