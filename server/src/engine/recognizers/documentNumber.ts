import type { FlatText } from '../flatText';
import type { DocumentNumberReference } from '../model';
import { lazily } from '../lazily';

/**
 * A Tweede Kamer document number: the year, "D", a serial number (2025D44449). It stands alone or
 * inside a kenmerk ("31125-121/2022D38590") or link ("did=2025D44449"), but never glued to letters or
 * digits: Zaak numbers (2025Z19083), toezeggingen (TZ202509-007) and kenmerken like BS2022026055 are
 * other things. The serial is read short here ("2022D222") so that a number PDF extraction wrapped
 * over a line inside a link can be joined again; see `wrappedSerial`.
 */
const DOCUMENT_NUMBER = lazily(() => /(?<![\p{L}\p{N}])((?:19|20)\d{2}D)(\d{1,6})(?![\p{L}\p{N}])/gu);
/** A serial as the Tweede Kamer writes it: four to six digits (five in practice, "2020D06643"). */
const SERIAL_DIGITS_MIN = 4;
/** A serial wrapped over a line is joined only when the whole has the usual five digits. */
const WRAPPED_SERIAL_DIGITS = 5;
/** The digits that continue a wrapped serial at the next line's start. */
const CONTINUATION = lazily(() => /^(\d{1,4})(?![\p{L}\p{N}])/u);

/** Finds Tweede Kamer document numbers (2025D44449), also after "Kamerstuknummer". */
export function recognizeDocumentNumbers(flat: FlatText): DocumentNumberReference[] {
  const out: DocumentNumberReference[] = [];
  const text = flat.text;
  const re = new RegExp(DOCUMENT_NUMBER().source, DOCUMENT_NUMBER().flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + m[0].length;
    let serial = m[2]!;
    const more = wrappedSerial(flat, m.index, end, serial);
    if (more) {
      serial += more;
      end += 1 + more.length;
      re.lastIndex = end;
    } else if (serial.length < SERIAL_DIGITS_MIN) continue;
    out.push({ kind: 'documentNumber', span: flat.sourceSpan(m.index, end), text: flat.sourceText(m.index, end), number: m[1]! + serial });
  }
  return out;
}

/**
 * The rest of a serial that PDF extraction wrapped onto the next line inside a link
 * ("…&did=2022D222" + line break + "49; hieruit"): the number stands in a link (a token with "=" or
 * "/"), the line breaks right after its digits, the next line starts with digits, and together they
 * make a serial of the usual length. A number in running text is never wrapped that way.
 */
function wrappedSerial(flat: FlatText, start: number, end: number, serial: string): string | undefined {
  const text = flat.text;
  if (text.charCodeAt(end) !== 32 || serial.length >= WRAPPED_SERIAL_DIGITS) return undefined;
  const breakAt = flat.sourceOffset(end);
  const c = flat.source.charCodeAt(breakAt);
  if ((c !== 10 && c !== 13) || flat.sourceOffset(end - 1) + 1 !== breakAt) return undefined;
  const next = CONTINUATION().exec(text.slice(end + 1, end + 8));
  if (!next || serial.length + next[1]!.length !== WRAPPED_SERIAL_DIGITS) return undefined;
  return inLink(text, start) ? next[1] : undefined;
}

/** True when the token holding `at` (back to the previous space) is a link or path: it has "=" or "/". */
function inLink(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 300; i--) {
    const c = text.charCodeAt(i);
    if (c === 32) return false;
    if (c === 61 /* = */ || c === 47 /* / */) return true;
  }
  return false;
}
