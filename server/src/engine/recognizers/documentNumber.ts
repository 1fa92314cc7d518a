import type { FlatText } from '../flatText';
import type { DocumentNumberReference } from '../model';

/**
 * A Tweede Kamer document number: the year, "D", a serial number (2025D44449). It stands alone or
 * inside a kenmerk ("31125-121/2022D38590") or link ("did=2025D44449"), but never glued to letters or
 * digits: Zaak numbers (2025Z19083), toezeggingen (TZ202509-007) and kenmerken like BS2022026055 are
 * other things.
 */
const DOCUMENT_NUMBER = /(?<![\p{L}\p{N}])(?:19|20)\d{2}D\d{4,6}(?![\p{L}\p{N}])/gu;

/** Finds Tweede Kamer document numbers (2025D44449), also after "Kamerstuknummer". */
export function recognizeDocumentNumbers(flat: FlatText): DocumentNumberReference[] {
  const out: DocumentNumberReference[] = [];
  const re = new RegExp(DOCUMENT_NUMBER.source, DOCUMENT_NUMBER.flags);
  for (let m = re.exec(flat.text); m; m = re.exec(flat.text)) {
    const end = m.index + m[0].length;
    out.push({ kind: 'documentNumber', span: flat.sourceSpan(m.index, end), text: flat.sourceText(m.index, end), number: m[0] });
  }
  return out;
}
