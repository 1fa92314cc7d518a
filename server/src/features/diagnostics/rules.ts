/** Every diagnostics rule, in the order their findings are reported. */
import type { DiagnosticRule } from './model';
import { abbreviationUnexplained } from './rules/abbreviationUnexplained';
import { amountEnglishDecimal } from './rules/amountEnglishDecimal';
import { amountMixedNotation } from './rules/amountMixedNotation';
import { citationInconsistent } from './rules/citationInconsistent';
import { citationMalformed } from './rules/citationMalformed';
import { citationStyle } from './rules/citationStyle';
import { citationTitleMismatch } from './rules/citationTitleMismatch';
import { deadlineBeforeLetter } from './rules/deadlineBeforeLetter';
import { deadlinePassed } from './rules/deadlinePassed';
import { promisePassed } from './rules/promisePassed';
import { documentReplaced } from './rules/documentReplaced';
import { documentTitleWithoutCitation } from './rules/documentTitleWithoutCitation';
import { footnoteMissing } from './rules/footnoteMissing';
import { footnoteUnreferenced } from './rules/footnoteUnreferenced';
import { instrumentAbbreviationBeforeFullName } from './rules/instrumentAbbreviationBeforeFullName';
import { instrumentFullNameRepeated } from './rules/instrumentFullNameRepeated';
import { instrumentUnknownAbbreviation } from './rules/instrumentUnknownAbbreviation';
import { kamerstukUnknown } from './rules/kamerstukUnknown';
import { motionOutcomeConflict } from './rules/motionOutcomeConflict';
import { motionSubmittersMismatch } from './rules/motionSubmittersMismatch';
import { motionWithoutKamerstuk } from './rules/motionWithoutKamerstuk';

export const REFERENCE_RULES: readonly DiagnosticRule[] = [
  // Missing
  kamerstukUnknown,
  motionWithoutKamerstuk,
  footnoteMissing,
  footnoteUnreferenced,
  documentTitleWithoutCitation,
  // Wrong
  citationTitleMismatch,
  citationInconsistent,
  motionSubmittersMismatch,
  // Stale
  promisePassed,
  deadlinePassed,
  deadlineBeforeLetter,
  motionOutcomeConflict,
  documentReplaced,
  // Malformed
  citationMalformed,
  citationStyle,
  amountEnglishDecimal,
  amountMixedNotation,
];

/** House-style rules on policy instruments (they need the glossary: FeatureContext.glossaries). */
export const INSTRUMENT_RULES: readonly DiagnosticRule[] = [instrumentAbbreviationBeforeFullName, instrumentFullNameRepeated, instrumentUnknownAbbreviation, abbreviationUnexplained];

/** All rules. */
export const ALL_RULES: readonly DiagnosticRule[] = [...REFERENCE_RULES, ...INSTRUMENT_RULES];

export function ruleByCode(code: string): DiagnosticRule | undefined {
  return ALL_RULES.find((r) => r.code === code);
}
