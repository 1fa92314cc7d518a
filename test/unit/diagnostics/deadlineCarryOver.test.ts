/**
 * The statuses of a version's deadlines taken over from the version before an edit
 * (`deadlinesFollow` in features/diagnostics/deadlineStatus.ts) are what reading every deadline anew
 * gives: on random edit sequences of long real letters, with edits that add or remove deadlines,
 * tense, the letter's voice, footnote markers and notes, sentence ends and paragraph breaks, and
 * versions nobody asked about in between; with another date of today nothing is taken over. Most are
 * taken over (work is counted, never timed).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { DeadlineReference } from '../../../server/src/engine/model';
import { deadlinesFollow, deadlineStatus, deadlineWork } from '../../../server/src/features/diagnostics/deadlineStatus';
import type { IndexedDocument } from '../../../server/src/features/model';
import { params, realLetters, VOCABULARY } from '../../support/textArbitraries';
import { analyzedDocument } from '../../support/workspace';

const docOf = (text: string, version = 1): IndexedDocument => analyzedDocument(text, version);

/** Every deadline's status, in the analysis's order. */
function statuses(doc: IndexedDocument, today: string): (string | undefined)[] {
  return doc.analysis.references.filter((r): r is DeadlineReference => r.kind === 'deadline').map((r) => deadlineStatus(doc, r, today));
}

/** A dated letter of promises ("Ik informeer uw Kamer uiterlijk …"), some passed, whose status its sentence decides. */
const PROMISES = `Datum 12 maart 2024\n\n${Array.from(
  { length: 40 },
  (_, i) =>
    `Ik informeer uw Kamer uiterlijk 1 juli 2024 over de voortgang van de uitvoering. Het kabinet stuurt voor de zomer van 2025 een brief. De vorige brief werd toegezegd voor 1 maart 2022. Dit is alinea ${i}, met tekst om de termijnen uit elkaar te houden.`,
).join('\n\n')}\n`;

const INSERTS = [
  ...VOCABULARY,
  ' uiterlijk 1 juli 2024',
  ' voor de zomer van 2023',
  'Ik informeer uw Kamer ',
  'Het kabinet zou ',
  'werd toegezegd ',
  ' eerder ',
  '¹',
  '[^1]',
  '\n[^1]: Voor 1 maart 2022 wordt u geïnformeerd.\n',
  '\n\n',
  '. De ',
  '\n',
];

describe('deadline statuses taken over from the version before an edit', () => {
  it('are what reading every deadline anew gives, and most are taken over', function () {
    this.timeout(120_000);
    const letters = realLetters().filter((t) => t.length > 20_000);
    const long = letters.join('\n\n');
    const today = '2026-01-15';
    // Half of the edits land in the sentence before a deadline (up to 1,500 characters before it).
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      nearDeadline: fc.option(fc.record({ which: fc.nat(), before: fc.nat(1500) }), { freq: 1 }),
      remove: fc.nat(200),
      insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 })),
    });
    let carried = 0;
    let anew = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        let doc = docOf(which % 4 === 0 ? long : which % 4 === 1 ? PROMISES : letters[which % letters.length]!);
        statuses(doc, today);
        for (const [k, e] of edits.entries()) {
          const deadlines = doc.analysis.references.filter((r) => r.kind === 'deadline');
          const target = e.nearDeadline && deadlines.length ? deadlines[e.nearDeadline.which % deadlines.length]! : undefined;
          const at = target ? Math.max(0, target.span.offset - e.nearDeadline!.before) : Math.floor(e.at * doc.text.length);
          const text = doc.text.slice(0, at) + e.insert + doc.text.slice(at + (target ? Math.min(e.remove, e.nearDeadline!.before) : e.remove));
          const next = docOf(text, doc.version + 1);
          deadlinesFollow(next, doc);
          // Some versions are never asked (superseded at once): the next takes the statuses of the last one asked.
          if (k === edits.length - 1 || e.remove % 3 !== 0) {
            const before = { ...deadlineWork };
            const made = statuses(next, today);
            carried += deadlineWork.carried - before.carried;
            anew += deadlineWork.read - before.read;
            assert.deepEqual(made, statuses(docOf(text), today), `after edit ${k} at ${at}`);
          }
          doc = next;
        }
      }),
      params(30),
    );
    assert.ok(carried > 2 * anew, `${carried} taken over, ${anew} read anew`);
  });

  it('are read anew for another date of today', () => {
    const text = realLetters().filter((t) => t.length > 20_000).join('\n\n');
    const doc = docOf(text);
    statuses(doc, '2026-01-15');
    const edited = `${text.slice(0, 100)}x${text.slice(100)}`;
    const next = docOf(edited, 2);
    deadlinesFollow(next, doc);
    const before = { ...deadlineWork };
    const made = statuses(next, '2024-06-01');
    assert.equal(deadlineWork.carried, before.carried);
    assert.ok(made.length > 0);
    assert.deepEqual(made, statuses(docOf(edited), '2024-06-01'));
  });
});
