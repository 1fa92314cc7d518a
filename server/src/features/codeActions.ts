/**
 * Quick fixes: the fixes each finding carries become actions, plus one "fix all" action per group
 * (citation style, amount notation, instrument names) and a source.fixAll action that applies every
 * preferred fix of the document. Plain data: the lsp floor makes LSP code actions of them.
 */
import { messages, type Locale } from '../l10n';
import type { Fix, FixAllGroup, FixEdit } from './model';

/** Anything that carries fixes: a finding, or what the editor sends back of one. */
export interface Fixable {
  readonly fixes?: readonly Fix[];
}

export type ActionKind = 'quickfix' | 'source.fixAll.kamerwijzer';

/** One action: its title, the findings it resolves, the edits and the files it creates first. */
export interface Action<T extends Fixable> {
  readonly title: string;
  readonly kind: ActionKind;
  readonly targets: readonly T[];
  readonly edits: readonly FixEdit[];
  readonly createFiles?: readonly string[];
  readonly preferred?: boolean;
}

export interface ActionRequest<T extends Fixable> {
  /** The findings at the place the editor asks about. */
  readonly selected: readonly T[];
  /** All current findings of the document (for the fix-all actions). */
  readonly all: readonly T[];
  /** Kinds the editor asks for (empty: all), LSP's hierarchical names ("quickfix", "source.fixAll"). */
  readonly only?: readonly string[];
  /** False when the editor cannot create files in an edit; fixes that create files are then left out. */
  readonly createFiles?: boolean;
}

export function codeActions<T extends Fixable>(request: ActionRequest<T>, locale: Locale): Action<T>[] {
  const m = messages(locale);
  const wants = (kind: ActionKind): boolean => !request.only?.length || request.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: Action<T>[] = [];
  const groupTitle: Record<FixAllGroup, string> = { citation: m.diag.fixAllCitations, amount: m.diag.fixAllAmounts, instrument: m.diag.instrument.fixAll };
  if (wants('quickfix')) {
    const groups = new Set<FixAllGroup>();
    for (const target of request.selected) {
      for (const fix of target.fixes ?? []) {
        if (fix.createFiles?.length && request.createFiles === false) continue;
        actions.push({ title: fix.title, kind: 'quickfix', targets: [target], edits: fix.edits, preferred: !!fix.preferred, ...(fix.createFiles?.length ? { createFiles: fix.createFiles } : {}) });
        if (fix.fixAllGroup) groups.add(fix.fixAllGroup);
      }
    }
    for (const group of groups) {
      const all = request.all.flatMap((t) => (t.fixes ?? []).filter((f) => f.fixAllGroup === group).slice(0, 1).map((f) => ({ t, f })));
      if (all.length < 2) continue;
      actions.push({ title: `${groupTitle[group]} (${all.length})`, kind: 'quickfix', targets: all.map((x) => x.t), edits: all.flatMap((x) => x.f.edits) });
    }
  }
  if (wants('source.fixAll.kamerwijzer')) {
    const preferred = request.all.flatMap((t) => (t.fixes ?? []).filter((f) => f.preferred && f.fixAllGroup).slice(0, 1).map((f) => ({ t, f })));
    if (preferred.length) {
      actions.push({ title: m.diag.fixAllKamerwijzer, kind: 'source.fixAll.kamerwijzer', targets: preferred.map((x) => x.t), edits: preferred.flatMap((x) => x.f.edits) });
    }
  }
  return actions;
}
