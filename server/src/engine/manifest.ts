import { isIsoDate } from './calendar';
import { isDocumentNumber, kamerstukKey, parseKamerstukKey } from './identifiers';
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
    // Editors on Windows save JSON with a byte order mark, which JSON.parse rejects.
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { documents, problems: [`invalid JSON: ${(e as Error).message}`] };
  }
  if (!isObject(data)) return { documents, problems: ['the manifest must be a JSON object'] };
  const docs = data['documents'];
  if (docs === undefined) return { documents, problems: ['no "documents" object'] };
  if (!isObject(docs)) return { documents, problems: ['"documents" must be an object keyed by file name'] };
  for (const key of Object.keys(data)) {
    if (key !== 'documents' && key !== '$schema' && key !== '$comment') problems.push(`unknown field "${key}"`);
  }
  const written = new Map<string, string>();
  for (const [file, entry] of Object.entries(docs)) {
    const name = file.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    const earlier = written.get(name);
    if (earlier !== undefined) {
      problems.push(`${file}: names the same file as "${earlier}"; the first entry counts`);
      continue;
    }
    written.set(name, file);
    if (!isObject(entry)) {
      problems.push(`${file}: entry must be an object`);
      continue;
    }
    const facts: { -readonly [K in keyof KnownDocumentFacts]: KnownDocumentFacts[K] } = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'kamerstuk') {
        // Stored in one form ("36600-XIII-65"), however the manifest writes it ("kst-36600-xiii-65").
        const id = typeof value === 'string' ? parseKamerstukKey(value) : undefined;
        if (id) facts.kamerstuk = kamerstukKey(id);
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
    documents.set(name, facts);
  }
  return { documents, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
