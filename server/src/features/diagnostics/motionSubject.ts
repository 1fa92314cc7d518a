/**
 * What a motion is about: in the letter, the words after its mention ("de motie van het lid Ceder over
 * een verbod op fossiele reclame"); in the catalog, its title without the formula ("Motie van het lid
 * Ceder over …"). Rules compare the two to pick the motion a letter means.
 */
import type { MotionReference } from '../../engine/model';
import type { IndexedDocument } from '../model';
import { sentenceAround } from '../sentences';
import { contentWords, overlap } from '../words';

/** A motion title's subject: "Gewijzigde motie van het lid Dijk c.s. over een visie (t.v.v. 29826-12)" → "een visie". */
export function titleSubject(title: string): string {
  return title
    .replace(/^(?:gewijzigde\s+|nader\s+gewijzigde\s+)?motie\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?[^]*?\s(?:over|om|inzake|ter)\s/i, '')
    .replace(/\s*\(t\.v\.v\.[^)]*\)\s*$/i, '');
}

/** The subject a letter gives a motion right after naming it ("over …", "om …", "inzake …", "waarin … wordt gevraagd …"), as content words. */
export function letterSubject(doc: IndexedDocument, m: MotionReference): string[] {
  const sentence = sentenceAround(doc, m.span);
  const after = doc.text.slice(m.span.offset + m.span.length, sentence.offset + sentence.length);
  const cue = /^[\s,]*(?:\([^)]{0,80}\)\s*)?(?:over|om|inzake|betreffende|ter|die (?:vraagt|verzoekt|vroeg|verzocht)|waarin (?:wordt |werd )?(?:gevraagd|verzocht))\s+([^.;:()[\]]{3,240})/iu.exec(after);
  return cue ? contentWords(cue[1]!) : [];
}

/** How well a candidate's title fits the subject the letter gives, 0..1 (the share of the letter's words in it). */
export function subjectFit(subject: readonly string[], title: string): number {
  return overlap(subject, contentWords(titleSubject(title)));
}
