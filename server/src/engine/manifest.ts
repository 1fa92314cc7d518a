import { isIsoDate } from './calendar';
import { isDocumentNumber, parseKamerstukKey } from './identifiers';
import type { KnownDocumentFacts } from './model';

/** The file name of a folder's manifest. */
export const MANIFEST_FILE_NAME = 'kamerwijzer.json';

/**
 * A folder's manifest (kamerwijzer.json, schema in schemas/kamerwijzer.schema.json): what is known
 * of the documents in that folder, keyed by file name relative to the manifest. Letters extracted
 * from PDF often lack the header that names their own Kamerstuk and date; the manifest supplies it.
 *
 * {
 *   "documents": {
 *     "brief.txt": { "kamerstuk": "29826-147", "date": "2022-07-08", "title": "…", "documentNumber": "2022D30651" }
 *   }
 * }
 */
export interface Manifest {
  readonly documents: ReadonlyMap<string, KnownDocumentFacts>;
  /** Problems found, one line each; entries with problems keep their valid fields. */
  readonly problems: readonly string[];
}

/** Parses a manifest's text. Never throws: a broken manifest yields no entries and a problem. */
export function parseManifest(text: string): Manifest {
  const problems: string[] = [];
  const documents = new Map<string, KnownDocumentFacts>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { documents, problems: [`invalid JSON: ${(e as Error).message}`] };
  }
  if (!isObject(data)) return { documents, problems: ['the manifest must be a JSON object'] };
  const docs = data['documents'];
  if (docs === undefined) return { documents, problems: ['no "documents" object'] };
  if (!isObject(docs)) return { documents, problems: ['"documents" must be an object keyed by file name'] };
  for (const [file, entry] of Object.entries(docs)) {
    if (!isObject(entry)) {
      problems.push(`${file}: entry must be an object`);
      continue;
    }
    const facts: { -readonly [K in keyof KnownDocumentFacts]: KnownDocumentFacts[K] } = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'kamerstuk') {
        if (typeof value === 'string' && parseKamerstukKey(value)) facts.kamerstuk = value;
        else problems.push(`${file}: "kamerstuk" must look like "29826-147" or "36600-XIII-65"`);
      } else if (key === 'date') {
        if (typeof value === 'string' && isIsoDate(value)) facts.date = value;
        else problems.push(`${file}: "date" must be an ISO date (YYYY-MM-DD)`);
      } else if (key === 'title') {
        if (typeof value === 'string' && value.trim()) facts.title = value.trim();
        else problems.push(`${file}: "title" must be a non-empty string`);
      } else if (key === 'documentNumber') {
        if (typeof value === 'string' && isDocumentNumber(value)) facts.documentNumber = value;
        else problems.push(`${file}: "documentNumber" must look like "2025D44449"`);
      } else if (key !== 'note' && key !== '$comment') {
        problems.push(`${file}: unknown field "${key}"`);
      }
    }
    documents.set(file.replace(/\\/g, '/').replace(/^\.\//, ''), facts);
  }
  return { documents, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
