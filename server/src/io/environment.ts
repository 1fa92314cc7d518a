/**
 * What the composition root needs from disk: the bundled catalog and glossary compiled into
 * dist/data. A missing or broken file is logged and Kamerwijzer goes on without it.
 */
import type { BundledCatalogData } from '../catalog/bundledData';
import type { CatalogSource } from '../catalog/model';
import { BundledCatalogSource } from '../catalog/sources/bundled';
import type { GlossaryData } from '../engine/glossary';
import { loadBundledCatalog } from './bundledData';
import { loadBundledGlossary } from './glossary';

const EMPTY_BUNDLE: BundledCatalogData = {
  version: 1,
  documents: [],
  dossierTitles: [],
  motions: [],
  sample: [],
  outcomes: [],
  motionSource: '',
  sampleSource: '',
  outcomeSource: '',
  notices: [],
};

export interface DiskData {
  readonly sources: readonly CatalogSource[];
  readonly bundledGlossary: () => GlossaryData;
}

/** The bundled data of `dataDir` as catalog sources and glossary, each read on first use. */
export function diskData(dataDir: string, log: { warn(message: string): void; error(message: string): void }): DiskData {
  const bundled = new BundledCatalogSource(() => {
    try {
      return loadBundledCatalog(dataDir);
    } catch (e) {
      log.error(`${(e as Error).message}; continuing without bundled data.`);
      return EMPTY_BUNDLE;
    }
  });
  return { sources: [bundled], bundledGlossary: () => loadBundledGlossary(dataDir, (problem) => log.warn(problem)) };
}
