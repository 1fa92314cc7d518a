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
  version: 2,
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

/**
 * Tests only: `KAMERWIJZER_TEST_FAIL_ANALYSIS=MARKER` makes the analysis of every document whose text
 * holds MARKER throw, so that the command line and the language server can be seen to contain one
 * document's failure. Unset (always, outside tests): undefined.
 */
export function analysisFaultFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): ((uri: string, text: string) => void) | undefined {
  const marker = env['KAMERWIJZER_TEST_FAIL_ANALYSIS'];
  if (!marker) return undefined;
  return (uri, text) => {
    if (text.includes(marker)) throw new Error(`injected analysis failure (KAMERWIJZER_TEST_FAIL_ANALYSIS) in ${uri}`);
  };
}
