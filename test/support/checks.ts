/** Running checks on in-memory letters: findings of chosen rules, their quick fixes, and the text after a fix. */
import type { Action } from '../../server/src/features/codeActions';
import { ruleByCode } from '../../server/src/features/diagnostics/rules';
import type { CheckedFinding, FixEdit } from '../../server/src/features/model';
import { applyEdits, testWorkspace, type TestWorkspace, type WorkspaceOptions } from './workspace';

/** A workspace whose checks are the rules with these codes. */
export function ruleWorkspace(codes: readonly string[], options: WorkspaceOptions = {}): TestWorkspace {
  return testWorkspace({
    ...options,
    rules: codes.map((c) => {
      const rule = ruleByCode(c);
      if (!rule) throw new Error(`no rule ${c}`);
      return rule;
    }),
  });
}

/** The quick fixes the editor offers for one finding (each for that finding alone). */
export function quickFixes(ws: TestWorkspace, f: CheckedFinding, all: readonly CheckedFinding[], createFiles = true): Action<CheckedFinding>[] {
  return ws.service.codeActions({ selected: [f], all, only: ['quickfix'], createFiles }).filter((a) => a.targets.length === 1);
}

/** The edits of an action (or fix) on one file. */
export function editsOn(action: { readonly edits: readonly FixEdit[] }, uri: string): FixEdit[] {
  return action.edits.filter((e) => e.uri === uri);
}

/** A text after the edits of an action on its file. */
export function applied(text: string, action: { readonly edits: readonly FixEdit[] }, uri: string): string {
  return applyEdits(text, editsOn(action, uri));
}
