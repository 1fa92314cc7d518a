import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileBundledCatalog, type BundledCatalogData } from '../catalog/bundledData';
import { BundledCatalogSource } from '../catalog/sources/bundled';
import { asciiJson, readDataFile } from './dataFiles';

// The build (esbuild.mjs) writes the other data files as this module writes the catalog.
export { asciiJson };

/** File names of the compiled data in dist/data/. */
export const CATALOG_FILE = 'catalog.json';

/** The folder of the compiled data next to the running bundle (dist/data). */
export function defaultDataDir(): string {
  return path.join(__dirname, 'data');
}

/** Reads the compiled bundled catalog. Throws with a clear message when it is missing or broken. */
export function loadBundledCatalog(dataDir: string): BundledCatalogData {
  const file = path.join(dataDir, CATALOG_FILE);
  let text: string;
  try {
    text = readDataFile(file);
  } catch (e) {
    throw new Error(`bundled catalog missing (${file}): ${(e as Error).message}`);
  }
  const data = JSON.parse(text) as BundledCatalogData;
  if (data.version !== 2 || !Array.isArray(data.documents) || !Array.isArray(data.outcomes)) throw new Error(`bundled catalog ${file} has an unknown format`);
  return data;
}

/**
 * Compiles the recorded sources (server/data/sources) into dist/data/catalog.json. Run by esbuild.mjs
 * at build time. Optional sources (research results) are used when present.
 */
export function compileBundledDataFiles(sourcesDir: string, outDir: string): { documents: number; motions: number; sample: number } {
  const read = (name: string): string => fs.readFileSync(path.join(sourcesDir, name), 'utf8');
  const optionalJson = (name: string): unknown => (fs.existsSync(path.join(sourcesDir, name)) ? JSON.parse(read(name)) : undefined);
  const data = compileBundledCatalog({
    seedCitations: JSON.parse(read('seed-citations.json')),
    motionsCsv: read('tk-motions-2023-2025.csv'),
    sampleCsv: read('documents_2000-2025_hundred-each-year.csv'),
    motionOutcomes: optionalJson('motion-outcomes.json'),
    documentFacts: optionalJson('document-facts.json'),
    ...(fs.existsSync(path.join(sourcesDir, 'motion-outcomes-2009-2023.csv')) ? { outcomesCsv: read('motion-outcomes-2009-2023.csv') } : {}),
  });
  fs.mkdirSync(outDir, { recursive: true });
  // The motions by name, indexed here once rather than at the first look-up of every process.
  const motionIndex = new BundledCatalogSource(data).motionIndex();
  fs.writeFileSync(path.join(outDir, CATALOG_FILE), asciiJson({ ...data, motionIndex }));
  return { documents: data.documents.length, motions: data.motions.length, sample: data.sample.length };
}
