/**
 * The official sources on the command line: online or offline (--online / --offline; each command
 * has its default), other hosts (--officielebekendmakingen-url, --tweedekamer-url) and the cache
 * folder (--cache-dir; default the XDG cache folder). Offline, no request is made at all; the cache
 * still answers.
 */
import * as path from 'node:path';
import type { CatalogSource } from '../catalog/model';
import { DiskStore, defaultCacheDir } from '../io/diskStore';
import { diskData } from '../io/environment';
import { OfficialSources } from '../io/official';
import type { Messages } from '../l10n';
import { offlineByEnvironment } from '../lsp/settings';
import type { ParsedArgs } from './args';

export const ONLINE_FLAGS = ['--online', '--offline'] as const;
export const ONLINE_OPTIONS = ['--officielebekendmakingen-url', '--tweedekamer-url', '--cache-dir', '--max-pages'] as const;

export interface OnlineSetup {
  readonly official: OfficialSources;
  readonly store: DiskStore;
  /** Catalog sources: the official ones, then the bundled data. */
  readonly sources: readonly CatalogSource[];
  readonly bundledGlossary: ReturnType<typeof diskData>['bundledGlossary'];
}

/** The official sources as the flags say; a string is an input error to print. */
export function onlineSetup(args: ParsedArgs, onlineByDefault: boolean, dataDir: string, version: string, m: Messages, err: (s: string) => void): OnlineSetup | string {
  if (args.flags.has('--online') && args.flags.has('--offline')) return m.cli.onlineAndOffline;
  const online = (args.flags.has('--online') || (onlineByDefault && !args.flags.has('--offline'))) && !offlineByEnvironment();
  const urls: Record<string, string | undefined> = {};
  for (const o of ['--officielebekendmakingen-url', '--tweedekamer-url']) {
    const v = args.options.get(o);
    if (v === undefined) continue;
    if (!isHttpUrl(v)) return m.cli.badUrl(o, v);
    urls[o] = v;
  }
  const store = new DiskStore(path.resolve(args.options.get('--cache-dir') ?? defaultCacheDir()));
  const official = new OfficialSources(
    store,
    { online, ...(urls['--officielebekendmakingen-url'] ? { officielebekendmakingen: urls['--officielebekendmakingen-url'] } : {}), ...(urls['--tweedekamer-url'] ? { tweedekamer: urls['--tweedekamer-url'] } : {}) },
    { userAgent: `Kamerwijzer/${version} (+https://github.com/kamerwijzer/kamerwijzer)` },
  );
  const disk = diskData(dataDir, { warn: err, error: err });
  return { official, store, sources: [...official.sources, ...disk.sources], bundledGlossary: disk.bundledGlossary };
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
